import DossierCore

/// How the figures of one group compare, checked in this order: different
/// measures, then conflict, then differ, else agree.
public enum FigureStatus: String, Sendable {
    /// Every figure has the same interval.
    case agree
    /// The intervals differ but every two overlap (`at least 12` and `21`).
    case differ
    /// Some two intervals are disjoint (`12` and `21`, `about 8 percent` and `30 percent`).
    case conflict
    /// The figures are counted over different periods (`100 sorties daily`
    /// and `14 sorties in the past month`): for the curator to look at, not a
    /// conflict. A figure with no period next to one with a period is a
    /// different measure too (`5 raids` and `5 raids a week`): a total is not a rate.
    case differentMeasures = "different-measures"
}

/// The figures that count the same thing.
public struct FigureGroup: Sendable {
    /// Made from the key (`civilian`, `percent-of-deir-ezzor-province`); unique among the groups.
    public var slug: String
    /// What the figures count, for display: the most common `counted`, the first on a tie.
    public var what: String
    /// In input order.
    public var mentions: [FigureMention]
    public var status: FigureStatus

    /// The mentions gathered by what they state (the same interval, percent
    /// or not, and period), in the order each value first appears: how many
    /// sources give each value, however many articles repeat it. Each value
    /// is the positions of its mentions in `mentions`, which are read where
    /// they are: a copy of each would retain its strings.
    public var values: [[Int]] {
        struct Value: Hashable {
            var interval: FigureInterval
            var isPercent: Bool
            var period: FigurePeriod?
        }
        var positions: [Value: Int] = [:]
        var values: [[Int]] = []
        for index in mentions.indices {
            let value = Value(interval: mentions[index].figure.interval, isPercent: mentions[index].figure.isPercent,
                              period: mentions[index].figure.period)
            if let position = positions[value] {
                values[position].append(index)
            } else {
                positions[value] = values.count
                values.append([index])
            }
        }
        return values
    }
}

public enum FigureGroups {
    /// Groups the mentions of `lists` (each article's, in reading order) by
    /// key, whichever article they come from; within a group they keep the
    /// order of the lists. Groups are sorted by slug. The mentions are
    /// gathered by their positions and each copied once, into its group:
    /// a copy retains five strings.
    public static func group(_ lists: [[FigureMention]]) -> [FigureGroup] {
        var positionsByKey: [String: [(list: Int, index: Int)]] = [:]
        for list in lists.indices {
            for index in lists[list].indices {
                positionsByKey[lists[list][index].figure.key, default: []].append((list, index))
            }
        }
        var taken: Set<String> = []
        return positionsByKey.keys.map { key in (key: key, slug: Slug.make(from: key, fallback: "figure")) }
            .sorted { ($0.slug, $0.key) < ($1.slug, $1.key) }
            .map { key, slug in
                let slug = Slug.unique(slug, avoiding: taken)
                taken.insert(slug)
                let mentions = positionsByKey[key]!.map { lists[$0.list][$0.index] }
                return FigureGroup(slug: slug, what: mostCommon(mentions.map(\.figure.counted)), mentions: mentions,
                                   status: status(of: mentions))
            }
            .sorted { $0.slug < $1.slug }
    }

    /// How the figures of `mentions` compare. Intervals on a line overlap
    /// pairwise exactly when they all share a number, so one pass over them
    /// finds a conflict. The figures are read where they are: a list of
    /// them would copy every figure of the dossier, retaining its strings.
    static func status(of mentions: [FigureMention]) -> FigureStatus {
        let (period, interval) = (mentions[0].figure.period, mentions[0].figure.interval)
        if mentions.contains(where: { $0.figure.period != period }) { return .differentMeasures }
        if mentions.count > 1, mentions.dropFirst().reduce(interval, { $0.intersection($1.figure.interval) }).isEmpty {
            return .conflict
        }
        return mentions.allSatisfy { $0.figure.interval == interval } ? .agree : .differ
    }

    /// The most frequent of `texts`, the first of them on a tie.
    static func mostCommon(_ texts: [String]) -> String {
        var counts: [String: Int] = [:]
        for text in texts { counts[text, default: 0] += 1 }
        var best = texts[0]
        for text in texts where counts[text]! > counts[best]! { best = text }
        return best
    }
}
