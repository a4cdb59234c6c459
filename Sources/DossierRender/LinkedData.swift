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

    /// The absolute URL of a site path, when the dossier has a `base_url`.
    static func absolute(_ path: String, config: DossierConfig) -> JSONValue? {
        config.absoluteURL(path).map(JSONValue.string)
    }

    /// A page of the site that is not about one thing: the front page
    /// (`WebSite`), an index (`CollectionPage`), a raw source (`WebPage`).
    static func page(type: String, name: String?, path: String, config: DossierConfig) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string(type)),
            ("name", .string(name ?? config.title)),
            ("inLanguage", .string(config.language)),
        ]
        if name == nil, let description = config.description { members.append(("description", .string(description))) }
        if let url = absolute(path, config: config) { members.append(("url", url)) }
        if type != "WebSite" {
            var site: [(String, JSONValue)] = [("@type", .string("WebSite")), ("name", .string(config.title))]
            if let url = absolute("index.html", config: config) { site.append(("url", url)) }
            members.append(("isPartOf", .object(site)))
        }
        return .object(members)
    }

    static func entity(_ analysed: AnalysedEntity, config: DossierConfig) -> JSONValue {
        let entity = analysed.entity
        var members: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string(type(entity.kind))),
            ("name", .string(entity.name)),
        ]
        if !entity.aliases.isEmpty { members.append(("alternateName", .array(entity.aliases.map(JSONValue.string)))) }
        if let description = entity.description { members.append(("description", .string(description))) }
        if !entity.sameAs.isEmpty { members.append(("sameAs", .array(entity.sameAs.map(JSONValue.string)))) }
        if let url = absolute("entities/\(entity.slug).html", config: config) { members.append(("url", url)) }
        return .object(members)
    }

    static func article(_ analysed: AnalysedArticle, dossier: AnalysedDossier) -> JSONValue {
        let metadata = analysed.article.metadata
        var members: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("NewsArticle")),
            ("headline", .string(metadata.title)),
        ]
        if let date = metadata.date { members.append(("datePublished", .string(date.description))) }
        if let author = metadata.author {
            members.append(("author", .object([("@type", .string("Person")), ("name", .string(author))])))
        }
        if let outlet = metadata.outlet {
            members.append(("publisher", .object([("@type", .string("Organization")), ("name", .string(outlet))])))
        }
        if let url = metadata.url, url.isWebURL { members.append(("isBasedOn", .string(url))) }
        if let url = absolute("articles/\(analysed.article.slug).html", config: dossier.config) {
            members.append(("url", url))
        }
        let named = analysed.entitySlugs.compactMap(dossier.entity).map { analysed -> JSONValue in
            var mention: [(String, JSONValue)] = [("@type", .string(type(analysed.entity.kind))),
                                                  ("name", .string(analysed.entity.name))]
            if let url = absolute("entities/\(analysed.entity.slug).html", config: dossier.config) { mention.append(("url", url)) }
            return .object(mention)
        }
        if !named.isEmpty { members.append(("mentions", .array(named))) }
        return .object(members)
    }

    /// A schema.org `Claim` with its author and appearances; when the curator
    /// set a verdict, a `ClaimReview` of it by the dossier.
    static func claim(_ analysed: AnalysedClaim, dossier: AnalysedDossier) -> JSONValue {
        let claim = analysed.claim
        var item: [(String, JSONValue)] = [("@type", .string("Claim")), ("text", .string(claim.statement))]
        let authors = claim.claimants.compactMap(dossier.entity).map { analysed -> JSONValue in
            var author: [(String, JSONValue)] = [("@type", .string(type(analysed.entity.kind))),
                                                 ("name", .string(analysed.entity.name))]
            if let url = absolute("entities/\(analysed.entity.slug).html", config: dossier.config) { author.append(("url", url)) }
            return .object(author)
        }
        if !authors.isEmpty { item.append(("author", authors.count == 1 ? authors[0] : .array(authors))) }
        if let date = claim.date { item.append(("datePublished", .string(date.description))) }
        let appearances = Set(analysed.reports.map(\.article)).sorted().compactMap(dossier.article).map { article -> JSONValue in
            var work: [(String, JSONValue)] = [("@type", .string("NewsArticle")), ("headline", .string(article.article.metadata.title))]
            if let date = article.article.metadata.date { work.append(("datePublished", .string(date.description))) }
            if let url = absolute("articles/\(article.article.slug).html", config: dossier.config) { work.append(("url", url)) }
            return .object(work)
        }
        if !appearances.isEmpty { item.append(("appearance", .array(appearances))) }
        let url = absolute("claims/\(claim.slug).html", config: dossier.config)
        guard let verdict = claim.verdict else {
            return .object([("@context", .string("https://schema.org"))] + item + (url.map { [("url", $0)] } ?? []))
        }
        var review: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("ClaimReview")),
            ("claimReviewed", .string(claim.statement)),
            ("itemReviewed", .object(item)),
            ("reviewRating", .object([("@type", .string("Rating")), ("alternateName", .string(verdict))])),
            ("author", .object([("@type", .string("Organization")), ("name", .string(dossier.config.title))])),
        ]
        if let url { review.append(("url", url)) }
        return .object(review)
    }
}
