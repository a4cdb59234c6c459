import CommonMark
import DossierAnalyse
import DossierCore
import MustacheTemplates

/// Renders the analysed dossier into the site's files: pages through the
/// theme's Mustache templates, dossier.json, and the theme's assets.
public struct SiteRenderer: Sendable {
    let library: TemplateLibrary
    let theme: Theme

    /// A renderer for `theme`, or nil with the errors when its templates are broken.
    public static func make(theme: Theme) -> (SiteRenderer?, [Diagnostic]) {
        let (library, problems) = theme.library()
        return (library.map { SiteRenderer(library: $0, theme: theme) }, problems)
    }

    /// Every file of the site, sorted by path.
    public func render(_ dossier: AnalysedDossier) async -> [SiteFile] {
        var cache = RenderCache(keepingPages: false)
        return await render(dossier, cache: &cache) { $0 }
    }

    /// Renders every file of the site and hands each to `deliver` as soon
    /// as it is made, from many tasks at once, so that a build need not
    /// hold the whole site; returns what `deliver` gave for each file,
    /// sorted by the file's path. The data files go to `stream` instead,
    /// when there is one, to be written in pieces as they are made. Only
    /// the pages whose data changed since `cache` was filled are rendered
    /// again. Pages are rendered in parallel; an article's task owns its
    /// Markdown tree, which it transforms (claim sentences, links to
    /// entities) before rendering it. The first error `deliver` or `stream`
    /// throws stops the render and is thrown.
    public func render<Delivered: Sendable, Failure: Error>(
        _ dossier: AnalysedDossier, cache: inout RenderCache,
        stream: (@Sendable (DataFile) throws(Failure) -> Delivered)? = nil,
        deliver: @escaping @Sendable (SiteFile) throws(Failure) -> Delivered
    ) async throws(Failure) -> [Delivered] {
        if cache.themeFiles != theme.files {  // every page may change; article bodies do not depend on the theme
            cache.pages = [:]
            cache.themeFiles = theme.files
        }
        let context = await PageContext(dossier: dossier).summarisingArticles()
        var jobs = [
            PageJob(path: "index.html", template: "index") { frontPage(context) },
            PageJob(path: "articles/index.html", template: "articles") { articlesIndex(context) },
            PageJob(path: "entities/index.html", template: "entities") { context.entitiesIndex() },
            PageJob(path: "claims/index.html", template: "claims") { context.claimsIndex() },
            PageJob(path: "sources/index.html", template: "sources") { context.sourcesIndex() },
            PageJob(path: "search.html", template: "search") { context.frame(title: "Search", depth: 0, section: "search") },
        ]
        // Jobs and tasks name each article by its position: a copy of an
        // analysed article for each would be twenty thousand copies on one core.
        for position in dossier.articles.indices where dossier.articles[position].rawText != nil {
            jobs.append(PageJob(path: "raw/\(dossier.articles[position].article.slug).html", template: "raw") {
                rawSource(context.dossier.articles[position], context)
            })
        }
        for analysed in dossier.entities {
            jobs.append(PageJob(path: Self.pagePath(ofEntity: analysed.entity.slug), template: "entity") {
                context.entity(analysed, notesHTML: sectionHTML(analysed.entity.notes))
            })
        }
        // The pages that show figure tables wait for them, which are made
        // while the other pages render.
        let figuresIndexPath = "figures/index.html"
        func figureJobs(_ figureTables: [String: TemplateValue]) -> [PageJob] {
            [PageJob(path: figuresIndexPath, template: "figures") { context.figuresIndex(figureTables) }]
                + dossier.claims.map { analysed in
                    PageJob(path: Self.pagePath(ofClaim: analysed.claim.slug), template: "claim") {
                        context.claim(analysed, analysisHTML: sectionHTML(analysed.claim.analysis), figureTables: figureTables)
                    }
                }
        }
        let previous = cache
        let keeping = cache.keepingPages
        // Every page's path is known before any is rendered, so the sitemap is made alongside the pages.
        let pagePaths = jobs.map(\.path) + [figuresIndexPath] + dossier.claims.map { Self.pagePath(ofClaim: $0.claim.slug) }
            + dossier.articles.map { Self.pagePath(ofArticle: $0.article.slug) }
        var outcome = await withTaskGroup(of: RenderTaskResult<Delivered, Failure>.self) { group in
            func add(_ page: @escaping @Sendable () -> PageResult) {
                group.addTask {
                    guard !Task.isCancelled else { return .skipped }
                    let result = page()
                    return .file(DeliveredPage(path: result.page.file.path, isPage: true, reused: result.reused,
                                               kept: keeping ? (result.page, result.body) : nil,
                                               delivered: Result { () throws(Failure) in try deliver(result.page.file) }))
                }
            }
            func add(_ path: String, _ file: @escaping @Sendable () -> SiteFile?) {
                group.addTask {
                    guard !Task.isCancelled, let file = file() else { return .skipped }
                    return .file(DeliveredPage(path: path, isPage: false, reused: false, kept: nil,
                                               delivered: Result { () throws(Failure) in try deliver(file) }))
                }
            }
            group.addTask { .figureTables(await context.figureTables()) }
            // The two large data files need no page: they are made alongside
            // the pages, and handed over as they are made.
            for dataFile in DataFile.all(of: dossier) {
                group.addTask {
                    guard !Task.isCancelled else { return .skipped }
                    let delivered = Result { () throws(Failure) in
                        if let stream { try stream(dataFile) } else { try deliver(dataFile.file) }
                    }
                    return .file(DeliveredPage(path: dataFile.path, isPage: false, reused: false, kept: nil, delivered: delivered))
                }
            }
            add("feed.xml") { SiteFile(path: "feed.xml", contents: Feeds.atom(dossier)) }
            add("sitemap.xml") {
                Feeds.sitemap(pages: pagePaths, config: dossier.config).map { SiteFile(path: "sitemap.xml", contents: $0) }
            }
            for job in jobs {
                add { render(job, previous: previous.pages[job.path], in: context, fingerprinting: keeping) }
            }
            for position in dossier.articles.indices {
                add { articlePage(context.dossier.articles[position], context, previous: previous) }
            }
            var outcome = RenderOutcome<Delivered, Failure>()
            for await result in group {
                switch result {
                case .file(let page):
                    if case .failure = page.delivered { group.cancelAll() }
                    outcome.add(page)
                case .figureTables(let tables):
                    for job in figureJobs(tables) {
                        add { render(job, previous: previous.pages[job.path], in: context, fingerprinting: keeping) }
                    }
                case .skipped:
                    continue
                }
            }
            return outcome
        }
        // The pages' data, every article's summary among it, is freed on another thread.
        releaseInBackground((consume context, consume jobs))
        if keeping {
            cache.pages = Dictionary(uniqueKeysWithValues: outcome.kept.map { ($0.page.file.path, $0.page) })
            cache.bodies = Dictionary(uniqueKeysWithValues: outcome.kept.compactMap(\.body))
        }
        cache.reused = outcome.reused
        cache.rendered = outcome.pages - outcome.reused
        for case .failure(let error)? in outcome.delivered { throw error }  // the first, in the order the files were made
        for file in theme.assets {
            outcome.paths.append(file.path)
            outcome.delivered.append(.success(try deliver(file)))
        }
        // Sorted by the paths alone: sorting what `deliver` gave, a type this
        // generic function is not specialised for, costs an allocation per
        // move. Each is taken out of the list, not copied.
        let paths = outcome.paths
        return try paths.indices.sorted { paths[$0] < paths[$1] }.map { index throws(Failure) in
            try outcome.delivered[index].take()!.get()
        }
    }

