import CommonMark
import DossierCore
import DossierIngest

/// An article with what analysis found in it. Its Markdown is parsed here,
/// once; render transforms and renders this same tree.
///
/// A class, and immutable: every page that lists an article holds it, from
/// both cores, and a copy of a structure would retain each of the sixteen
/// strings and lists it holds. Its neighbours in reading order are its
/// neighbours in ``AnalysedDossier/articles``.
public final class AnalysedArticle: Sendable {
    /// The article, its `body` left empty: the body lives on as `document`,
    /// which is all render reads, and a dossier of thousands of articles
    /// need not hold their Markdown twice.
    public let article: Article
    /// The parsed body. Owned by this article: use it from one task at a
    /// time. Render transforms it into the page's body, then empties it.
    public let document: MarkdownDocument
    /// The body's text without markup.
    public let plainText: String
    public let words: Int
    /// The decoded raw file the article comes from, if any.
    public let rawText: String?
    /// The entity mentions in the body, in document order.
    public let mentions: [Mention]
    /// The slugs of the entities the article mentions, sorted: found once,
    /// as the article's page and dossier.json both list them.
    public let entitySlugs: [String]
    /// Those entities' positions (``Mention/entityPosition``), in the same order.
    public let entityPositions: [Int]
    /// The sentences that carry or contest a claim, in document order.
    public let claimAppearances: [ClaimAppearance]

    init(article: Article, document: MarkdownDocument, plainText: String, words: Int, rawText: String?,
         mentions: [Mention], claimAppearances: [ClaimAppearance]) {
        (self.article, self.document, self.plainText, self.words, self.rawText) = (article, document, plainText, words, rawText)
        self.mentions = mentions
        // Positions follow slug order: the entities named are found by sorting numbers, not slugs.
        var (positions, slugs): ([Int], [String]) = ([], [])
        for index in mentions.indices.sorted(by: { mentions[$0].entityPosition < mentions[$1].entityPosition })
        where positions.last != mentions[index].entityPosition {
            positions.append(mentions[index].entityPosition)
            slugs.append(mentions[index].entity)
        }
        (entityPositions, entitySlugs) = (positions, slugs)
        self.claimAppearances = claimAppearances
    }
}

/// The whole dossier after analysis: the one in-memory model that render
/// reads. Articles are in reading order: by date, then slug; undated last.
public struct AnalysedDossier: Sendable {
    public let config: DossierConfig
    public let articles: [AnalysedArticle]
    /// Every entity, sorted by slug: the positions mentions give
    /// (``Mention/entityPosition``) are positions in this list.
    public let entities: [AnalysedEntity]
    /// Every claim, sorted by slug.
    public let claims: [AnalysedClaim]
    /// The figures of all articles grouped by what they count, sorted by slug.
    public let figures: [FigureGroup]
    /// The passages articles of different outlets share, in the order of
    /// their first copy.
    public let passages: [Passage]
    public let diagnostics: [Diagnostic]
    private let articlePositions: ByteStringNumbers
    private let entityPositions: ByteStringNumbers
    private let claimPositions: ByteStringNumbers
    private let passagesByArticle: [String: [Int]]

    public init(config: DossierConfig, articles: [AnalysedArticle], entities: [AnalysedEntity] = [],
                claims: [AnalysedClaim] = [], figures: [FigureGroup] = [], passages: [Passage] = [],
                diagnostics: [Diagnostic]) {
        self.config = config
        self.articles = articles
        self.entities = entities
        self.claims = claims
        self.figures = figures
        self.passages = passages
        self.diagnostics = diagnostics
        articlePositions = ByteStringNumbers(articles.lazy.map(\.article.slug))
        entityPositions = ByteStringNumbers(entities.lazy.map(\.entity.slug))
        claimPositions = ByteStringNumbers(claims.lazy.map(\.claim.slug))
        var passagesByArticle: [String: [Int]] = [:]
        for (number, passage) in passages.enumerated() {
            for copy in passage.copies { passagesByArticle[copy.article, default: []].append(number) }
        }
        self.passagesByArticle = passagesByArticle
    }

    /// The article with `slug`, if any, found in constant time.
    public func article(_ slug: String) -> AnalysedArticle? {
        articlePosition(slug).map { articles[$0] }
    }

    /// The position in `articles` of the article with `slug`, if any: for
    /// reading it in place, where a copy of all it holds would cost more.
    public func articlePosition(_ slug: String) -> Int? {
        articlePositions.number(of: slug)
    }

    /// The entity with `slug`, if any, found in constant time.
    public func entity(_ slug: String) -> AnalysedEntity? {
        entityPosition(slug).map { entities[$0] }
    }

