import DossierAnalyse
import DossierCore

/// The data templates receive, built as plain dictionaries. Every value
/// that came from content is text; templates escape it with `{{…}}`. The
/// only HTML handed over is what cmark rendered in safe mode (`body`).
struct PageContext {
    let dossier: AnalysedDossier

    /// What every page gets: the site, the path back to the site's root and
    /// the page's title.
    func frame(title: String?, depth: Int, section: String) -> [String: Any] {
        var site: [String: Any] = ["title": dossier.config.title, "language": dossier.config.language]
        site["description"] = dossier.config.description
        var frame: [String: Any] = [
            "site": site, "root": String(repeating: "../", count: depth), "section": [section: true],
        ]
        frame["pageTitle"] = title
        return frame
    }

    func summary(_ analysed: AnalysedArticle, depth: Int) -> [String: Any] {
        let article = analysed.article
        let root = String(repeating: "../", count: depth)
        var summary: [String: Any] = [
            "slug": article.slug, "title": article.metadata.title,
            "url": "\(root)articles/\(article.slug).html", "words": analysed.words,
        ]
        // Absent values are `false`, not missing, so a section never falls back to an outer page's value.
        summary["date"] = article.metadata.date.map(date) ?? false
        summary["outlet"] = article.metadata.outlet ?? false
        summary["author"] = article.metadata.author ?? false
        return summary
    }

    func article(_ analysed: AnalysedArticle, bodyHTML: String) -> [String: Any] {
        let metadata = analysed.article.metadata
        var article = summary(analysed, depth: 1)
        article["body"] = bodyHTML
        article["dateline"] = metadata.dateline
        article["url"] = metadata.url.flatMap { $0.isWebURL ? $0 : nil }
        if let source = metadata.source, analysed.rawText != nil {
            article["source"] = ["name": source, "url": "../raw/\(analysed.article.slug).html"]
        }
        article["entities"] = namedEntities(analysed)
        article["claims"] = articleClaims(analysed)
        article["passages"] = sharedPassages(analysed)
        var context = frame(title: metadata.title, depth: 1, section: "articles")
        context["pageDescription"] = analysed.plainText.firstWords(40)
        context["article"] = article
        context["jsonLD"] = LinkedData.article(analysed, dossier: dossier).text()
        context["previous"] = analysed.previous.flatMap(dossier.article).map { summary($0, depth: 1) }
        context["next"] = analysed.next.flatMap(dossier.article).map { summary($0, depth: 1) }
        return context
    }

    func articleList(depth: Int) -> [[String: Any]] {
        dossier.articles.map { summary($0, depth: depth) }
    }

    func date(_ date: CalendarDate) -> [String: Any] {
        ["iso": date.description, "text": date.longForm]
    }
}
