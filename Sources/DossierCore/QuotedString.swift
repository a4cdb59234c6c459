extension String {
    /// This text as a JSON string literal, which is also a valid YAML
    /// double-quoted scalar. With `escapingLessThan`, `<` is written
    /// `\u003c`, so the JSON is safe to inline in an HTML page.
    public func jsonQuoted(escapingLessThan: Bool = false) -> String {
        var output: [UInt8] = []
        appendJSONQuoted(to: &output, escapingLessThan: escapingLessThan)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends ``jsonQuoted(escapingLessThan:)`` to `output`, copying runs
    /// of bytes that need no escape as they are.
    public func appendJSONQuoted(to output: inout [UInt8], escapingLessThan: Bool = false) {
        // The bytes read in place: a copy of the string to call `withUTF8`
        // on would retain and release it, and the same names and slugs are
        // written from both cores at once.
        DossierCore.withUTF8(of: self) { Self.appendJSONQuoted($0, to: &output, escapingLessThan: escapingLessThan) }
    }

    private static func appendJSONQuoted(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], escapingLessThan: Bool) {
        mayNeedJSONEscape.withUnsafeBufferPointer { mayNeedEscape in
            output.append(UInt8(ascii: "\""))
            var start = 0
            var index = 0
            while index < bytes.count {
                if !mayNeedEscape[Int(bytes[index])] {
                    index += 1
                    continue
                }
                let escape: JSONEscape
                switch bytes[index] {
                case UInt8(ascii: "\""): escape = .text("\\\"")
                case UInt8(ascii: "\\"): escape = .text("\\\\")
                case UInt8(ascii: "\n"): escape = .text("\\n")
                case UInt8(ascii: "\r"): escape = .text("\\r")
                case UInt8(ascii: "\t"): escape = .text("\\t")
                case UInt8(ascii: "<") where escapingLessThan: escape = .text("\\u003c")
                case let byte where byte < 0x20 || byte == 0x7F: escape = .unicode(UInt32(byte), length: 1)
                // U+2028 and U+2029 (E2 80 A8, E2 80 A9) end lines in JavaScript.
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (0xA8...0xA9).contains(bytes[index + 2]):
                    escape = .unicode(0x2000 + UInt32(bytes[index + 2]) - 0x80, length: 3)
                default:
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                switch escape {
                case .text(let text):
                    text.withUTF8Buffer { output.append(contentsOf: $0) }
                    index += 1
                case .unicode(let scalar, let length):
                    output.append(contentsOf: "\\u".utf8)
                    for shift in stride(from: 12, through: 0, by: -4) { output.append(hexDigits[Int(scalar >> UInt32(shift)) & 0xF]) }
                    index += length
                }
                start = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            output.append(UInt8(ascii: "\""))
        }
    }
}

/// How a byte of a JSON string is written: as a short escape, or as `\u`
/// and four hex digits for the `length` bytes of a scalar.
private enum JSONEscape {
    case text(StaticString)
    case unicode(UInt32, length: Int)
}

private let hexDigits = Array("0123456789abcdef".utf8)

/// The bytes the escaping looks at twice, by value: all others are copied
/// as they are, and most text is made of them.
private let mayNeedJSONEscape: [Bool] = (0...255).map { byte in
    byte < 0x20 || byte == 0x7F || [UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"), 0xE2].contains(UInt8(byte))
}
