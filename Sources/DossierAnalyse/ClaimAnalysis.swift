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

enum ClaimAnalysis {
    /// Gathers the appearances of `articles` (in reading order) by claim and
    /// counts independent sources; `passageOf` gives the shared passage, if
    /// any, each copied sentence belongs to. Warns about phrases that match
    /// nothing.
    static func run(_ index: ClaimIndex, articles: [AnalysedArticle], matched: Set<ClaimIndex.PhraseOwner>,
                    passageOf: [SentenceReference: Int], figures: [FigureGroup],
                    entities: EntityIndex) -> ([AnalysedClaim], [Diagnostic]) {
        var found: [String: [ClaimAppearance]] = [:]
        var outlets: [String: String] = [:]
        // The sentences that carry or contest a claim, by article and text:
        // only their figure groups are wanted, of the many figures' sentences.
        var claimSentences: [String: Set<String>] = [:]
        for article in articles {
            for appearance in article.claimAppearances {
                found[appearance.claim, default: []].append(appearance)
                claimSentences[appearance.article, default: []].insert(appearance.text)
            }
            outlets[article.article.slug] = article.article.metadata.outlet.map { "outlet:\($0)" } ?? "article:\(article.article.slug)"
        }
        // The figure groups of each of those sentences, by article and sentence text.
        var groupsOfSentence: [String: [String: Set<String>]] = [:]
        for group in figures {
            // Read in place, by position: a copy of each of the dossier's figures would retain its six strings.
            for position in group.mentions.indices
            where claimSentences[group.mentions[position].article]?.contains(group.mentions[position].sentence) == true {
                let mention = group.mentions[position]
                groupsOfSentence[mention.article, default: [:]][mention.sentence, default: []].insert(group.slug)
            }
        }
        var problems: [Diagnostic] = []
        let analysed = index.claims.enumerated().map { number, claim in
            for (stance, phrases) in [(ClaimStance.reports, claim.quotes), (.disputes, claim.disputedBy)] {
                for (phrase, entry) in phrases.enumerated()
                where !matched.contains(ClaimIndex.PhraseOwner(claim: number, stance: stance, phrase: phrase)) {
                    let key = stance == .reports ? "quotes" : "disputed_by"
                    problems.append(.warning(entry.location, "'\(entry.text)' (\(key)) matches no sentence in any article"))
                }
            }
            let appearances = found[claim.slug] ?? []
            let reports = appearances.filter { $0.stance == .reports }
            let disputes = appearances.filter { $0.stance == .disputes }
            let sources = reports.map { outlets[$0.article]! }
            let about = Set(entities.mentions(inPlainText: Array(claim.statement.utf8)).map(\.entity.slug)).sorted()
            return AnalysedClaim(claim: claim, appearances: appearances, reports: reports,
                                 disputes: disputes,
                                 sourceCount: Set(sources).count,
                                 independentSourceCount: independentCount(reports, sources: sources, passageOf: passageOf),
                                 disputingSourceCount: Set(disputes.map { outlets[$0.article]! }).count,
                                 about: about,
                                 figures: appearances.reduce(into: Set<String>()) {
                                     $0.formUnion(groupsOfSentence[$1.article]?[$1.text] ?? [])
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
