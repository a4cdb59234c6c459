import CommonMark
import DossierAnalyse
import DossierCore
import Mustache

/// Renders the analysed dossier into the site's files: pages through the
/// theme's Mustache templates, dossier.json, and the theme's assets.
public struct SiteRenderer: Sendable {
    let library: MustacheLibrary
    let theme: Theme

    /// A renderer for `theme`, or nil with the errors when its templates are broken.
    public static func make(theme: Theme) -> (SiteRenderer?, [Diagnostic]) {
        let (library, problems) = theme.library()
        return (library.map { SiteRenderer(library: $0, theme: theme) }, problems)
    }

    /// Every file of the site, sorted by path. Article, entity and claim
    /// pages are rendered in parallel; each task owns its article's Markdown
    /// tree, which it transforms (claim sentences, links to entities) before
    /// rendering it.
    public func render(_ dossier: AnalysedDossier) async -> [SiteFile] {
        let context = PageContext(dossier: dossier)
        var files = theme.assets
        files.append(page("index.html", "index", frontPage(context)))
        files.append(page("articles/index.html", "articles", articlesIndex(context)))
        files.append(page("entities/index.html", "entities", context.entitiesIndex()))
        files.append(page("claims/index.html", "claims", context.claimsIndex()))
        files.append(page("sources/index.html", "sources", context.sourcesIndex()))
        files.append(page("figures/index.html", "figures", context.figuresIndex()))
        files.append(SiteFile(path: "dossier.json", contents: DossierJSON.data(dossier)))
        for analysed in dossier.articles where analysed.rawText != nil {
            files.append(page("raw/\(analysed.article.slug).html", "raw", rawSource(analysed, context)))
        }
        files += await withTaskGroup(of: SiteFile.self) { group in
            for analysed in dossier.articles {
                group.addTask {
                    analysed.document.wrap(context.claimWraps(analysed) + context.mentionWraps(analysed))
                    return page("articles/\(analysed.article.slug).html", "article",
                                context.article(analysed, bodyHTML: analysed.document.html()))
                }
            }
            for analysed in dossier.entities {
                group.addTask {
                    let notes = MarkdownDocument(parsing: analysed.entity.notes).html()
                    return page("entities/\(analysed.entity.slug).html", "entity", context.entity(analysed, notesHTML: notes))
                }
            }
            for analysed in dossier.claims {
                group.addTask {
                    let analysis = MarkdownDocument(parsing: analysed.claim.analysis).html()
                    return page("claims/\(analysed.claim.slug).html", "claim", context.claim(analysed, analysisHTML: analysis))
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        return files.sorted { $0.path < $1.path }
    }

    func page(_ path: String, _ template: String, _ context: [String: Any]) -> SiteFile {
        SiteFile(path: path, text: library.render(context, withTemplate: template) ?? "")
    }

    func frontPage(_ context: PageContext) -> [String: Any] {
        var page = context.frame(title: nil, depth: 0, section: "home")
        page["articles"] = context.articleList(depth: 0)
        page["articleCount"] = context.dossier.articles.count
        page["outletCount"] = Set(context.dossier.articles.compactMap(\.article.metadata.outlet)).count
        page["entities"] = context.mostMentioned(12)
        page["entityCount"] = context.dossier.entities.count
        page["claims"] = context.dossier.claims.map { context.claimSummary($0, folder: "claims/") }
        return page
    }

    func articlesIndex(_ context: PageContext) -> [String: Any] {
        var page = context.frame(title: "Articles", depth: 1, section: "articles")
        page["articles"] = context.articleList(depth: 1)
        page["articleCount"] = context.dossier.articles.count
        return page
    }

    func rawSource(_ analysed: AnalysedArticle, _ context: PageContext) -> [String: Any] {
        let article = analysed.article
        var page = context.frame(title: "Source of \(article.metadata.title)", depth: 1, section: "articles")
        page["raw"] = ["name": article.metadata.source ?? article.path, "text": analysed.rawText ?? ""]
        page["article"] = context.summary(analysed, depth: 1)
        return page
    }
}
