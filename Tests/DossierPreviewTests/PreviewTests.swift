import DossierBuild
import DossierPreview
import DossierWatch
import Foundation
import Glibc
import Logging
import LoopbackClient
import ServiceLifecycle
import Testing

/// A one-article dossier in a scratch folder, removed when the test ends.
///
/// Each change reaches content/ in one step (written beside it, then
/// renamed into place), so it is one event for the watcher and one build.
/// Written in place, a busy machine can pause between the open, the write
/// and the close for longer than the rebuilder's quiet period, and each part
/// would make a build of its own.
final class ScratchDossier: Sendable {
    let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("dossier-preview-\(UUID().uuidString)")
    static let article = "articles/moscow-declares-victory.html"

    init() throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("incoming"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/claims"), withIntermediateDirectories: true)
        try write("content/dossier.yml", "title: \"Preview test\"\n")
        try write("content/raw/001.txt", "Moscow declares victory\n\nRussia said on Wednesday that the campaign had ended.\n")
        try write("content/entities/russia.md", "---\nname: \"Russia\"\nkind: place\n---\n")
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        let incoming = root.appendingPathComponent("incoming/\(url.lastPathComponent)")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: incoming)
        guard rename(incoming.path, url.path) == 0 else { throw POSIXError(.init(rawValue: errno)!) }
    }

    func append(_ path: String, _ text: String) throws {
        let current = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        try write(path, current + text)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    func page(_ path: String) -> String {
        (try? String(contentsOf: root.appendingPathComponent("site/\(path)"), encoding: .utf8)) ?? ""
    }

    static let brokenClaim = ("content/claims/broken.md", "---\nclaim: \"Victory\"\nclaimant: nobody\n---\n")
}

/// The reports of a running rebuilder, one at a time.
final class Builds: Sendable {
    let stream: AsyncStream<SiteBuilder.Report>
    let continuation: AsyncStream<SiteBuilder.Report>.Continuation

    init() {
        (stream, continuation) = AsyncStream.makeStream(of: SiteBuilder.Report.self)
    }

    var handler: Rebuilder.BuildHandler {
        { [continuation] report, _ in continuation.yield(report) }
    }
}

let quiet = Logger(label: "DossierPreviewTests") { _ in SwiftLogNoOpLogHandler() }

@Suite(.timeLimit(.minutes(1))) struct PreviewTests {
    @Test(arguments: [FileWatcher.Mode.events, .poll(interval: .milliseconds(50))])
    func watchRebuildsOnEachChangeAndKeepsTheLastGoodSite(mode: FileWatcher.Mode) async throws {
        let dossier = try ScratchDossier()
        let builds = Builds()
        let group = ServiceGroup(services: [try Rebuilder(SiteBuilder(root: dossier.root), mode: mode, onBuild: builds.handler)],
                                 logger: quiet)
        let running = Task { try await group.run() }
        var reports = builds.stream.makeAsyncIterator()
        #expect(await reports.next()?.succeeded == true)
        #expect(dossier.page(ScratchDossier.article).contains("the campaign had ended"))

        try dossier.append("content/raw/001.txt", "\nA sentence added while watching.\n")
        #expect(await reports.next()?.succeeded == true)
        let edited = dossier.page(ScratchDossier.article)
        #expect(edited.contains("A sentence added while watching."))

        try dossier.write(ScratchDossier.brokenClaim.0, ScratchDossier.brokenClaim.1)
        let failed = try #require(await reports.next())
        #expect(!failed.succeeded)
        #expect(failed.problems.contains("content/claims/broken.md:3:11: error:"))
        #expect(dossier.page(ScratchDossier.article) == edited, "a failed build leaves the site as it was")

        try dossier.remove(ScratchDossier.brokenClaim.0)
        #expect(await reports.next()?.succeeded == true)

        await group.triggerGracefulShutdown()
        #expect(await returns(running, within: 30))
    }

    @Test func serveReloadsPagesAfterAnEditAndShowsProblemsUntilFixed() async throws {
        let dossier = try ScratchDossier()
        let builds = Builds()
        let (ports, listening) = AsyncStream.makeStream(of: Int.self)
        let services = try Preview.services(SiteBuilder(root: dossier.root), host: "127.0.0.1", port: 0,
                                            onBuild: builds.handler, onListening: { listening.yield($0) })
        let group = ServiceGroup(services: services, logger: quiet)
        let running = Task { try await group.run() }
        let port = try #require(await ports.first { _ in true })
        var reports = builds.stream.makeAsyncIterator()
        #expect(await reports.next()?.succeeded == true)

        let page = try Connection(port: port)
        page.write("GET /__dossier/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(await page.receive(until: ": connected").contains(": connected"))

        try dossier.append("content/raw/001.txt", "\nA sentence added while serving.\n")
        #expect(await page.receive(until: "event: reload").contains("event: reload"))
        let served = try Connection(port: port)
        served.write("GET /\(ScratchDossier.article) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        let response = await served.receive()
        #expect(response.contains("A sentence added while serving."))
        #expect(response.contains(#"<script src="/__dossier/live.js"></script>"#))
        #expect(!dossier.page(ScratchDossier.article).contains("__dossier"), "the file on disk has no script")

        try dossier.write(ScratchDossier.brokenClaim.0, ScratchDossier.brokenClaim.1)
        let problem = await page.receive(until: "content/claims/broken.md:3:11: error:")  // keep-alives may come first
        #expect(problem.contains("event: problem\ndata: content/claims/broken.md:3:11: error:"))

        try dossier.remove(ScratchDossier.brokenClaim.0)
        #expect(await page.receive(until: "event: reload").contains("event: reload"))

        await group.triggerGracefulShutdown()
        #expect(await returns(running, within: 30), "stops with a page still connected")
    }
}
