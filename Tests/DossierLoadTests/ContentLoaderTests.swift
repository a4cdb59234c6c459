import DossierCore
import DossierLoad
import Foundation
import Testing

/// A dossier folder under the temporary directory, removed by `remove()`.
private struct TemporaryDossier {
    let root = URL(fileURLWithPath: NSTemporaryDirectory())
        .appendingPathComponent("dossier-load-\(UUID().uuidString)")

    init(config: String? = "title: Test dossier\n") throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/raw"),
                                                withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/articles"),
                                                withIntermediateDirectories: true)
        if let config { try write("content/dossier.yml", config) }
    }

    func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(path))
    }

    func load() -> LoadedContent { ContentLoader(root: root).load() }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

@Test func rawFilesAndArticlesAreListedInSortedOrderWhateverTheCreationOrder() throws {
    let dossier = try TemporaryDossier()
    defer { dossier.remove() }
    for name in ["c", "a", "d", "b"] {
        try dossier.write("content/raw/\(name).txt", "raw \(name)")
        try dossier.write("content/articles/\(name)-x.md", "---\ntitle: \(name)\n---\n")
    }
    let content = dossier.load()
    #expect(content.diagnostics.isEmpty)
    #expect(content.config.title == "Test dossier")
    #expect(content.rawFiles.map(\.name) == ["a.txt", "b.txt", "c.txt", "d.txt"])
    #expect(content.rawFiles.map(\.path) == ["content/raw/a.txt", "content/raw/b.txt", "content/raw/c.txt", "content/raw/d.txt"])
    #expect(content.rawFiles.map { String(decoding: $0.bytes, as: UTF8.self) } == ["raw a", "raw b", "raw c", "raw d"])
    #expect(content.curatedArticles.map(\.article.slug) == ["a-x", "b-x", "c-x", "d-x"])
}

@Test func rawBytesAreKeptAsTheyAre() throws {
    let dossier = try TemporaryDossier()
    defer { dossier.remove() }
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF, 0x41, 0x0D, 0x0A, 0xE9]  // BOM, CRLF, Latin-1 é
    try Data(bytes).write(to: dossier.root.appendingPathComponent("content/raw/x.txt"))
    #expect(dossier.load().rawFiles.map(\.bytes) == [bytes])
}

@Test func curatedArticleWithCRLFAndBOMParses() throws {
    let dossier = try TemporaryDossier()
    defer { dossier.remove() }
    try dossier.write("content/articles/a.md", "\u{FEFF}---\r\ntitle: T\r\n---\r\nBody\r\n")
    let content = dossier.load()
    #expect(content.diagnostics.isEmpty)
    let article = try #require(content.curatedArticles.first).article
    #expect(article.metadata.title == "T")
    #expect(article.body == "Body\n")
    #expect(article.bodyLine == 4)
}

@Test func fileThatIsNotTextInRawIsAWarningAndSkipped() throws {
    let dossier = try TemporaryDossier()
    defer { dossier.remove() }
    try dossier.write("content/raw/a.txt", "text")
    try dossier.write("content/raw/photo.jpg", "not text")
    let content = dossier.load()
    #expect(content.rawFiles.map(\.name) == ["a.txt"])
    #expect(content.diagnostics.map(\.description)
        == ["content/raw/photo.jpg:1:1: warning: ignored: only *.txt files are read here"])
}

@Test func symbolicLinkInRawIsNotFollowed() throws {
    let dossier = try TemporaryDossier()
    defer { dossier.remove() }
    let outside = dossier.root.appendingPathComponent("secret.txt")
    try Data("outside the content folder".utf8).write(to: outside)
    try FileManager.default.createSymbolicLink(at: dossier.root.appendingPathComponent("content/raw/link.txt"),
                                               withDestinationURL: outside)
    let content = dossier.load()
    #expect(content.rawFiles.isEmpty)
    #expect(content.diagnostics.count == 1)
    let warning = try #require(content.diagnostics.first)
    #expect(warning.severity == .warning)
    #expect(warning.location.path == "content/raw/link.txt")
    #expect(warning.message.contains("symbolic link"))
}

