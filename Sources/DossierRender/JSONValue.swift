import DossierCore

/// A JSON value whose objects keep their keys in the order given, so
/// `dossier.json` reads in the order of its documented schema. Every `<`
/// in a string is escaped, so the text is also safe inside `<script>`.
indirect enum JSONValue {
    case string(String)
    case number(Int)
    case decimal(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// An array whose `count` elements are made one at a time as they are
    /// written, so that a long list (every article) is never held whole.
    case elements(count: Int, (Int) -> JSONValue)
    case object([(String, JSONValue)])

    static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// Pretty-printed with two-space indentation; empty arrays stay `[]`.
    func text() -> String {
        String(decoding: bytes(pretty: true), as: UTF8.self)
    }

    /// The UTF-8 text, pretty-printed, or on one line without spaces for
    /// data read by scripts (`search.json`); followed by a line break when
    /// `endingLine`, as a file's last line is.
    func bytes(pretty: Bool, endingLine: Bool = false) -> [UInt8] {
        var output: [UInt8] = []
        write(to: &output, indent: pretty ? 0 : nil)
        if endingLine { output.append(UInt8(ascii: "\n")) }
        return output
    }

    /// Writes the value at `indent` levels of two spaces; nil: compact.
    private func write(to output: inout [UInt8], indent: Int?) {
        /// A line break and the indentation of `level`, when pretty-printing.
        func breakLine(_ level: Int?) {
            guard let level else { return }
            output.append(UInt8(ascii: "\n"))
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
        }
        let inner = indent.map { $0 + 1 }
        switch self {
        case .string(let value): value.appendJSONQuoted(to: &output, escapingLessThan: true)
        case .number(let value): output.append(contentsOf: String(value).utf8)
        case .decimal(let value):
            // Whole numbers without `.0`; others as Swift prints them, the shortest form that reads back the same.
            output.append(contentsOf: (value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)).utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .null: output.append(contentsOf: "null".utf8)
        case .array(let items):
            JSONValue.elements(count: items.count) { items[$0] }.write(to: &output, indent: indent)
        case .elements(let count, let element):
            output.append(UInt8(ascii: "["))
            for index in 0..<count {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                breakLine(inner)
                element(index).write(to: &output, indent: inner)
            }
            if count > 0 { breakLine(indent) }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                breakLine(inner)
                key.appendJSONQuoted(to: &output, escapingLessThan: true)
                output.append(contentsOf: (indent == nil ? ":" : ": ").utf8)
                value.write(to: &output, indent: inner)
            }
            if !members.isEmpty { breakLine(indent) }
            output.append(UInt8(ascii: "}"))
        }
    }
}
