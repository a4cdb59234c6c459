import DossierServe
import Foundation
import LoopbackClient
import Logging
import ServiceLifecycle
import Testing

/// A built site in a scratch folder, with a secret beside it and a symlink inside it that points out.
private struct Fixture {
    static let marker = "SECRET-7f3a"
    static let home = "<!doctype html>\n<html><body>\n<h1>Home</h1>\n</BODY></html>\n"

    let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("dossier-serve-\(UUID().uuidString)")
    var site: URL { folder.appendingPathComponent("site") }

    init() throws {
        let files = [
            "index.html": Self.home,
            "articles/index.html": "<html><body><h1>Articles</h1></body></html>",
            "articles/x.html": "<html><body><p>x</p></body></html>",
            "style.css": "body { margin: 0 }",
            "dossier.json": "{}",
            "feed.xml": "<feed/>",
            "logo.svg": "<svg/>",
        ]
        for (path, text) in files {
            let url = site.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try Data(Self.marker.utf8).write(to: folder.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("link"), withDestinationURL: folder)
    }
}

private let quiet = Logger(label: "DossierServeTests") { _ in SwiftLogNoOpLogHandler() }

/// Runs a server for `fixture` on a free port while `body` talks to it, then shuts it down gracefully and removes
/// the fixture.
private func serving(_ fixture: Fixture, liveReload: LiveReload = LiveReload(),
                     _ body: (Int) async throws -> Void) async throws {
    defer { try? FileManager.default.removeItem(at: fixture.folder) }
    let server = PreviewServer(site: fixture.site, port: 0, liveReload: liveReload)
    let (ports, listening) = AsyncStream.makeStream(of: Int.self)
    let group = ServiceGroup(services: [server.makeService { listening.yield($0) }], logger: quiet)
    let running = Task {
        defer { listening.finish() }
        try await group.run()
    }
    var result: Result<Void, any Error> = .success(())
    if let port = await ports.first(where: { _ in true }) {
        do { try await body(port) } catch { result = .failure(error) }
    }
    await group.triggerGracefulShutdown()
    try await running.value
    try result.get()
}

/// A whole response to one request on its own connection.
private struct Reply {
    let status: Int
    let headers: [String: String]
    let body: String
    let text: String

