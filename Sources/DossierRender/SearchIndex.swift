import DossierAnalyse
import DossierCore

/// `search.json`: what the search page looks through in the browser. One
/// entry per entity, claim and article (in that order, each in the order
/// of its own index page), with the text a reader may type and the line
/// shown under a result. The schema is documented in docs/search.md.
enum SearchIndex {
    static func write(_ dossier: AnalysedDossier, to json: inout JSONWriter) {
        json.object { json in
            json.key("pages")
            json.array { json in
                for analysed in dossier.entities {
                    let entity = analysed.entity
                    entry(kind: "entity", url: SiteRenderer.pagePath(ofEntity: entity.slug), title: entity.name,
                          meta: PageContext.label(entity.kind), names: entity.aliases, text: entity.description ?? "", to: &json)
                }
                for analysed in dossier.claims {
                    let claim = analysed.claim
                    let claimants = claim.claimants.compactMap(dossier.entity).map(\.entity.name)
                    let meta = (claimants.isEmpty ? [] : ["Claimed by " + claimants.joined(separator: ", ")])
                        + (claim.verdict.map { [$0] } ?? [])
                    entry(kind: "claim", url: SiteRenderer.pagePath(ofClaim: claim.slug), title: claim.statement,
                          meta: meta.joined(separator: " · "), names: claimants, text: "", to: &json)
                }
                for analysed in dossier.articles {
                    let metadata = analysed.article.metadata
                    let meta = [metadata.date?.longForm, metadata.outlet, metadata.author.map { "by " + $0 }].compactMap { $0 }
                    entry(kind: "article", url: SiteRenderer.pagePath(ofArticle: analysed.article.slug), title: metadata.title,
                          meta: meta.joined(separator: " · "), names: [], text: analysed.plainText.firstWords(.max), to: &json)
                }
            }
        }
    }

    static func entry(kind: String, url: String, title: String, meta: String, names: [String], text: String,
                      to json: inout JSONWriter) {
        json.object { json in
            json.member("kind", kind)
            json.member("url", url)
            json.member("title", title)
            json.member("meta", meta)
            json.member("names", names)
            json.member("text", text)
        }
    }
}
