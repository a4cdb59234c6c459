/// Sentence boundaries in a paragraph of news text, as UTF-8 offsets.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets
/// after it) followed by white space and a character that is not a
/// lower-case letter, unless the `.` ends a title or month abbreviation
/// (`Mr.`, `Gen.`, `Dec.`) or an initial (`U.S.`, `J. Smith`).
public enum Sentences {
    /// The sentences of `text`, in order, without the white space around them.
    public static func ranges(in text: [UInt8]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = skipSpace(text, from: 0)
        var index = start
        while index < text.count {
            let markAt = index
            let mark = text[markAt]
            guard mark == UInt8(ascii: ".") || mark == UInt8(ascii: "!") || mark == UInt8(ascii: "?") else {
                index += 1
                continue
            }
            let end = skipClosing(text, from: index + 1)
            guard end < text.count, isSpace(text[end]) else {
                index = end
                continue
            }
            let next = skipSpace(text, from: end)
            index = next
            guard next < text.count, !isLowercase(text[next]) else { continue }
            if mark == UInt8(ascii: "."), endsAbbreviation(text, dotAt: markAt) {
                continue
            }
            sentences.append(start..<end)
            start = next
        }
        var end = text.count
        while end > start, isSpace(text[end - 1]) { end -= 1 }
        if start < end { sentences.append(start..<end) }
        return sentences
    }

    /// Abbreviations whose `.` does not end a sentence.
    static let abbreviations: Set<String> = [
        "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Cmdr", "Prof", "Sen", "Rep", "Gov",
        "Pres", "Rev", "St", "Jr", "Sr", "Inc", "Corp", "Ltd", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
        "Sept", "Oct", "Nov", "Dec",
    ]

    /// Whether the `.` at `dot` ends an abbreviation or an initial.
    static func endsAbbreviation(_ text: [UInt8], dotAt dot: Int) -> Bool {
        var wordStart = dot
        while wordStart > 0, isASCIILetter(text[wordStart - 1]) { wordStart -= 1 }
        let word = text[wordStart..<dot]
        if word.count == 1, !isLowercase(word.first!) { return true }
        return abbreviations.contains(String(decoding: word, as: UTF8.self))
    }

    /// The offset after any further marks, closing quotes and brackets from `index`.
    static func skipClosing(_ text: [UInt8], from index: Int) -> Int {
        var index = index
        while index < text.count {
            switch text[index] {
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "\""), UInt8(ascii: "'"),
                 UInt8(ascii: ")"), UInt8(ascii: "]"):
                index += 1
            case 0xE2 where index + 2 < text.count && text[index + 1] == 0x80
                && (text[index + 2] == 0x9D || text[index + 2] == 0x99):  // ” or ’
                index += 3
            default:
                return index
            }
        }
        return index
    }

    static func skipSpace(_ text: [UInt8], from index: Int) -> Int {
        var index = index
        while index < text.count, isSpace(text[index]) { index += 1 }
        return index
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
    static func isLowercase(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }
    static func isASCIILetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || isLowercase(byte) }
}
