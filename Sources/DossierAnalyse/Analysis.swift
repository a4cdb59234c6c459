import CommonMark
import DossierCore
import DossierIngest

/// An article with what analysis found in it. Its Markdown is parsed here,
/// once; render transforms and renders this same tree.
public struct AnalysedArticle: Sendable {
    public var article: Article
    /// The parsed body. Owned by this article: use it from one task at a time.
    public var document: MarkdownDocument
    /// The body's text without markup.
    public var plainText: String
    public var words: Int
    /// The slugs of the articles before and after this one in reading order.
    public var previous: String?
    public var next: String?
    /// The decoded raw file the article comes from, if any.
    public var rawText: String?
}

/// The whole dossier after analysis: the one in-memory model that render
/// reads. Articles are in reading order: by date, then slug; undated last.
public struct AnalysedDossier: Sendable {
    public let config: DossierConfig
    public let articles: [AnalysedArticle]
    public let diagnostics: [Diagnostic]
    private let positions: [String: Int]

    public init(config: DossierConfig, articles: [AnalysedArticle], diagnostics: [Diagnostic]) {
        self.config = config
        self.articles = articles
        self.diagnostics = diagnostics
        positions = Dictionary(articles.enumerated().map { ($1.article.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The article with `slug`, if any, found in constant time.
    public func article(_ slug: String) -> AnalysedArticle? {
        positions[slug].map { articles[$0] }
    }
}

public enum Analyse {
    /// Parses every article (in parallel), counts its words and links each
    /// to its neighbours in reading order.
    public static func run(_ content: IngestedContent) async -> AnalysedDossier {
        let ordered = content.articles.sorted(by: readingOrder)
        var analysed = await withTaskGroup(of: (Int, AnalysedArticle).self) { group in
            for (index, article) in ordered.enumerated() {
                let rawText = content.rawTexts[article.slug]
                group.addTask { (index, analyse(article, rawText: rawText)) }
            }
            var results: [AnalysedArticle?] = Array(repeating: nil, count: ordered.count)
            for await (index, article) in group { results[index] = article }
            return results.compactMap { $0 }
        }
        for index in analysed.indices {
            analysed[index].previous = index > 0 ? analysed[index - 1].article.slug : nil
            analysed[index].next = index + 1 < analysed.count ? analysed[index + 1].article.slug : nil
        }
        return AnalysedDossier(config: content.config, articles: analysed, diagnostics: content.diagnostics)
    }

    static func analyse(_ article: Article, rawText: String?) -> AnalysedArticle {
        let document = MarkdownDocument(parsing: article.body)
        let text = document.plainText()
        return AnalysedArticle(article: article, document: document, plainText: text, words: text.wordCount,
                               rawText: rawText)
    }

    /// By date, then slug; undated articles last.
    static func readingOrder(_ a: Article, _ b: Article) -> Bool {
        switch (a.metadata.date, b.metadata.date) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.slug < b.slug
        }
    }
}
