/// Finds a fixed set of strings in a text in one pass (Aho–Corasick), so the
/// cost per byte of text does not grow with the number of strings.
///
/// Matching is on UTF-8 bytes and case-sensitive. ``mentions(in:)`` keeps
/// only matches on word boundaries and resolves overlaps leftmost-longest:
/// of the candidates, the one starting first wins, then the longest, so
/// "United Nations Security Council" is one match, not also "United Nations".
public struct AliasMatcher: Sendable {
    /// An occurrence of pattern number `pattern` at UTF-8 offsets `range`.
    public struct Match: Hashable, Sendable {
        public var pattern: Int
        public var range: Range<Int>

        public init(pattern: Int, range: Range<Int>) {
            self.pattern = pattern
            self.range = range
        }
    }

    public let patterns: [String]
    private let lengths: [Int]
    /// Bytes that occur in no pattern share class 0, so the table stays small.
    private let byteClass: [Int32]
    /// How to leave each state (see ``Step``).
    private let steps: [Step]
    /// The transitions of the states that have a row, every class's:
    /// `rows[step.row + class]`.
    private let rows: [Int32]
    /// Whether each byte leads anywhere from the start state.
    private let startsPattern: [Bool]
    /// The pattern that ends exactly at each state, or -1.
    private let output: [Int32]
    /// The nearest state along the failure links that has an output, or -1.
    private let outputLink: [Int32]

    /// How the automaton leaves a state. A full row of transitions for every
    /// state made the table megabytes for a dossier's names, and reading a
    /// text waited on a cache miss per byte. Most states of a trie of names
    /// lead on by one byte only: those keep that byte's class and the state
    /// it leads to, and for any other byte the automaton goes on as from
    /// their failure state (a state that ends a path has no such byte). The
    /// start state and the states where the trie branches keep a full row,
    /// so a few hundred kilobytes hold the automaton.
    private struct Step {
        /// Where the state's row starts in `rows`, or -1 when it has none.
        var row: Int32
        /// The class of the one byte that leads on from a state without a row.
        var onlyClass: Int32
        var onlyNext: Int32
        var failure: Int32
    }

    /// A matcher for `patterns`; empty patterns never match, and of equal
    /// patterns only the first does. When `foldingASCII`, an ASCII capital
    /// in the text matches the small letter and any ASCII white space a
    /// space, as if the text had been lower-cased and its white space made
    /// spaces, byte for byte.
    public init(patterns: [String], foldingASCII: Bool = false) {
        self.patterns = patterns
        let encoded = patterns.map { Array($0.utf8) }
        lengths = encoded.map(\.count)

        var classes = [Int32](repeating: 0, count: 256)
        var count: Int32 = 1
        for byte in Set(encoded.joined()).sorted() {
            classes[Int(byte)] = count
            count += 1
        }
        if foldingASCII {
            for capital in UInt8(ascii: "A")...UInt8(ascii: "Z") { classes[Int(capital)] = classes[Int(capital | 0x20)] }
            for space in 0x09...0x0D { classes[space] = classes[0x20] }
        }
        byteClass = classes
        let classCount = Int(count)

        // The trie, with -1 for a missing edge.
        var table = [Int32](repeating: -1, count: classCount)
        var output: [Int32] = [-1]
        var parents: [(state: Int32, symbol: Int32)] = [(-1, -1)]
        for (index, bytes) in encoded.enumerated() where !bytes.isEmpty {
            var state = 0
            for byte in bytes {
                let slot = state * classCount + Int(classes[Int(byte)])
                if table[slot] < 0 {
                    table[slot] = Int32(output.count)
                    output.append(-1)
                    parents.append((Int32(state), classes[Int(byte)]))
                    table += repeatElement(-1, count: classCount)
                }
                state = Int(table[slot])
            }
            if output[state] < 0 { output[state] = Int32(index) }
        }

        // Breadth-first: complete every missing edge with the failure state's edge.
        var failure = [Int32](repeating: 0, count: output.count)
        var outputLink = [Int32](repeating: -1, count: output.count)
        var queue: [Int] = []
        for symbol in 0..<classCount {
            if table[symbol] < 0 { table[symbol] = 0 } else { queue.append(Int(table[symbol])) }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let fail = Int(failure[state])
            outputLink[state] = output[fail] >= 0 ? Int32(fail) : outputLink[fail]
            for symbol in 0..<classCount {
                let slot = state * classCount + symbol
                let fallback = table[fail * classCount + symbol]
                if table[slot] < 0 {
                    table[slot] = fallback
                } else {
                    failure[Int(table[slot])] = fallback
                    queue.append(Int(table[slot]))
                }
            }
        }
        // Each state's children in the trie, from the parents recorded as it was built.
        var children = [Int32](repeating: 0, count: output.count)
        var onlyChild = [(symbol: Int32, next: Int32)](repeating: (-1, -1), count: output.count)
        for (child, (parent, symbol)) in parents.enumerated() where child > 0 {
            children[Int(parent)] += 1
            onlyChild[Int(parent)] = (symbol, Int32(child))
        }
        var rows: [Int32] = []
        steps = output.indices.map { state in
            if state != 0 && children[state] < 2 {
                let (symbol, next) = onlyChild[state]  // (-1, -1) for a state that ends a path
                return Step(row: -1, onlyClass: symbol, onlyNext: next, failure: failure[state])
            }
            let row = Int32(rows.count)
            rows += table[(state * classCount)..<((state + 1) * classCount)]
            return Step(row: row, onlyClass: -1, onlyNext: -1, failure: failure[state])
        }
        self.rows = rows
        startsPattern = classes.map { table[Int($0)] != 0 }
        self.output = output
        self.outputLink = outputLink
    }

