import DossierCore
import DossierPublish
import Foundation
import Testing

/// A scratch folder under the temporary directory; the output is `site/` in it.
private struct Scratch {
    let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("dossier-publish-\(UUID().uuidString)")
    var output: URL { folder.appendingPathComponent("site") }

    init() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func publish(_ files: [SiteFile]) async throws -> Publisher.Report {
        try await Publisher(output: output).publish(files)
    }

    /// Every regular file under `url`, by relative path, with its bytes.
    func snapshot(_ url: URL? = nil) -> [String: [UInt8]] {
        let root = url ?? folder
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path),
               enumerator?.fileAttributes?[.type] as? FileAttributeType == .typeRegular {
                files[path] = [UInt8](data)
            }
        }
        return files
    }

    /// The inode and modification date of a file of the output.
    func identity(_ path: String) throws -> (inode: UInt64, modified: Date) {
        let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)
        return (try #require((attributes[.systemFileNumber] as? NSNumber)?.uint64Value),
                try #require(attributes[.modificationDate] as? Date))
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

private let site = [
    SiteFile(path: "index.html", text: "<h1>Home</h1>"),
    SiteFile(path: "articles/a.html", text: "A"),
    SiteFile(path: "articles/b.html", text: "B"),
    SiteFile(path: "assets/style.css", text: "body {}"),
    SiteFile(path: "dossier.json", text: "{}\n"),
]

/// `files` as a snapshot of the output folder would show them.
private func expected(_ files: [SiteFile]) -> [String: [UInt8]] {
    Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
}

@Test func firstPublishCreatesTheOutputAndWritesEveryFile() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let report = try await scratch.publish(site)
    #expect(report.written.sorted() == site.map(\.path).sorted())
    #expect(report.unchanged.isEmpty)
    #expect(report.removed.isEmpty)
    #expect(scratch.snapshot(scratch.output) == expected(site))
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path) == ["site"])
}

@Test func outputInAFolderThatDoesNotExistYetIsCreated() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let output = scratch.folder.appendingPathComponent("deep/er/site")
    _ = try await Publisher(output: output).publish(site)
    #expect(scratch.snapshot(output) == expected(site))
}

@Test func emptyOutputFolderIsUsed() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try FileManager.default.createDirectory(at: scratch.output, withIntermediateDirectories: true)
    #expect(try await scratch.publish(site).written.count == site.count)
    #expect(scratch.snapshot(scratch.output) == expected(site))
}

@Test func republishingTheSameFilesRewritesNothing() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    _ = try await scratch.publish(site)
    let before = try site.map { try scratch.identity($0.path) }
    try await Task.sleep(for: .milliseconds(50))  // a rewrite would get a later modification date

    let report = try await scratch.publish(site)
    #expect(report.written.isEmpty)
    #expect(report.unchanged.sorted() == site.map(\.path).sorted())
    #expect(report.removed.isEmpty)
    let after = try site.map { try scratch.identity($0.path) }
    #expect(after.map(\.inode) == before.map(\.inode))
    #expect(after.map(\.modified) == before.map(\.modified))
    #expect(scratch.snapshot() == expected(site).reduce(into: [:]) { $0["site/" + $1.key] = $1.value })
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path) == ["site"], "staging left behind")
}

@Test func changedFilesAreWrittenAndFilesNoLongerProducedAreRemoved() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    _ = try await scratch.publish(site)
    let unchangedBefore = try scratch.identity("index.html")

    var next = site.filter { $0.path != "articles/b.html" }
    next[1] = SiteFile(path: "articles/a.html", text: "A, corrected")
    next.append(SiteFile(path: "articles/c.html", text: "C"))
    let report = try await scratch.publish(next)

    #expect(report.written.sorted() == ["articles/a.html", "articles/c.html"])
    #expect(report.unchanged.sorted() == ["assets/style.css", "dossier.json", "index.html"])
    #expect(report.removed == ["articles/b.html"])
    #expect(scratch.snapshot(scratch.output) == expected(next))
    #expect(try scratch.identity("index.html").inode == unchangedBefore.inode)
}