    init(port: Int, _ target: String, method: String = "GET", headers: [String] = []) async throws {
        let connection = try Connection(port: port)
        connection.write((["\(method) \(target) HTTP/1.1", "Host: 127.0.0.1", "Connection: close"] + headers)
            .joined(separator: "\r\n") + "\r\n\r\n")
        text = await connection.receive()
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts[0].components(separatedBy: "\r\n")
        status = Int(head[0].split(separator: " ").dropFirst().first ?? "") ?? 0
        self.headers = Dictionary(head.dropFirst().compactMap { line in
            line.firstIndex(of: ":").map { (line[..<$0].lowercased(), line[$0...].dropFirst().trimmingCharacters(in: .whitespaces)) }
        }, uniquingKeysWith: { first, _ in first })
        body = parts.dropFirst().joined(separator: "\r\n\r\n")
    }
}

private let scriptTag = #"<script src="/__dossier/live.js"></script>"#

@Test func servesIndexNestedPagesAndFolders() async throws {
    let fixture = try Fixture()
    try await serving(fixture) { port in
        let home = try await Reply(port: port, "/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.headers["cache-control"] == "no-store")
        #expect(home.body == Fixture.home.replacingOccurrences(of: "</BODY>", with: scriptTag + "</BODY>"))
        #expect(home.headers["content-length"] == String(home.body.utf8.count))
        let onDisk = try String(contentsOf: fixture.site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(onDisk == Fixture.home)

        let article = try await Reply(port: port, "/articles/x.html")
        #expect(article.status == 200)
        #expect(article.body == "<html><body><p>x</p>\(scriptTag)</body></html>")

        let articles = try await Reply(port: port, "/articles/")
        #expect(articles.status == 200)
        #expect(articles.body.contains("<h1>Articles</h1>"))

        let redirect = try await Reply(port: port, "/articles")
        #expect(redirect.status == 301)
        #expect(redirect.headers["location"] == "/articles/")
        #expect(redirect.headers["cache-control"] == "no-store")
        #expect(try await Reply(port: port, "//articles?page=2").headers["location"] == "/articles/?page=2")

        let missing = try await Reply(port: port, "/nothing.html")
        #expect(missing.status == 404)
        #expect(missing.body.contains(scriptTag))
    }
}

@Test func namesContentTypesByExtension() async throws {
    try await serving(try Fixture()) { port in
        for (path, type) in [
            ("/style.css", "text/css; charset=utf-8"), ("/dossier.json", "application/json"),
            ("/feed.xml", "application/xml"), ("/logo.svg", "image/svg+xml"),
        ] {
            let reply = try await Reply(port: port, path)
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"] == type, "\(path)")
            #expect(!reply.body.contains(scriptTag), "\(path)")
        }
    }
}

@Test func headHasTheHeadersOfGetWithoutBody() async throws {
    try await serving(try Fixture()) { port in
        for path in ["/", "/style.css"] {
            let get = try await Reply(port: port, path)
            let head = try await Reply(port: port, path, method: "HEAD")
            #expect(head.status == get.status)
            #expect(head.headers["content-length"] == get.headers["content-length"])
            #expect(head.headers["content-type"] == get.headers["content-type"])
            #expect(head.headers["etag"] == get.headers["etag"])
            #expect(head.body.isEmpty)
        }
    }
}

@Test func answersConditionalRequestsWithNotModified() async throws {
    let fixture = try Fixture()
    try await serving(fixture) { port in
        let first = try await Reply(port: port, "/style.css")
        let etag = try #require(first.headers["etag"])
        let lastModified = try #require(first.headers["last-modified"])

        let sameTag = try await Reply(port: port, "/style.css", headers: ["If-None-Match: \(etag)"])
        #expect(sameTag.status == 304)
        #expect(sameTag.body.isEmpty)
        let otherTag = try await Reply(port: port, "/style.css", headers: [#"If-None-Match: "0""#])
        #expect(otherTag.status == 200)
        let sameDate = try await Reply(port: port, "/style.css", headers: ["If-Modified-Since: \(lastModified)"])
        #expect(sameDate.status == 304)
        let oldDate = try await Reply(port: port, "/style.css", headers: ["If-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT"])
        #expect(oldDate.status == 200)

        try Data("body { margin: 1px }".utf8).write(to: fixture.site.appendingPathComponent("style.css"))
        let rebuilt = try await Reply(port: port, "/style.css", headers: ["If-None-Match: \(etag)"])
        #expect(rebuilt.status == 200)
        #expect(rebuilt.body == "body { margin: 1px }")
        #expect(rebuilt.headers["etag"] != etag)
    }
}

@Test func servesNothingOutsideTheSite() async throws {
    try await serving(try Fixture()) { port in
        for target in [
            "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt", "/%252e%252e/secret.txt",
            #"/articles/..\..\secret.txt"#, "/%2e%2e%5csecret.txt", "/link/secret.txt", "/.%2e/secret.txt",
            "http://127.0.0.1/../secret.txt",
        ] {
            let reply = try await Reply(port: port, target)
            #expect((400..<500).contains(reply.status), "\(target) → \(reply.status)")
            #expect(!reply.text.contains(Fixture.marker), "\(target)")
        }
    }
}

@Test func tellsConnectedPagesToReloadOrShowProblems() async throws {
    let liveReload = LiveReload()
    try await serving(try Fixture(), liveReload: liveReload) { port in
        let page = try Connection(port: port)
        page.write("GET /__dossier/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let opening = await page.receive(until: ": connected")
        #expect(opening.contains("text/event-stream"))

        await liveReload.rebuilt()
        #expect(await page.receive(until: "event: reload").contains("event: reload\n"))

        await liveReload.failed("a.md:1:1: error: x\nb.md:2:3: error: y")
        let problem = "event: problem\ndata: a.md:1:1: error: x\ndata: b.md:2:3: error: y\n\n"
        #expect(await page.receive(until: "error: y\n\n").contains(problem))

        let later = try Connection(port: port)
        later.write("GET /__dossier/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(await later.receive(until: "error: y\n\n").contains(problem))

        await liveReload.rebuilt()
        #expect(await page.receive(until: "event: reload").contains("event: reload\n"))
        #expect(await later.receive(until: "event: reload").contains("event: reload\n"))
    }
}

@Test func explainsAPortInUse() async throws {
    let fixture = try Fixture()
    try await serving(fixture) { port in
        let second = PreviewServer(site: fixture.site, port: port, liveReload: LiveReload())
        let error = await #expect(throws: PreviewServerError.self) { try await second.run() }
        #expect(error?.description == "cannot listen on 127.0.0.1:\(port): address already in use; try --port \(port + 1)")
    }
}

@Test func shutsDownGracefullyWithAPageConnected() async throws {
    let fixture = try Fixture()
    defer { try? FileManager.default.removeItem(at: fixture.folder) }
    let server = PreviewServer(site: fixture.site, port: 0, liveReload: LiveReload())
    let (ports, listening) = AsyncStream.makeStream(of: Int.self)
    let group = ServiceGroup(services: [server.makeService { listening.yield($0) }], logger: Logger(label: "DossierServeTests"))
    let running = Task { try await group.run() }
    let port = try #require(await ports.first { _ in true })
    let page = try Connection(port: port)
    page.write("GET /__dossier/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    #expect(await page.receive(until: ": connected").contains(": connected"))

    await group.triggerGracefulShutdown()
    #expect(await returns(running, within: 30))
    #expect(await page.receive().hasSuffix("0\r\n\r\n"), "the event stream ends properly")
}

@Test func servesTheScriptWithoutInnerHTML() async throws {
    try await serving(try Fixture()) { port in
        let script = try await Reply(port: port, "/__dossier/live.js")
        #expect(script.status == 200)
        #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(script.body.contains(#"new EventSource("/__dossier/events")"#))
        #expect(script.body.contains("textContent"))
        #expect(!script.body.contains("innerHTML"))
    }
}
