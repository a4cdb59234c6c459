import DossierCore
import Foundation

/// Checks the files of a rendered site, in memory, before they are
/// published: every internal link (`href`, `src`) of every HTML page leads
/// to a file of the site and every fragment to an id in its page (errors),
/// every page has a title (an error) and can be reached from `index.html`
/// by following links (a warning).
///
/// Each page is read once into ``PageLinks`` (in parallel), which a
/// ``SiteCheckCache`` keeps while the page's bytes stay the same; the links
/// are then looked up among the site's files and ids.
public enum SiteCheck {
    /// What a check found.
    public struct Report: Sendable {
        /// One diagnostic per problem, sorted, located in the pages.
        public var diagnostics: [Diagnostic]
        /// How many HTML pages were checked.
        public var pageCount: Int
        /// How many internal links (fragments alone included) were checked.
        public var linkCount: Int
    }

    /// Checks the whole site in `files`. `siteFolder` is the site's folder
    /// relative to the dossier's root (such as `site`), which locates each
    /// diagnostic as `siteFolder/page:line:column`.
    public static func run(_ files: [SiteFile], siteFolder: String) async -> Report {
        var cache = SiteCheckCache()
        return await run(files, siteFolder: siteFolder, cache: &cache)
    }

    /// Checks the site in `files`, reading again only the pages whose bytes
    /// changed since `cache` was filled. When `pages` is given, only the
    /// links and titles of those pages are checked (still against the whole
    /// site), and reachability is not.
    public static func run(_ files: [SiteFile], siteFolder: String, pages: Set<String>? = nil,
                           cache: inout SiteCheckCache) async -> Report {
        let extracted = await cache.extract(files.filter { isPage($0.path) })
        let contents = Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
        var problems: [(page: String, offset: Int?, problem: Problem)] = []
        var linkCount = 0
        let checked = extracted.keys.filter { pages?.contains($0) ?? true }.sorted()
        for page in checked {
            let links = extracted[page]!
            linkCount += links.links.count
            for link in links.links {
                if let problem = problem(with: link, in: contents, pages: extracted) {
                    problems.append((page, link.value.lowerBound, problem))
                }
            }
            switch links.title {
            case .present: break
            case .empty(let offset): problems.append((page, offset, .emptyTitle))
            case .missing: problems.append((page, nil, .noTitle))
            }
        }
        if pages == nil && !extracted.isEmpty {
            if extracted["index.html"] == nil {
                problems.append(("index.html", nil, .noFrontPage))
            } else {
                let reached = reachable(from: "index.html", in: extracted)
                problems += extracted.keys.filter { !reached.contains($0) }.map { ($0, nil, .unreachable) }
            }
        }
        let diagnostics = problems.map { page, offset, problem in
            let bytes = contents[page] ?? []
            let (line, column) = offset.map { position(of: $0, in: bytes) } ?? (1, 1)
            let location = SourceLocation(path: siteFolder.isEmpty ? page : "\(siteFolder)/\(page)", line: line, column: column)
            return Diagnostic(problem.severity, location, problem.message(bytes))
        }
        return Report(diagnostics: Array(Set(diagnostics)).sorted(), pageCount: checked.count, linkCount: linkCount)
    }

    /// Whether the file at `path` is an HTML page, whose links are checked.
    static func isPage(_ path: String) -> Bool {
        path.hasSuffix(".html") || path.hasSuffix(".htm")
    }

    /// What is wrong with `link`, if anything.
    private static func problem(with link: PageLinks.Link, in files: [String: [UInt8]], pages: [String: PageLinks]) -> Problem? {
        switch link.target {
        case .outsideSite: return .outsideSite(link.value)
        case .serverRoot: return .serverRoot(link.value)
        case .file(let path):
            guard files[path] != nil else { return .noSuchFile(link.value, path) }
            guard let fragment = link.fragment, pages[path]?.ids.contains(fragment) != true else { return nil }
            return .noSuchAnchor(fragment, path)
        }
    }

    /// The pages reached from `start` by following links, breadth first.
    private static func reachable(from start: String, in pages: [String: PageLinks]) -> Set<String> {
        var reached: Set<String> = [start]
        var queue = [start]
        var next = 0
        while next < queue.count {
            for link in pages[queue[next]]?.links ?? [] {
                if case .file(let path) = link.target, pages[path] != nil, reached.insert(path).inserted {
                    queue.append(path)
                }
            }
            next += 1
        }
        return reached
    }

    /// The 1-based line and column of the byte at `offset`, counting
    /// columns in Unicode scalars.
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {  // not a UTF-8 continuation byte
                column += 1
            }
        }
        return (line, column)
    }

    /// A problem found in a page.
    private enum Problem {
        case noSuchFile(Range<Int>, String)
        case noSuchAnchor(String, String)
        case outsideSite(Range<Int>)
        case serverRoot(Range<Int>)
        case noTitle, emptyTitle, noFrontPage, unreachable

        var severity: Diagnostic.Severity {
            if case .unreachable = self { return .warning }
            return .error
        }

        /// The message, quoting the link as written in `page`'s bytes.
        func message(_ page: [UInt8]) -> String {
            func written(_ value: Range<Int>) -> String {
                String(decoding: HTMLScanner.decodedValue(page, value), as: UTF8.self).trimmed
            }
            switch self {
            case .noSuchFile(let value, let path):
                let link = written(value)
                let resolved = link == path ? "" : " '\(path)'"
                return "link to '\(link)' does not resolve: no such file\(resolved) in the site"
            case .noSuchAnchor(let fragment, let path):
                return "anchor '#\(fragment)' not found in '\(path)'"
            case .outsideSite(let value):
                return "link to '\(written(value))' does not resolve: it leads outside the site"
            case .serverRoot(let value):
                return "link to '\(written(value))' does not resolve from disk or under a sub-path: links within the site must be relative"
            case .noTitle: return "page has no <title>"
            case .emptyTitle: return "page has an empty <title>"
            case .noFrontPage: return "the site has no index.html"
            case .unreachable: return "page is not reachable from index.html"
            }
        }
    }
}

/// The pages a site check read, kept so that the next check of the same
/// site reads only the pages whose bytes changed.
public struct SiteCheckCache: Sendable {
    private var pages: [String: (contents: [UInt8], links: PageLinks)] = [:]

    public init() {}

    /// The links of every page in `files`, taken from the cache where the
    /// page's bytes are the same (the same buffer, for pages a render cache
    /// kept, compares at once) and read in parallel otherwise. Afterwards
    /// the cache holds exactly these pages.
    mutating func extract(_ files: [SiteFile]) async -> [String: PageLinks] {
        var kept: [String: (contents: [UInt8], links: PageLinks)] = [:]
        var fresh: [SiteFile] = []
        for file in files {
            if let page = pages[file.path], page.contents == file.contents {
                kept[file.path] = page
            } else {
                fresh.append(file)
            }
        }
        let chunkSize = max(1, fresh.count / (ProcessInfo.processInfo.activeProcessorCount * 4))
        let chunks = stride(from: 0, to: fresh.count, by: chunkSize).map { fresh[$0..<min($0 + chunkSize, fresh.count)] }
        await withTaskGroup(of: [(SiteFile, PageLinks)].self) { group in
            for chunk in chunks {
                group.addTask { chunk.map { ($0, PageLinks(path: $0.path, contents: $0.contents)) } }
            }
            for await results in group {
                for (file, links) in results { kept[file.path] = (file.contents, links) }
            }
        }
        pages = kept
        return kept.mapValues(\.links)
    }
}
