import DossierCore

/// A date written with its month's name, as ``NewsDate/written`` reads it:
/// `Sunday, 21 October 2018`, `3rd of March 2015`, `Dec 08,2017`,
/// `April 2, 2016 9:15 PM`. The month is as written (`Dec`, `Sept.` without
/// its dot); ``NewsDate`` says which month it is.
///
/// Most dates are ASCII, and a regular expression takes microseconds for
/// each: those are read byte by byte here, reaching the same verdict and
/// parts as the expression would (the tests compare the two on many
/// texts). Only a time after the year is left to an expression, as the
/// rest of the text. Any other text is read with the expression.
struct WrittenDate {
    var day: Int
    /// The month's name or abbreviation, as written.
    var month: Substring
    var year: Int

    /// The date when `text` is such a date and nothing else (a time and zone may follow).
    init?(_ text: String) {
        guard let date = text.isPlainASCII ? Self.readASCII(text) : Self.readWithExpression(text) else { return nil }
        self = date
    }

    private init(day: Int, month: Substring, year: Int) {
        (self.day, self.month, self.year) = (day, month, year)
    }

    /// What ``NewsDate/written`` makes of `text`.
    static func readWithExpression(_ text: String) -> WrittenDate? {
        guard let output = text.wholeMatch(of: NewsDate.written)?.output,
              let day = (output.dayFirst ?? output.dayAfter).flatMap({ Int($0) }),
              let month = output.monthAfter ?? output.monthFirst,
              let year = (output.yearAfter ?? output.yearFirst).flatMap({ Int($0) }) else { return nil }
        return WrittenDate(day: day, month: month, year: year)
    }

    /// The same as ``readWithExpression(_:)`` for ASCII text without a
    /// carriage return, where every byte is a `Character`.
    static func readASCII(_ text: String) -> WrittenDate? {
        let bytes = Array(text.utf8)
        // A weekday is optional: when the rest is no date after it, the text
        // is tried from its start, as the expression would backtrack.
        if let afterWeekday = Scanner(bytes).skippingWeekday(), let date = afterWeekday.date(in: text) { return date }
        return Scanner(bytes).date(in: text)
    }

    /// A position in the text's bytes, moved forward as each part of the date is read.
    private struct Scanner {
        let bytes: [UInt8]
        var offset = 0

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        /// After `(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+`, or nil.
        func skippingWeekday() -> Scanner? {
            guard bytes.count >= 3, Self.weekdays.contains(lowerCased(bytes[0..<3])) else { return nil }
            var scanner = self
            scanner.offset = 3
            _ = scanner.run(of: isLetter)
            scanner.skip(".")
            scanner.skip(",")
            return scanner.run(of: isASCIISpace) > 0 ? scanner : nil
        }

        /// The date from here to the end of `text`, whose bytes these are.
        ///
        /// The day first: `\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?`, the month
        /// `[a-z]{3,9}`, then `\.?,?\s*` and the year `\d{4}`. Or the month
        /// first: `[a-z]{3,9}\.?\s+`, the day `\d{1,2}(?:st|nd|rd|th)?\s*,?\s*`
        /// and the year; there the day's digits may run into the year's
        /// (`May 52017`). Each part's length leaves no choice, but for that.
        func date(in text: String) -> WrittenDate? {
            var scanner = self
            let day: Int, month: Range<Int>, year: Int
            if let first = scanner.peek, isDigit(first) {
                let digits = scanner.offset..<(scanner.offset + scanner.run(of: isDigit))
                guard digits.count <= 2 else { return nil }
                day = number(digits)
                scanner.skipOrdinalSuffix()
                scanner.skip(".")
                guard scanner.run(of: isASCIISpace) > 0 else { return nil }
                scanner.skipOf()
                month = scanner.offset..<(scanner.offset + scanner.run(of: isLetter))
                guard (3...9).contains(month.count) else { return nil }
                scanner.skip(".")
                scanner.skip(",")
                _ = scanner.run(of: isASCIISpace)
                guard let read = scanner.year() else { return nil }
                year = read
            } else {
                month = scanner.offset..<(scanner.offset + scanner.run(of: isLetter))
                guard (3...9).contains(month.count) else { return nil }
                scanner.skip(".")
                guard scanner.run(of: isASCIISpace) > 0 else { return nil }
                let digits = scanner.offset..<(scanner.offset + scanner.run(of: isDigit))
                switch digits.count {
                case 1...2:
                    day = number(digits)
                    scanner.skipOrdinalSuffix()
                    _ = scanner.run(of: isASCIISpace)
                    scanner.skip(",")
                    _ = scanner.run(of: isASCIISpace)
                    guard let read = scanner.year() else { return nil }
                    year = read
                case 5...6:  // the day's digits, then the year's four
                    day = number(digits.lowerBound..<(digits.upperBound - 4))
                    year = number((digits.upperBound - 4)..<digits.upperBound)
                default:
                    return nil
                }
            }
            guard scanner.offset == bytes.count || scanner.isTimeToEnd(of: text) else { return nil }
            let monthText = text.utf8.index(text.startIndex, offsetBy: month.lowerBound)
                ..< text.utf8.index(text.startIndex, offsetBy: month.upperBound)
            return WrittenDate(day: day, month: text[monthText], year: year)
        }

        /// The year: four digits (any more, and no time can follow).
        mutating func year() -> Int? {
            guard offset + 4 <= bytes.count, bytes[offset..<(offset + 4)].allSatisfy(isDigit) else { return nil }
            defer { offset += 4 }
            return number(offset..<(offset + 4))
        }

        /// Whether the rest of `text` is a time (and zone) that may follow a date.
        func isTimeToEnd(of text: String) -> Bool {
            text[text.utf8.index(text.startIndex, offsetBy: offset)...].wholeMatch(of: NewsDate.writtenTime) != nil
        }

        var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

        /// Moves past the bytes that satisfy `test`; returns how many.
        mutating func run(of test: (UInt8) -> Bool) -> Int {
            let start = offset
            while offset < bytes.count, test(bytes[offset]) { offset += 1 }
            return offset - start
        }

        mutating func skip(_ byte: Unicode.Scalar) {
            if peek == UInt8(ascii: byte) { offset += 1 }
        }

        /// Moves past `st`, `nd`, `rd` or `th`, in any case.
        mutating func skipOrdinalSuffix() {
            guard offset + 2 <= bytes.count, Self.ordinalSuffixes.contains(lowerCased(bytes[offset..<(offset + 2)])) else { return }
            offset += 2
        }

        /// Moves past `of` and the white space after it, when both are there.
        mutating func skipOf() {
            guard offset + 3 <= bytes.count, lowerCased(bytes[offset..<(offset + 2)]) == "of", isASCIISpace(bytes[offset + 2])
            else { return }
            offset += 2
            _ = run(of: isASCIISpace)
        }

        func number(_ digits: Range<Int>) -> Int {
            bytes[digits].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }

        func lowerCased(_ slice: ArraySlice<UInt8>) -> String {
            String(decoding: slice.map { isLetter($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        }

        static let weekdays: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]
    }
}

private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }
