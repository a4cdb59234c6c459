import Foundation
import Hummingbird
import ServiceLifecycle

/// Answers every request: the live-reload script and event stream under `/__dossier/`, otherwise a file of the site,
/// read from disk each time because the site is rebuilt underneath.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let site: URL
    let liveReload: LiveReload

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        var response: Response
        if let path = SitePath(target: request.head.path ?? "/") {
            switch path.decoded {
            case LiveReloadScript.path: response = script()
            case LiveReloadScript.eventsPath: response = events()
            default: response = file(at: path, for: request)
            }
        } else {
            response = Response(status: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: ResponseBody(byteBuffer: ByteBuffer(string: "Bad request\n")))
        }
        if response.headers[.cacheControl] == nil {
            response.headers[.cacheControl] = "no-store"  // a preview must never show a stale page
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    private func script() -> Response {
        Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: LiveReloadScript.source)))
    }

    /// Server-Sent Events for one page until it goes away or the server shuts down gracefully.
    private func events() -> Response {
        let body = ResponseBody { [liveReload] writer in
            let (events, feed) = AsyncStream.makeStream(of: LiveReload.Event.self)
            await liveReload.connect(feed)
            let keepAlive = Task {
                while true {
                    try await Task.sleep(for: .seconds(15))
                    feed.yield(.keepAlive)
                }
            }
            defer {
                keepAlive.cancel()
                feed.finish()
            }
            try await writer.write(ByteBuffer(string: ": connected\n\n"))
            // Without this, graceful shutdown would wait for every open page to go away.
            for await event in events.cancelOnGracefulShutdown() {
                try await writer.write(ByteBuffer(string: event.text))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
    }

    private func file(at path: SitePath, for request: Request) -> Response {
        guard var file = locate(path.segments) else { return notFound() }
        if isDirectory(file) {
            guard path.isFolder else {
                return Response(status: .movedPermanently, headers: [.location: path.folderRedirect])
            }
            guard let index = locate(path.segments + ["index.html"]), !isDirectory(index) else { return notFound() }
            file = index
        } else if path.isFolder {
            return notFound()
        }
        guard let data = FileManager.default.contents(atPath: file),
              let modified = try? FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date
        else { return notFound() }

        let type = Self.contentTypes[URL(fileURLWithPath: file).pathExtension.lowercased()] ?? "application/octet-stream"
        let bytes = type.hasPrefix("text/html") ? Self.injectingLiveReload(into: [UInt8](data)) : [UInt8](data)
        let etag = Self.etag(of: bytes)
        let lastModified = HTTPDate.format(modified)
        let headers: HTTPFields = [
            .contentType: type, .contentLength: String(bytes.count), .eTag: etag, .lastModified: lastModified,
        ]
        let unchanged: Bool
        if let tags = request.headers[.ifNoneMatch] {
            unchanged = tags.split(separator: ",").contains {
                let tag = $0.trimmingCharacters(in: .whitespaces)
                return tag == "*" || tag == etag || tag == "W/" + etag
            }
        } else if let since = request.headers[.ifModifiedSince].flatMap(HTTPDate.parse) {
            unchanged = modified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
        } else {
            unchanged = false
        }
        return unchanged
            ? Response(status: .notModified, headers: headers)
            : Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A small page for missing files; it reloads too, so a page that a later rebuild creates appears by itself.
    private func notFound() -> Response {
        let page = "<!doctype html>\n<title>Not found</title>\n<body>\n<h1>Not found</h1>\n<p>Nothing in the built site has this address.</p>\n</body>\n"
        return Response(status: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: Self.injectingLiveReload(into: Array(page.utf8)))))
    }

    /// The real path of `segments` below the site, or nil when it does not exist or, once symlinks are resolved,
    /// lies outside the site.
    private func locate(_ segments: [String]) -> String? {
        guard let root = realPath(site.path),
              let file = realPath(([root] + segments).joined(separator: "/")),
              file == root || file.hasPrefix(root + "/")
        else { return nil }
        return file
    }

    private func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    static let contentTypes = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "xml": "application/xml", "svg": "image/svg+xml",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
        "ico": "image/x-icon", "txt": "text/plain; charset=utf-8", "woff2": "font/woff2",
    ]

    /// `html` with the live-reload script before its last `</body>` (any case), or at the end if it has none.
    static func injectingLiveReload(into html: [UInt8]) -> [UInt8] {
        let lowered = html.map { (65...90).contains($0) ? $0 + 32 : $0 }
        let end = lowered.ranges(of: Array("</body>".utf8)).last?.lowerBound ?? html.endIndex
        return Array(html[..<end]) + Array(LiveReloadScript.tag.utf8) + Array(html[end...])
    }

    /// A strong entity tag from the bytes sent (64-bit FNV-1a).
    static func etag(of bytes: [UInt8]) -> String {
        let hash = bytes.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        return "\"\(String(hash, radix: 16))\""
    }
}

/// A request target reduced to a path that can only name something below the site: percent-decoded once, with no
/// `.` or `..` segment, NUL or backslash (`nil` otherwise, which is answered with 400).
struct SitePath {
    /// The decoded path, starting with `/`.
    let decoded: String
    /// The decoded segments, without empty ones.
    let segments: [String]
    /// Whether the path ends with `/`.
    var isFolder: Bool { decoded.hasSuffix("/") }
    /// Where a folder requested without its final `/` moves to: the undecoded path with `/`, and the query. It
    /// starts with a single `/`, so `//host` cannot redirect to another site.
    let folderRedirect: String

    init?(target: String) {
        let raw = target.prefix { $0 != "?" && $0 != "#" }
        guard raw.hasPrefix("/"), let decoded = raw.removingPercentEncoding,
              !decoded.contains("\0"), !decoded.contains("\\")
        else { return nil }
        let segments = decoded.split(separator: "/").map(String.init)
        guard !segments.contains(where: { $0 == "." || $0 == ".." }) else { return nil }
        self.decoded = decoded
        self.segments = segments
        folderRedirect = "/" + raw.drop { $0 == "/" } + "/" + target[raw.endIndex...]
    }
}

/// Dates as HTTP writes them (`Sun, 06 Nov 1994 08:49:37 GMT`).
enum HTTPDate {
    static func format(_ date: Date) -> String { formatter().string(from: date) }
    static func parse(_ text: String) -> Date? { formatter().date(from: text) }

    private static func formatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }
}