    /// Every occurrence of every pattern in `text`, overlapping ones
    /// included, ordered by where they end.
    public func occurrences(in text: [UInt8]) -> [Match] {
        var matches: [Match] = []
        // The automaton's tables are read without bounds checks: every
        // state and class they hold is one they were built with. From the
        // start state, the bytes that start no pattern (most of a text) are
        // passed over without a transition, which would lead back to it.
        text.withUnsafeBufferPointer { text in
            steps.withUnsafeBufferPointer { steps in
                rows.withUnsafeBufferPointer { rows in
                    byteClass.withUnsafeBufferPointer { byteClass in
                        startsPattern.withUnsafeBufferPointer { startsPattern in
                            output.withUnsafeBufferPointer { output in
                                outputLink.withUnsafeBufferPointer { outputLink in
                                    var state = 0
                                    var position = 0
                                    while position < text.count {
                                        if state == 0 {
                                            while position < text.count, !startsPattern[Int(text[position])] { position += 1 }
                                            guard position < text.count else { break }
                                        }
                                        let symbol = byteClass[Int(text[position])]
                                        var from = state
                                        while true {  // ends at the start state, which has a row
                                            let step = steps[from]
                                            if step.row >= 0 { state = Int(rows[Int(step.row) &+ Int(symbol)]); break }
                                            if step.onlyClass == symbol { state = Int(step.onlyNext); break }
                                            from = Int(step.failure)
                                        }
                                        var found = output[state] >= 0 ? state : Int(outputLink[state])
                                        while found >= 0 {
                                            let pattern = Int(output[found])
                                            matches.append(Match(pattern: pattern, range: (position + 1 - lengths[pattern])..<(position + 1)))
                                            found = Int(outputLink[found])
                                        }
                                        position += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return matches
    }

    /// The occurrences in `text` that stand on word boundaries and do not
    /// overlap, leftmost-longest first, in text order. `accept` can turn
    /// down a candidate before overlaps are resolved.
    public func mentions(in text: [UInt8], accept: (Match) -> Bool = { _ in true }) -> [Match] {
        let candidates = occurrences(in: text)
            .filter { WordBoundary.isWhole($0.range, in: text) && accept($0) }
            .sorted { ($0.range.lowerBound, $1.range.upperBound) < ($1.range.lowerBound, $0.range.upperBound) }
        var chosen: [Match] = []
        chosen.reserveCapacity(candidates.count)
        for candidate in candidates where candidate.range.lowerBound >= (chosen.last?.range.upperBound ?? 0) {
            chosen.append(candidate)
        }
        return chosen
    }
}

/// Where words start and end in UTF-8 text: a word character is a letter,
/// a combining mark or a digit, in any script.
public enum WordBoundary {
    /// Whether `range` of `text` holds whole words: no word character of the
    /// range touches a word character outside it. Hyphens, apostrophes and
    /// spaces are not word characters, so `Russia's` and `US-led` contain
    /// whole-word `Russia` and `US`.
    public static func isWhole(_ range: Range<Int>, in text: [UInt8]) -> Bool {
        guard !range.isEmpty else { return false }
        if range.lowerBound > 0,
           isWord(scalar(before: range.lowerBound, in: text)), isWord(scalar(at: range.lowerBound, in: text)) {
            return false
        }
        if range.upperBound < text.count,
           isWord(scalar(before: range.upperBound, in: text)), isWord(scalar(at: range.upperBound, in: text)) {
            return false
        }
        return true
    }

    public static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
            || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
    }

    /// The scalar whose encoding starts at `offset`; U+FFFD for malformed bytes.
    static func scalar(at offset: Int, in text: [UInt8]) -> Unicode.Scalar {
        var end = offset + 1
        while end < text.count, end < offset + 4, UTF8.isContinuation(text[end]) { end += 1 }
        return decode(text[offset..<end])
    }

    /// The scalar whose encoding ends just before `offset`.
    static func scalar(before offset: Int, in text: [UInt8]) -> Unicode.Scalar {
        var start = offset - 1
        while start > 0, start > offset - 4, UTF8.isContinuation(text[start]) { start -= 1 }
        return decode(text[start..<offset])
    }

    private static func decode(_ bytes: ArraySlice<UInt8>) -> Unicode.Scalar {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return "\u{FFFD}"
    }
}
