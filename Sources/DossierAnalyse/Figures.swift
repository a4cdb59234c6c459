import DossierCore

/// A numeric interval; a nil bound is unbounded.
public struct FigureInterval: Hashable, Sendable, CustomStringConvertible {
    public var lower: Double?
    public var lowerInclusive: Bool
    public var upper: Double?
    public var upperInclusive: Bool

    public init(lower: Double?, lowerInclusive: Bool = true, upper: Double?, upperInclusive: Bool = true) {
        self.lower = lower
        self.lowerInclusive = lowerInclusive
        self.upper = upper
        self.upperInclusive = upperInclusive
    }

    /// The interval holding only `value`.
    public static func exactly(_ value: Double) -> FigureInterval {
        FigureInterval(lower: value, upper: value)
    }

    /// Whether the two intervals share at least one number.
    public func overlaps(_ other: FigureInterval) -> Bool {
        !intersection(other).isEmpty
    }

    /// The numbers in both intervals (possibly none: see `isEmpty`).
    public func intersection(_ other: FigureInterval) -> FigureInterval {
        var result = self
        if let bound = other.lower, lower.map({ bound > $0 || (bound == $0 && !other.lowerInclusive) }) ?? true {
            result.lower = bound
            result.lowerInclusive = other.lowerInclusive
        }
        if let bound = other.upper, upper.map({ bound < $0 || (bound == $0 && !other.upperInclusive) }) ?? true {
            result.upper = bound
            result.upperInclusive = other.upperInclusive
        }
        return result
    }

    /// Whether no number lies in the interval.
    public var isEmpty: Bool {
        guard let lower, let upper else { return false }
        return lower > upper || (lower == upper && !(lowerInclusive && upperInclusive))
    }

    /// A short readable form: `21`, `> 340000`, `≥ 12`, `≤ 250`, `< 5`, `7.2–8.8`.
    /// An interval from 0 reads as an upper limit, since figures count things;
    /// any other in brackets: `(1, 2]`.
    public var description: String {
        switch (lower, upper) {
        case let (lower?, upper?) where lower == upper && lowerInclusive && upperInclusive:
            return Self.format(lower)
        case let (lower?, nil):
            return (lowerInclusive ? "≥ " : "> ") + Self.format(lower)
        case let (0, upper?) where lowerInclusive:
            return (upperInclusive ? "≤ " : "< ") + Self.format(upper)
        case let (lower?, upper?) where lowerInclusive && upperInclusive:
            return Self.format(lower) + "–" + Self.format(upper)
        default:
            return (lower != nil && lowerInclusive ? "[" : "(") + (lower.map(Self.format) ?? "−∞") + ", "
                + (upper.map(Self.format) ?? "∞") + (upper != nil && upperInclusive ? "]" : ")")
        }
    }

    /// `340000` rather than `340000.0`; fractions as Swift prints them (`7.2`).
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// The period a figure is counted over, when its sentence names one.
public enum FigurePeriod: String, Sendable {
    case day, week, month, year
}

/// One figure found in a text: a number and what it counts.
public struct Figure: Hashable, Sendable {
    /// The phrase as written: `at least 12 civilians`, `about eight percent of Deir Ezzor province`.
    public var text: String
    /// The UTF-8 byte range of `text` in the input.
    public var range: Range<Int>
    /// The number as stated (12, 8, 340000, 1.5e6); for a range its lower end,
    /// for `dozens`, `hundreds`, … the lower bound they stand for.
    public var value: Double
    public var interval: FigureInterval
    public var isPercent: Bool
    /// What it counts, for display: `civilians`, `percent of Deir Ezzor province`.
    public var counted: String
    /// The grouping key: `counted` lower-cased, a counted noun made singular
    /// (`civilian`), a percent's name kept as it is (`percent of deir ezzor province`).
    public var key: String
    /// The period named after the figure in its sentence (`daily`, `in the past month`).
    public var period: FigurePeriod?
}

/// Finds figures in plain text with a hand-written scanner over words: one
/// pass to split the text into tokens, one forward pass to read the
/// figures; the words around a number are read only where there is one.
///
/// A figure is a number (digits such as `340,000` or `1.5`, number words such
/// as `twenty-one` or `a dozen`, optionally with a scale word such as
/// `million`) or a range (`10-12`, `10 to 12`, `between 10 and 12`), after any
/// qualifier (`more than`, `about`, …), followed by a percent sign or word, or
/// by a counted word: the next word, when it is not a stop word. `dozens`,
/// `scores`, `hundreds`, `thousands`, `millions` and `billions` (and compounds
/// such as `hundreds of thousands`) count only before `of` and a counted word. Years,
/// dates, ordinals, times and numbers joined to other characters (`6-year-old`,
/// `B-52`, `$5`, `08/12`) are not figures; neither is `from 10 to 12`, a change
/// rather than a range (only `12 …` is read), nor `12-10`, a range that
/// runs backwards. A range leaves out a qualifier before it: `about 10-12
/// civilians` is `10-12 civilians`.
public enum FigureExtractor {
    /// The figures in one paragraph of plain text (UTF-8), in order.
    public static func figures(in text: [UInt8]) -> [Figure] {
        FigureScanner(text, sentences: Sentences.ranges(in: text)).scan().map(\.figure)
    }

