import DossierCore

/// The keys of `content/dossier.yml`.
struct ConfigFrontMatter: FrontMatterSchema {
    var title: String
    var description: String?
    var base_url: String?
    var language: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, description, base_url, language
    }
}

/// The front matter keys of an article file (DESIGN: "Article front matter").
struct ArticleFrontMatter: FrontMatterSchema {
    var title: String
    var date: String?
    var outlet: String?
    var author: String?
    var dateline: String?
    var url: String?
    var source: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, date, outlet, author, dateline, url, source
    }
}

/// An article a curator wrote or corrected, from `content/articles/<slug>.md`.
public struct CuratedArticle: Hashable, Sendable {
    public var article: Article

    public init(article: Article) {
        self.article = article
    }
}

/// Parsers for the content files, as pure functions of their text.
public enum ContentFile {
    /// Parses `content/dossier.yml`.
    public static func config(_ text: String, path: String) -> (DossierConfig?, [Diagnostic]) {
        let (document, problems) = FrontMatterDocument.parse(text, path: path, firstLine: 1)
        guard let document else { return (nil, problems) }
        let (decoded, decodeProblems) = document.decode(ConfigFrontMatter.self)
        guard let decoded else { return (nil, problems + decodeProblems) }
        let title = decoded.title.trimmed
        guard !title.isEmpty else {
            return (nil, [.error(document.location(ofValueFor: "title"), "'title' must not be empty")])
        }
        let config = DossierConfig(title: title, description: decoded.description?.trimmed.nonEmpty,
                                   baseURL: decoded.base_url?.trimmed.nonEmpty,
                                   language: decoded.language?.trimmed.nonEmpty ?? "en")
        return (config, [])
    }

    /// Parses a curated article file; its slug is its file name without `.md`.
    public static func article(_ text: String, path: String, slug: String) -> (CuratedArticle?, [Diagnostic]) {
        let (split, splitProblems) = FrontMatterSplit.split(text, path: path)
        guard let yaml = split.yaml else {
            let missing = Diagnostic.error(SourceLocation(path: path), "an article needs front matter with at least a 'title' (a '---' block at the top)")
            return (nil, splitProblems.isEmpty ? [missing] : splitProblems)
        }
        let (document, parseProblems) = FrontMatterDocument.parse(yaml, path: path, firstLine: split.yamlLine)
        guard let document else { return (nil, parseProblems) }
        let (decoded, problems) = document.decode(ArticleFrontMatter.self)
        guard let decoded else { return (nil, problems) }

        var issues: [Diagnostic] = []
        let title = decoded.title.trimmed
        if title.isEmpty { issues.append(.error(document.location(ofValueFor: "title"), "'title' must not be empty")) }
        var date: CalendarDate?
        if let text = decoded.date?.trimmed.nonEmpty {
            date = CalendarDate(iso: text)
            if date == nil {
                issues.append(.error(document.location(ofValueFor: "date"), "'date' must be a day written YYYY-MM-DD, found '\(text)'"))
            }
        }
        if let source = decoded.source?.trimmed.nonEmpty, !isRawReference(source) {
            issues.append(.error(document.location(ofValueFor: "source"), "'source' must name a raw file as raw/<file>.txt, found '\(source)'"))
        }
        guard issues.isEmpty else { return (nil, issues) }

        let metadata = ArticleMetadata(
            title: title, date: date, outlet: decoded.outlet?.trimmed.nonEmpty,
            author: decoded.author?.trimmed.nonEmpty, dateline: decoded.dateline?.trimmed.nonEmpty,
            url: decoded.url?.trimmed.nonEmpty, source: decoded.source?.trimmed.nonEmpty)
        let article = Article(slug: slug, metadata: metadata, body: split.body, path: path, bodyLine: split.bodyLine)
        return (CuratedArticle(article: article), [])
    }

    /// Whether `source` has the form `raw/<file>.txt` with no folder parts.
    static func isRawReference(_ source: String) -> Bool {
        guard source.hasPrefix("raw/"), source.hasSuffix(".txt") else { return false }
        let name = source.dropFirst(4)
        return !name.contains("/") && !name.hasPrefix(".")
    }
}
