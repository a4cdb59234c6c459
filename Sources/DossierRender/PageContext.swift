import DossierAnalyse
import DossierCore
import MustacheTemplates

/// The data templates receive, built as template values. Every value that
/// came from content is text; templates escape it with `{{…}}`. The only
/// HTML handed over is what cmark rendered in safe mode (`body`).
///
/// A class: every page's task holds the one context, and a copy of a
/// structure would retain each of the lists it holds (some twenty), from
/// both cores at once, for every page.
final class PageContext: Sendable {
    let dossier: AnalysedDossier
    /// Every article's ``summary(_:depth:)`` for a page one folder down, in
    /// the dossier's order; empty unless ``summarisingArticles()`` made them.
    /// Entity and claim pages list thousands of articles between them, the
    /// same articles again and again.
    private let articleSummaries: [TemplateObject]
    /// How pages one folder down link to each entity, in the order of `dossier.entities`.
    let entityLinks: [EntityLink]

    convenience init(dossier: AnalysedDossier) {
        self.init(dossier: dossier, entityLinks: dossier.entities.map { EntityLink($0.entity, config: dossier.config) },
                  articleSummaries: [])
    }

    private init(dossier: AnalysedDossier, entityLinks: [EntityLink], articleSummaries: [TemplateObject]) {
        (self.dossier, self.entityLinks, self.articleSummaries) = (dossier, entityLinks, articleSummaries)
    }

    /// This context with every article's summary made once, in parallel,
    /// for rendering the whole site.
    func summarisingArticles() async -> PageContext {
        let summaries = await dossier.articles.concurrentMap { [self] in summary($0, depth: 1) }
        return PageContext(dossier: dossier, entityLinks: entityLinks, articleSummaries: summaries)
    }

    /// The summary of the article at `position` among the dossier's
    /// articles, for a page `depth` folders down; made once per build for
    /// pages one folder down, most of the site.
    func summary(at position: Int, depth: Int = 1) -> TemplateObject {
        depth == 1 && !articleSummaries.isEmpty ? articleSummaries[position] : summary(dossier.articles[position], depth: depth)
    }

    /// What every page gets: the site, the path back to the site's root and
    /// the page's title.
    func frame(title: String?, depth: Int, section: String) -> TemplateObject {
        var site: TemplateObject = ["title": .string(dossier.config.title), "language": .string(dossier.config.language)]
        site["description"] = dossier.config.description.map(TemplateValue.string)
        var frame: TemplateObject = [
            "site": .object(site), "root": .string(String(repeating: "../", count: depth)), "section": [section: true],
        ]
        frame["pageTitle"] = title.map(TemplateValue.string)
        return frame
    }

    func summary(_ analysed: AnalysedArticle, depth: Int) -> TemplateObject {
        let article = analysed.article
        let root = String(repeating: "../", count: depth)
        return [
            "slug": .string(article.slug), "title": .string(article.metadata.title),
            "url": "\(root)\(SiteRenderer.pagePath(ofArticle: article.slug))", "words": .int(analysed.words),
            // Absent values are `false`, not missing, so a section never falls back to an outer page's value.
            "date": article.metadata.date.map(date) ?? false,
            "outlet": article.metadata.outlet ?? false,
            "author": article.metadata.author ?? false,
        ]
    }

    func article(_ analysed: AnalysedArticle, bodyHTML: String) -> TemplateObject {
        let metadata = analysed.article.metadata
        var article = summary(analysed, depth: 1)
        article["body"] = .string(bodyHTML)
        article["dateline"] = metadata.dateline.map(TemplateValue.string)
        article["url"] = metadata.url.flatMap { $0.isWebURL ? .string($0) : nil }
        if let source = metadata.source, analysed.rawText != nil {
            article["source"] = ["name": .string(source), "url": "../raw/\(analysed.article.slug).html"]
        }
        article["entities"] = .list(namedEntities(analysed))
        article["claims"] = .list(articleClaims(analysed))
        article["passages"] = .list(sharedPassages(analysed))
        var context = frame(title: metadata.title, depth: 1, section: "articles")
        context["pageDescription"] = .string(analysed.plainText.firstWords(40))
        context["article"] = .object(article)
        context["jsonLD"] = .string(LinkedData.article(analysed, dossier: dossier, entityLinks: entityLinks))
        // Its neighbours in reading order, the dossier's order.
        if let position = dossier.articlePosition(analysed.article.slug) {
            context["previous"] = position > 0 ? .object(summary(at: position - 1)) : nil
            context["next"] = position + 1 < dossier.articles.count ? .object(summary(at: position + 1)) : nil
        }
        return context
    }

    func articleList(depth: Int) -> TemplateValue {
        .list(dossier.articles.map { .object(summary($0, depth: depth)) })
    }

    func date(_ date: CalendarDate) -> TemplateValue {
        ["iso": .string(date.description), "text": .string(date.longForm)]
    }
}
