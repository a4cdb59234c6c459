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
    case object([(String, JSONValue)])

    static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// Pretty-printed with two-space indentation; empty arrays stay `[]`.
    func text(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .array(let items) where !items.isEmpty:
            return "[\n" + items.map { inner + $0.text(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let members) where !members.isEmpty:
            return "{\n" + members.map { "\(inner)\($0.0.jsonQuoted(escapingLessThan: true)): \($0.1.text(indent: inner))" }
                .joined(separator: ",\n") + "\n\(indent)}"
        default:
            return compactText()
        }
    }

    /// On one line without spaces, for data read by scripts (`search.json`).
    func compactText() -> String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .string(let value): output += value.jsonQuoted(escapingLessThan: true)
        case .number(let value): output += String(value)
        case .decimal(let value):
            // Whole numbers without `.0`; others as Swift prints them, the shortest form that reads back the same.
            output += value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .bool(let value): output += value ? "true" : "false"
        case .null: output += "null"
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                item.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += "," }
                output += key.jsonQuoted(escapingLessThan: true) + ":"
                value.write(to: &output)
            }
            output += "}"
        }
    }
}