    /// The figures in one paragraph whose sentences (``Sentences/ranges(in:)``)
    /// are already known, each with the sentence it stands in.
    public static func mentions(in text: [UInt8], sentences: [Range<Int>], article: String) -> [FigureMention] {
        FigureScanner(text, sentences: sentences).scan().map {
            FigureMention(figure: $0.figure, article: article, sentence: String(decoding: text[$0.sentence], as: UTF8.self))
        }
    }
}

/// Where a figure was found.
public struct FigureMention: Hashable, Sendable {
    public var figure: Figure
    /// The slug of the article.
    public var article: String
    /// The sentence the figure stands in.
    public var sentence: String

    public init(figure: Figure, article: String, sentence: String) {
        self.figure = figure
        self.article = article
        self.sentence = sentence
    }
}

/// A word, number or single punctuation character of the text.
struct FigureToken {
    enum Kind { case word, number, mark }

    var kind: Kind
    var range: Range<Int>
    /// Whether white space (or the start of the text) comes right before it.
    var isSpaced: Bool
    /// What a word can mean in a figure, if anything.
    var word: FigureWord?
    /// The value of a number.
    var number: Double = 0
    /// Whether a number is digits only, without separators or decimals.
    var isPlainDigits = false
}

/// What a word can mean in a figure; looked up once, when the word is read.
enum FigureWord {
    /// `one` … `ninety-nine`.
    case number(Double)
    /// A word that multiplies the number before it: `dozen`, `hundred`, `million`.
    case scale(Double)
    /// A vague plural, with its unit: `dozens`, `hundreds`.
    case vague(Double)
    /// `daily`, `weekly`, `monthly`, `annually`, `yearly`.
    case period(FigurePeriod)
    /// `day`, `week`, `month`, `year`.
    case unit(FigurePeriod)
    /// `a`, which starts `a dozen` and `a day`.
    case a
    /// `per`, `each`, `every`, before a unit.
    case every
    /// `past`, `last`, `this`, before a unit.
    case recent
}

/// How a qualifier before a number turns it into an interval.
enum FigureQualifier {
    case above, atLeast, atMost, below, about, nearly

    func interval(_ value: Double) -> FigureInterval {
        switch self {
        case .above: FigureInterval(lower: value, lowerInclusive: false, upper: nil)
        case .atLeast: FigureInterval(lower: value, upper: nil)
        case .atMost: FigureInterval(lower: 0, upper: value)
        case .below: FigureInterval(lower: 0, upper: value, upperInclusive: false)
        // value * 9 / 10 rather than value * 0.9: 8 gives 7.2 exactly as printed.
        case .about: FigureInterval(lower: value * 9 / 10, upper: value * 11 / 10)
        case .nearly: FigureInterval(lower: value * 9 / 10, upper: value)
        }
    }
}

/// The scan of one paragraph.
struct FigureScanner {
    let text: [UInt8]
    let tokens: [FigureToken]
    let sentences: [Range<Int>]
    /// The index in `sentences` of each token's sentence.
    let sentenceOfToken: [Int]

