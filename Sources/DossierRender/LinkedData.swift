import DossierAnalyse
import DossierCore

/// schema.org JSON-LD for pages, so search engines and fact-check tools
/// can read what a page is about. `<` is escaped in every string, so the
/// JSON is safe inside a `<script>` element.
enum LinkedData {
    static func type(_ kind: EntityKind) -> String {
        switch kind {
        case .person: "Person"
        case .organization, .group: "Organization"
        case .place: "Place"
        case .other: "Thing"
        }
    }

    /// The member `url`, the absolute URL of a site path, when the
    /// dossier has a `base_url`.
    static func url(_ path: String, config: DossierConfig, to json: inout JSONWriter) {
        if let url = config.absoluteURL(path) { json.member("url", url) }
    }

    /// A thing by its type and name, with its absolute URL when there is one.
    static func thing(type: String, name: String, url: String?, to json: inout JSONWriter) {
        json.object { json in
            json.member("@type", type)
            json.member("name", name)
            if let url { json.member("url", url) }
        }
    }

    /// An entity as a thing, with its page's URL.
    static func thing(_ entity: Entity, config: DossierConfig, to json: inout JSONWriter) {
        thing(type: type(entity.kind), name: entity.name, url: config.absoluteURL(SiteRenderer.pagePath(ofEntity: entity.slug)), to: &json)
    }

    /// A page of the site that is not about one thing: the front page
    /// (`WebSite`), an index (`CollectionPage`), a raw source (`WebPage`).
    static func page(type: String, name: String?, path: String, config: DossierConfig) -> String {
        JSONWriter.text { json in
            json.object { json in
                json.member("@context", "https://schema.org")
                json.member("@type", type)
                json.member("name", name ?? config.title)
                json.member("inLanguage", config.language)
                if name == nil, let description = config.description { json.member("description", description) }
                url(path, config: config, to: &json)
                if type != "WebSite" {
                    json.key("isPartOf")
                    thing(type: "WebSite", name: config.title, url: config.absoluteURL("index.html"), to: &json)
                }
            }
        }
    }

    static func entity(_ analysed: AnalysedEntity, config: DossierConfig) -> String {
        let entity = analysed.entity
        return JSONWriter.text { json in
            json.object { json in
                json.member("@context", "https://schema.org")
                json.member("@type", type(entity.kind))
                json.member("name", entity.name)
                if !entity.aliases.isEmpty { json.member("alternateName", entity.aliases) }
                if let description = entity.description { json.member("description", description) }
                if !entity.sameAs.isEmpty { json.member("sameAs", entity.sameAs) }
                url(SiteRenderer.pagePath(ofEntity: entity.slug), config: config, to: &json)
            }
        }
    }

    /// An article's `NewsArticle`; `entityLinks` are the URLs of the
    /// entities' pages, in the order of the dossier's entities.
    static func article(_ analysed: AnalysedArticle, dossier: AnalysedDossier, entityLinks: [EntityLink]) -> String {
        let metadata = analysed.article.metadata
        return JSONWriter.text { json in
            json.object { json in
                json.member("@context", "https://schema.org")
                json.member("@type", "NewsArticle")
                json.member("headline", metadata.title)
                if let date = metadata.date { json.member("datePublished", date.description) }
                if let author = metadata.author {
                    json.key("author")
                    json.object { json in
                        json.member("@type", "Person")
                        json.member("name", author)
                    }
                }
                if let outlet = metadata.outlet {
                    json.key("publisher")
                    json.object { json in
                        json.member("@type", "Organization")
                        json.member("name", outlet)
                    }
                }
                if let url = metadata.url, url.isWebURL { json.member("isBasedOn", url) }
                url(SiteRenderer.pagePath(ofArticle: analysed.article.slug), config: dossier.config, to: &json)
                let named = analysed.entityPositions
                if !named.isEmpty {
                    json.member("mentions", each: named) { position, json in
                        // The two fields read in place: a copy of the whole entity for each mention would retain all it holds.
                        thing(type: type(dossier.entities[position].entity.kind), name: dossier.entities[position].entity.name,
                              url: entityLinks[position].absoluteURL, to: &json)
                    }
                }
            }
        }
    }

    /// A schema.org `Claim` with its author and appearances; when the curator
    /// set a verdict, a `ClaimReview` of it by the dossier.
    static func claim(_ analysed: AnalysedClaim, dossier: AnalysedDossier) -> String {
        let claim = analysed.claim
        let authors = claim.claimants.compactMap(dossier.entity).map(\.entity)
        let appearances = Set(analysed.reports.map(\.article)).sorted().compactMap(dossier.article).map(\.article)
        /// The claim itself, its members after `@context`.
        func item(_ json: inout JSONWriter) {
            json.member("@type", "Claim")
            json.member("text", claim.statement)
            if authors.count == 1 {
                json.key("author")
                thing(authors[0], config: dossier.config, to: &json)
            } else if !authors.isEmpty {
                json.member("author", each: authors) { entity, json in thing(entity, config: dossier.config, to: &json) }
            }
            if let date = claim.date { json.member("datePublished", date.description) }
            if !appearances.isEmpty {
                json.member("appearance", each: appearances) { article, json in
                    json.object { json in
                        json.member("@type", "NewsArticle")
                        json.member("headline", article.metadata.title)
                        if let date = article.metadata.date { json.member("datePublished", date.description) }
                        url(SiteRenderer.pagePath(ofArticle: article.slug), config: dossier.config, to: &json)
                    }
                }
            }
        }
        return JSONWriter.text { json in
            json.object { json in
                json.member("@context", "https://schema.org")
                guard let verdict = claim.verdict else {
                    item(&json)
                    url(SiteRenderer.pagePath(ofClaim: claim.slug), config: dossier.config, to: &json)
                    return
                }
                json.member("@type", "ClaimReview")
                json.member("claimReviewed", claim.statement)
                json.key("itemReviewed")
                json.object(item)
                json.key("reviewRating")
                json.object { json in
                    json.member("@type", "Rating")
                    json.member("alternateName", verdict)
                }
                json.key("author")
                json.object { json in
                    json.member("@type", "Organization")
                    json.member("name", dossier.config.title)
                }
                url(SiteRenderer.pagePath(ofClaim: claim.slug), config: dossier.config, to: &json)
            }
        }
    }
}