    /// The pages of the articles with `slugs` alone, for showing edited
    /// articles before the whole site is rendered again; `cache` keeps them.
    public func renderArticles(_ slugs: [String], of dossier: AnalysedDossier, cache: inout RenderCache) -> [SiteFile] {
        guard cache.themeFiles == theme.files else { return [] }
        let context = PageContext(dossier: dossier)
        return slugs.compactMap(dossier.article).map { analysed in
            let result = articlePage(analysed, context, previous: cache)
            cache.pages[result.page.file.path] = result.page
            if let (slug, body) = result.body { cache.bodies[slug] = body }
            return result.page.file
        }
    }

    /// An article's page, with its body taken from `previous` while the
    /// article's analysis is the same.
    func articlePage(_ analysed: AnalysedArticle, _ context: PageContext, previous: RenderCache) -> PageResult {
        let slug = analysed.article.slug
        let body = previous.bodies[slug].flatMap { $0.document === analysed.document ? $0 : nil }
            ?? articleBody(analysed, context)
        let job = PageJob(path: Self.pagePath(ofArticle: slug), template: "article") {
            context.article(analysed, bodyHTML: body.html)
        }
        var result = render(job, previous: previous.pages[job.path], in: context, fingerprinting: previous.keepingPages)
        result.body = (slug, body)
        return result
    }

