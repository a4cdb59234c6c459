import DossierCore
import Foundation

/// A raw article as received: its bytes, untouched.
public struct RawFile: Hashable, Sendable {
    /// The file name inside `content/raw/`.
    public var name: String
    /// The path relative to the dossier's root, for messages.
    public var path: String
    public var bytes: [UInt8]

    public init(name: String, path: String, bytes: [UInt8]) {
        self.name = name
        self.path = path
        self.bytes = bytes
    }

    /// How curated articles refer to this file in `source:`.
    public var reference: String { "raw/\(name)" }
}

/// Everything read from a dossier's `content/` folder, before ingest.
public struct LoadedContent: Sendable {
    public var config: DossierConfig
    /// Raw articles, sorted by file name.
    public var rawFiles: [RawFile]
    /// Curated articles, sorted by slug.
    public var curatedArticles: [CuratedArticle]
    /// Entities, sorted by slug; no name or alias belongs to two of them.
    public var entities: [Entity]
    /// Claims, sorted by slug; every claimant and related slug exists.
    public var claims: [Claim]
    public var diagnostics: [Diagnostic]

    public init(config: DossierConfig, rawFiles: [RawFile] = [], curatedArticles: [CuratedArticle] = [],
                entities: [Entity] = [], claims: [Claim] = [], diagnostics: [Diagnostic] = []) {
        self.config = config
        self.rawFiles = rawFiles
        self.curatedArticles = curatedArticles
        self.entities = entities
        self.claims = claims
        self.diagnostics = diagnostics
    }
}

/// Reads a dossier's `content/` folder. Files are listed in sorted order, so
/// nothing downstream depends on the order the file system lists them in.
/// Symbolic links are not followed: content must live inside the dossier.
/// A file of more than ``maximumFileSize`` bytes is skipped with a warning,
/// unread.
public struct ContentLoader: Sendable {
    /// The most bytes a content file may hold: 5 MB, longer than any
    /// article (a book-length text is about 3 MB). Anything larger is a page
    /// dump or a mistake, and would make pages no reader can open while it
    /// held up the build.
    public static let maximumFileSize = 5_000_000

    public let root: URL
    /// `root` as a path, which files' paths are joined to by hand: a URL
    /// made for each of ten thousand files costs more than reading it.
    private let rootPath: String
    /// The most bytes a file this loader reads may hold.
    public let maximumFileSize: Int

    public init(root: URL, maximumFileSize: Int = ContentLoader.maximumFileSize) {
        self.root = root
        rootPath = root.path
        self.maximumFileSize = maximumFileSize
    }

    public func load() -> LoadedContent {
        var cache = LoadCache()
        return load(cache: &cache)
    }

    /// The same, reading and parsing again only what `cache` was told
    /// changed (``LoadCache/invalidate(_:)``).
    public func load(cache: inout LoadCache) -> LoadedContent {
        var problems: [Diagnostic] = []
        let configPath = "content/dossier.yml"
        var config = DossierConfig(title: "Untitled dossier")
        if let parsed = parse(configPath, slug: "", cache: &cache, memo: \.config, problems: &problems,
                              with: { text, path, _ in ContentFile.config(text, path: path) }) {
            if let parsed { config = parsed }
        } else if !problems.contains(where: { $0.location.path == configPath }) {
            problems.append(.error(SourceLocation(path: configPath), "missing: a dossier needs content/dossier.yml with at least a 'title'"))
        }

        var rawFiles: [RawFile] = []
        let rawNames = listFiles("content/raw", extension: "txt", cache: &cache, problems: &problems)
        prefetch(rawNames.map { "content/raw/\($0)" }, cache: &cache)
        for name in rawNames {
            let path = "content/raw/\(name)"
            if let bytes = readBytes(path, cache: &cache, problems: &problems) {
                rawFiles.append(RawFile(name: name, path: path, bytes: bytes))
            }
        }

        let curated = loadMarkdownFiles("content/articles", cache: &cache, memo: \.curated, problems: &problems,
                                        parse: ContentFile.article)
        let (entities, conflicts) = ContentFile.resolveNameConflicts(
            loadMarkdownFiles("content/entities", cache: &cache, memo: \.entities, problems: &problems,
                              parse: ContentFile.entity))
        problems += conflicts
        let (claims, unknown) = ContentFile.resolveClaimReferences(
            loadMarkdownFiles("content/claims", cache: &cache, memo: \.claims, problems: &problems,
                              parse: ContentFile.claim),
            entities: entities)
        problems += unknown

        return LoadedContent(config: config, rawFiles: rawFiles, curatedArticles: curated, entities: entities,
                             claims: claims, diagnostics: problems)
    }

