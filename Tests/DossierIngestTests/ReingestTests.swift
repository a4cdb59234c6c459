import DossierCore
import DossierIngest
import DossierLoad
import Testing

/// An edited article file made into its article alone, for showing the
/// edit before the whole content is ingested again.
@Suite struct ReingestTests {
    private func raw(_ text: String, name: String = "b.txt") -> RawFile {
        RawFile(name: name, path: "content/raw/\(name)", bytes: Array(text.utf8))
    }

    /// The article the whole ingest makes of `file`, named among `others`.
    private func ingested(_ file: RawFile, among others: [RawFile]) async throws -> (Article, String?) {
        let content = LoadedContent(config: DossierConfig(title: "T"), rawFiles: others + [file])
        let all = await Ingest.run(content)
        let article = try #require(all.articles.first { $0.path == file.path })
        return (article, all.rawTexts[article.slug])
    }

    @Test func anEditedRawArticleIsWhatTheWholeIngestMakesOfItUnderItsSlug() async throws {
        // Two articles with one headline: the edited one is the second, named "…-2".
        let first = raw("Russia says IS defeated\n\nThe first story.\n", name: "a.txt")
        let before = raw("Russia says IS defeated\n\nThe second story.\n")
        let (previous, previousText) = try await ingested(before, among: [first])
        #expect(previous.slug == "russia-says-is-defeated-2")

        let edited = raw("Russia says IS defeated\n\nThe second story, with a new paragraph.\n\nAnd another.\n")
        let alone = try #require(Ingest.reingest(.raw(edited), previous: previous, previousRawText: previousText))
        let (whole, wholeText) = try await ingested(edited, among: [first])
        #expect(alone.article == whole)
        #expect(alone.rawText == wholeText)
    }

    @Test func aRawArticleWhoseNewHeadlineGivesAnotherSlugIsLeftToTheWholeIngest() async throws {
        let (previous, text) = try await ingested(raw("Russia says IS defeated\n\nThe story.\n"), among: [])
        #expect(Ingest.reingest(.raw(raw("Russia says IS was defeated\n\nThe story.\n")), previous: previous,
                                previousRawText: text) == nil)
        // A headline that differs only in what a slug leaves out keeps it.
        #expect(Ingest.reingest(.raw(raw("Russia says: IS defeated!\n\nThe story.\n")), previous: previous,
                                previousRawText: text)?.article.slug == previous.slug)
    }

    @Test func aRawFileThatIsNoLongerAnArticleIsLeftToTheWholeIngest() async throws {
        let (previous, text) = try await ingested(raw("Russia says IS defeated\n\nThe story.\n"), among: [])
        #expect(Ingest.reingest(.raw(raw("")), previous: previous, previousRawText: text) == nil)
        #expect(Ingest.reingest(.raw(raw("Russia says IS defeated\n\nThe story.\n", name: "c.txt")), previous: previous,
                                previousRawText: text) == nil, "another file")
    }

    @Test func aCuratedArticleKeepsItsSourcesTextUnlessItNamesAnotherSource() {
        let metadata = ArticleMetadata(title: "A note", source: "raw/a.txt")
        let previous = Article(slug: "note", metadata: metadata, body: "Old.\n", path: "content/articles/note.md")
        let edited = CuratedArticle(article: Article(slug: "note", metadata: metadata, body: "New.\n", path: "content/articles/note.md"))
        let alone = Ingest.reingest(.curated(edited), previous: previous, previousRawText: "the raw text")
        #expect(alone?.article == edited.article)
        #expect(alone?.rawText == "the raw text")

        var moved = edited
        moved.article.metadata.source = "raw/b.txt"
        #expect(Ingest.reingest(.curated(moved), previous: previous, previousRawText: "the raw text") == nil)
    }
}