    init(_ text: [UInt8], sentences: [Range<Int>]) {
        self.text = text
        tokens = Self.tokens(in: text)
        self.sentences = sentences
        var sentenceOfToken: [Int] = []
        sentenceOfToken.reserveCapacity(tokens.count)
        var sentence = 0
        for token in tokens {
            while sentence < sentences.count - 1, token.range.lowerBound >= sentences[sentence].upperBound { sentence += 1 }
            sentenceOfToken.append(sentence)
        }
        self.sentenceOfToken = sentenceOfToken
    }

    /// The figures in order, each with its sentence's range.
    func scan() -> [(figure: Figure, sentence: Range<Int>)] {
        var found: [(figure: Figure, sentence: Range<Int>)] = []
        var index = 0
        var floor = 0  // the first token not taken by an earlier figure
        func take(_ figure: (figure: Figure, next: Int)) {
            found.append((figure.figure, sentences[sentenceOfToken[index]]))
            index = figure.next
            floor = figure.next
        }
        while index < tokens.count {
            if let figure = vagueFigure(at: index) {
                take(figure)
            } else if let number = readNumber(at: index) {
                if let figure = numericFigure(number, at: index, floor: floor) {
                    take(figure)
                } else {
                    index = number.end
                }
            } else {
                index += 1
            }
        }
        return found
    }

    // MARK: - Reading one figure

    /// The figure whose number, read at token `start`, is `number`, and the
    /// token after it; qualifiers and `between` are looked for back to `floor`.
    func numericFigure(_ number: Number, at start: Int, floor: Int) -> (figure: Figure, next: Int)? {
        guard stands(alone: start) else { return nil }
        var first = start
        var value = number.value
        var end = number.end
        var interval = FigureInterval.exactly(value)
        var isQualified = false
        if start - 1 >= floor, isWord(start - 1, "between"), isWord(end, "and"), let upper = readNumber(at: end + 1),
           scaled(number, like: upper) <= upper.value {
            first = start - 1
            value = scaled(number, like: upper)
            interval = FigureInterval(lower: value, upper: upper.value)
            end = upper.end
        } else if let upper = rangeEnd(after: end), scaled(number, like: upper) <= upper.value,
                  !(isWord(end, "to") && isWord(start - 1, "from")) {
            value = scaled(number, like: upper)
            interval = FigureInterval(lower: value, upper: upper.value)
            end = upper.end
        } else if let qualifier = qualifier(before: start, floor: floor) {
            first = qualifier.start
            interval = qualifier.kind.interval(value)
            isQualified = true
        }
        guard isQualified || !number.isYear else { return nil }
        if let percent = percent(at: end) {
            let name = percent.ofName
            return make(from: first, through: name.last ?? percent.end - 1, value: value, interval: interval,
                        isPercent: true,
                        counted: "percent" + (name.isEmpty ? "" : " of " + name.map(tokenText).joined(separator: " ")),
                        key: "percent" + (name.isEmpty ? "" : " of " + name.map(lower).joined(separator: " ")))
        }
        guard isCountedWord(end) else { return nil }
        let counted = lower(end)
        return make(from: first, through: end, value: value, interval: interval, isPercent: false,
                    counted: counted, key: Self.singular(counted))
    }

    /// `dozens of civilians`, `hundreds of thousands of people`: at least two of the unit.
    func vagueFigure(at start: Int) -> (figure: Figure, next: Int)? {
        guard case .vague(var unit) = tokens[start].word else { return nil }
        var index = start + 1
        while isWord(index, "of"), isWord(index + 1), case .vague(let next) = tokens[index + 1].word {
            unit *= next
            index += 2
        }
        guard lower(start) != "tens" || index > start + 1, isWord(index, "of"), isCountedWord(index + 1) else {
            return nil
        }
        let counted = lower(index + 1)
        return make(from: start, through: index + 1, value: 2 * unit, interval: FigureInterval(lower: 2 * unit, upper: nil),
                    isPercent: false, counted: counted, key: Self.singular(counted))
    }

