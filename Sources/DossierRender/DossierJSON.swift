import DossierAnalyse
import DossierCore

/// `dossier.json`: the whole dossier as data, in the schema documented in
/// docs/dossier-json.md. Articles are in reading order (date, then slug),
/// everything else by slug, so the same content always gives the same bytes.
enum DossierJSON {
    static func data(_ dossier: AnalysedDossier) -> [UInt8] {
        document(dossier).bytes(pretty: true, endingLine: true)
    }

    static func document(_ dossier: AnalysedDossier) -> JSONValue {
        .object([
            ("title", .string(dossier.config.title)),
            ("description", .optional(dossier.config.description)),
            ("articles", .elements(count: dossier.articles.count) { article(dossier.articles[$0]) }),
            ("entities", .elements(count: dossier.entities.count) { entity(dossier.entities[$0]) }),
            ("claims", .elements(count: dossier.claims.count) { claim(dossier.claims[$0]) }),
            ("passages", .elements(count: dossier.passages.count) { passage(dossier.passages[$0]) }),
            ("figures", .elements(count: dossier.figures.count) { figureGroup(dossier.figures[$0]) }),
        ])
    }

    static func article(_ analysed: AnalysedArticle) -> JSONValue {
        let metadata = analysed.article.metadata
        return .object([
            ("slug", .string(analysed.article.slug)),
            ("title", .string(metadata.title)),
            ("date", .optional(metadata.date?.description)),
            ("outlet", .optional(metadata.outlet)),
            ("author", .optional(metadata.author)),
            ("source", .optional(metadata.source)),
            ("url", .string("articles/\(analysed.article.slug).html")),
            ("words", .number(analysed.words)),
            ("entities", .array(analysed.entitySlugs.map(JSONValue.string))),
            ("claims", .array(Set(analysed.claimAppearances.map(\.claim)).sorted().map(JSONValue.string))),
        ])
    }

    static func entity(_ analysed: AnalysedEntity) -> JSONValue {
        let entity = analysed.entity
        return .object([
            ("slug", .string(entity.slug)),
            ("name", .string(entity.name)),
            ("kind", .string(entity.kind.rawValue)),
            ("aliases", .array(entity.aliases.map(JSONValue.string))),
            ("url", .string("entities/\(entity.slug).html")),
            ("mentions", .array(analysed.appearances.sorted { $0.article < $1.article }.map {
                .object([("article", .string($0.article)), ("count", .number($0.mentionNumbers.count))])
            })),
        ])
    }

    static func claim(_ analysed: AnalysedClaim) -> JSONValue {
        let claim = analysed.claim
        return .object([
            ("slug", .string(claim.slug)),
            ("claim", .string(claim.statement)),
            ("claimant", .array(claim.claimants.map(JSONValue.string))),
            ("verdict", .optional(claim.verdict)),
            ("url", .string("claims/\(claim.slug).html")),
            ("sources", .number(analysed.sourceCount)),
            ("independent_sources", .number(analysed.independentSourceCount)),
            ("disputing_sources", .number(analysed.disputingSourceCount)),
            ("appearances", .array(analysed.appearances.map { appearance in
                .object([("article", .string(appearance.article)), ("stance", .string(appearance.stance.rawValue)),
                         ("text", .string(appearance.text))])
            })),
        ])
    }

    static func passage(_ passage: Passage) -> JSONValue {
        .object([
            ("text", .string(passage.text)),
            ("match", .string(passage.match.rawValue)),
            ("articles", .array(passage.copies.map { JSONValue.string($0.article) })),
        ])
    }

    static func figureGroup(_ group: FigureGroup) -> JSONValue {
        .object([
            ("slug", .string(group.slug)),
            ("what", .string(group.what)),
            ("status", .string(group.status.rawValue)),
            ("values", .array(group.mentions.map { mention in
                let figure = mention.figure
                return .object([
                    ("value", .decimal(figure.value)),
                    ("min", figure.interval.lower.map(JSONValue.decimal) ?? .null),
                    ("max", figure.interval.upper.map(JSONValue.decimal) ?? .null),
                    ("percent", .bool(figure.isPercent)),
                    ("period", .optional(figure.period?.rawValue)),
                    ("text", .string(figure.text)),
                    ("article", .string(mention.article)),
                ])
            })),
        ])
    }
}
