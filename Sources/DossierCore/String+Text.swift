extension StringProtocol {
    /// The text without the given characters at either end.
    @inlinable public func trimming(_ characters: String) -> String {
        let text = String(self)
        // An ASCII byte at an end that is none of the ASCII `characters` ends
        // a Character that is none of them: nothing to trim there.
        if characters.isPlainASCII, let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80,
           !characters.utf8.contains(first), !characters.utf8.contains(last) {
            return text
        }
        let unwanted = Set(characters)
        guard let first = text.firstIndex(where: { !unwanted.contains($0) }),
              let last = text.lastIndex(where: { !unwanted.contains($0) }) else { return "" }
        return String(text[first...last])
    }

    /// The text without white space at either end.
    public var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }

    /// Whether the text is an absolute http(s) URL. Only such URLs from
    /// content become links, never `javascript:` or other schemes.
    public var isWebURL: Bool {
        let lowered = lowercased()
        return (lowered.hasPrefix("https://") || lowered.hasPrefix("http://")) && !contains(where: \.isWhitespace)
    }

    /// The text, or nil when it is empty.
    public var nonEmpty: String? { isEmpty ? nil : String(self) }

    /// Words as a reader counts them: space-separated tokens that hold a
    /// letter or digit (`Russia's` and `US-led` are one word each, `—` none).
    @inlinable public var wordCount: Int { wordCount(upTo: .max) }

    /// ``wordCount``, or `limit + 1` when there are more than `limit`
    /// words: counting stops soon after, for checks that only ask whether
    /// a line is short, on paragraphs of hundreds of words.
    @inlinable public func wordCount(upTo limit: Int) -> Int {
        let text = String(self)
        if text.isPlainASCII, let count = text.utf8.withContiguousStorageIfAvailable({ countASCIIWords($0, upTo: limit) }) {
            return count
        }
        return text.scalarsAreCharacters ? countWords(in: text.unicodeScalars, upTo: limit) : countWords(in: text, upTo: limit)
    }
}

/// The byte with an ASCII capital letter made small; any other byte as it
/// is: how every stage folds the case of text it reads byte by byte.
@inlinable public func asciiLowercased(_ byte: UInt8) -> UInt8 {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
}

/// Words as `wordCount(upTo:)` counts them, in ASCII text, where a byte is
/// a Character: with arithmetic on each byte and no branch on it, as ingest
/// counts the words of every line of every raw file. The limit is checked
/// every 64 bytes.
@usableFromInline func countASCIIWords(_ bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> Int {
    var count = 0
    var countedThisToken: UInt8 = 0  // 1 or 0, as the flags below, which are combined without branching
    var chunkStart = 0
    while chunkStart < bytes.count && count <= limit {
        let chunkEnd = min(chunkStart + 64, bytes.count)
        for byte in UnsafeBufferPointer(rebasing: bytes[chunkStart..<chunkEnd]) {
            let isWhitespace: UInt8 = (byte == 0x20 ? 1 : 0) | (byte &- 0x09 < 5 ? 1 : 0)  // space, \t \n \v \f \r
            let isLetterOrNumber: UInt8 = ((byte | 0x20) &- UInt8(ascii: "a") < 26 ? 1 : 0) | (byte &- UInt8(ascii: "0") < 10 ? 1 : 0)
            count &+= Int(isLetterOrNumber & ~countedThisToken)
            countedThisToken = (countedThisToken | isLetterOrNumber) & ~isWhitespace & 1
        }
        chunkStart = chunkEnd
    }
    return count > limit ? limit + 1 : count
}

/// Words as `wordCount(upTo:)` counts them, in a sequence of units.
@inlinable func countWords(in units: some Sequence<some TextUnit>, upTo limit: Int = .max) -> Int {
    var count = 0
    var countedThisToken = false
    for unit in units {
        if unit.isWhitespace {
            countedThisToken = false
        } else if !countedThisToken && unit.isLetterOrNumber {
            guard count <= limit else { break }
            count += 1
            countedThisToken = true
        }
    }
    return count
}

extension Duration {
    /// The duration in whole milliseconds, rounded, for reports.
    public var roundedMilliseconds: Int {
        Int((Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15).rounded())
    }
}

/// A count with its noun, singular or plural: `1 mention`, `3 mentions`;
/// with `separatingThousands`, as command summaries print large counts: `1,234 links`.
public func counted(_ count: Int, _ noun: String, separatingThousands: Bool = false) -> String {
    var digits = String(count)
    if separatingThousands {
        for position in stride(from: digits.count - 3, to: 0, by: -3) {
            digits.insert(",", at: digits.index(digits.startIndex, offsetBy: position))
        }
    }
    return "\(digits) \(noun)\(count == 1 ? "" : "s")"
}

extension String {
    /// `parts` one after another, made in one allocation: for markup made
    /// many times a page, where appending piece by piece would grow the
    /// string again and again.
    @inlinable public init(concatenating parts: String...) {
        let count = parts.reduce(0) { $0 + $1.utf8.count }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var written = 0
            for var part in parts {
                part.withUTF8 { bytes in
                    written = UnsafeMutableBufferPointer(rebasing: buffer[written...]).initialize(fromContentsOf: bytes) + written
                }
            }
            return written
        }
    }
}
