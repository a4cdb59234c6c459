import DossierCore
import DossierLoad

/// The articles of a dossier, from its loaded content: raw files are
/// normalised, and a curated article whose `source:` names a raw file takes
/// that file's place.
public struct IngestedContent: Sendable {
    public var config: DossierConfig
    /// Every article, sorted by slug.
    public var articles: [Article]
    /// The decoded text of each raw file an article comes from, by the
    /// article's slug, so the site can show the source as received.
    public var rawTexts: [String: String]
    /// The curated entities, as loaded, sorted by slug.
    public var entities: [Entity]
    /// The curated claims, as loaded, sorted by slug.
    public var claims: [Claim]
    /// Load's diagnostics and ingest's own.
    public var diagnostics: [Diagnostic]

    public init(config: DossierConfig, articles: [Article], rawTexts: [String: String] = [:],
                entities: [Entity] = [], claims: [Claim] = [], diagnostics: [Diagnostic] = []) {
        self.config = config
        self.articles = articles
        self.rawTexts = rawTexts
        self.entities = entities
        self.claims = claims
        self.diagnostics = diagnostics
    }
}

public enum Ingest {
    /// Normalises the raw files (in parallel) and merges the curated articles.
    /// Slugs of raw articles come from their titles, made unique in the
    /// order of the raw files' names, so the result never depends on timing.
    public static func run(_ content: LoadedContent) async -> IngestedContent {
        var cache = IngestCache()
        return await run(content, cache: &cache)
    }

    /// The same, normalising only the raw files that changed since `cache`
    /// was filled.
    public static func run(_ content: LoadedContent, cache: inout IngestCache) async -> IngestedContent {
        var diagnostics = content.diagnostics
        var articles = content.curatedArticles.map(\.article)
        let taken = Set(articles.map(\.slug))

        var replaced: [String: String] = [:]
        for article in articles {
            guard let source = article.metadata.source else { continue }
            if let earlier = replaced[source] {
                diagnostics.append(.error(SourceLocation(path: article.path),
                                          "'\(source)' is already replaced by content/articles/\(earlier).md"))
            }
            replaced[source] = article.slug
        }
        let rawReferences = Set(content.rawFiles.map(\.reference))
        for (source, slug) in replaced.sorted(by: { $0.key < $1.key }) where !rawReferences.contains(source) {
            diagnostics.append(.warning(SourceLocation(path: "content/articles/\(slug).md"),
                                        "source '\(source)' names no file in content/raw/"))
        }

        var rawTexts: [String: String] = [:]
        rawTexts.reserveCapacity(content.rawFiles.count)
        for file in content.rawFiles {
            if let slug = replaced[file.reference], case .text(let text, _) = TextDecoding.decode(file.bytes) {
                rawTexts[slug] = text
            }
        }
        let toNormalize = content.rawFiles.filter { replaced[$0.reference] == nil }
        let normalized = await normalizeAndName(toNormalize, avoiding: taken, cache: &cache)
        articles.reserveCapacity(articles.count + normalized.count)
        for named in normalized {
            diagnostics += named.diagnostics
            guard let normalization = named.normalization, let slug = named.slug else { continue }
            rawTexts[slug] = normalization.sourceText
            articles.append(Article(slug: slug, metadata: normalization.metadata, body: normalization.body,
                                    path: named.file.path, bodyLine: normalization.bodyLine))
        }
        releaseInBackground(consume normalized)  // every file's body, decisions and diagnostics: some hundred thousand objects
        articles.sort { $0.slug < $1.slug }
        return IngestedContent(config: content.config, articles: articles, rawTexts: rawTexts,
                               entities: content.entities, claims: content.claims, diagnostics: diagnostics)
    }

    /// The article an edited file gives, as a full ingest would make it,
    /// in the place of `previous`, the article the file gave in the last
    /// build (whose raw text was `previousRawText`); nil when that cannot be
    /// known without the rest of the content: the file has an error, or its
    /// slug might change (a raw article's title gives another slug; a
    /// curated article names another `source:`). This is for showing an
    /// edited article at once, before the whole content is ingested again.
    public static func reingest(_ source: ContentLoader.ArticleSource, previous: Article,
                                previousRawText: String?) -> (article: Article, rawText: String?)? {
        switch source {
        case .raw(let file):
            guard case let (normalization?, diagnostics) = Normalizer.normalize(file), !diagnostics.containsErrors,
                  previous.path == file.path,
                  Slug.make(from: normalization.metadata.title) == Slug.make(from: previous.metadata.title) else { return nil }
            return (Article(slug: previous.slug, metadata: normalization.metadata, body: normalization.body, path: file.path,
                            bodyLine: normalization.bodyLine), normalization.sourceText)
        case .curated(let curated):
            guard curated.article.slug == previous.slug, curated.article.metadata.source == previous.metadata.source
            else { return nil }
            return (curated.article, previousRawText)
        }
    }

    /// A raw file, what ingest made of it, and the slug its article gets.
    public struct NamedNormalization: Sendable {
        public var file: RawFile
        /// Nil when the file was skipped (empty, binary).
        public var normalization: Normalization?
        public var slug: String?
        public var diagnostics: [Diagnostic]
        /// The slug the article's title gives, before it is made unique.
        var slugBase: String?
    }

    /// Normalises `files` concurrently and names their articles: slugs come
    /// from titles, made unique against `taken` in the order of the files'
    /// names, so the result never depends on timing or listing order.
    public static func normalizeAndName(_ files: [RawFile], avoiding taken: Set<String>) async -> [NamedNormalization] {
        var cache = IngestCache()
        return await normalizeAndName(files, avoiding: taken, cache: &cache)
    }

    static func normalizeAndName(_ files: [RawFile], avoiding taken: Set<String>,
                                 cache: inout IngestCache) async -> [NamedNormalization] {
        let files = files.sorted { $0.name < $1.name }
        var results = files.map { file in cache.normalizations[file.path].flatMap { $0.file == file ? $0 : nil } }
        let fresh = results.indices.filter { results[$0] == nil }
        await withTaskGroup(of: (Int, NamedNormalization).self) { group in
            for index in fresh {
                group.addTask {
                    let (normalization, diagnostics) = Normalizer.normalize(files[index])
                    return (index, NamedNormalization(file: files[index], normalization: normalization, diagnostics: diagnostics,
                                                      slugBase: normalization.map { Slug.make(from: $0.metadata.title) }))
                }
            }
            for await (index, result) in group { results[index] = result }
        }
        if cache.keepsResults {
            for index in fresh { cache.normalizations[files[index].path] = results[index] }
            cache.normalizations.keepOnly(files.map(\.path))
        }
        // Moved out of the list, not copied: every file has its result by now.
        var named = results.indices.map { results[$0].take()! }
        var taken = taken
        var numbers: [String: Int] = [:]
        for index in named.indices {
            guard let base = named[index].slugBase else { continue }
            let slug = Slug.unique(base, avoiding: taken, numbers: &numbers)
            named[index].slug = slug
            taken.insert(slug)
        }
        return named
    }
}

/// What ingest keeps from one build to the next while a dossier is watched:
/// each raw file's normalisation, reused while the file's bytes are the same.
public struct IngestCache: Sendable {
    /// By path, before the article is named (`slug` is nil).
    var normalizations: [String: Ingest.NamedNormalization] = [:]
    /// Whether results are kept for the next run; a build done once keeps
    /// none, and spares copying ten thousand of them in and freeing them.
    let keepsResults: Bool

    public init(keepingResults: Bool = true) {
        keepsResults = keepingResults
    }
}
