extension String {
    /// This text as a JSON string literal, which is also a valid YAML
    /// double-quoted scalar. With `escapingLessThan`, `<` is written
    /// `\u003c`, so the JSON is safe to inline in an HTML page.
    public func jsonQuoted(escapingLessThan: Bool = false) -> String {
        var output = "\""
        for scalar in unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<" where escapingLessThan: output += "\\u003c"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}":
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}
