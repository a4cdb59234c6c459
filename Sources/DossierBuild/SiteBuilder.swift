import DefaultTheme
import DossierAnalyse
import DossierCore
import DossierIngest
import DossierLoad
import DossierPublish
import DossierRender
import Foundation

/// Runs the whole pipeline on a dossier: load → ingest → analyse → render →
/// check → publish. The site is published only when the content and the
/// rendered site have no errors, so a failed build leaves the previous site
/// as it was.
public struct SiteBuilder: Sendable {
    /// What a build did.
    public struct Report: Sendable {
        /// Every problem found, sorted by place.
        public var diagnostics: [Diagnostic]
        /// What was written, or nil when nothing was published.
        public var publish: Publisher.Report?
        public var articleCount: Int
        public var entityCount: Int
        public var pageCount: Int
        /// How many pages were rendered; the others were unchanged since the last build of a session.
        public var pagesRendered: Int
        /// How many internal links of the pages the site check followed.
        public var linkCount: Int
        /// How long each stage took, in pipeline order, for `build --timings`.
        public var timings: [(stage: String, duration: Duration)]
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

    /// Builds the site once, from scratch.
    public func build() async -> Report {
        var session = BuildSession(self, rebuilding: false)
        return await session.build()
    }

    /// Runs the pipeline as `build` does and checks the rendered site,
    /// writing nothing: every problem `build` would report.
    public func check() async -> Report {
        var session = BuildSession(self, rebuilding: false)
        return await session.check()
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

    var relativeOutputPath: String {
        output.path.hasPrefix(root.path + "/") ? String(output.path.dropFirst(root.path.count + 1)) : output.path
    }
}
