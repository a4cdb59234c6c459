import DossierCore

/// A claim with everything the dossier says of it.
public struct AnalysedClaim: Sendable {
    public var claim: Claim
    /// The sentences that carry or contest it, in reading order.
    public var appearances: [ClaimAppearance]
    /// The sentences that carry it, in reading order.
    public var reports: [ClaimAppearance]
    /// The sentences that contest it, in reading order.
    public var disputes: [ClaimAppearance]
    /// How many sources report it: outlets, with each article of unknown
    /// outlet counted as a source of its own.
    public var sourceCount: Int
    /// How many of those are independent: sources whose reporting sentences
    /// are copies of one passage count once.
    public var independentSourceCount: Int
    /// How many sources contest it, counted like `sourceCount`.
    public var disputingSourceCount: Int
    /// The slugs of the entities its statement names, sorted.
    public var about: [String]
    /// The slugs of the figure groups with a figure in one of its
    /// sentences, sorted.
    public var figures: [String]
}

/// A sentence of an article, by paragraph and sentence number.
struct SentenceReference: Hashable {
    var article: String
    var paragraph: Int
    var sentence: Int
}

/// What the articles say of the claims, gathered in one pass over them:
/// it needs nothing the dossier-wide analyses make, so it is gathered while
/// they run.
struct ClaimSightings {
    /// Each claim's appearances, by the claim's slug, in reading order.
    var appearances: [String: [ClaimAppearance]] = [:]
    /// The source each article counts as, by the article's slug: its outlet,
    /// or the article itself when its outlet is unknown.
    var sources: [String: String] = [:]
    /// The sentences that carry or contest a claim, by article and text:
    /// only their figure groups are wanted, of the many figures' sentences.
    var sentences: [String: Set<String>] = [:]

    /// The sightings of `articles`, in reading order.
    init(_ articles: [AnalysedArticle]) {
        for article in articles {
            for appearance in article.claimAppearances {
                appearances[appearance.claim, default: []].append(appearance)
                sentences[appearance.article, default: []].insert(appearance.text)
            }
            sources[article.article.slug] = article.article.metadata.outlet.map { "outlet:\($0)" } ?? "article:\(article.article.slug)"
        }
    }

    /// The figure groups of each claim sentence that has figures, by article and sentence text.
    func figureGroupsOfSentences(_ figures: [FigureGroup]) -> [String: [String: Set<String>]] {
        var groups: [String: [String: Set<String>]] = [:]
        for group in figures {
            // Read in place, by position: a copy of each of the dossier's figures would retain its six strings.
            for position in group.mentions.indices
            where sentences[group.mentions[position].article]?.contains(group.mentions[position].sentence) == true {
                let mention = group.mentions[position]
                groups[mention.article, default: [:]][mention.sentence, default: []].insert(group.slug)
            }
        }
        return groups
    }
}

enum ClaimAnalysis {
    /// Each claim with its appearances (from `sightings`) and independent
    /// sources; `passageOf` gives the shared passage, if any, each copied
    /// sentence belongs to, and `figureGroups` the figure groups of claim
    /// sentences (``ClaimSightings/figureGroupsOfSentences(_:)``). Warns
    /// about phrases that match nothing.
    static func run(_ index: ClaimIndex, sightings: ClaimSightings, matched: Set<ClaimIndex.PhraseOwner>,
                    passageOf: [SentenceReference: Int], figureGroups: [String: [String: Set<String>]],
                    entities: EntityIndex) -> ([AnalysedClaim], [Diagnostic]) {
        var problems: [Diagnostic] = []
        let analysed = index.claims.enumerated().map { number, claim in
            for (stance, phrases) in [(ClaimStance.reports, claim.quotes), (.disputes, claim.disputedBy)] {
                for (phrase, entry) in phrases.enumerated()
                where !matched.contains(ClaimIndex.PhraseOwner(claim: number, stance: stance, phrase: phrase)) {
                    let key = stance == .reports ? "quotes" : "disputed_by"
                    problems.append(.warning(entry.location, "'\(entry.text)' (\(key)) matches no sentence in any article"))
                }
            }
            let appearances = sightings.appearances[claim.slug] ?? []
            let reports = appearances.filter { $0.stance == .reports }
            let disputes = appearances.filter { $0.stance == .disputes }
            let sources = reports.map { sightings.sources[$0.article]! }
            let about = Set(entities.mentions(inPlainText: Array(claim.statement.utf8)).map(\.entity.slug)).sorted()
            return AnalysedClaim(claim: claim, appearances: appearances, reports: reports,
                                 disputes: disputes,
                                 sourceCount: Set(sources).count,
                                 independentSourceCount: independentCount(reports, sources: sources, passageOf: passageOf),
                                 disputingSourceCount: Set(disputes.map { sightings.sources[$0.article]! }).count,
                                 about: about,
                                 figures: appearances.reduce(into: Set<String>()) {
                                     $0.formUnion(figureGroups[$1.article]?[$1.text] ?? [])
                                 }.sorted())
        }
        return (analysed, problems)
    }

    /// The number of groups the reporting sources fall into when two
    /// sources are joined if their sentences are copies of one passage.
    static func independentCount(_ reports: [ClaimAppearance], sources: [String], passageOf: [SentenceReference: Int]) -> Int {
        var groups = Array(0..<reports.count)
        func root(_ member: Int) -> Int {
            var member = member
            while groups[member] != member { member = groups[member] }
            return member
        }
        var firstBySource: [String: Int] = [:]
        var firstByPassage: [Int: Int] = [:]
        for (member, report) in reports.enumerated() {
            var partners = [firstBySource[sources[member]]]
            if let passage = passageOf[SentenceReference(article: report.article, paragraph: report.paragraph, sentence: report.sentence)] {
                partners.append(firstByPassage[passage])
                firstByPassage[passage] = firstByPassage[passage] ?? member
            }
            firstBySource[sources[member]] = firstBySource[sources[member]] ?? member
            for partner in partners.compactMap({ $0 }) { groups[root(member)] = root(partner) }
        }
        return Set(reports.indices.map(root)).count
    }
}