    /// The position in `entities` of the entity with `slug`, if any: for
    /// reading it in place, where a copy of all it holds would cost more.
    public func entityPosition(_ slug: String) -> Int? {
        entityPositions.number(of: slug)
    }

    /// The claim with `slug`, if any, found in constant time.
    public func claim(_ slug: String) -> AnalysedClaim? {
        claimPositions.number(of: slug).map { claims[$0] }
    }

    /// This dossier with `articles` in place of those with the same slugs,
    /// each keeping its place, and so its neighbours; an article it does
    /// not have is left out. What spans articles is not gathered again: this
    /// is for showing edited articles at once, before the next full analysis.
    public func replacing(_ articles: [AnalysedArticle]) -> AnalysedDossier {
        var updated = self.articles
        for article in articles {
            guard let position = articlePositions.number(of: article.article.slug) else { continue }
            updated[position] = article
        }
        return AnalysedDossier(config: config, articles: updated, entities: entities, claims: claims, figures: figures,
                               passages: passages, diagnostics: diagnostics)
    }

    /// The numbers (indices into `passages`) of the passages the article
    /// with `slug` shares with others, in order.
    public func passages(in slug: String) -> [Int] {
        passagesByArticle[slug] ?? []
    }
}

public enum Analyse {
    /// Parses every article and finds its entity mentions, claim
    /// appearances and figures (in parallel), counts its words, puts the
    /// articles in reading order, and gathers what was found by
    /// entity, by claim and by what the figures count; then finds the
    /// passages articles share, so copies count once as sources of a claim.
    public static func run(_ content: consuming IngestedContent) async -> AnalysedDossier {
        var cache = AnalysisCache(keepingArticles: false)
        return await run(content, cache: &cache)
    }

    /// The same, analysing only the articles that changed since `cache` was
    /// filled; what the dossier as a whole shows is gathered afresh. Each
    /// article's Markdown is let go once it is parsed, unless the cache
    /// keeps it, so hand over `content` (`consume`) where it is not needed after.
    public static func run(_ content: consuming IngestedContent, cache: inout AnalysisCache) async -> AnalysedDossier {
        var inReadingOrder = content.articles
        content.articles = []  // so the list is the sort's alone, sorted where it lies rather than copied
        inReadingOrder.sort(by: readingOrder)
        let analyses = await analyseArticles(consume inReadingOrder, of: content, cache: &cache).all
        let articles = analyses.map(\.article)
        // What spans articles: figure groups, shared passages and entities
        // need only the articles, so they are gathered at once, and the
        // claims' sightings meanwhile; claims need the first two, and
        // entities the claims last of all.
        async let figureGroups = FigureGroups.group(analyses.map(\.figures))
        async let sharedPassages = Syndication.passages(in: analyses.map(\.syndicationText))
        async let entityAnalysis = EntityAnalysis.run(content.entities.sorted { $0.slug < $1.slug }, articles: articles)
        let sightings = ClaimSightings(articles)
        let figures = await figureGroups
        let claimFigures = sightings.figureGroupsOfSentences(figures)
        let passages = await sharedPassages
        var passageOf: [SentenceReference: Int] = [:]
        for (number, passage) in passages.enumerated() {
            for copy in passage.copies {
                for sentence in copy.sentences {
                    passageOf[SentenceReference(article: copy.article, paragraph: copy.paragraph, sentence: sentence)] = number
                }
            }
        }
        let (claims, claimProblems) = ClaimAnalysis.run(
            cache.claimIndex, sightings: sightings, matched: analyses.reduce(into: []) { $0.formUnion($1.matchedPhrases) },
            passageOf: passageOf, figureGroups: claimFigures, entities: cache.entityIndex)
        // Every article's figures and sentence hashes are freed on another
        // thread: here they would keep one core from the rest of the build.
        releaseInBackground(consume analyses)
        var (entities, entityProblems) = await entityAnalysis
        EntityAnalysis.attach(claims, to: &entities)
        return AnalysedDossier(config: content.config, articles: articles, entities: entities, claims: claims,
                               figures: figures, passages: passages, diagnostics: content.diagnostics + entityProblems + claimProblems)
    }

    /// Each of `articles` analysed by itself, against the entities and
    /// claims of the last run with `cache`, which keeps nothing of them: so
    /// that an edited article can be shown before the dossier is analysed
    /// again.
    public static func analyseAlone(_ articles: [(article: Article, rawText: String?)], cache: AnalysisCache) -> [AnalysedArticle] {
        articles.map {
            analyse($0.article, rawText: $0.rawText, entities: cache.entityIndex, claims: cache.claimIndex, keepingSource: false).article
        }
    }

