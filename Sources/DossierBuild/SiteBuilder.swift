import DefaultTheme
import DossierAnalyse
import DossierCore
import DossierIngest
import DossierLoad
import DossierPublish
import DossierRender
import Foundation

/// Runs the whole pipeline on a dossier: load → ingest → analyse → render →
/// publish. The site is published only when the content has no errors, so
/// a failed build leaves the previous site as it was.
public struct SiteBuilder {
    /// What a build did.
    public struct Report: Sendable {
        /// Every problem found, sorted by place.
        public var diagnostics: [Diagnostic]
        /// What was written, or nil when nothing was published.
        public var publish: Publisher.Report?
        public var articleCount: Int
        public var pageCount: Int
        /// Whether the build succeeded (and the site was published).
        public var succeeded: Bool { publish != nil }
    }

    public let root: URL
    public let output: URL

    /// A builder for the dossier at `root`, writing to `output` (default: `root/site`).
    public init(root: URL, output: URL? = nil) {
        self.root = root.standardizedFileURL
        self.output = (output ?? root.appendingPathComponent("site")).standardizedFileURL
    }

    public func build() async -> Report {
        let content = ContentLoader(root: root).load()
        let ingested = await Ingest.run(content)
        let dossier = await Analyse.run(ingested)
        var diagnostics = dossier.diagnostics
        let (renderer, themeProblems) = SiteRenderer.make(theme: theme())
        diagnostics += themeProblems
        var report = Report(diagnostics: [], publish: nil, articleCount: dossier.articles.count, pageCount: 0)
        if let renderer {
            let files = await renderer.render(dossier)
            report.pageCount = files.count { $0.path.hasSuffix(".html") }
            if !diagnostics.containsErrors {
                do {
                    report.publish = try Publisher(output: output).publish(files)
                } catch {
                    diagnostics.append(.error(SourceLocation(path: relativeOutputPath), "\(error)"))
                }
            }
        }
        report.diagnostics = Array(Set(diagnostics)).sorted()
        return report
    }

    /// The default theme with the dossier's own Templates/ files laid over it.
    func theme() -> Theme {
        Theme(files: DefaultTheme.files).overridden(by: readTemplates())
    }

    private func readTemplates() -> [String: [UInt8]] {
        let folder = root.appendingPathComponent("Templates")
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [:] }
        var files: [String: [UInt8]] = [:]
        while let path = enumerator.nextObject() as? String {
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            guard enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular,
                  let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else { continue }
            files[path] = [UInt8](data)
        }
        return files
    }

    private var relativeOutputPath: String {
        output.path.hasPrefix(root.path + "/") ? String(output.path.dropFirst(root.path.count + 1)) : output.path
    }
}