    func make(from first: Int, through last: Int, value: Double, interval: FigureInterval, isPercent: Bool,
              counted: String, key: String) -> (figure: Figure, next: Int) {
        let range = tokens[first].range.lowerBound..<tokens[last].range.upperBound
        let figure = Figure(text: String(decoding: text[range], as: UTF8.self), range: range, value: value,
                            interval: interval, isPercent: isPercent, counted: counted, key: key,
                            period: period(after: last))
        return (figure, last + 1)
    }

    /// The first period phrase after token `last` in its sentence: read
    /// for each figure, rather than noted for every token of the text, as
    /// most sentences have no figure.
    func period(after last: Int) -> FigurePeriod? {
        var index = last + 1
        while index < tokens.count, sentenceOfToken[index] == sentenceOfToken[last] {
            if let period = Self.period(startingAt: index, in: tokens, text: text) { return period }
            index += 1
        }
        return nil
    }

    // MARK: - Numbers

    struct Number {
        var value: Double
        /// The token after the number and its scale words.
        var end: Int
        /// The number before its first scale word: 1.5 in `1.5 million`.
        var leading: Double
        /// Whether a scale word (`million`) came after it.
        var isScaled: Bool
        /// Whether it is a bare four-digit year such as `2015`.
        var isYear: Bool
    }

    /// Digits or number words at `start`, with any scale words after them:
    /// `340,000`, `1.5 million`, `twenty-one`, `three hundred and five`, `a dozen`.
    func readNumber(at start: Int) -> Number? {
        guard start < tokens.count else { return nil }
        let first = tokens[start]
        var total = 0.0
        var current = 0.0
        var index = start + 1
        var lastSmall: Double?  // the previous word's value, when it was a number word
        if first.kind == .number {
            current = first.number
        } else {
            switch first.word {
            case .a:
                guard isWord(index), case .scale = tokens[index].word else { return nil }
            case .number(let small):
                current = small
                lastSmall = small
            case .scale:
                index = start  // read below with the other scale words
            default:
                return nil
            }
        }
        let isWords = first.kind == .word
        var leading = current
        var isScaled = false
        reading: while index < tokens.count, tokens[index].kind == .word, tokens[index].isSpaced || index == start {
            switch tokens[index].word {
            case .scale(let scale):
                if !isScaled { leading = max(current, 1) }
                if scale < 1000 {
                    current = max(current, 1) * scale
                } else {
                    total += max(current, 1) * scale
                    current = 0
                }
                isScaled = true
                lastSmall = nil
            case .number(let small)
                where isWords
                && (lastSmall.map { $0 >= 20 && $0.truncatingRemainder(dividingBy: 10) == 0 && small < 10 } ?? isScaled):
                current += small
                lastSmall = small
            case nil where isWords && lower(index) == "and" && isScaled && lastSmall == nil && isNumberWord(index + 1):
                break  // `three hundred and five`
            default:
                break reading
            }
            index += 1
        }
        let isYear = first.isPlainDigits && !isScaled && first.range.count == 4 && (1000...2100).contains(first.number)
        return Number(value: total + current, end: index, leading: leading, isScaled: isScaled, isYear: isYear)
    }

    func isNumberWord(_ index: Int) -> Bool {
        guard isWord(index), case .number = tokens[index].word else { return false }
        return true
    }

    /// The lower end of a range, taking the scale of the upper end when it
    /// has none and is not larger than it as stated: `1.5 to 2 million`.
    func scaled(_ lower: Number, like upper: Number) -> Double {
        guard !lower.isScaled, upper.isScaled, lower.value <= upper.leading else { return lower.value }
        return lower.value * (upper.value / upper.leading)
    }

    /// The upper end of a range after `-` (joined: `10-12`), `–` or `to` at `index`.
    func rangeEnd(after index: Int) -> Number? {
        guard index + 1 < tokens.count else { return nil }
        let token = tokens[index]
        let isHyphen = token.kind == .mark && lower(index) == "-" && !token.isSpaced && !tokens[index + 1].isSpaced
        let isEnDash = token.kind == .mark && lower(index) == "–"
        guard isHyphen || isEnDash || isWord(index, "to") else { return nil }
        return readNumber(at: index + 1)
    }