    /// An article's file read alone, as ``load(cache:)`` reads it.
    public enum ArticleSource: Equatable, Sendable {
        case raw(RawFile)
        case curated(CuratedArticle)
    }

    /// The article file at `path` (`content/raw/*.txt` or
    /// `content/articles/*.md`, relative to the root) read by itself, for
    /// showing an edited article before the whole content is read again;
    /// nil when it is not a regular file of those folders or does not read
    /// and parse without a problem (the full load then reports it).
    public func loadArticle(at path: String) -> ArticleSource? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "content", !parts[2].hasPrefix(".") else { return nil }
        var status = stat()
        guard lstat("\(rootPath)/\(path)", &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        var problems: [Diagnostic] = []
        let name = String(parts[2])
        switch parts[1] {
        case "raw" where name.hasSuffix(".txt"):
            return readBytes(path, problems: &problems).map { .raw(RawFile(name: name, path: path, bytes: $0)) }
        case "articles" where name.hasSuffix(".md"):
            guard let slug = Self.slug(ofFileNamed: name, at: path, problems: &problems), let bytes = readBytes(path, problems: &problems),
                  let text = decodeText(bytes, path: path, problems: &problems),
                  case let (article?, parseProblems) = ContentFile.article(text, path: path, slug: slug),
                  parseProblems.isEmpty else { return nil }
            return .curated(article)
        default:
            return nil
        }
    }

    /// The slug a curated file named `name` (`<slug>.md`) gives its page;
    /// nil, with the error, when the name is no slug or names a folder's
    /// index page.
    private static func slug(ofFileNamed name: String, at path: String, problems: inout [Diagnostic]) -> String? {
        let slug = String(name.dropLast(3))
        guard Slug.isValid(slug) else {
            problems.append(.error(SourceLocation(path: path), "file name must be a slug (lower-case a-z, 0-9 and single hyphens) followed by .md"))
            return nil
        }
        guard !Slug.reserved.contains(slug) else {
            problems.append(.error(SourceLocation(path: path), "'\(slug)' names the folder's index page; give the file another name"))
            return nil
        }
        return slug
    }

    /// Parses every `*.md` file of `folder` whose name is a slug, in sorted order.
    private func loadMarkdownFiles<Parsed>(
        _ folder: String, cache: inout LoadCache, memo: WritableKeyPath<LoadCache, [String: LoadCache.Parsed<Parsed>]>,
        problems: inout [Diagnostic], parse: @Sendable (_ text: String, _ path: String, _ slug: String) -> (Parsed?, [Diagnostic])
    ) -> [Parsed] {
        var parsed: [Parsed] = []
        let files = listFiles(folder, extension: "md", cache: &cache, problems: &problems).compactMap { name -> (path: String, slug: String)? in
            let path = "\(folder)/\(name)"
            return Self.slug(ofFileNamed: name, at: path, problems: &problems).map { (path, $0) }
        }
        prefetch(files, cache: &cache, memo: memo, parse: parse)
        for (path, slug) in files {
            if case let file?? = self.parse(path, slug: slug, cache: &cache, memo: memo, problems: &problems, with: parse) {
                parsed.append(file)
            }
        }
        return parsed
    }

    /// What the file at `path` parses into, nil when it cannot be read.
    /// Parsing is skipped while `cache` holds the file's result.
    private func parse<Parsed>(
        _ path: String, slug: String, cache: inout LoadCache, memo: WritableKeyPath<LoadCache, [String: LoadCache.Parsed<Parsed>]>,
        problems: inout [Diagnostic], with parse: @Sendable (_ text: String, _ path: String, _ slug: String) -> (Parsed?, [Diagnostic])
    ) -> Parsed?? {
        if let kept = cache[keyPath: memo][path] {
            problems += kept.problems
            return .some(kept.value)
        }
        guard let text = readText(path, cache: &cache, problems: &problems) else { return nil }
        let (value, parseProblems) = parse(text, path, slug)
        problems += parseProblems
        cache[keyPath: memo][path] = LoadCache.Parsed(value: value, problems: parseProblems)
        return .some(value)
    }

    /// Reads the files at `paths` that `cache` does not hold, all at once on
    /// every core, and keeps their bytes in `cache`, from which the load
    /// then takes them in order.
    private func prefetch(_ paths: [String], cache: inout LoadCache) {
        let missing = paths.filter { cache.reads[$0] == nil }
        let reads = missing.concurrentMapWaiting { path in
            var problems: [Diagnostic] = []
            return LoadCache.Read(bytes: readBytes(path, problems: &problems), problems: problems)
        }
        for (path, read) in zip(missing, reads) { cache.reads[path] = read }
    }