@Test(arguments: ["../escaped.html", "/tmp/absolute.html", "articles/../../escaped.html", "articles//a.html",
                  "./index.html", "articles/", ""])
func unsafePathThrowsAndLeavesThePreviousSiteAsItWas(_ path: String) async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    _ = try await scratch.publish(site)
    let before = scratch.snapshot()

    var next = site
    next[0] = SiteFile(path: "index.html", text: "<h1>New home</h1>")
    next.insert(SiteFile(path: path, text: "evil"), at: 2)
    await #expect(throws: Publisher.Failure.self) { try await scratch.publish(next) }

    #expect(scratch.snapshot() == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path) == ["site"], "staging left behind")
    #expect(!FileManager.default.fileExists(atPath: "/tmp/absolute.html"))
}

@Test(arguments: [".well-known/security.txt", "articles/...", "a..b/c.html", "articles/.x.html", "..x/y.html"])
func pathsWithDotsThatAreNotDotComponentsArePublished(_ path: String) async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let report = try await scratch.publish(site + [SiteFile(path: path, text: "dots")])
    #expect(report.written.contains(path))
    #expect(try String(contentsOf: scratch.output.appendingPathComponent(path), encoding: .utf8) == "dots")
}

@Test func unsafePathOnTheFirstPublishCreatesNothing() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    await #expect(throws: Publisher.Failure.self) { try await scratch.publish(site + [SiteFile(path: "../x.html", text: "x")]) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path).isEmpty)
}

@Test func refusesToReplaceAFolderDossierDidNotBuild() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try FileManager.default.createDirectory(at: scratch.output.appendingPathComponent("drafts"), withIntermediateDirectories: true)
    try Data("my notes".utf8).write(to: scratch.output.appendingPathComponent("notes.txt"))
    try Data("draft".utf8).write(to: scratch.output.appendingPathComponent("drafts/one.md"))
    let before = scratch.snapshot()

    await #expect(throws: Publisher.Failure.self) { try await scratch.publish(site) }
    #expect(scratch.snapshot() == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path) == ["site"])
}

@Test func refusesToReplaceAFile() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try Data("not a folder".utf8).write(to: scratch.output)
    await #expect(throws: Publisher.Failure.self) { try await scratch.publish(site) }
    #expect(FileManager.default.contents(atPath: scratch.output.path) == Data("not a folder".utf8))
}

@Test func manyFilesInManyFoldersAreAllWrittenWithTheirBytes() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let files = (0..<600).map { number in
        SiteFile(path: "section-\(number % 7)/part-\(number % 3)/page-\(number).html", text: "page \(number)\n")
    } + [SiteFile(path: "empty.txt", contents: [])]
    let report = try await scratch.publish(files)
    #expect(report.written.count == files.count)
    #expect(scratch.snapshot(scratch.output) == expected(files))
}

@Test func aStagedSiteShowsNothingUntilPublishedAndReadsItsFilesBack() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    _ = try await scratch.publish(site)
    let before = scratch.snapshot(scratch.output)

    let staged = try Publisher(output: scratch.output).stage()
    #expect(try staged.add(SiteFile(path: "index.html", text: "<h1>Home</h1>")), "same bytes: carried over")
    #expect(try !staged.add(SiteFile(path: "new/deep/page.html", text: "new")), "a new file in new folders is written")
    #expect(staged.contents(of: "new/deep/page.html") == Array("new".utf8))
    #expect(staged.contents(of: "articles/a.html") == nil, "not staged")
    #expect(scratch.snapshot(scratch.output) == before, "readers see the previous site")

    let report = try staged.publish(written: ["new/deep/page.html"], unchanged: ["index.html"])
    #expect(report.removed == ["articles/a.html", "articles/b.html", "assets/style.css", "dossier.json"])
    #expect(scratch.snapshot(scratch.output) == ["index.html": Array("<h1>Home</h1>".utf8), "new/deep/page.html": Array("new".utf8)])
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path) == ["site"], "staging left behind")
}