    /// Whether the number at `start` is not part of something else: a date
    /// (`June 18`, `Dec. 8`) or characters joined to it (`B-52`, `$5`, `08/12`).
    func stands(alone start: Int) -> Bool {
        guard start > 0 else { return true }
        let previous = tokens[start - 1]
        if !tokens[start].isSpaced && !Self.openings.contains(lower(start - 1)) { return false }
        let monthIndex = lower(start - 1) == "." && !previous.isSpaced && start > 1 ? start - 2 : start - 1
        return !(Self.months.contains(lower(monthIndex)) && isCapitalised(monthIndex))
    }

    // MARK: - Words around the number

    /// The qualifier that ends right before `start` and its first token.
    func qualifier(before start: Int, floor: Int) -> (kind: FigureQualifier, start: Int)? {
        // Every number is asked: the word right before it picks the few
        // qualifiers it can end, which are compared word by word.
        guard start - 1 >= floor, tokens[start - 1].kind == .word,
              let candidates = Self.qualifiersByLastWord[lower(start - 1)] else { return nil }
        for (earlierWords, kind) in candidates where start - 1 - earlierWords.count >= floor {
            let first = start - 1 - earlierWords.count
            guard (first..<start).allSatisfy({ isWord($0) || ($0 == first && tokens[$0].kind == .word) }),
                  earlierWords.indices.allSatisfy({ lower(first + $0) == earlierWords[$0] }) else { continue }
            return (kind, first)
        }
        return nil
    }

    /// A percent sign or word at `index`: the token after it, and the words
    /// of the name after `of` (none without `of`).
    func percent(at index: Int) -> (end: Int, ofName: [Int])? {
        guard index < tokens.count else { return nil }
        let end: Int
        if tokens[index].kind == .mark && lower(index) == "%" || isWord(index, "percent") || isWord(index, "pct") {
            end = index + 1
        } else if isWord(index, "per"), isWord(index + 1, "cent") {
            end = index + 2
        } else {
            return nil
        }
        guard isWord(end, "of") else { return (end, []) }
        return (end, name(from: isWord(end + 1, "the") ? end + 2 : end + 1))
    }

    /// The words of a name from `start` up to punctuation or a stop word, at
    /// most six; `of` (and `of the`) inside it only before a capital: `Republic of the Congo`.
    func name(from start: Int) -> [Int] {
        var words: [Int] = []
        var index = start
        while words.count < 6, isWord(index) {
            if lower(index) == "of", !words.isEmpty {
                let next = isWord(index + 1, "the") ? index + 2 : index + 1
                guard isWord(next), isCapitalised(next), !Self.nameStopWords.contains(lower(next)) else { break }
                words += index...next
                index = next + 1
            } else if Self.nameStopWords.contains(lower(index)) {
                break
            } else {
                words.append(index)
                index += 1
            }
        }
        return words
    }

    /// Whether token `index` can be what a number counts: a word after white
    /// space that is not a stop word.
    func isCountedWord(_ index: Int) -> Bool {
        guard isWord(index), !Self.stopWords.contains(lower(index)) else { return false }
        if case .vague = tokens[index].word { return false }
        return true
    }

    /// Whether token `index` is a word after white space (and is `word`, when given).
    func isWord(_ index: Int, _ word: String? = nil) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .word && tokens[index].isSpaced
            && (word == nil || lower(index) == word)
    }

