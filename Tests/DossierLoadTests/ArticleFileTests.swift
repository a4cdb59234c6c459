import DossierCore
import DossierLoad
import Testing

private let articlePath = "content/articles/a.md"

/// Parses an article file made of `frontMatter` between `---` lines and `body`.
private func parse(_ frontMatter: String, body: String = "Body.\n") -> (CuratedArticle?, [Diagnostic]) {
    ContentFile.article("---\n\(frontMatter)\n---\n\(body)", path: articlePath, slug: "a")
}

/// The single error of an article file that must not parse.
private func articleError(_ text: String) -> Diagnostic? {
    let (article, problems) = ContentFile.article(text, path: articlePath, slug: "a")
    #expect(article == nil, "expected no article for \(text.debugDescription)")
    #expect(problems.count == 1, "expected one diagnostic, got \(problems)")
    #expect(problems.allSatisfy { $0.severity == .error })
    return problems.first
}

@Test func splitSeparatesFrontMatterAndBody() {
    let (split, problems) = FrontMatterSplit.split("---\ntitle: T\ndate: 2017-12-08\n---\n# Heading\n\nText.\n",
                                                   path: articlePath)
    #expect(problems.isEmpty)
    #expect(split.yaml == "title: T\ndate: 2017-12-08")
    #expect(split.yamlLine == 2)
    #expect(split.body == "# Heading\n\nText.\n")
    #expect(split.bodyLine == 5)
}

@Test func splitWithoutFrontMatterTakesEverythingAsBody() {
    let (split, problems) = FrontMatterSplit.split("Just text\n---\n", path: articlePath)
    #expect(problems.isEmpty)
    #expect(split.yaml == nil)
    #expect(split.body == "Just text\n---\n")
    #expect(split.bodyLine == 1)
}

@Test func articleCarriesItsMetadataBodyAndBodyLine() throws {
    let (curated, problems) = parse("""
        title: Russia declares Syria liberated
        date: 2017-12-08
        outlet: Example News
        author: A. Writer
        dateline: MOSCOW
        url: https://example.org/a
        source: raw/x.txt
        """, body: "First paragraph.\n")
    #expect(problems.isEmpty)
    let article = try #require(curated).article
    #expect(article.slug == "a")
    #expect(article.path == articlePath)
    #expect(article.body == "First paragraph.\n")
    #expect(article.bodyLine == 10)
    #expect(article.metadata == ArticleMetadata(
        title: "Russia declares Syria liberated", date: CalendarDate(year: 2017, month: 12, day: 8),
        outlet: "Example News", author: "A. Writer", dateline: "MOSCOW", url: "https://example.org/a",
        source: "raw/x.txt"))
}

@Test func errorLineIsTheFileLineNotTheYAMLLine() throws {
    let problem = try #require(articleError("---\ntitle: T\ntitel: x\n---\nBody\n"))
    #expect(problem.description
        == "content/articles/a.md:3:1: error: unknown key 'titel' (expected one of: title, date, outlet, author, dateline, url, source)")
}

@Test func malformedYAMLInFrontMatterIsLocatedInTheFile() throws {
    let problem = try #require(articleError("---\ntitle: T\noutlet: a: b\ndate: 2017-12-08\n---\nBody\n"))
    #expect(problem.location == SourceLocation(path: articlePath, line: 3, column: 10))
    #expect(problem.message.hasPrefix("malformed YAML: mapping values are not allowed"))
}

@Test func unclosedFrontMatterIsAnError() throws {
    let problem = try #require(articleError("---\ntitle: T\n\nBody without a closing line.\n"))
    #expect(problem.description == "content/articles/a.md:1:1: error: front matter opened with '---' is never closed")
}

@Test func articleWithoutFrontMatterIsAnError() throws {
    let problem = try #require(articleError("# Just a heading\n\nAnd text.\n"))
    #expect(problem.location == SourceLocation(path: articlePath, line: 1, column: 1))
    #expect(problem.message.contains("front matter"))
}

@Test func missingTitleIsAnError() throws {
    let problem = try #require(articleError("---\noutlet: X\n---\nBody\n"))
    #expect(problem.description == "content/articles/a.md:1:1: error: missing required key 'title'")
}

@Test(arguments: ["2017-13-45", "2017-02-30", "08.12.2017", "2017-12-8", "2017-12-08T10:00:00Z"])
func impossibleOrMalformedDateIsAnErrorAtTheValue(_ date: String) throws {
    let problem = try #require(articleError("---\ntitle: T\ndate: \(date)\n---\n"))
    #expect(problem.description
        == "content/articles/a.md:3:7: error: 'date' must be a day written YYYY-MM-DD, found '\(date)'")
}

@Test(arguments: [("2017-12-08", 2017, 12, 8), ("2016-02-29", 2016, 2, 29), ("\"2017-01-01\"", 2017, 1, 1)])
func isoDateIsRead(_ text: String, _ year: Int, _ month: Int, _ day: Int) throws {
    let (curated, problems) = parse("title: T\ndate: \(text)")
    #expect(problems.isEmpty)
    #expect(try #require(curated).article.metadata.date == CalendarDate(year: year, month: month, day: day))
}

@Test func validRawSourceIsKept() throws {
    let (curated, problems) = parse("title: T\nsource: raw/x.txt")
    #expect(problems.isEmpty)
    #expect(try #require(curated).article.metadata.source == "raw/x.txt")
}

@Test(arguments: ["../etc/passwd", "raw/../../etc/passwd.txt", "raw/sub/x.txt", "/etc/passwd", "raw/.hidden.txt", "raw/x.md"])
func sourceOutsideRawIsAnErrorAtTheValue(_ source: String) throws {
    let problem = try #require(articleError("---\ntitle: T\nsource: \(source)\n---\n"))
    #expect(problem.location == SourceLocation(path: articlePath, line: 3, column: 9))
    #expect(problem.message == "'source' must name a raw file as raw/<file>.txt, found '\(source)'")
}

@Test(arguments: ["NO", "yes", "off", "1e3", "0x10", "2017"])
func yamlLookalikesStayStrings(_ outlet: String) throws {
    let (curated, problems) = parse("title: T\noutlet: \(outlet)")
    #expect(problems.isEmpty)
    #expect(try #require(curated).article.metadata.outlet == outlet)
}

@Test func numericTitleStaysItsText() throws {
    let (curated, problems) = parse("title: 1917")
    #expect(problems.isEmpty)
    #expect(try #require(curated).article.metadata.title == "1917")
}
