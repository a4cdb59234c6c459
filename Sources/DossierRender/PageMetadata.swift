import DossierCore
import MustacheTemplates

/// What every page's `<head>` says about it to search engines, link
/// previews and feed readers: its canonical address, Open Graph tags and
/// schema.org data. Derived from the page's path and data, so templates
/// need not repeat it.
extension PageContext {
    /// `page` with `canonical` (when the dossier has a `base_url`),
    /// `pageType` (`article` or `website`, for Open Graph), `pageDescription`
    /// (the page's own or the dossier's) and `jsonLD` (a page that has none
    /// of its own gets a `WebSite`, `CollectionPage` or `WebPage`).
    func withMetadata(_ page: TemplateObject, path: String) -> TemplateObject {
        var page = page
        let config = dossier.config
        page["canonical"] = config.absoluteURL(path).map(TemplateValue.string)
        let isArticle = path.hasPrefix("articles/") && path != "articles/index.html"
        page["pageType"] = isArticle ? "article" : "website"
        if page["pageDescription"] == nil { page["pageDescription"] = config.description.map(TemplateValue.string) }
        if page["jsonLD"] == nil {
            let title: String? = if case .string(let title)? = page["pageTitle"] { title } else { nil }
            page["jsonLD"] = .string(LinkedData.page(type: Self.schemaType(path), name: title, path: path, config: config))
        }
        return page
    }

    /// The schema.org type of a page without data of its own.
    static func schemaType(_ path: String) -> String {
        switch path {
        case "index.html": "WebSite"
        case "search.html": "SearchResultsPage"
        case _ where path.hasSuffix("index.html"): "CollectionPage"
        default: "WebPage"
        }
    }
}
