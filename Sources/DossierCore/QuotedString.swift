extension String {
    /// This text as a JSON string literal, which is also a valid YAML
    /// double-quoted scalar. With `escapingLessThan`, `<` is written
    /// `\u003c`, so the JSON is safe to inline in an HTML page.
    public func jsonQuoted(escapingLessThan: Bool = false) -> String {
        let escaped = replacingBytes { bytes, index in
            switch bytes[index] {
            case UInt8(ascii: "\""): ("\\\"", 1)
            case UInt8(ascii: "\\"): ("\\\\", 1)
            case UInt8(ascii: "\n"): ("\\n", 1)
            case UInt8(ascii: "\r"): ("\\r", 1)
            case UInt8(ascii: "\t"): ("\\t", 1)
            case UInt8(ascii: "<") where escapingLessThan: ("\\u003c", 1)
            case let byte where byte < 0x20 || byte == 0x7F: (Self.unicodeEscape(UInt32(byte)), 1)
            // U+2028 and U+2029 (E2 80 A8, E2 80 A9) end lines in JavaScript.
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (0xA8...0xA9).contains(bytes[index + 2]):
                (Self.unicodeEscape(0x2000 + UInt32(bytes[index + 2]) - 0x80), 3)
            default: nil
            }
        }
        return "\"" + escaped + "\""
    }

    /// `\u` and four lower-case hex digits.
    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