/// A file staged in pieces is written piece by piece, and carried over
/// (the previous copy linked, not rewritten) only when every byte and its
/// length are the same: the same start with more or fewer bytes, or one
/// byte changed in a later piece, is written.
@Test func aFileStagedInPiecesIsCarriedOverOnlyWhenAllItsBytesAreTheSame() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let pieces = (0..<5).map { Array("piece \($0) of the data file;".utf8) }
    let whole = Array(pieces.joined())
    let previous = [SiteFile(path: "dossier.json", contents: whole), SiteFile(path: "data/longer.json", contents: whole),
                    SiteFile(path: "data/shorter.json", contents: whole), SiteFile(path: "data/changed.json", contents: whole)]
    _ = try await scratch.publish(previous)
    let before = try scratch.identity("dossier.json")

    let staged = try Publisher(output: scratch.output).stage()
    func stage(_ path: String, _ pieces: [[UInt8]]) throws -> Bool {
        try staged.add(path: path) { output in pieces.forEach { output($0[...]) } }
    }
    var changed = pieces
    changed[3][0] = UInt8(ascii: "P")
    #expect(try stage("dossier.json", pieces), "the same bytes in pieces: carried over")
    #expect(try !stage("data/longer.json", pieces + [Array("more".utf8)]))
    #expect(try !stage("data/shorter.json", Array(pieces.dropLast())))
    #expect(try !stage("data/changed.json", changed))
    #expect(try !stage("data/new.json", pieces), "no previous copy")
    #expect(throws: Publisher.Failure.self) { try stage("../escaped.json", pieces) }
    #expect(staged.contents(of: "data/longer.json") == whole + Array("more".utf8))
    #expect(staged.contents(of: "data/shorter.json") == Array(pieces.dropLast().joined()))
    #expect(staged.contents(of: "data/changed.json") == Array(changed.joined()))
    #expect(staged.contents(of: "data/new.json") == whole)

    _ = try staged.publish(written: ["data/longer.json", "data/shorter.json", "data/changed.json", "data/new.json"],
                           unchanged: ["dossier.json"])
    let after = try scratch.identity("dossier.json")
    #expect(after.inode == before.inode)
    #expect(scratch.snapshot(scratch.output)["dossier.json"] == whole)
}

@Test func aDiscardedStagedSiteLeavesThePreviousSiteAndNoStaging() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    _ = try await scratch.publish(site)
    let before = scratch.snapshot()

    let staged = try Publisher(output: scratch.output).stage()
    _ = try staged.add(SiteFile(path: "index.html", text: "<h1>Changed</h1>"))
    #expect(throws: Publisher.Failure.self) { try staged.add(SiteFile(path: "../escaped.html", text: "evil")) }
    staged.discard()

    #expect(scratch.snapshot() == before)
    #expect(!FileManager.default.fileExists(atPath: scratch.folder.appendingPathComponent("escaped.html").path))
}

@Test func anOutputIsWrittenByOneProcessAtATime() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    var holder: OutputLock? = try OutputLock.acquire(for: scratch.output)
    #expect(holder != nil)
    #expect(String(decoding: try FileBytes.read(OutputLock.path(for: scratch.output)), as: UTF8.self) == "\(getpid())\n")
    let refused = #expect(throws: Publisher.Failure.self) { try OutputLock.acquire(for: scratch.output) }
    #expect(refused?.description == "\(scratch.output.path) is being written by another dossier process (pid \(getpid())): "
            + "wait for it to finish, or stop it")
    holder = nil  // as when the holding process ends
    #expect((try? OutputLock.acquire(for: scratch.output)) != nil)
}

@Test func theLockFileIsGoneWithItsHolderAndALeftoverOneIsTaken() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let path = OutputLock.path(for: scratch.output)
    var holder: OutputLock? = try OutputLock.acquire(for: scratch.output)
    #expect(FileManager.default.fileExists(atPath: path))
    holder = nil
    #expect(holder == nil)
    #expect(!FileManager.default.fileExists(atPath: path), "released, the lock leaves nothing beside the site")
    // A killed holder leaves its file, unlocked: the next writer takes it.
    try Data("99999\n".utf8).write(to: URL(fileURLWithPath: path))
    holder = try OutputLock.acquire(for: scratch.output)
    #expect(String(decoding: try FileBytes.read(path), as: UTF8.self) == "\(getpid())\n")
}
