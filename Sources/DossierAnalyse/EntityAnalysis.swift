import DossierCore

/// An entity with everything the dossier says of it.
public struct AnalysedEntity: Sendable {
    public var entity: Entity
    /// The articles that mention it, in reading order, each with its mentions.
    public var appearances: [EntityAppearance]
    /// How many times each of its names was found, in the order of `entity.names`.
    public var nameCounts: [NameCount]
    /// The entities named in the same articles, most shared articles first.
    public var companions: [Companion]
    /// The slugs of the claims it made (it is a claimant), sorted.
    public var claimsMade: [String] = []
    /// The slugs of the claims whose statement names it, sorted.
    public var claimsAbout: [String] = []

    public var mentionCount: Int { appearances.reduce(0) { $0 + $1.mentions.count } }
}

/// An article that mentions an entity, and its mentions there in order.
public struct EntityAppearance: Sendable {
    public var article: String
    public var mentions: [Mention]
}

/// How often one name of an entity was found.
public struct NameCount: Hashable, Sendable {
    public var name: String
    public var count: Int
}

/// Another entity named in some of the same articles.
public struct Companion: Hashable, Sendable {
    public var entity: String
    /// In how many articles both are named.
    public var articles: Int
}

enum EntityAnalysis {
    /// Gathers the mentions of `articles` (in reading order) by entity;
    /// warns about names that match nothing.
    static func run(_ entities: [Entity], articles: [AnalysedArticle]) -> ([AnalysedEntity], [Diagnostic]) {
        var appearances: [String: [EntityAppearance]] = [:]
        var companions: [String: [String: Int]] = [:]
        for article in articles {
            var byEntity: [String: [Mention]] = [:]
            for mention in article.mentions { byEntity[mention.entity, default: []].append(mention) }
            for (slug, mentions) in byEntity {
                appearances[slug, default: []].append(EntityAppearance(article: article.article.slug, mentions: mentions))
                for other in byEntity.keys where other != slug { companions[slug, default: [:]][other, default: 0] += 1 }
            }
        }
        // `byEntity` is a dictionary, so restore reading order.
        let position = Dictionary(uniqueKeysWithValues: articles.enumerated().map { ($1.article.slug, $0) })

        var problems: [Diagnostic] = []
        let analysed = entities.map { entity in
            let found = (appearances[entity.slug] ?? []).sorted { position[$0.article]! < position[$1.article]! }
            var counts: [String: Int] = [:]
            for mention in found.flatMap(\.mentions) { counts[mention.name, default: 0] += 1 }
            if found.isEmpty {
                problems.append(.warning(entity.nameLocation, "no article mentions '\(entity.name)' or any of its aliases"))
            }
            for (alias, location) in zip(entity.aliases, entity.aliasLocations) where counts[alias] == nil {
                problems.append(.warning(location, "alias '\(alias)' matches nothing in any article"))
            }
            let together = (companions[entity.slug] ?? [:]).map { Companion(entity: $0.key, articles: $0.value) }
                .sorted { ($1.articles, $0.entity) < ($0.articles, $1.entity) }
            return AnalysedEntity(entity: entity, appearances: found,
                                  nameCounts: entity.names.map { NameCount(name: $0, count: counts[$0] ?? 0) },
                                  companions: together)
        }
        return (analysed, problems)
    }

    /// Records on each entity the claims it made and the claims about it.
    static func attach(_ claims: [AnalysedClaim], to entities: inout [AnalysedEntity]) {
        let position = Dictionary(uniqueKeysWithValues: entities.enumerated().map { ($1.entity.slug, $0) })
        for claim in claims {  // sorted by slug, so each list comes out sorted
            for slug in claim.claim.claimants { position[slug].map { entities[$0].claimsMade.append(claim.claim.slug) } }
            for slug in claim.about { position[slug].map { entities[$0].claimsAbout.append(claim.claim.slug) } }
        }
    }
}
