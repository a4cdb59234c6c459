import DossierAnalyse
import DossierCheck
import DossierCore
import DossierIngest
import DossierLoad
import DossierPublish
import DossierRender
import Foundation

/// Builds one dossier again and again, as `watch` and `serve` do, redoing
/// only what a change affects: files not reported changed are not read
/// again, unchanged raw files are not normalised again, unchanged articles
/// are not analysed again, pages whose data did not change are not rendered
/// again, pages whose bytes did not change are not read again by the site
/// check, and only files whose bytes changed are written.
///
/// Every stage's cache is keyed by the stage's input, and what spans the
/// whole dossier is always gathered afresh, so each build gives the same
/// bytes as a build from scratch of the same content.
public struct BuildSession: Sendable {
    public let builder: SiteBuilder
    private var loadCache = LoadCache()
    private var ingestCache = IngestCache()
    private var analysisCache = AnalysisCache()
    private var renderCache: RenderCache
    private var checkCache = SiteCheckCache()
    private var renderer: (theme: [String: [UInt8]], renderer: SiteRenderer?, problems: [Diagnostic])?
    /// The files the output holds, as last published by this session; nil
    /// until a first publish, which then replaces the whole output.
    private var published: [String: SiteFile]?
    /// The dossier of the last successful build.
    private var lastDossier: AnalysedDossier?
    /// The output's lock, taken by the first build that publishes and held
    /// for the session's life, so no other process writes the site meanwhile.
    private var outputLock: OutputLock?

    /// Whether the session keeps each stage's results for the next build.
    /// A build done once keeps none, and holds no more than the pages being
    /// rendered at a time: each is staged and forgotten.
    public let rebuilding: Bool

    /// A session for `builder`; `rebuilding: false` for a single build.
    public init(_ builder: SiteBuilder, rebuilding: Bool = true) {
        self.builder = builder
        self.rebuilding = rebuilding
        renderCache = RenderCache(keepingPages: rebuilding)
        ingestCache = IngestCache(keepingResults: rebuilding)
        analysisCache = AnalysisCache(keepingArticles: rebuilding)
    }

    /// Builds the site after the files at `changed` (paths relative to the
    /// dossier's root) changed; nil when anything may have changed. The
    /// site is published only when neither the content nor the rendered
    /// site (its links, anchors and titles) has errors.
    public mutating func build(changed: Set<String>? = nil) async -> SiteBuilder.Report {
        await run(changed: changed, publishing: true)
    }

    /// Does all a build does but publish: the content's problems and the
    /// rendered site's, with nothing written.
    public mutating func check() async -> SiteBuilder.Report {
        await run(changed: nil, publishing: false)
    }

    /// Runs the stages. A build done once and a check keep no page; when
    /// the site check finds problems in pages that were neither kept nor
    /// staged (a check, or a build with errors in the content), the
    /// stages run again keeping just those pages, to locate the problems:
    /// that costs a second run in that case only, rather than holding
    /// every page of a large site in every case.
    private mutating func run(changed: Set<String>?, publishing: Bool) async -> SiteBuilder.Report {
        let (report, pagesToLocate) = await runStages(changed: changed, publishing: publishing, keeping: [])
        guard !pagesToLocate.isEmpty else { return report }
        var again = await runStages(changed: changed, publishing: publishing, keeping: pagesToLocate).report
        again.timings = report.timings + again.timings.map { ("\($0.stage) (again, to locate problems)", $0.duration) }
        return again
    }