    /// Where the page of the article with `slug` goes, from the site's root:
    /// every link to an article's page, and every list of pages, says it so.
    static func pagePath(ofArticle slug: String) -> String {
        "articles/\(slug).html"
    }

    /// Where the page of the entity with `slug` goes, from the site's root.
    static func pagePath(ofEntity slug: String) -> String {
        "entities/\(slug).html"
    }

    /// Where the page of the claim with `slug` goes, from the site's root.
    static func pagePath(ofClaim slug: String) -> String {
        "claims/\(slug).html"
    }

    /// What a task of a render gives back: a file, the figure tables some
    /// pages wait for, or nothing (the render was cancelled, or the file is
    /// not made, as the sitemap without a `base_url`).
    enum RenderTaskResult<Delivered: Sendable, Failure: Error>: Sendable {
        case file(DeliveredPage<Delivered, Failure>)
        case figureTables([String: TemplateValue])
        case skipped
    }

    /// A page (or another file made beside the pages) as a render hands
    /// it back: what `deliver` gave for it, and what a cache that keeps
    /// pages keeps of it.
    struct DeliveredPage<Delivered: Sendable, Failure: Error>: Sendable {
        var path: String
        var isPage: Bool
        var reused: Bool
        var kept: (page: RenderedPage, body: (slug: String, RenderedBody)?)?
        var delivered: Result<Delivered, Failure>
    }

    /// What a render gathers from its tasks as each ends, taken apart in
    /// one pass: this generic code copies a value through its type's
    /// witnesses, so the site's files are not passed over again and again.
    struct RenderOutcome<Delivered: Sendable, Failure: Error> {
        var paths: [String] = []
        /// What `deliver` gave for each file, optional only so that it can be taken out.
        var delivered: [Result<Delivered, Failure>?] = []
        var kept: [(page: RenderedPage, body: (slug: String, RenderedBody)?)] = []
        /// How many pages were rendered or reused, and how many reused.
        var pages = 0, reused = 0

        mutating func add(_ page: consuming DeliveredPage<Delivered, Failure>) {
            if page.isPage { pages += 1 }
            if page.isPage && page.reused { reused += 1 }
            if let kept = page.kept { self.kept.append(kept) }
            paths.append(page.path)
            delivered.append(page.delivered)
        }
    }

    /// One page: where it goes, its template, and how to make its data.
    struct PageJob: Sendable {
        var path: String
        var template: String
        var context: @Sendable () -> TemplateObject
    }

    /// A rendered page, whether it came from the cache, and the body an
    /// article page was made with.
    struct PageResult: Sendable {
        var page: RenderedPage
        var reused: Bool
        var body: (slug: String, RenderedBody)?
    }

