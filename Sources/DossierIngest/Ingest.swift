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
    /// Load's diagnostics and ingest's own.
    public var diagnostics: [Diagnostic]

    public init(config: DossierConfig, articles: [Article], rawTexts: [String: String] = [:],
                diagnostics: [Diagnostic] = []) {
        self.config = config
        self.articles = articles
        self.rawTexts = rawTexts
        self.diagnostics = diagnostics
    }
}

public enum Ingest {
    /// Normalises the raw files (in parallel) and merges the curated articles.
    /// Slugs of raw articles come from their titles, made unique in the
    /// order of the raw files' names, so the result never depends on timing.
    public static func run(_ content: LoadedContent) async -> IngestedContent {
        var diagnostics = content.diagnostics
        var articles = content.curatedArticles.map(\.article)
        var taken = Set(articles.map(\.slug))

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
        for file in content.rawFiles {
            if let slug = replaced[file.reference], case .text(let text, _) = TextDecoding.decode(file.bytes) {
                rawTexts[slug] = text
            }
        }
        let toNormalize = content.rawFiles.filter { replaced[$0.reference] == nil }.sorted { $0.name < $1.name }
        let normalized = await normalizeAll(toNormalize)
        for (file, (normalization, problems)) in zip(toNormalize, normalized) {
            diagnostics += problems
            guard let normalization else { continue }
            let slug = Slug.unique(Slug.make(from: normalization.metadata.title), avoiding: taken)
            taken.insert(slug)
            rawTexts[slug] = normalization.sourceText
            articles.append(Article(slug: slug, metadata: normalization.metadata, body: normalization.body,
                                    path: file.path, bodyLine: normalization.bodyLine))
        }
        articles.sort { $0.slug < $1.slug }
        return IngestedContent(config: content.config, articles: articles, rawTexts: rawTexts, diagnostics: diagnostics)
    }

    /// Normalises files concurrently; results come back in the files' order.
    static func normalizeAll(_ files: [RawFile]) async -> [(Normalization?, [Diagnostic])] {
        await withTaskGroup(of: (Int, (Normalization?, [Diagnostic])).self) { group in
            for (index, file) in files.enumerated() {
                group.addTask { (index, Normalizer.normalize(file)) }
            }
            var results = [(Normalization?, [Diagnostic])](repeating: (nil, []), count: files.count)
            for await (index, result) in group { results[index] = result }
            return results
        }
    }
}
