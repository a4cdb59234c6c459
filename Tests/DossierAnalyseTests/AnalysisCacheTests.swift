@testable import DossierAnalyse
import DossierCore
import DossierIngest
import Testing

/// What a watched dossier's analysis keeps between builds, and what an
/// analysed article holds.
@Suite struct AnalysisCacheTests {
    func content(_ bodies: [String: String]) -> IngestedContent {
        IngestedContent(config: DossierConfig(title: "T"), articles: bodies.keys.sorted().map { slug in
            Article(slug: slug, metadata: ArticleMetadata(title: slug), body: bodies[slug]!, path: "content/articles/\(slug).md")
        })
    }

    @Test func onlyTheArticlesThatChangedAreAnalysedAgain() async {
        var cache = AnalysisCache()
        let first = content(["a": "One.", "b": "Two.", "c": "Three."])
        #expect(await Analyse.analyseArticles(first.articles, of: first, cache: &cache).fresh == [0, 1, 2])
        #expect(await Analyse.analyseArticles(first.articles, of: first, cache: &cache).fresh == [])
        let edited = content(["a": "One.", "b": "Two, edited.", "c": "Three."])
        #expect(await Analyse.analyseArticles(edited.articles, of: edited, cache: &cache).fresh == [1])
    }

    /// A build done once keeps no analysis, and no article's Markdown, yet
    /// analyses as one that keeps them does.
    @Test func aCacheThatKeepsNothingHoldsNoArticleAndAnalysesTheSame() async {
        let first = content(["a": "One *a*.", "b": "Two [b](https://example.org)."])
        var keeping = AnalysisCache(), once = AnalysisCache(keepingArticles: false)
        let kept = await Analyse.analyseArticles(first.articles, of: first, cache: &keeping).all
        let analysed = await Analyse.analyseArticles(first.articles, of: first, cache: &once).all
        #expect(keeping.articles.count == 2)
        #expect(keeping.articles["a"]?.source.body == "One *a*.")
        #expect(once.articles.isEmpty)
        #expect(analysed.map(\.source.body) == ["", ""])
        #expect(analysed.map { $0.article.document.html() } == kept.map { $0.article.document.html() })
        #expect(analysed.map(\.article.plainText) == kept.map(\.article.plainText))
        #expect(await Analyse.analyseArticles(first.articles, of: first, cache: &once).fresh == [0, 1], "nothing was kept")
    }

    @Test func anAnalysedArticleHoldsItsBodyAsTheParsedDocumentAlone() async {
        let dossier = await Analyse.run(content(["a": "Some *text*."]))
        let article = dossier.articles[0]
        #expect(article.article.body.isEmpty)
        #expect(article.plainText == "Some text.")
        #expect(article.document.html() == "<p>Some <em>text</em>.</p>\n")
    }
}