    /// The same for curated files (paths with the slugs their pages get),
    /// parsing each that reads as text with `parse` and keeping that too;
    /// one that does not is left to the load, which reports why.
    private func prefetch<Parsed>(
        _ files: [(path: String, slug: String)], cache: inout LoadCache,
        memo: WritableKeyPath<LoadCache, [String: LoadCache.Parsed<Parsed>]>,
        parse: @Sendable (_ text: String, _ path: String, _ slug: String) -> (Parsed?, [Diagnostic])
    ) {
        let missing = files.filter { cache.reads[$0.path] == nil && cache[keyPath: memo][$0.path] == nil }
        let found = missing.concurrentMapWaiting { file -> (read: LoadCache.Read, parsed: LoadCache.Parsed<Parsed>?) in
            var problems: [Diagnostic] = []
            let bytes = readBytes(file.path, problems: &problems)
            let read = LoadCache.Read(bytes: bytes, problems: problems)
            guard let bytes, let text = decodeText(bytes, path: file.path, problems: &problems) else { return (read, nil) }
            let (value, parseProblems) = parse(text, file.path, file.slug)
            return (read, LoadCache.Parsed(value: value, problems: parseProblems))
        }
        for (file, result) in zip(missing, found) {
            cache.reads[file.path] = result.read
            if let parsed = result.parsed { cache[keyPath: memo][file.path] = parsed }
        }
    }

    /// Names of the regular files with `extension` in `folder`, sorted. Other
    /// entries are reported once, as warnings; hidden files are ignored.
    private func listFiles(_ folder: String, extension wanted: String, cache: inout LoadCache,
                           problems: inout [Diagnostic]) -> [String] {
        if let kept = cache.listings[folder], kept.suspects.allSatisfy({ stillListed($0, in: kept, folder: folder) }) {
            cache.listings[folder]?.suspects = []
            problems += kept.problems
            return kept.names
        }
        var listingProblems: [Diagnostic] = []
        let names = listFiles(folder, extension: wanted, problems: &listingProblems)
        cache.listings[folder] = LoadCache.Listing(names: names, problems: listingProblems)
        problems += listingProblems
        return names
    }

    /// Whether the listing of `folder` is still right about `name`, which
    /// changed: a listed file that is still a regular file, a hidden name,
    /// or a name that was never listed and does not exist.
    private func stillListed(_ name: String, in listing: LoadCache.Listing, folder: String) -> Bool {
        if name.hasPrefix(".") { return true }
        var status = stat()
        let exists = lstat("\(rootPath)/\(folder)/\(name)", &status) == 0
        if listing.names.contains(name) { return exists && status.st_mode & S_IFMT == S_IFREG }
        return !exists
    }

    private func listFiles(_ folder: String, extension wanted: String, problems: inout [Diagnostic]) -> [String] {
        var parent = ""
        for component in folder.split(separator: "/") {
            parent += parent.isEmpty ? String(component) : "/\(component)"
            let type = try? FileManager.default.attributesOfItem(atPath: "\(rootPath)/\(parent)")[.type]
            if type as? FileAttributeType == .typeSymbolicLink {
                let warning = Diagnostic.warning(SourceLocation(path: parent), "symbolic link not followed: content must be inside the dossier")
                if !problems.contains(warning) { problems.append(warning) }
                return []
            }
        }
        let folderPath = "\(rootPath)/\(folder)"
        guard let entries = Self.entries(of: folderPath) else { return [] }
        var files: [String] = []
        for (name, listedType) in entries.sorted(by: { $0.name < $1.name }) where !name.hasPrefix(".") {
            let path = "\(folder)/\(name)"
            var status = stat()
            let type = listedType ?? (lstat("\(folderPath)/\(name)", &status) == 0 ? status.st_mode & S_IFMT : 0)
            if type == S_IFLNK {
                problems.append(.warning(SourceLocation(path: path), "symbolic link not followed: content must be inside the dossier"))
            } else if type != S_IFREG || !name.hasSuffix(".\(wanted)") {
                problems.append(.warning(SourceLocation(path: path), "ignored: only *.\(wanted) files are read here"))
            } else {
                files.append(name)
            }
        }
        return files
    }

