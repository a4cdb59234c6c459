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
    /// The entity mentions in the body, in document order.
    public var mentions: [Mention]

    /// The slugs of the entities the article mentions, sorted.
    public var entitySlugs: [String] { Set(mentions.map(\.entity)).sorted() }
}

/// The whole dossier after analysis: the one in-memory model that render
/// reads. Articles are in reading order: by date, then slug; undated last.
public struct AnalysedDossier: Sendable {
    public let config: DossierConfig
    public let articles: [AnalysedArticle]
    /// Every entity, sorted by slug.
    public let entities: [AnalysedEntity]
    public let diagnostics: [Diagnostic]
    private let articlePositions: [String: Int]
    private let entityPositions: [String: Int]

    public init(config: DossierConfig, articles: [AnalysedArticle], entities: [AnalysedEntity] = [],
                diagnostics: [Diagnostic]) {
        self.config = config
        self.articles = articles
        self.entities = entities
        self.diagnostics = diagnostics
        articlePositions = Self.positions(articles.map(\.article.slug))
        entityPositions = Self.positions(entities.map(\.entity.slug))
    }

    /// The article with `slug`, if any, found in constant time.
    public func article(_ slug: String) -> AnalysedArticle? {
        articlePositions[slug].map { articles[$0] }
    }

    /// The entity with `slug`, if any, found in constant time.
    public func entity(_ slug: String) -> AnalysedEntity? {
        entityPositions[slug].map { entities[$0] }
    }

    private static func positions(_ slugs: [String]) -> [String: Int] {
        Dictionary(slugs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

public enum Analyse {
    /// Parses every article and finds its entity mentions (in parallel),
    /// counts its words, links each to its neighbours in reading order, and
    /// gathers the mentions by entity.
    public static func run(_ content: IngestedContent) async -> AnalysedDossier {
        let ordered = content.articles.sorted(by: readingOrder)
        let index = EntityIndex(entities: content.entities)
        var analysed = await withTaskGroup(of: (Int, AnalysedArticle).self) { group in
            for (position, article) in ordered.enumerated() {
                let rawText = content.rawTexts[article.slug]
                group.addTask { (position, analyse(article, rawText: rawText, entities: index)) }
            }
            var results: [AnalysedArticle?] = Array(repeating: nil, count: ordered.count)
            for await (index, article) in group { results[index] = article }
            return results.compactMap { $0 }
        }
        for index in analysed.indices {
            analysed[index].previous = index > 0 ? analysed[index - 1].article.slug : nil
            analysed[index].next = index + 1 < analysed.count ? analysed[index + 1].article.slug : nil
        }
        let (entities, problems) = EntityAnalysis.run(content.entities.sorted { $0.slug < $1.slug }, articles: analysed)
        return AnalysedDossier(config: content.config, articles: analysed, entities: entities,
                               diagnostics: content.diagnostics + problems)
    }

    static func analyse(_ article: Article, rawText: String?, entities: EntityIndex) -> AnalysedArticle {
        let document = MarkdownDocument(parsing: article.body)
        let text = document.plainText()
        return AnalysedArticle(article: article, document: document, plainText: text, words: text.wordCount,
                               rawText: rawText, mentions: entities.mentions(in: document))
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
