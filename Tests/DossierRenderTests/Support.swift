import DossierAnalyse
import DossierCore
import DossierIngest
@testable import DossierRender
import Foundation
import Testing

/// The repository's Templates/ folder, read from disk into a theme.
func defaultTheme() throws -> Theme {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Templates").standardizedFileURL
    let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]))
    var files: [String: [UInt8]] = [:]
    for case let url as URL in enumerator where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
        let path = String(url.standardizedFileURL.path.dropFirst(folder.path.count + 1))
        files[path] = Array(try Data(contentsOf: url))
    }
    try #require(files["article.mustache"] != nil, "no templates found in \(folder.path)")
    return Theme(files: files)
}

/// An article with front matter made of `metadata`.
func article(_ slug: String, _ title: String, date: String? = nil, outlet: String? = nil, author: String? = nil,
             url: String? = nil, source: String? = nil, body: String = "Some text.") -> Article {
    Article(slug: slug, metadata: ArticleMetadata(title: title, date: date.flatMap { CalendarDate(iso: $0) },
                                                  outlet: outlet, author: author, url: url, source: source),
            body: body, path: "content/articles/\(slug).md")
}

/// The rendered site of `articles` through the default theme, by path.
func renderSite(_ articles: [Article], config: DossierConfig = DossierConfig(title: "Test dossier"),
                rawTexts: [String: String] = [:], entities: [Entity] = [], claims: [Claim] = []) async throws -> [String: String] {
    let (made, problems) = SiteRenderer.make(theme: try defaultTheme())
    #expect(problems.isEmpty)
    let renderer = try #require(made)
    let dossier = await Analyse.run(IngestedContent(config: config, articles: articles, rawTexts: rawTexts,
                                                    entities: entities, claims: claims))
    let files = await renderer.render(dossier)
    #expect(files.map(\.path) == files.map(\.path).sorted(), "files are not sorted by path")
    #expect(Set(files.map(\.path)).count == files.count, "a path is produced twice")
    return Dictionary(files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) }) { first, _ in first }
}

extension String {
    /// How many times `needle` occurs, not overlapping.
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }

    /// How many `<script` elements the page has besides JSON-LD data blocks
    /// and the theme's own search script, which only the search page loads.
    var executableScripts: Int {
        occurrences(of: "<script") - occurrences(of: #"<script type="application/ld+json">"#)
            - occurrences(of: #"<script src="assets/search.js" data-index="search.json"></script>"#)
    }

    /// The text of each JSON-LD block of the page.
    var linkedData: [String] {
        components(separatedBy: #"<script type="application/ld+json">"#).dropFirst()
            .map { $0.components(separatedBy: "</script>")[0] }
    }

    /// The values of every `attribute="…"` in this HTML, in order.
    func attributeValues(_ attribute: String) -> [String] {
        components(separatedBy: " \(attribute)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }
}

/// Expects `text` to equal the golden file. With `DOSSIER_UPDATE_GOLDEN=1`
/// in the environment the file is rewritten instead, and the test fails so
/// the new copy is reviewed before it is committed.
func expectGolden(_ text: String, _ file: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    if ProcessInfo.processInfo.environment["DOSSIER_UPDATE_GOLDEN"] == "1" {
        try Data(text.utf8).write(to: file)
        Issue.record("rewrote \(file.lastPathComponent); review it and run the tests again", sourceLocation: sourceLocation)
        return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    #expect(text == expected, "differs from \(file.path) (DOSSIER_UPDATE_GOLDEN=1 rewrites it)", sourceLocation: sourceLocation)
}