    /// The page of `job`, taken from `previous` when its data did not
    /// change; its data is fingerprinted only when `fingerprinting`, for a
    /// cache that keeps pages.
    func render(_ job: PageJob, previous: RenderedPage?, in pageContext: PageContext, fingerprinting: Bool) -> PageResult {
        let context = TemplateValue.object(pageContext.withMetadata(job.context(), path: job.path))
        let fingerprint = fingerprinting ? ContextFingerprint.of(template: job.template, context: context) : nil
        if let previous, let fingerprint, previous.fingerprint == fingerprint { return PageResult(page: previous, reused: true) }
        var contents = library.render(job.template, with: context) ?? []
        // A page the cache keeps is held as long as the site, so it does not keep room it did not use.
        if fingerprinting { contents.releaseSpareCapacity() }
        return PageResult(page: RenderedPage(fingerprint: fingerprint, file: SiteFile(path: job.path, contents: contents)),
                          reused: false)
    }

    /// Marks the article's claim sentences and entity mentions in its
    /// Markdown tree, nests its headings under the page's title, then renders
    /// the tree. This changes the tree, so it is done once per analysed
    /// document, and nothing reads the tree again: it is freed.
    func articleBody(_ analysed: AnalysedArticle, _ context: PageContext) -> RenderedBody {
        analysed.document.wrap(context.claimWraps(analysed) + context.mentionWraps(analysed))
        analysed.document.nestHeadings(under: 1)
        let html = analysed.document.html()
        analysed.document.clear()
        return RenderedBody(document: analysed.document, html: html)
    }

    /// A curator's Markdown (an entity's notes, a claim's analysis) as HTML
    /// for a section under an `<h2>`, its headings nested under it.
    func sectionHTML(_ markdown: String) -> String {
        let document = MarkdownDocument(parsing: markdown)
        document.nestHeadings(under: 2)
        return document.html()
    }

    /// How many of the latest articles the front page lists; articles/index.html lists them all.
    static let frontPageArticles = 20

    func frontPage(_ context: PageContext) -> TemplateObject {
        var page = context.frame(title: nil, depth: 0, section: "home")
        let latest = context.dossier.articles.suffix(Self.frontPageArticles)
        page["articles"] = .list(latest.map { .object(context.summary($0, depth: 0)) })
        page["latestCount"] = latest.count < context.dossier.articles.count ? .int(latest.count) : false
        page["articleCount"] = .int(context.dossier.articles.count)
        page["outletCount"] = .int(Set(context.dossier.articles.compactMap(\.article.metadata.outlet)).count)
        page["timeline"] = Timeline(dates: context.dossier.articles.map(\.article.metadata.date)).map { timeline -> TemplateValue in
            let undated = "\(counted(timeline.undated, "undated article")) \(timeline.undated == 1 ? "is" : "are") not shown"
            return ["svg": .string(timeline.svg(id: "timeline")), "unit": .string(timeline.unit.rawValue),
                    "undatedText": timeline.undated == 0 ? false : .string(undated)]
        } ?? false
        page["entities"] = context.mostMentioned(12)
        page["entityCount"] = .int(context.dossier.entities.count)
        page["claims"] = .list(context.dossier.claims.map { .object(context.claimSummary($0, folder: "claims/")) })
        return page
    }

    func articlesIndex(_ context: PageContext) -> TemplateObject {
        var page = context.frame(title: "Articles", depth: 1, section: "articles")
        page["articles"] = context.articleList(depth: 1)
        page["articleCount"] = .int(context.dossier.articles.count)
        return page
    }

    func rawSource(_ analysed: AnalysedArticle, _ context: PageContext) -> TemplateObject {
        let article = analysed.article
        var page = context.frame(title: "Source of \(article.metadata.title)", depth: 1, section: "articles")
        page["raw"] = ["name": .string(article.metadata.source ?? article.path), "text": .string(analysed.rawText ?? "")]
        page["article"] = .object(context.summary(analysed, depth: 1))
        return page
    }
}
