import DossierCore

/// Turns a raw file's bytes into clean text: the encoding guessed and
/// decoded, line ends unified, odd spaces made plain.
public enum TextDecoding {
    /// What decoding made of a file.
    public enum Outcome: Equatable, Sendable {
        /// The text, with warnings about how it was read.
        case text(String, warnings: [String])
        /// The file holds no article (empty or binary); the reason says why.
        case skipped(reason: String)
    }

    /// Decodes UTF-8 (a BOM is dropped), UTF-16 with a BOM, and otherwise
    /// Windows-1252 with a warning. Empty and binary files are skipped.
    public static func decode(_ bytes: [UInt8]) -> Outcome {
        var warnings: [String] = []
        let text: String
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            text = decodeUTF16(bytes.dropFirst(2), bigEndian: bytes[0] == 0xFE)
        } else {
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
            if looksBinary(body) { return .skipped(reason: "binary file, not text") }
            if let utf8 = String(validating: body, as: UTF8.self) {
                text = utf8
            } else {
                let (line, column) = position(ofFirstInvalidUTF8In: body)
                warnings.append("not valid UTF-8 (first at line \(line), column \(column)); read as Windows-1252")
                text = decodeWindows1252(body)
            }
        }
        var cleaned = clean(text)
        if cleaned.containsByte(0), cleaned.contains("\u{0}") {
            cleaned.removeAll { $0 == "\u{0}" }
            warnings.append("NUL bytes removed")
        }
        if cleaned.allSatisfy(\.isWhitespace) { return .skipped(reason: "empty file") }
        return .text(cleaned, warnings: warnings)
    }

    /// Line ends become `\n`; non-breaking and other typographic spaces and
    /// tabs become plain spaces; invisible format characters are removed.
    static func clean(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            // Printable ASCII, most of any text, is copied a run at a time,
            // the rest scalar by scalar.
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var previousWasCR = false
            var index = 0
            while index < bytes.count {
                let runStart = index
                while index < bytes.count, (0x20..<0x7F).contains(bytes[index]) { index += 1 }
                if index > runStart {
                    output.append(contentsOf: bytes[runStart..<index])
                    previousWasCR = false
                }
                guard index < bytes.count else { break }
                let (scalar, end) = scalar(in: bytes, at: index)
                switch scalar.value {
                case 0x0D: output.append(UInt8(ascii: "\n"))
                case 0x0A: if !previousWasCR { output.append(UInt8(ascii: "\n")) }
                case 0x09, 0x0B, 0x0C, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                    output.append(UInt8(ascii: " "))
                case 0x200B, 0x2060, 0xFEFF, 0xAD: break
                case 0x01...0x08, 0x0E...0x1F, 0x7F...0x9F: break
                default: output.append(contentsOf: bytes[index..<end])
                }
                previousWasCR = scalar == "\r"
                index = end
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// The scalar whose UTF-8 starts at `start` in valid UTF-8, and the
    /// offset after it.
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Unicode.Scalar, end: Int) {
        guard bytes[start] >= 0x80 else { return (Unicode.Scalar(bytes[start]), start + 1) }
        var end = start + 1
        while end < bytes.count, UTF8.isContinuation(bytes[end]) { end += 1 }
        return (String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars.first!, end)
    }

    /// A file is binary when its first 8 KB hold NUL bytes or many control bytes.
    static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        let sample = bytes.prefix(8192)
        guard !sample.isEmpty else { return false }
        // One pass over every raw file's first 8 KB, for both counts.
        var (nul, control) = (0, 0)
        for byte in sample where byte < 0x20 {
            if byte == 0 { nul += 1 }
            if byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { control += 1 }
        }
        return nul * 100 > sample.count || control * 10 > sample.count
    }

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Windows-1252: Latin-1 with typographic characters in 0x80–0x9F.
    static func decodeWindows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if (0x80...0x9F).contains(byte), let mapped = windows1252High[Int(byte - 0x80)] {
                scalars.append(mapped)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    private static let windows1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    private static func position(ofFirstInvalidUTF8In bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let length = validSequenceLength(bytes, at: index)
            if length == 0 { break }
            if bytes[index] == 0x0A { line += 1; lineStart = index + 1 }
            index += length
        }
        let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
        return (line, column)
    }

    /// The length of the valid UTF-8 sequence at `index`, or 0 if it is invalid.
    private static func validSequenceLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.endIndex,
              String(validating: bytes[index..<index + length], as: UTF8.self) != nil else { return 0 }
        return length
    }
}
