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

/// Calls `body` with the UTF-8 of `text`, in place when the string is
/// native (as slugs, paths and names are), else a copy: a copy of a native
/// string would retain and release it.
func withUTF8<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    var text = text
    return text.withUTF8(body)
}

/// Whether the byte is `\s` on ASCII: tab, line feed, vertical tab, form
/// feed, carriage return or space.
@inlinable public func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte &- 0x09 < 5 }

/// The byte with an ASCII capital letter made small; any other byte as it
/// is: how every stage folds the case of text it reads byte by byte.
@inlinable public func asciiLowercased(_ byte: UInt8) -> UInt8 {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
}

/// Words as `wordCount(upTo:)` counts them, in ASCII text, where a byte is
/// a Character, 64 bytes at a time, as ingest counts the words of every
/// line of every raw file and analysis those of every article. Each block
/// of 64 bytes becomes two masks, one bit a byte: its white space, and its
/// letters and digits. A token is counted at its first letter or digit,
/// which is the first bit set in `letters | spaces` at or after the token's
/// start: subtracting one bit at each start borrows up to that bit and
/// clears it. The limit is checked every 64 bytes.
@usableFromInline func countASCIIWords(_ bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> Int {
    var count = 0
    var tokenCounted = false  // the token running into the next block has been counted
    var blockStart = 0
    while blockStart < bytes.count && count <= limit {
        let (spaces, letters): (UInt64, UInt64)
        if bytes.count - blockStart >= 64 {
            (spaces, letters) = wordMasks(UnsafeRawPointer(bytes.baseAddress! + blockStart))
        } else {  // the last bytes, after them spaces, which end a token and count nothing
            var block = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
            (spaces, letters) = withUnsafeMutableBytes(of: &block) { block in
                block.initializeMemory(as: UInt8.self, repeating: 0x20)
                block.copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[blockStart...]))
                return wordMasks(UnsafeRawPointer(block.baseAddress!))
            }
        }
        let starts = (spaces << 1 | (tokenCounted ? 0 : 1)) & ~spaces
        let stops = letters | spaces
        let firsts = stops & ~(stops &- starts)
        count &+= (firsts & letters).nonzeroBitCount
        if spaces == 0 {
            tokenCounted = tokenCounted || letters != 0
        } else {
            let lastSpace = 63 - spaces.leadingZeroBitCount
            tokenCounted = lastSpace < 63 && letters >> (lastSpace + 1) != 0
        }
        blockStart += 64
    }
    return count > limit ? limit + 1 : count
}

/// The white space (space, \t \n \v \f \r) and the letters and digits
/// among the 64 ASCII bytes at `block`, one bit a byte, the first byte
/// lowest: eight bytes at a time, with arithmetic that cannot carry from
/// one byte into the next, as no byte is over 0x7F.
func wordMasks(_ block: UnsafeRawPointer) -> (spaces: UInt64, letters: UInt64) {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high = 0x80 * ones
    var (spaces, letters): (UInt64, UInt64) = (0, 0)
    for word in 0..<8 {
        let bytes = block.loadUnaligned(fromByteOffset: 8 * word, as: UInt64.self)
        let small = bytes | 0x20 * ones
        // A byte from `low` to `top` has its high bit set by adding 0x80 - low, and not by adding 0x7F - top.
        let letter = (small &+ (0x80 - 0x61) * ones) & ~(small &+ (0x7F - 0x7A) * ones)
        let digit = (bytes &+ (0x80 - 0x30) * ones) & ~(bytes &+ (0x7F - 0x39) * ones)
        let control = (bytes &+ (0x80 - 0x09) * ones) & ~(bytes &+ (0x7F - 0x0D) * ones)
        let space = ~((bytes ^ 0x20 * ones) &+ 0x7F * ones)  // high bit set only where the byte is 0x20
        spaces |= packedHighBits((control | space) & high) << (8 * word)
        letters |= packedHighBits((letter | digit) & high) << (8 * word)
    }
    return (spaces, letters)
}

/// The high bit of each byte of `flags` (its only bits), packed into the
/// low byte: the first byte's into bit 0.
func packedHighBits(_ flags: UInt64) -> UInt64 {
    ((flags >> 7) &* 0x0102_0408_1020_4080) >> 56
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