    /// The names in the folder at `path`, each with its file type (as
    /// `stat`'s `st_mode & S_IFMT` gives it) when the listing tells it, as
    /// most file systems' do: ten thousand `lstat` calls are spared. Nil when
    /// the folder cannot be read.
    private static func entries(of path: String) -> [(name: String, type: mode_t?)]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var entries: [(name: String, type: mode_t?)] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
            guard name != ".", name != ".." else { continue }
            // A listed type is the file type's bits shifted down (glibc's `DTTOIF`).
            let listed = entry.pointee.d_type
            entries.append((name, Int32(listed) == DT_UNKNOWN ? nil : mode_t(listed) << 12))
        }
        return entries
    }

    private func readBytes(_ path: String, cache: inout LoadCache, problems: inout [Diagnostic]) -> [UInt8]? {
        if let kept = cache.reads[path] {
            problems += kept.problems
            return kept.bytes
        }
        var readProblems: [Diagnostic] = []
        let bytes = readBytes(path, problems: &readProblems)
        cache.reads[path] = LoadCache.Read(bytes: bytes, problems: readProblems)
        problems += readProblems
        return bytes
    }

    private func readBytes(_ path: String, problems: inout [Diagnostic]) -> [UInt8]? {
        Self.readFile(at: "\(rootPath)/\(path)", reportingAs: path, limit: maximumFileSize, problems: &problems)
    }

    /// The bytes of the file at `absolutePath`, read as content files are:
    /// nil with a warning when it holds more than `limit` bytes (it is not
    /// read), nil with an error when it cannot be read, and nil alone when
    /// there is no such file. Problems are located at `path`.
    public static func readFile(at absolutePath: String, reportingAs path: String, limit: Int = maximumFileSize,
                                problems: inout [Diagnostic]) -> [UInt8]? {
        do {
            return try FileBytes.read(absolutePath, limit: limit)
        } catch .missing {
            return nil
        } catch .tooLarge(let size) {
            problems.append(.warning(SourceLocation(path: path),
                                     "skipped: \(megabytes(size)) is more than the \(megabytes(limit)) a content file may hold; split it into several files"))
            return nil
        } catch {
            problems.append(.error(SourceLocation(path: path), "cannot read: \(error)"))
            return nil
        }
    }

    /// `bytes` in megabytes, to one decimal: "52.5 MB".
    private static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes + 50_000) / 100_000
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }

    private func readText(_ path: String, cache: inout LoadCache, problems: inout [Diagnostic]) -> String? {
        readBytes(path, cache: &cache, problems: &problems).flatMap { decodeText($0, path: path, problems: &problems) }
    }

    /// A curated file's text: UTF-8, with or without a byte-order mark,
    /// its line breaks made `\n`.
    private func decodeText(_ bytes: [UInt8], path: String, problems: inout [Diagnostic]) -> String? {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            problems.append(.error(SourceLocation(path: path), "not valid UTF-8: save the file as UTF-8"))
            return nil
        }
        guard bytes.contains(UInt8(ascii: "\r")) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}

/// What loading keeps from one build to the next while a dossier is
/// watched: folder listings, the bytes of each file and what each curated
/// file parsed into. Nothing is read again until it is invalidated, so the
/// watcher must report every change (``invalidate(_:)``), or the cache be
/// replaced by a new one when it cannot.
public struct LoadCache: Sendable {
    struct Listing: Sendable {
        var names: [String]
        var problems: [Diagnostic]
        /// Names in the folder that changed since it was listed: the listing
        /// holds while each is still what the listing says it is.
        var suspects: Set<String> = []
    }

    struct Read: Sendable {
        var bytes: [UInt8]?
        var problems: [Diagnostic]
    }

    struct Parsed<Value: Sendable>: Sendable {
        var value: Value?
        var problems: [Diagnostic]
    }

    var listings: [String: Listing] = [:]
    var reads: [String: Read] = [:]
    var config: [String: Parsed<DossierConfig>] = [:]
    var curated: [String: Parsed<CuratedArticle>] = [:]
    var entities: [String: Parsed<Entity>] = [:]
    var claims: [String: Parsed<Claim>] = [:]

    public init() {}

    /// Forgets what was read at or under each of `paths` (relative to the
    /// dossier's root) and the listings of folders at or under them; the
    /// listing of the folder holding a path is checked again for that name.
    public mutating func invalidate(_ paths: some Sequence<String>) {
        for path in paths {
            func under(_ key: String) -> Bool { key == path || key.hasPrefix(path + "/") }
            listings = listings.filter { !under($0.key) }
            if let slash = path.lastIndex(of: "/"), listings[String(path[..<slash])] != nil {
                listings[String(path[..<slash])]?.suspects.insert(String(path[path.index(after: slash)...]))
            }
            reads = reads.filter { !under($0.key) }
            config = config.filter { !under($0.key) }
            curated = curated.filter { !under($0.key) }
            entities = entities.filter { !under($0.key) }
            claims = claims.filter { !under($0.key) }
        }
    }
}