    /// Runs the stages once, keeping the pages at `pagesToKeep` besides
    /// what a session keeps; returns the report, and the pages with
    /// problems that it could not locate because it had not kept them.
    private mutating func runStages(changed: Set<String>?, publishing: Bool,
                                    keeping pagesToKeep: Set<String>) async -> (report: SiteBuilder.Report, pagesToLocate: Set<String>) {
        let clock = ContinuousClock()
        var timings: [(stage: String, duration: Duration)] = []
        var started = clock.now
        func lap(_ stage: String) {
            timings.append((stage, started.duration(to: clock.now)))
            started = clock.now
        }

        // A site another process is writing is refused before any work:
        // nothing this build could find would be published.
        if publishing && outputLock == nil {
            do {
                outputLock = try OutputLock.acquire(for: builder.output)
            } catch {
                let refused = SiteBuilder.Report(diagnostics: [.error(SourceLocation(path: builder.relativeOutputPath), "\(error)")],
                                                 publish: nil, articleCount: 0, entityCount: 0, pageCount: 0, pagesRendered: 0,
                                                 linkCount: 0, timings: [])
                return (refused, [])
            }
        }
        var writtenFirst: Set<String> = []
        if publishing, let changed, !changed.isEmpty, changed.allSatisfy(Self.isArticle) {
            writtenFirst = await publishEditedArticles(changed)
            lap("edited articles")
        }
        if let changed { loadCache.invalidate(changed) } else { loadCache = LoadCache() }
        // Each stage's input, and a cache nothing will read again, is let go
        // as soon as the next stage has it: the raw bytes are not held while
        // the dossier is analysed, nor the articles' Markdown while it is
        // rendered.
        let dossier: AnalysedDossier
        do {
            let ingested: IngestedContent
            do {
                let content = ContentLoader(root: builder.root).load(cache: &loadCache)
                lap("load")
                ingested = await Ingest.run(content, cache: &ingestCache)
                lap("ingest")
            }
            if !rebuilding { loadCache = LoadCache() }
            dossier = await Analyse.run(consume ingested, cache: &analysisCache)
            lap("analyse")
        }
        if !rebuilding { analysisCache = AnalysisCache(keepingArticles: false) }
        let (renderer, themeProblems) = makeRenderer()
        var diagnostics = dossier.diagnostics + themeProblems + Feeds.warnings(for: dossier.config)
        var report = SiteBuilder.Report(diagnostics: [], publish: nil, articleCount: dossier.articles.count,
                                        entityCount: dossier.entities.count, pageCount: 0, pagesRendered: 0, linkCount: 0,
                                        timings: [])
        var pagesToLocate: Set<String> = []
        if let renderer {
            // A first publish stages each file as soon as it is rendered; a
            // rebuild writes only what changed, once the site is checked.
            var staged: StagedSite?
            if publishing && published == nil && !diagnostics.containsErrors {
                do {
                    staged = try Publisher(output: builder.output).stage()
                } catch {
                    diagnostics.append(.error(SourceLocation(path: builder.relativeOutputPath), "\(error)"))
                }
            }
            // Files are kept only when the next build compares with them, or
            // to locate problems a first run found in them (see `run`).
            let keeping = rebuilding
            let previousLinks = checkCache
            let rendered: [RenderedFile]
            do {
                // A data file nothing keeps is staged in pieces as it is made,
                // never held whole, and not made at all when nothing is staged.
                var stream: (@Sendable (DataFile) throws(Publisher.Failure) -> RenderedFile)?
                if !keeping {
                    stream = { [staged] dataFile throws(Publisher.Failure) in
                        RenderedFile(path: dataFile.path, kept: nil, links: nil,
                                     carriedOver: try staged?.add(path: dataFile.path) { dataFile.write(to: $0) } ?? false)
                    }
                }
                rendered = try await renderer.render(dossier, cache: &renderCache, stream: stream) { [staged] file throws(Publisher.Failure) in
                    RenderedFile(path: file.path, kept: keeping || pagesToKeep.contains(file.path) ? file : nil,
                                 links: SiteCheck.isPage(file.path) ? previousLinks.links(of: file) : nil,
                                 carriedOver: try staged?.add(file) ?? false)
                }
            } catch {
                staged?.discard()
                diagnostics.append(.error(SourceLocation(path: builder.relativeOutputPath), "\(error)"))
                rendered = []
            }
            lap("render")
            var sorted = SortedFiles(consume rendered, keepingPages: rebuilding)
            report.pageCount = sorted.pageCount
            report.pagesRendered = renderCache.rendered
            let files = sorted.kept
            let contents = Dictionary(files.lazy.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
            let check = await SiteCheck.run(links: sorted.links, otherFiles: sorted.otherFiles, siteFolder: builder.relativeOutputPath) { path in
                if let bytes = contents[path] ?? staged?.contents(of: path) { return bytes }
                pagesToLocate.insert(path)
                return nil
            }
            if rebuilding {
                checkCache.keep(sorted.keptPages, otherFiles: sorted.otherFiles)
            }
            // Every page's links, read for the check, are let go on another
            // thread, which must hold the last reference to them.
            let links = sorted.links
            sorted.links = [:]
            releaseInBackground(consume links)
            diagnostics += check.diagnostics
            report.linkCount = check.linkCount
            lap("check")
            if publishing && !diagnostics.containsErrors {
                do {
                    let previous = published
                    published = nil  // unknown until this publish succeeds
                    var publish = if let staged {
                        try staged.publish(written: sorted.written, unchanged: sorted.carriedOver)
                    } else {
                        try Publisher(output: builder.output).update(files, previous: previous ?? [:])
                    }
                    publish.written = (publish.written + writtenFirst).sorted()
                    publish.unchanged.removeAll(where: writtenFirst.contains)
                    report.publish = publish
                    if rebuilding {
                        published = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
                        lastDossier = dossier
                    }
                    lap("publish")
                } catch {
                    diagnostics.append(.error(SourceLocation(path: builder.relativeOutputPath), "\(error)"))
                }
            } else {
                staged?.discard()
            }
        }
        if publishing && report.publish == nil { lastDossier = nil }  // edited pages wait for a build that succeeds
        report.diagnostics = Array(Set(diagnostics)).sorted()
        report.timings = timings
        if !rebuilding { releaseInBackground(consume dossier) }
        return (report, pagesToLocate)
    }

    /// What a build keeps of each file it renders: its links when it is a
    /// page, whether it was carried over from the previous site, and the
    /// file itself when there is no staged copy or the next build needs it.
    private struct RenderedFile: Sendable {
        var path: String
        var kept: SiteFile?
        var links: PageLinks?
        var carriedOver: Bool
    }

    /// The rendered files sorted, in one pass, into what the check and the
    /// publish need: a site has tens of thousands of files.
    private struct SortedFiles {
        /// Each page's links by path (the first, should two files share a path).
        var links: [String: PageLinks] = [:]
        /// The paths of the files that are not pages.
        var otherFiles = Set<String>()
        var pageCount = 0
        /// The files kept in memory, and the pages among them with their links.
        var kept: [SiteFile] = [], keptPages: [(file: SiteFile, links: PageLinks)] = []
        /// The paths of the files staged anew and of those carried over.
        var written: [String] = [], carriedOver: [String] = []

        init(_ files: consuming [RenderedFile], keepingPages: Bool) {
            links.reserveCapacity(files.count)
            for index in files.indices {
                // Taken out where they lie, not copied: a page's links are a dozen lists.
                let (path, pageLinks, kept) = (files[index].path, files[index].links.take(), files[index].kept.take())
                if let pageLinks {
                    pageCount += 1
                    if links[path] == nil { links[path] = pageLinks }
                    if keepingPages, let kept { keptPages.append((kept, pageLinks)) }
                } else {
                    otherFiles.insert(path)
                }
                if let kept { self.kept.append(kept) }
                if files[index].carriedOver { carriedOver.append(path) } else { written.append(path) }
            }
        }
    }

    /// Whether `path` is an article's file, whose change can only change
    /// what the site shows of that article and of the lists that hold it.
    static func isArticle(_ path: String) -> Bool {
        path.hasPrefix("content/raw/") || path.hasPrefix("content/articles/")
    }

    /// Writes the pages of the articles whose files (`changed`) were edited
    /// at once, as they will look in the dossier last built, reading,
    /// ingesting and analysing those files alone, so the page being edited
    /// is shown without waiting for the whole dossier to be read and
    /// analysed again. The full build that follows rewrites whatever else
    /// changed, the same pages included should they differ. Nothing is
    /// written unless the last build succeeded and every changed file is an
    /// article of it that still reads without error under the same slug,
    /// and the pages' links and titles are right in the site they join.
    /// Returns the paths written.
    private mutating func publishEditedArticles(_ changed: Set<String>) async -> Set<String> {
        guard let previous = published, let lastDossier,
              case let (renderer?, problems) = makeRenderer(), !problems.containsErrors else { return [] }
        let loader = ContentLoader(root: builder.root)
        var edited: [(article: Article, rawText: String?)] = []
        for path in changed.sorted() {
            guard let before = lastDossier.articles.first(where: { $0.article.path == path }),
                  let source = loader.loadArticle(at: path),
                  let article = Ingest.reingest(source, previous: before.article, previousRawText: before.rawText)
            else { return [] }
            edited.append(article)
        }
        let dossier = lastDossier.replacing(Analyse.analyseAlone(edited, cache: analysisCache))
        let files = renderer.renderArticles(edited.map(\.article.slug), of: dossier, cache: &renderCache)
        let check = await checkCache.check(replacing: files, siteFolder: builder.relativeOutputPath)
        guard !check.diagnostics.containsErrors else { return [] }
        let replaced = previous.filter { path, _ in files.contains { $0.path == path } }
        guard let report = try? Publisher(output: builder.output).update(files, previous: replaced) else {
            published = nil  // unknown: the next build publishes the whole site
            return []
        }
        for file in files { published?[file.path] = file }
        return Set(report.written)
    }

    /// The renderer for the dossier's theme, made again only when a
    /// template or asset changed.
    private mutating func makeRenderer() -> (SiteRenderer?, [Diagnostic]) {
        let theme = builder.theme()
        if let renderer, renderer.theme == theme.files { return (renderer.renderer, renderer.problems) }
        let (made, problems) = SiteRenderer.make(theme: theme)
        renderer = (theme.files, made, problems)
        return (made, problems)
    }
}