@Test func curatedArticleWithAFileNameThatIsNotASlugIsAnError() throws {
    let dossier = try TemporaryDossier()
    defer { dossier.remove() }
    try dossier.write("content/articles/Bad Name.md", "---\ntitle: T\n---\n")
    try dossier.write("content/articles/good-name.md", "---\ntitle: T\n---\n")
    let content = dossier.load()
    #expect(content.curatedArticles.map(\.article.slug) == ["good-name"])
    #expect(content.diagnostics.map(\.description) == [
        "content/articles/Bad Name.md:1:1: error: file name must be a slug (lower-case a-z, 0-9 and single hyphens) followed by .md",
    ])
}

@Test func articleErrorsCarryTheArticlePath() throws {
    let dossier = try TemporaryDossier()
    defer { dossier.remove() }
    try dossier.write("content/articles/a.md", "---\ntitle: T\ndate: 2017-13-45\n---\n")
    let content = dossier.load()
    #expect(content.curatedArticles.isEmpty)
    #expect(content.diagnostics.map(\.description)
        == ["content/articles/a.md:3:7: error: 'date' must be a day written YYYY-MM-DD, found '2017-13-45'"])
}

@Test func missingConfigIsAnError() throws {
    let dossier = try TemporaryDossier(config: nil)
    defer { dossier.remove() }
    let content = dossier.load()
    #expect(content.diagnostics.map(\.description)
        == ["content/dossier.yml:1:1: error: missing: a dossier needs content/dossier.yml with at least a 'title'"])
}

@Test func configErrorsAreReportedByTheLoader() throws {
    let dossier = try TemporaryDossier(config: "title: T\ntitel: x\n")
    defer { dossier.remove() }
    #expect(dossier.load().diagnostics.map(\.description)
        == ["content/dossier.yml:2:1: error: unknown key 'titel' (expected one of: title, description, base_url, language)"])
}

@Test func configThatIsNotUTF8IsAnError() throws {
    let dossier = try TemporaryDossier(config: nil)
    defer { dossier.remove() }
    try Data([0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0xE9, 0x0A]).write(
        to: dossier.root.appendingPathComponent("content/dossier.yml"))
    let problems = dossier.load().diagnostics
    #expect(problems.map(\.description) == ["content/dossier.yml:1:1: error: not valid UTF-8: save the file as UTF-8"])
}

@Test func hiddenFilesAreIgnoredAndFoldersAreWarnedAbout() throws {
    let dossier = try TemporaryDossier()
    defer { dossier.remove() }
    try dossier.write("content/raw/.DS_Store", "junk")
    try FileManager.default.createDirectory(at: dossier.root.appendingPathComponent("content/raw/old.txt"),
                                            withIntermediateDirectories: true)
    let content = dossier.load()
    #expect(content.rawFiles.isEmpty)
    #expect(content.diagnostics.map(\.description) == ["content/raw/old.txt:1:1: warning: ignored: only *.txt files are read here"])
}

@Test func aNamedPipeIsIgnoredNotRead() throws {
    // Reading a pipe would wait for a writer that never comes; the folder's listing says what it is.
    let dossier = try TemporaryDossier()
    defer { dossier.remove() }
    try dossier.write("content/raw/a.txt", "Headline\n\nBody.\n")
    #expect(mkfifo(dossier.root.appendingPathComponent("content/raw/pipe.txt").path, 0o644) == 0)
    let content = dossier.load()
    #expect(content.rawFiles.map(\.name) == ["a.txt"])
    #expect(content.diagnostics.map(\.description) == ["content/raw/pipe.txt:1:1: warning: ignored: only *.txt files are read here"])
}

@Test func symbolicLinkToAFolderOutsideTheDossierIsNotFollowed() throws {
    let dossier = try TemporaryDossier()
    let outside = try TemporaryDossier()
    defer { dossier.remove(); outside.remove() }
    try outside.write("content/raw/secret.txt", "outside the dossier")
    let raw = dossier.root.appendingPathComponent("content/raw")
    try FileManager.default.removeItem(at: raw)
    try FileManager.default.createSymbolicLink(at: raw, withDestinationURL: outside.root.appendingPathComponent("content/raw"))
    let content = dossier.load()
    #expect(content.rawFiles.isEmpty)
    #expect(content.diagnostics.map(\.description) == ["content/raw:1:1: warning: symbolic link not followed: content must be inside the dossier"])
}

