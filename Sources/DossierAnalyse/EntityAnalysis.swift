import DossierCore

/// An entity with everything the dossier says of it.
public struct AnalysedEntity: Sendable {
    public var entity: Entity
    /// The articles that mention it, in reading order, each with its mentions.
    public let appearances: [EntityAppearance]
    /// How many times it is mentioned in all, counted once: pages and
    /// graphs ask for it of every entity they show.
    public let mentionCount: Int
    /// How many times each of its names was found, in the order of `entity.names`.
    public var nameCounts: [NameCount]
    /// The entities named in the same articles, most shared articles first.
    public var companions: [Companion]
    /// The slugs of the claims it made (it is a claimant), sorted.
    public var claimsMade: [String] = []
    /// The slugs of the claims whose statement names it, sorted.
    public var claimsAbout: [String] = []

    init(entity: Entity, appearances: [EntityAppearance], nameCounts: [NameCount], companions: [Companion]) {
        (self.entity, self.appearances, self.nameCounts, self.companions) = (entity, appearances, nameCounts, companions)
        mentionCount = appearances.reduce(0) { $0 + $1.mentionNumbers.count }
    }
}

/// An article that mentions an entity, and where its mentions are among the
/// article's: by number, so a dossier holds each mention once.
public struct EntityAppearance: Sendable {
    public var article: String
    /// Where the article is in the dossier's `articles`: pages and data
    /// read it there in place, without looking its slug up.
    public var articlePosition: Int
    /// The positions of the entity's mentions in the article's `mentions`, in order.
    public var mentionNumbers: [Int]

    /// The entity's mentions among `mentions`, those of the article this
    /// appearance is in (its `mentions`, passed alone so the article is not copied).
    public func mentions(among mentions: [Mention]) -> [Mention] {
        mentionNumbers.map { mentions[$0] }
    }
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
    /// Gathers the mentions of `articles` (in reading order) by entity,
    /// `entities` sorted by slug; warns about names that match nothing.
    static func run(_ entities: [Entity], articles: [AnalysedArticle]) async -> ([AnalysedEntity], [Diagnostic]) {
        var appearances = [[EntityAppearance]](repeating: [], count: entities.count)
        var counts = [[String: Int]](repeating: [:], count: entities.count)  // by name found
        var named: [[Int]] = []  // by article: the numbers of the entities it names, each once
        var appearsIn = [[Int]](repeating: [], count: entities.count)  // by entity: the articles, by number
        named.reserveCapacity(articles.count)
        // In reading order, so each entity's appearances are too; articles
        // and mentions are read in place, by index, not copied.
        for articleNumber in articles.indices {
            let mentions = articles[articleNumber].mentions
            var byEntity: [Int: [Int]] = [:]
            for position in mentions.indices {
                let entity = mentions[position].entityPosition  // `entities` are sorted by slug, as mentions number them
                byEntity[entity, default: []].append(position)
                counts[entity][mentions[position].name, default: 0] += 1
            }
            for (entity, positions) in byEntity {
                appearances[entity].append(EntityAppearance(article: articles[articleNumber].article.slug, articlePosition: articleNumber,
                                                             mentionNumbers: positions))
                appearsIn[entity].append(articleNumber)
            }
            named.append(Array(byEntity.keys))
        }
        // Each entity's companions are counted by itself, in parallel: the
        // entities named most are named beside hundreds of others.
        let companions = await Array(entities.indices).concurrentMap { [named, appearsIn] entity in
            Self.companions(of: entity, in: appearsIn[entity], named: named, entityCount: entities.count)
                .map { Companion(entity: entities[$0.entity].slug, articles: $0.articles) }
        }

        var problems: [Diagnostic] = []
        let analysed = entities.indices.map { index in
            let (entity, found, counts) = (entities[index], appearances[index], counts[index])
            if found.isEmpty {
                problems.append(.warning(entity.nameLocation, "no article mentions '\(entity.name)' or any of its aliases"))
            }
            for (alias, location) in zip(entity.aliases, entity.aliasLocations) where counts[alias] == nil {
                problems.append(.warning(location, "alias '\(alias)' matches nothing in any article"))
            }
            return AnalysedEntity(entity: entity, appearances: found,
                                  nameCounts: entity.names.map { NameCount(name: $0, count: counts[$0] ?? 0) },
                                  companions: companions[index])
        }
        return (analysed, problems)
    }

    /// The entities named in the same articles as the entity numbered
    /// `entity`, which `articles` (by number) name, with how many articles:
    /// most first, then in slug order. `named` holds the numbers of the
    /// entities each article names. They are counted in one array indexed
    /// by entity, as an article names a few dozen, and each pair of them is
    /// counted twice; entities are numbered in slug order, so the sort
    /// compares integers alone.
    private static func companions(of entity: Int, in articles: [Int], named: [[Int]],
                                   entityCount: Int) -> [(entity: Int, articles: Int)] {
        var shared = [Int32](repeating: 0, count: entityCount)
        var sharing: [Int] = []
        for article in articles {
            for other in named[article] where other != entity {
                if shared[other] == 0 { sharing.append(other) }
                shared[other] += 1
            }
        }
        sharing.sort { (shared[$1], $0) < (shared[$0], $1) }
        return sharing.map { (entity: $0, articles: Int(shared[$0])) }
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
