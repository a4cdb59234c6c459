import DossierAnalyse
import DossierCore

/// `search.json`: what the search page looks through in the browser. One
/// entry per entity, claim and article (in that order, each in the order
/// of its own index page), with the text a reader may type and the line
/// shown under a result. The schema is documented in docs/search.md.
enum SearchIndex {
    static func data(_ dossier: AnalysedDossier) -> [UInt8] {
        document(dossier).bytes(pretty: false, endingLine: true)
    }

    static func document(_ dossier: AnalysedDossier) -> JSONValue {
        let entities = dossier.entities.map { analysed -> JSONValue in
            let entity = analysed.entity
            return entry(kind: "entity", url: "entities/\(entity.slug).html", title: entity.name,
                         meta: PageContext.label(entity.kind), names: entity.aliases, text: entity.description ?? "")
        }
        let claims = dossier.claims.map { analysed -> JSONValue in
            let claim = analysed.claim
            let claimants = claim.claimants.compactMap(dossier.entity).map(\.entity.name)
            let meta = (claimants.isEmpty ? [] : ["Claimed by " + claimants.joined(separator: ", ")])
                + (claim.verdict.map { [$0] } ?? [])
            return entry(kind: "claim", url: "claims/\(claim.slug).html", title: claim.statement,
                         meta: meta.joined(separator: " · "), names: claimants, text: "")
        }
        func article(_ analysed: AnalysedArticle) -> JSONValue {
            let metadata = analysed.article.metadata
            let meta = [metadata.date?.longForm, metadata.outlet, metadata.author.map { "by " + $0 }].compactMap { $0 }
            return entry(kind: "article", url: "articles/\(analysed.article.slug).html", title: metadata.title,
                         meta: meta.joined(separator: " · "), names: [], text: analysed.plainText.firstWords(.max))
        }
        let others = entities + claims
        return .object([("pages", .elements(count: others.count + dossier.articles.count) { index in
            index < others.count ? others[index] : article(dossier.articles[index - others.count])
        })])
    }

    static func entry(kind: String, url: String, title: String, meta: String, names: [String], text: String) -> JSONValue {
        .object([
            ("kind", .string(kind)), ("url", .string(url)), ("title", .string(title)), ("meta", .string(meta)),
            ("names", .array(names.map(JSONValue.string))), ("text", .string(text)),
        ])
    }
}