@Test func oneArticleFileIsReadAloneAsTheWholeLoadReadsIt() throws {
    let dossier = try TemporaryDossier()
    defer { dossier.remove() }
    try dossier.write("content/raw/a.txt", "Headline\n\nA paragraph.\n")
    try dossier.write("content/articles/note.md", "\u{FEFF}---\r\ntitle: \"A note\"\r\nsource: raw/a.txt\r\n---\r\n\r\nText.\r\n")
    let loader = ContentLoader(root: dossier.root)

    guard case .raw(let raw)? = loader.loadArticle(at: "content/raw/a.txt") else { Issue.record("not read as raw"); return }
    #expect(raw == dossier.load().rawFiles.first)
    guard case .curated(let note)? = loader.loadArticle(at: "content/articles/note.md") else { Issue.record("not parsed"); return }
    #expect(note == dossier.load().curatedArticles.first)
    #expect(note.article.metadata.source == "raw/a.txt")
}

@Test(arguments: [
    "content/articles/broken.md",  // front matter with an error
    "content/articles/Bad Name.md",  // not a slug
    "content/articles/index.md",  // a reserved slug
    "content/raw/link.txt",  // a symbolic link
    "content/raw/gone.txt",  // no such file
    "content/entities/x.md",  // not an article
    "content/raw/../articles/broken.md",
])
func anArticleFileThatTheWholeLoadWouldFaultIsNotReadAlone(_ path: String) throws {
    let dossier = try TemporaryDossier()
    defer { dossier.remove() }
    try FileManager.default.createDirectory(at: dossier.root.appendingPathComponent("content/entities"), withIntermediateDirectories: true)
    try dossier.write("content/articles/broken.md", "---\ntitle: \"Broken\"\ndate: 2017-13-45\n---\n")
    try dossier.write("content/articles/Bad Name.md", "---\ntitle: \"Fine\"\n---\n")
    try dossier.write("content/articles/index.md", "---\ntitle: \"Fine\"\n---\n")
    try dossier.write("content/entities/x.md", "---\nname: X\n---\n")
    try dossier.write("content/raw/a.txt", "Headline\n\nA paragraph.\n")
    try FileManager.default.createSymbolicLink(at: dossier.root.appendingPathComponent("content/raw/link.txt"),
                                               withDestinationURL: dossier.root.appendingPathComponent("content/raw/a.txt"))
    #expect(ContentLoader(root: dossier.root).loadArticle(at: path) == nil)
}

@Test func aFileOverTheSizeLimitIsSkippedUnreadWithOneWarningAndTheRestIsLoaded() throws {
    let dossier = try TemporaryDossier()
    defer { dossier.remove() }
    try FileManager.default.createDirectory(at: dossier.root.appendingPathComponent("content/entities"), withIntermediateDirectories: true)
    try dossier.write("content/raw/big.txt", "Big headline\n\n" + String(repeating: "word ", count: 300_000))
    try dossier.write("content/raw/small.txt", "Small headline\n\nA paragraph.\n")
    try dossier.write("content/articles/big.md", "---\ntitle: \"Big\"\n---\n\n" + String(repeating: "word ", count: 300_000))
    try dossier.write("content/entities/big.md", "---\nname: Big\n---\n\n" + String(repeating: "word ", count: 300_000))
    let loader = ContentLoader(root: dossier.root, maximumFileSize: 1_000_000)
    let content = loader.load()
    #expect(content.rawFiles.map(\.name) == ["small.txt"])
    #expect(content.curatedArticles.isEmpty && content.entities.isEmpty)
    #expect(content.diagnostics.map(\.description) == [
        "content/raw/big.txt:1:1: warning: skipped: 1.5 MB is more than the 1 MB a content file may hold; split it into several files",
        "content/articles/big.md:1:1: warning: skipped: 1.5 MB is more than the 1 MB a content file may hold; split it into several files",
        "content/entities/big.md:1:1: warning: skipped: 1.5 MB is more than the 1 MB a content file may hold; split it into several files",
    ])
    #expect(loader.loadArticle(at: "content/raw/big.txt") == nil)
    #expect(loader.loadArticle(at: "content/raw/small.txt") != nil)
}