    func isCapitalised(_ index: Int) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(text[tokens[index].range.lowerBound])
    }

    func tokenText(_ index: Int) -> String {
        String(decoding: text[tokens[index].range], as: UTF8.self)
    }

    /// Token `index` as figures compare it: a word lower-cased with `’` as
    /// `'`, a mark as written, a number empty. Made when asked for, near a
    /// number, rather than for every word of the text.
    func lower(_ index: Int) -> String {
        Self.lower(tokens[index], in: text)
    }

    static func lower(_ token: FigureToken, in text: [UInt8]) -> String {
        switch token.kind {
        case .word: lowerCased(text[token.range])
        case .mark: String(decoding: text[token.range], as: UTF8.self)
        case .number: ""
        }
    }

    /// The period named by the phrase starting at token `index`, if any:
    /// `daily`, `per week`, `last month` (not `last day`), `a day` (not `a day ago`), `annually`, ….
    static func period(startingAt index: Int, in tokens: [FigureToken], text: [UInt8]) -> FigurePeriod? {
        func unit(after index: Int) -> FigurePeriod? {
            guard index + 1 < tokens.count, tokens[index + 1].isSpaced, case .unit(let period) = tokens[index + 1].word
            else { return nil }
            return period
        }
        switch tokens[index].word {
        case .period(let period):
            return period
        case .every:
            return unit(after: index)
        case .recent:
            return unit(after: index).flatMap { $0 == .day ? nil : $0 }
        case .a:
            guard let period = unit(after: index),
                  index + 2 >= tokens.count || !momentWords.contains(lower(tokens[index + 2], in: text)) else { return nil }
            return period
        default:
            return nil
        }
    }

    /// `singular("civilians")` is `civilian`: regular plurals lose their
    /// ending (`-s`, `-es` after ss, x, zz, ch, sh; `-ies` becomes `-y`);
    /// irregular ones (`people`, `children`) stay as they are.
    static func singular(_ word: String) -> String {
        if ieSingulars.contains(word) || word.count <= 4 && word.hasSuffix("ies") { return String(word.dropLast()) }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if ["sses", "shes", "ches", "xes", "zzes"].contains(where: { word.hasSuffix($0) }) { return String(word.dropLast(2)) }
        if word.hasSuffix("s"), !["ss", "us", "is"].contains(where: { word.hasSuffix($0) }), !uncountedPlurals.contains(word) {
            return String(word.dropLast())
        }
        return word
    }

    // MARK: - Tokens

    static func tokens(in text: [UInt8]) -> [FigureToken] {
        var tokens: [FigureToken] = []
        tokens.reserveCapacity(text.count / 4)  // words average more than three letters and a space
        var index = 0
        var isSpaced = true
        while index < text.count {
            let byte = text[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                isSpaced = true
                index += 1
                continue
            }
            if byte == 0xC2, index + 1 < text.count, text[index + 1] == 0xA0 {  // no-break space
                isSpaced = true
                index += 2
                continue
            }
            let start = index
            if isDigit(byte) {
                index = numberEnd(in: text, from: index)
                let digits = text[start..<index].filter { $0 != UInt8(ascii: ",") }
                tokens.append(FigureToken(kind: .number, range: start..<index, isSpaced: isSpaced,
                                          number: Double(String(decoding: digits, as: UTF8.self)) ?? 0,
                                          isPlainDigits: digits.count == index - start && !digits.contains(UInt8(ascii: "."))))
            } else if let end = letterEnd(in: text, at: index) {
                index = end
                while let end = letterEnd(in: text, at: index) ?? joinedLetterEnd(in: text, at: index) { index = end }
                tokens.append(FigureToken(kind: .word, range: start..<index, isSpaced: isSpaced,
                                          word: vocabularyWord(text[start..<index])))
            } else {
                index = scalarEnd(in: text, at: index)
                tokens.append(FigureToken(kind: .mark, range: start..<index, isSpaced: isSpaced))
            }
            isSpaced = false
        }
        return tokens
    }

    /// The end of the digits at `start`, with `,` before groups of exactly
    /// three digits and one `.` before decimals: `340,000`, `1.5`; not `08,2017`.
    static func numberEnd(in text: [UInt8], from start: Int) -> Int {
        var index = start
        while index < text.count, isDigit(text[index]) { index += 1 }
        while index + 3 < text.count, text[index] == UInt8(ascii: ","),
              text[(index + 1)...(index + 3)].allSatisfy(isDigit), index + 4 == text.count || !isDigit(text[index + 4]) {
            index += 4
        }
        if index + 1 < text.count, text[index] == UInt8(ascii: "."), isDigit(text[index + 1]) {
            index += 1
            while index < text.count, isDigit(text[index]) { index += 1 }
        }
        return index
    }

    /// The end of the letter at `index`, if one starts there.
    static func letterEnd(in text: [UInt8], at index: Int) -> Int? {
        guard index < text.count else { return nil }
        let byte = text[index]
        if byte < 0x80 {
            return (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) ? index + 1 : nil
        }
        let scalar = WordBoundary.scalar(at: index, in: text)
        return WordBoundary.isWord(scalar) ? scalarEnd(in: text, at: index) : nil
    }

    /// The end of a letter after a hyphen or apostrophe inside a word (`al-Jarthi`, `Russia’s`).
    static func joinedLetterEnd(in text: [UInt8], at index: Int) -> Int? {
        guard index < text.count else { return nil }
        let joinerWidth: Int
        if text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "'") {
            joinerWidth = 1
        } else if index + 2 < text.count, text[index] == 0xE2, text[index + 1] == 0x80, text[index + 2] == 0x99 {
            joinerWidth = 3  // ’
        } else {
            return nil
        }
        return letterEnd(in: text, at: index + joinerWidth)
    }

    /// Lower-case, with `’` as `'` so both spellings share a key.
    static func lowerCased(_ bytes: ArraySlice<UInt8>) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (offset, byte) in bytes.enumerated() {
                    buffer[offset] = asciiLowercased(byte)
                }
                return bytes.count
            }
        }
        return String(decoding: bytes, as: UTF8.self).lowercased().replacing("’", with: "'")
    }

    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    /// The end of the character whose encoding starts at `index`; a
    /// malformed byte is a character of its own.
    static func scalarEnd(in text: [UInt8], at index: Int) -> Int {
        let lead = text[index]
        let width = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var end = index + 1
        while end < text.count, end < index + width, UTF8.isContinuation(text[end]) { end += 1 }
        return end
    }

    // MARK: - Vocabulary

    /// The words that can mean something in a figure.
    static let vocabulary: [String: FigureWord] = {
        let units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        let teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                     "nineteen"]
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        var words: [String: FigureWord] = [:]
        for (offset, word) in (units + teens).enumerated() { words[word] = .number(Double(offset + 1)) }
        for (tensOffset, tensWord) in tens.enumerated() {
            let value = Double(20 + 10 * tensOffset)
            words[tensWord] = .number(value)
            for (offset, unit) in units.enumerated() { words[tensWord + "-" + unit] = .number(value + Double(offset + 1)) }
        }
        for (word, scale) in ["dozen": 12, "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
                              "trillion": 1e12] as [String: Double] {
            words[word] = .scale(scale)
        }
        // `dozens of` is at least two dozen; `tens` only leads a compound (`tens of thousands`).
        for (word, unit) in ["tens": 10, "dozens": 12, "scores": 20, "hundreds": 1e2, "thousands": 1e3,
                             "millions": 1e6, "billions": 1e9] as [String: Double] {
            words[word] = .vague(unit)
        }
        for period in [FigurePeriod.day, .week, .month, .year] { words[period.rawValue] = .unit(period) }
        for (word, period) in ["daily": FigurePeriod.day, "weekly": .week, "monthly": .month, "annually": .year,
                               "yearly": .year] {
            words[word] = .period(period)
        }
        words["a"] = .a
        for word in ["per", "each", "every"] { words[word] = .every }
        for word in ["past", "last", "this"] { words[word] = .recent }
        return words
    }()

    /// What `word`, lower-cased, can mean in a figure. Every word of every
    /// article is asked, and few are in the vocabulary: a word whose
    /// ``shape(of:)`` no vocabulary word has is not looked up.
    static func vocabularyWord(_ word: String) -> FigureWord? {
        vocabularyShapes[shape(of: word.utf8)] ? vocabulary[word] : nil
    }

    /// ``vocabularyWord(_:)`` of the word with these bytes, lower-cased. An
    /// ASCII word's shape is read from its bytes, and the lower-cased
    /// string is made only for the few words of a shape in the vocabulary.
    static func vocabularyWord(_ bytes: ArraySlice<UInt8>) -> FigureWord? {
        guard let first = bytes.first, let last = bytes.last, bytes.allSatisfy({ $0 < 0x80 }) else {
            return vocabularyWord(lowerCased(bytes))
        }
        let shape = shape(count: bytes.count, first: asciiLowercased(first), last: asciiLowercased(last))
        return vocabularyShapes[shape] ? vocabulary[lowerCased(bytes)] : nil
    }

    /// A number from 0 to 4095 made of a word's length and its first and
    /// last bytes: words of different shapes differ. Read from the view,
    /// which a word (small, or native UTF-8) gives at once, without a copy.
    static func shape(of word: String.UTF8View) -> Int {
        guard let first = word.first, let last = word.last else { return 0 }
        return shape(count: word.count, first: first, last: last)
    }

    static func shape(count: Int, first: UInt8, last: UInt8) -> Int {
        (count &* 977 &+ Int(first) &* 31 &+ Int(last)) & 4095
    }

    /// Whether some word of the vocabulary has each shape.
    static let vocabularyShapes: [Bool] = vocabulary.keys.reduce(into: [Bool](repeating: false, count: 4096)) { shapes, word in
        shapes[shape(of: word.utf8)] = true
    }

    static let qualifiers: [String: FigureQualifier] = [
        "more than": .above, "over": .above, "above": .above, "in excess of": .above,
        "at least": .atLeast, "no fewer than": .atLeast, "no less than": .atLeast,
        "up to": .atMost, "as many as": .atMost, "no more than": .atMost, "at most": .atMost,
        "fewer than": .below, "less than": .below, "under": .below, "below": .below,
        "about": .about, "around": .about, "some": .about, "roughly": .about, "approximately": .about,
        "an estimated": .about,
        "nearly": .nearly, "almost": .nearly, "close to": .nearly,
    ]

    /// The qualifiers by their last word: the words before it, the longest first.
    static let qualifiersByLastWord: [String: [(earlierWords: [String], kind: FigureQualifier)]] =
        Dictionary(grouping: qualifiers.map { phrase, kind in (words: phrase.split(separator: " ").map(String.init), kind: kind) },
                   by: { $0.words.last! })
        .mapValues { phrases in phrases.map { (Array($0.words.dropLast()), $0.kind) }.sorted { $0.earlierWords.count > $1.earlierWords.count } }

    /// Words after `a day`, `a year` that make it a moment, not a period.
    static let momentWords: Set<String> = ["ago", "after", "before", "earlier", "later"]

    /// Marks a number may be joined to.
    static let openings: Set<String> = ["(", "[", "\"", "'", "“", "‘", "—"]

    /// Month names and abbreviations, lower-cased.
    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// Words a number cannot count: verbs of saying and being, function
    /// words, pronouns, percent words, time words, months, and the nouns of
    /// figures of speech ("one thing", "one way").
    static let stopWords: Set<String> = months.union([
        "said", "says", "say", "told", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
        "would", "could", "can", "may", "might", "must", "shall", "should", "do", "does", "did",
        "and", "or", "but", "nor", "than", "as", "if", "so", "yet",
        "of", "in", "on", "at", "to", "from", "with", "by", "for", "into", "onto", "over", "under", "about", "around",
        "between", "after", "before", "since", "until", "till", "during", "per", "ago",
        "the", "a", "an", "this", "that", "these", "those", "which", "who", "whom", "whose", "where", "when", "while",
        "it", "its", "they", "them", "their", "he", "him", "his", "she", "her", "we", "us", "our", "you", "your", "i",
        "not", "no", "more", "less", "fewer", "other", "another", "each", "every",
        "percent", "pct", "cent", "year-old", "years-old", "am", "pm",
        "thing", "things", "way", "ways",
    ])

    /// Where a name after `percent of` ends, besides punctuation.
    static let nameStopWords: Set<String> = stopWords.union(["still", "now", "already", "only", "just", "also"])

    /// Singulars in `-ie`, whose plural is not `-y` + `ies`.
    static let ieSingulars: Set<String> = ["sorties", "movies", "cookies", "rookies", "zombies", "calories", "selfies"]

    /// Words in `-s` that are not plurals of a word without it.
    static let uncountedPlurals: Set<String> = ["news", "series", "species"]
}
