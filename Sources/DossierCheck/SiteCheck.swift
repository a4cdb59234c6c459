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
    /// changed since `cache` was filled.
    public static func run(_ files: [SiteFile], siteFolder: String, cache: inout SiteCheckCache) async -> Report {
        let otherFiles = Set(files.lazy.map(\.path).filter { !isPage($0) })
        let extracted = await cache.extract(files.filter { isPage($0.path) }, otherFiles: otherFiles)
        let contents = Dictionary(files.lazy.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
        return await run(links: extracted, otherFiles: otherFiles, siteFolder: siteFolder) { contents[$0] }
    }

    /// Checks a site whose pages were already read into `links` (by path),
    /// beside `otherFiles`, the paths of its files that are not pages, as a
    /// build does that reads each page as it is rendered. `contents` gives
    /// the bytes of a page with problems at a place in it, to locate them
    /// and quote its links; it is asked for no other page.
    public static func run(links extracted: [String: PageLinks], otherFiles: Set<String>, siteFolder: String,
                           pages: Set<String>? = nil, contents: (String) -> [UInt8]?) async -> Report {
        // A whole site is numbered for the walk from the front page, and its
        // pages are checked in the order of their numbers; a few pages are looked up by name.
        let site = SiteFiles(pages: extracted, otherFiles: otherFiles, numbering: pages == nil)
        let checked = pages.map { $0.filter { extracted[$0] != nil } } ?? site.numbered!.paths
        let checkedLinks = site.numbered?.pages ?? checked.map { extracted[$0]! }
        let checks = await Array(checked.indices).concurrentMap { index in
            problems(of: checked[index], checkedLinks[index], in: site)
        }
        var findings = checks.flatMap(\.findings)
        if let numbered = site.numbered, !extracted.isEmpty {
            if let front = numbered.numbers.number(of: "index.html") {
                let reached = reachable(from: front, linked: checks.map(\.linkedPages))
                findings += numbered.paths.indices.filter { !reached[$0] }.map { Finding(page: numbered.paths[$0], offset: nil, problem: .unreachable) }
            } else {
                findings.append(Finding(page: "index.html", offset: nil, problem: .noFrontPage))
            }
        }
        var pagesWithFindings: [String: [UInt8]] = [:]
        for page in Set(findings.filter { $0.offset != nil }.map(\.page)) { pagesWithFindings[page] = contents(page) }
        let diagnostics = findings.map { finding in
            let bytes = pagesWithFindings[finding.page] ?? []
            let (line, column) = finding.offset.map { position(of: $0, in: bytes) } ?? (1, 1)
            let path = siteFolder.isEmpty ? finding.page : "\(siteFolder)/\(finding.page)"
            return Diagnostic(finding.problem.severity, SourceLocation(path: path, line: line, column: column),
                              finding.problem.message(bytes))
        }
        let linkCount = checkedLinks.reduce(0) { $0 + $1.links.count }
        return Report(diagnostics: Array(Set(diagnostics)).sorted(), pageCount: checked.count, linkCount: linkCount)
    }

    /// Whether the file at `path` is an HTML page, whose links are checked.
    public static func isPage(_ path: String) -> Bool {
        path.hasSuffix(".html") || path.hasSuffix(".htm")
    }

    /// The files of a site, for looking up the paths pages hold.
    private struct SiteFiles: Sendable {
        /// A whole site's pages by number, with the numbers by path as
        /// UTF-8, so that each path a page holds is found without making a
        /// string of it.
        struct Numbered: Sendable {
            let paths: [String]
            let pages: [PageLinks]
            let numbers: ByteStringNumbers
            let otherFiles: ByteStringNumbers
        }

        let pages: [String: PageLinks]
        let otherFiles: Set<String>
        /// Made for a check of the whole site, not worth making for a few pages.
        let numbered: Numbered?

        init(pages: [String: PageLinks], otherFiles: Set<String>, numbering: Bool) {
            self.pages = pages
            self.otherFiles = otherFiles
            guard numbering else {
                numbered = nil
                return
            }
            let paths = Array(pages.keys)
            numbered = Numbered(paths: paths, pages: paths.map { pages[$0]! },
                                numbers: ByteStringNumbers(paths), otherFiles: ByteStringNumbers(otherFiles))
        }

        /// A page of the site: by its number when the site is numbered, else
        /// what was read of it (a check of a few pages copies a few).
        enum Page {
            case numbered(Int)
            case read(PageLinks)
        }

        /// What the file at `path` is: nil when the site has no such file.
        enum Found {
            case page(Page)
            case otherFile
        }

        func find(_ path: ArraySlice<UInt8>) -> Found? {
            if let numbered {
                if let number = numbered.numbers.number(of: path) { return .page(.numbered(number)) }
                return numbered.otherFiles.number(of: path) == nil ? nil : .otherFile
            }
            let path = String(decoding: path, as: UTF8.self)
            if let page = pages[path] { return .page(.read(page)) }
            return otherFiles.contains(path) ? .otherFile : nil
        }

        /// Whether `page` defines the fragment of `link`, a link of the
        /// page read into `links`; nil when the link has no fragment. Only
        /// then is what was read of `page` looked at: most links lead to
        /// pages without a fragment.
        func fragment(of link: PageLinks.Link, in links: PageLinks, isDefinedIn page: Page) -> Bool? {
            guard links.hasFragment(link) else { return nil }
            return switch page {
            case .numbered(let number): links.fragment(of: link, isDefinedIn: numbered!.pages[number])
            case .read(let page): links.fragment(of: link, isDefinedIn: page)
            }
        }
    }

    /// The problems of the links and the title of `links`, the page at
    /// `page`, in `site`; and the numbers of the pages it links to, when the site is numbered.
    private static func problems(of page: String, _ links: PageLinks, in site: SiteFiles) -> (findings: [Finding], linkedPages: [Int]) {
        // Where each place the page links to leads, found once: most links
        // of a page lead to the same few places. A page found is named, not
        // copied: what was read of it is looked at only for a fragment.
        let targets = links.targetPaths
        var leads: [SiteFiles.Found?] = []
        var linkedNumbers: [Int] = []
        for target in targets {
            guard case .file(let path) = target else { leads.append(nil); continue }
            let found = site.find(path)
            leads.append(found)
            if case .page(.numbered(let number)) = found { linkedNumbers.append(number) }
        }
        var findings: [Finding] = []
        for link in links.links {
            switch leads[link.target] {
            case .page(let page):
                if site.fragment(of: link, in: links, isDefinedIn: page) != false { continue }
            case .otherFile:
                if !links.hasFragment(link) { continue }
            case nil:
                break
            }
            let problem: Problem
            switch targets[link.target] {
            case .outsideSite: problem = .outsideSite(link.value)
            case .serverRoot: problem = .serverRoot(link.value)
            case .file(let path):
                if leads[link.target] == nil {
                    problem = .noSuchFile(link.value, String(decoding: path, as: UTF8.self))
                } else {
                    problem = .noSuchAnchor(links.fragment(of: link) ?? "", String(decoding: path, as: UTF8.self))
                }
            }
            findings.append(Finding(page: page, offset: link.value.lowerBound, problem: problem))
        }
        switch links.title {
        case .present: break
        case .empty(let offset): findings.append(Finding(page: page, offset: offset, problem: .emptyTitle))
        case .missing: findings.append(Finding(page: page, offset: nil, problem: .noTitle))
        }
        return (findings, linkedNumbers)
    }

    /// Which pages are reached from the page numbered `start` by following
    /// links, breadth first; `linked` holds each page's linked pages.
    private static func reachable(from start: Int, linked: [[Int]]) -> [Bool] {
        var reached = [Bool](repeating: false, count: linked.count)
        reached[start] = true
        var queue = [start]
        var next = 0
        while next < queue.count {
            for page in linked[queue[next]] where !reached[page] {
                reached[page] = true
                queue.append(page)
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

    /// A problem and where it is: in `page`, at the byte `offset` (nil:
    /// the page as a whole).
    private struct Finding: Sendable {
        var page: String
        var offset: Int?
        var problem: Problem
    }

    /// A problem found in a page.
    private enum Problem: Sendable {
        case noSuchFile(Range<Int>, String)
        case noSuchAnchor(String, String)
        case outsideSite(Range<Int>)
        case serverRoot(Range<Int>)
        case noTitle, emptyTitle, noFrontPage, unreachable

        var severity: Diagnostic.Severity {
            if case .unreachable = self { return .warning }
            return .error
        }

        /// The message, quoting the link as written in `page`'s bytes (empty
        /// when the page's bytes could not be had).
        func message(_ page: [UInt8]) -> String {
            func written(_ value: Range<Int>) -> String {
                guard value.upperBound <= page.count else { return "" }
                return String(decoding: HTMLScanner.decodedValue(page, value), as: UTF8.self).trimmed
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
    private var contents: [String: [UInt8]] = [:]
    private var links: [String: PageLinks] = [:]
    /// The paths of the site's files that are not pages.
    private var otherFiles: Set<String> = []

    public init() {}

    /// The links of the page `file`: as last read when its bytes are the
    /// same (the same buffer, for pages a render cache kept, compares at
    /// once), read afresh otherwise.
    public func links(of file: SiteFile) -> PageLinks {
        if let kept = links[file.path], contents[file.path] == file.contents { return kept }
        return PageLinks(path: file.path, contents: file.contents)
    }

    /// Keeps `pages` with their links, and no other page, for the next
    /// check, in a site whose other files are `otherFiles`.
    public mutating func keep(_ pages: [(file: SiteFile, links: PageLinks)], otherFiles: Set<String>) {
        contents = Dictionary(pages.lazy.map { ($0.file.path, $0.file.contents) }, uniquingKeysWith: { first, _ in first })
        links = Dictionary(pages.lazy.map { ($0.file.path, $0.links) }, uniquingKeysWith: { first, _ in first })
        self.otherFiles = otherFiles
    }

    /// The links of every page in `files`, read in parallel where the cache
    /// does not have them. Afterwards the cache holds exactly these pages.
    mutating func extract(_ files: [SiteFile], otherFiles: Set<String>) async -> [String: PageLinks] {
        let read = await files.concurrentMap { [self] in links(of: $0) }
        keep(zip(files, read).map { (file: $0, links: $1) }, otherFiles: otherFiles)
        return links
    }

    /// Checks the links and titles of `pages` (and not reachability) in the
    /// site last kept with `pages` put in it, new or in place of their old
    /// versions; the cache is left as it was. This is the check of pages
    /// written ahead of a rebuild: it reads only those pages, however large
    /// the site.
    public func check(replacing pages: [SiteFile], siteFolder: String) async -> SiteCheck.Report {
        var site = links
        for page in pages where SiteCheck.isPage(page.path) { site[page.path] = links(of: page) }
        let written = Dictionary(pages.lazy.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
        return await SiteCheck.run(links: site, otherFiles: otherFiles, siteFolder: siteFolder,
                                   pages: Set(written.keys)) { written[$0] ?? contents[$0] }
    }
}