    /// Each of `articles` analysed, in the same order, taken from `cache`
    /// where it holds the article as it is; and the positions of those
    /// analysed anew.
    static func analyseArticles(_ articles: consuming [Article], of content: IngestedContent,
                                cache: inout AnalysisCache) async -> (all: [ArticleAnalysis], fresh: [Int]) {
        cache.prepare(entities: content.entities, claims: content.claims)
        let (entityIndex, claimIndex, keepingSource) = (cache.entityIndex, cache.claimIndex, cache.keepsArticles)
        var results = articles.map { article -> ArticleAnalysis? in
            guard let kept = cache.articles[article.slug], kept.source == article,
                  kept.article.rawText == content.rawTexts[article.slug] else { return nil }
            return kept
        }
        let fresh = results.indices.filter { results[$0] == nil }
        await withTaskGroup(of: (Int, ArticleAnalysis).self) { group in
            for position in fresh {
                let (article, rawText) = (articles[position], content.rawTexts[articles[position].slug])
                articles[position].body = ""  // the task holds it now, and lets it go once it is parsed
                group.addTask {
                    (position, analyse(article, rawText: rawText, entities: entityIndex, claims: claimIndex, keepingSource: keepingSource))
                }
            }
            for await (position, result) in group { results[position] = result }
        }
        let analyses = results.indices.map { results[$0].take()! }  // moved, not copied: every article has its analysis by now
        if cache.keepsArticles {
            for position in fresh { cache.articles[articles[position].slug] = analyses[position] }
            cache.articles.keepOnly(articles.map(\.slug))
        }
        return (analyses, fresh)
    }

    /// What analysing one article gives, besides the article itself.
    /// Nothing in it depends on other articles, so it can be kept while the
    /// article, the entities and the claims stay the same.
    struct ArticleAnalysis: Sendable {
        /// The article as analysed, to tell when it changed: body included
        /// when a cache keeps the analysis, else left empty.
        var source: Article
        var article: AnalysedArticle
        var matchedPhrases: Set<ClaimIndex.PhraseOwner>
        /// The numbers with what they count, in document order: the dossier
        /// shows them grouped (``AnalysedDossier/figures``), so only this
        /// keeps them by article.
        var figures: [FigureMention]
        /// The article's sentences and their hashes, for finding shared passages.
        var syndicationText: SyndicationText
    }

    static func analyse(_ article: Article, rawText: String?, entities: EntityIndex, claims: ClaimIndex,
                        keepingSource: Bool) -> ArticleAnalysis {
        let document = MarkdownDocument(parsing: article.body)
        let text = document.plainText()
        let paragraphs = ParagraphText.paragraphs(of: document)
        let mentions = entities.mentions(in: paragraphs)
        let (appearances, matched) = claims.appearances(in: paragraphs, of: article.slug, mentions: mentions)
        var figures = paragraphs.flatMap { FigureExtractor.mentions(in: $0.bytes, sentences: $0.sentences, article: article.slug) }
        figures.releaseSpareCapacity()
        var withoutBody = article
        withoutBody.body = ""
        let analysed = AnalysedArticle(article: withoutBody, document: document, plainText: text, words: text.wordCount,
                                       rawText: rawText, mentions: mentions, claimAppearances: appearances)
        return ArticleAnalysis(source: keepingSource ? article : withoutBody, article: analysed, matchedPhrases: matched, figures: figures,
                               syndicationText: SyndicationText(article: article.slug, outlet: article.metadata.outlet,
                                                                paragraphs: paragraphs))
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

/// What analysis keeps from one build to the next while a dossier is
/// watched: each article's own analysis, reused while the article, its raw
/// text, the entities and the claims are unchanged. What spans articles
/// (entity and claim pages, figures, shared passages) is always gathered
/// afresh, so a build with a cache gives what a build without one does.
public struct AnalysisCache: Sendable {
    var entities: [Entity] = []
    var claims: [Claim] = []
    var entityIndex = EntityIndex(entities: [])
    var claimIndex = ClaimIndex(claims: [])
    var articles: [String: Analyse.ArticleAnalysis] = [:]
    /// Whether each article's analysis is kept for the next build; a
    /// build done once keeps none, and so no article's Markdown.
    let keepsArticles: Bool

    public init(keepingArticles: Bool = true) {
        keepsArticles = keepingArticles
    }

    /// Builds the indexes for `entities` and `claims`, forgetting every
    /// article's analysis when they differ from the last build's.
    mutating func prepare(entities: [Entity], claims: [Claim]) {
        guard entities != self.entities || claims != self.claims || articles.isEmpty else { return }
        self = AnalysisCache(keepingArticles: keepsArticles)
        self.entities = entities
        self.claims = claims
        entityIndex = EntityIndex(entities: entities)
        claimIndex = ClaimIndex(claims: claims)
    }
}
