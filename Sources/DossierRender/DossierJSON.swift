import DossierAnalyse
import DossierCore

/// `dossier.json`: the whole dossier as data, in the schema documented in
/// docs/dossier-json.md. Articles are in reading order (date, then slug),
/// everything else by slug, so the same content always gives the same bytes.
enum DossierJSON {
    static func write(_ dossier: AnalysedDossier, to json: inout JSONWriter) {
        let ranks = slugRanks(of: dossier.articles)
        json.object { json in
            json.member("title", dossier.config.title)
            json.member("description", dossier.config.description)
            json.member("articles", each: dossier.articles, article)
            json.member("entities", each: dossier.entities) { entity($0, articleSlugRanks: ranks, to: &$1) }
            json.member("claims", each: dossier.claims, claim)
            json.member("passages", each: dossier.passages, passage)
            json.member("figures", each: dossier.figures, figureGroup)
        }
    }

    static func article(_ analysed: AnalysedArticle, to json: inout JSONWriter) {
        let metadata = analysed.article.metadata
        json.object { json in
            json.member("slug", analysed.article.slug)
            json.member("title", metadata.title)
            json.member("date", metadata.date?.description)
            json.member("outlet", metadata.outlet)
            json.member("author", metadata.author)
            json.member("source", metadata.source)
            json.member("url", SiteRenderer.pagePath(ofArticle: analysed.article.slug))
            json.member("words", analysed.words)
            json.member("entities", analysed.entitySlugs)
            json.member("claims", Set(analysed.claimAppearances.map(\.claim)).sorted())
        }
    }

    /// Each article's place among all the articles sorted by slug, by its position in `articles`.
    static func slugRanks(of articles: [AnalysedArticle]) -> [Int] {
        var ranks = [Int](repeating: 0, count: articles.count)
        for (rank, position) in articles.indices.sorted(by: { articles[$0].article.slug < articles[$1].article.slug }).enumerated() {
            ranks[position] = rank
        }
        return ranks
    }

    /// An entity, its mentions by article slug: ordered by `articleSlugRanks`
    /// (``slugRanks(of:)``), as numbers, for thousands of entities that
    /// each name up to thousands of articles.
    static func entity(_ analysed: AnalysedEntity, articleSlugRanks: [Int], to json: inout JSONWriter) {
        let entity = analysed.entity
        let appearances = analysed.appearances
        let bySlug = appearances.indices.sorted {
            articleSlugRanks[appearances[$0].articlePosition] < articleSlugRanks[appearances[$1].articlePosition]
        }
        json.object { json in
            json.member("slug", entity.slug)
            json.member("name", entity.name)
            json.member("kind", entity.kind.rawValue)
            json.member("aliases", entity.aliases)
            json.member("url", SiteRenderer.pagePath(ofEntity: entity.slug))
            json.member("mentions", each: bySlug) { index, json in
                json.object { json in
                    json.member("article", appearances[index].article)
                    json.member("count", appearances[index].mentionNumbers.count)
                }
            }
        }
    }

    static func claim(_ analysed: AnalysedClaim, to json: inout JSONWriter) {
        let claim = analysed.claim
        json.object { json in
            json.member("slug", claim.slug)
            json.member("claim", claim.statement)
            json.member("claimant", claim.claimants)
            json.member("verdict", claim.verdict)
            json.member("url", SiteRenderer.pagePath(ofClaim: claim.slug))
            json.member("sources", analysed.sourceCount)
            json.member("independent_sources", analysed.independentSourceCount)
            json.member("disputing_sources", analysed.disputingSourceCount)
            json.member("appearances", each: analysed.appearances) { appearance, json in
                json.object { json in
                    json.member("article", appearance.article)
                    json.member("stance", appearance.stance.rawValue)
                    json.member("text", appearance.text)
                }
            }
        }
    }

    static func passage(_ passage: Passage, to json: inout JSONWriter) {
        json.object { json in
            json.member("text", passage.text)
            json.member("match", passage.match.rawValue)
            json.member("articles", passage.copies.map(\.article))
        }
    }

    static func figureGroup(_ group: FigureGroup, to json: inout JSONWriter) {
        json.object { json in
            json.member("slug", group.slug)
            json.member("what", group.what)
            json.member("status", group.status.rawValue)
            // Each mention read where it lies, by its position: a copy would retain its strings.
            let mentions = group.mentions
            json.member("values", each: mentions.indices) { index, json in
                json.object { json in
                    json.member("value", decimal: mentions[index].figure.value)
                    json.member("min", decimal: mentions[index].figure.interval.lower)
                    json.member("max", decimal: mentions[index].figure.interval.upper)
                    json.member("percent", mentions[index].figure.isPercent)
                    json.member("period", mentions[index].figure.period?.rawValue)
                    json.member("text", mentions[index].figure.text)
                    json.member("article", mentions[index].article)
                }
            }
        }
    }
}
