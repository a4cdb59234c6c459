import DossierCore
import DossierIngest
import DossierLoad
import Foundation

/// `dossier normalize`: what ingest makes of raw files, shown or written as
/// curated articles.
public struct NormalizeTask {
    /// One raw file's normalisation and the article file it would become.
    public struct Result: Sendable {
        public var file: RawFile
        public var normalization: Normalization?
        /// The file's path relative to the root, e.g. `content/articles/<slug>.md`.
        public var articlePath: String?
        /// The Markdown with front matter.
        public var articleText: String?
    }

    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// Normalises the given raw files (paths relative to the current
    /// directory or absolute), or all of content/raw/ when none is given.
    public func run(files: [String]) async -> ([Result], [Diagnostic]) {
        let content = ContentLoader(root: root).load()
        var diagnostics = content.diagnostics.filter { $0.location.path.hasPrefix("content/raw/") }
        var selectedPaths: [String] = []
        var outside: [RawFile] = []
        let currentDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let rootFolder = root.standardizedFileURL.path + "/"
        for file in files {
            let url = URL(fileURLWithPath: file, relativeTo: currentDirectory).standardizedFileURL
            if let raw = content.rawFiles.first(where: { root.appendingPathComponent($0.path).standardizedFileURL == url }) {
                selectedPaths.append(raw.path)
                continue
            }
            let inDossier = url.path.hasPrefix(rootFolder) ? String(url.path.dropFirst(rootFolder.count)) : nil
            var problems: [Diagnostic] = []
            if let bytes = ContentLoader.readFile(at: url.path, reportingAs: file, problems: &problems) {
                outside.append(RawFile(name: url.lastPathComponent, path: file, bytes: bytes))
                selectedPaths.append(file)
            } else if problems.isEmpty {
                diagnostics.append(.error(SourceLocation(path: file), "no such file"))
            } else if !diagnostics.contains(where: { $0.location.path == inDossier }) {
                diagnostics += problems  // each once: the load may have said why it skipped this file already
            }
        }
        // Every raw file is named as the build names it when none is curated,
        // so a written article keeps the slug, and so the page, it had.
        let taken = Set(content.curatedArticles.filter { $0.article.metadata.source == nil }.map(\.article.slug))
        let named = await Ingest.normalizeAndName(content.rawFiles, avoiding: taken)
            + Ingest.normalizeAndName(outside, avoiding: taken)
        let byPath = Dictionary(named.map { ($0.file.path, $0) }, uniquingKeysWith: { first, _ in first })

        var results: [Result] = []
        for path in files.isEmpty ? content.rawFiles.map(\.path) : selectedPaths {
            guard let entry = byPath[path] else { continue }
            diagnostics += entry.diagnostics
            var result = Result(file: entry.file, normalization: entry.normalization)
            if let normalization = entry.normalization, let slug = entry.slug {
                result.articlePath = "content/articles/\(slug).md"
                result.articleText = ArticleFileWriter.text(metadata: normalization.metadata, body: normalization.body)
            }
            results.append(result)
        }
        return (results, diagnostics)
    }

    /// Writes each result's article file; an existing file is kept unless
    /// `force` is set. Returns the paths written and the refusals.
    public func write(_ results: [Result], force: Bool) -> (written: [String], problems: [Diagnostic]) {
        var written: [String] = []
        var problems: [Diagnostic] = []
        try? FileManager.default.createDirectory(at: root.appendingPathComponent("content/articles"),
                                                 withIntermediateDirectories: true)
        for result in results {
            guard let path = result.articlePath, let text = result.articleText else { continue }
            let url = root.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path) && !force {
                problems.append(.error(SourceLocation(path: path), "exists; not overwritten (use --force to replace it)"))
                continue
            }
            do {
                try Data(text.utf8).write(to: url, options: .atomic)
                written.append(path)
            } catch {
                problems.append(.error(SourceLocation(path: path), "cannot write: \(error.localizedDescription)"))
            }
        }
        return (written, problems)
    }
}
