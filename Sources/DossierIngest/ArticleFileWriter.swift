import DossierCore

/// Writes an article as a content file: YAML front matter, then the
/// Markdown body. What `dossier normalize` prints and `--write` saves; the
/// load stage reads it back to the same article.
public enum ArticleFileWriter {
    public static func text(metadata: ArticleMetadata, body: String) -> String {
        var lines = ["---", "title: \(metadata.title.jsonQuoted())"]
        if let date = metadata.date { lines.append("date: \(date)") }
        let optional: [(String, String?)] = [
            ("outlet", metadata.outlet), ("author", metadata.author), ("dateline", metadata.dateline),
            ("url", metadata.url), ("source", metadata.source),
        ]
        for case let (key, value?) in optional { lines.append("\(key): \(value.jsonQuoted())") }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n\n" + body
    }
}
