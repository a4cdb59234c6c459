import DossierCore

/// Writes an article as a content file: YAML front matter, then the
/// Markdown body. What `dossier normalize` prints and `--write` saves; the
/// load stage reads it back to the same article.
public enum ArticleFileWriter {
    public static func text(metadata: ArticleMetadata, body: String) -> String {
        var lines = ["---", "title: \(quoted(metadata.title))"]
        if let date = metadata.date { lines.append("date: \(date)") }
        let optional: [(String, String?)] = [
            ("outlet", metadata.outlet), ("author", metadata.author), ("dateline", metadata.dateline),
            ("url", metadata.url), ("source", metadata.source),
        ]
        for case let (key, value?) in optional { lines.append("\(key): \(quoted(value))") }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n\n" + body
    }

    /// A YAML double-quoted scalar: always a string, whatever it looks like.
    static func quoted(_ value: String) -> String {
        var output = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                output += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
