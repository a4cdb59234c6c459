import DossierCore

/// Reads the dates news sites print: `08 December 2017`, `Dec 08,2017`,
/// `Sunday, 21 October 2018`, `April 2, 2016 9:15 PM`, `08/12/2017`,
/// `2016-04-02`, `Published on 2016-04-02 by editor`. Numeric dates are
/// read day first (the international order) unless the numbers say
/// otherwise (`12/25/2017`). Nothing relative ("yesterday") is read: an
/// archived page has no reliable "now".
public enum NewsDate {
    /// A date when `text` is a date and nothing else (a time and zone may follow).
    public static func parse(_ text: String) -> CalendarDate? {
        let text = text.trimming(" ,.")
        guard hasDigit(text) else { return nil }
        // ISO dates start with a digit and have hyphens; numeric ones start
        // with a digit and have dots, slashes or hyphens.
        let startsWithDigit = startsWithDigit(text)
        if startsWithDigit, text.containsByte(UInt8(ascii: "-")), let match = text.wholeMatch(of: iso) {
            return CalendarDate(year: Int(match.1)!, month: Int(match.2)!, day: Int(match.3)!)
        }
        if startsWithDigit, numericDateSeparators.occur(in: text), let match = text.wholeMatch(of: numeric) {
            let first = Int(match.1)!, second = Int(match.2)!
            var year = Int(match.3)!
            if match.3.count == 2 { year += 2000 }
            return first > 12 || second <= 12
                ? CalendarDate(year: year, month: second, day: first)
                : CalendarDate(year: year, month: first, day: second)
        }
        guard let written = WrittenDate(text), let month = monthNumber(written.month) else { return nil }
        return CalendarDate(year: written.year, month: month, day: written.day)
    }

    /// The date of a header line that says only when the article appeared,
    /// with any prefix (`Published on`, `Updated:`) and a trailing `by NAME`.
    /// Returns nil when the line says anything else.
    public static func parseDateLine(_ line: String) -> (date: CalendarDate, author: String?)? {
        guard hasDigit(line) else { return nil }
        var text = Substring(line)
        var author: String?
        // Foundation's search ignoring case is slow; where the line's scalars
        // are its Characters, only ASCII can match " by ", byte by byte.
        if let by = line.scalarsAreCharacters ? text.firstByteRange(of: " by ", ignoringASCIICase: true)
                                              : text.range(of: " by ", options: .caseInsensitive) {
            author = String(text[by.upperBound...]).trimming(" .")
            text = text[..<by.lowerBound]
        }
        var found: CalendarDate?
        for part in splitParts(String(text)) {
            if startsWithDigit(part), timeSeparators.occur(in: part), part.wholeMatch(of: timeOfDay) != nil { continue }
            guard let date = parse(removingPrefix(part)) else { return nil }
            found = found ?? date
        }
        return found.map { ($0, author) }
    }

    /// Whether the text has a digit, as every date has: most text tried is
    /// no date, and a regular expression takes long to say so.
    static func hasDigit(_ text: String) -> Bool {
        text.utf8.contains { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            || !text.isPlainASCII && text.unicodeScalars.contains { $0.isNumber }
    }

    /// Whether the text starts with a digit, as times and ISO and numeric dates do.
    static func startsWithDigit(_ text: String) -> Bool {
        text.unicodeScalars.first?.isNumber == true
    }

    /// A line's parts, split where news sites put separators: ` | `, ` - `, ` • `.
    static func splitParts(_ line: String) -> [String] {
        partSeparators.split(line).map { $0.trimming(" ") }.filter { !$0.isEmpty }
    }

    /// `Published on 8 Dec 2017` → `8 Dec 2017`.
    static func removingPrefix(_ text: String) -> String {
        guard let first = text.utf8.first, datePrefixInitials.contains(asciiLowercased(first)),
              let match = text.prefixMatch(of: datePrefix) else { return text }
        return String(text[match.range.upperBound...])
    }

    static func monthNumber(_ word: Substring) -> Int? {
        let word = word.lowercased().trimming(".")
        guard word.count >= 3 else { return nil }
        if word == "sept" { return 9 }
        return CalendarDate.monthNames.firstIndex { $0.lowercased().hasPrefix(word) }.map { $0 + 1 }
    }

    private static let partSeparators = Separators([" | ", " - ", " – ", " — ", " • ", " · "])

    private static let numericDateSeparators = ByteNeedles([".", "/", "-"])

    private static let timeSeparators = ByteNeedles([":", "."])

    /// The letters the words of `datePrefix` start with.
    private static let datePrefixInitials = Set("pulmdo".utf8)

    // Every `\d` below is an ASCII digit (`asciiOnlyDigits`): the numbers
    // are read with `Int`, which reads no other digits, and a date written
    // in other digits (`٢٠١٧-١٢-٠٨`) is no date to them.

    private nonisolated(unsafe) static let datePrefix =
        #/(?i)(?:(?:published|posted|updated|last\s+updated|modified|date|dated)\s*(?:on|at)?\s*:?\s*|on\s+)/#

    private nonisolated(unsafe) static let timeOfDay = #/(?i)\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{2,5})?/#.asciiOnlyDigits()

    private nonisolated(unsafe) static let iso =
        #/(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/#.asciiOnlyDigits()

    private nonisolated(unsafe) static let numeric =
        #/(?i)(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?:,?\s+\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?/#.asciiOnlyDigits()

    /// A time (and zone) after a written date, as `written` reads it.
    nonisolated(unsafe) static let writtenTime = #/
        (?ix)
        ,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[a-z]{1,5}\)?|\s*[+-]\d{2}:?\d{2})?
        /#.asciiOnlyDigits()

    /// A date with its month's name; ``WrittenDate`` reads ASCII text as it does, without it.
    nonisolated(unsafe) static let written = #/
        (?ix)
        (?: (?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+ )?
        (?:
            (?<dayFirst>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?<monthAfter>[a-z]{3,9})\.?,?\s*(?<yearAfter>\d{4})
          | (?<monthFirst>[a-z]{3,9})\.?\s+(?<dayAfter>\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(?<yearFirst>\d{4})
        )
        (?: ,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[a-z]{1,5}\)?|\s*[+-]\d{2}:?\d{2})? )?
        /#.asciiOnlyDigits()
}
