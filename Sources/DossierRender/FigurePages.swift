import DossierAnalyse
import DossierCore
import MustacheTemplates

/// The template data of the figures page and the figure tables of claim
/// pages. Like ``PageContext``, every value is text the templates escape.
extension PageContext {
    /// The figures page: groups whose figures need the curator's eye first
    /// (conflicting, differing, counted over different periods), then the
    /// groups whose sources agree, then figures given once.
    func figuresIndex(_ tables: [String: TemplateValue]) -> TemplateObject {
        var page = frame(title: "Figures", depth: 1, section: "figures")
        let repeated = dossier.figures.filter { $0.mentions.count > 1 }
        page["flagged"] = .list(repeated.filter { $0.status != .agree }.sorted(by: Self.moreUrgent).compactMap { tables[$0.slug] })
        page["agreeing"] = .list(repeated.filter { $0.status == .agree }.compactMap { tables[$0.slug] })
        page["single"] = .list(dossier.figures.filter { $0.mentions.count == 1 }.compactMap { tables[$0.slug] })
        page["groupCount"] = .int(dossier.figures.count)
        return page
    }

    /// Conflicts first, then differing values, then different measures; by slug within each.
    static func moreUrgent(_ a: FigureGroup, _ b: FigureGroup) -> Bool {
        let order: [FigureStatus] = [.conflict, .differ, .differentMeasures, .agree]
        return (order.firstIndex(of: a.status)!, a.slug) < (order.firstIndex(of: b.status)!, b.slug)
    }

    /// Every figure group as a table for pages one folder deep (the figures
    /// page and claim pages), by slug: made once, as a claim page shows the
    /// same tables as the figures page.
    func figureTables() async -> [String: TemplateValue] {
        let tables = await dossier.figures.concurrentMap { [self] in figureGroup($0, depth: 1) }
        return Dictionary(uniqueKeysWithValues: zip(dossier.figures.map(\.slug), tables))
    }

    /// One group: what it counts, how its figures compare, and each value
    /// given (up to ``valuesShown``), as first written, with the articles
    /// that give it: the first ``sourcesShown`` of them, and how many more.
    func figureGroup(_ group: FigureGroup, depth: Int) -> TemplateValue {
        let root = String(repeating: "../", count: depth)
        let mentions = group.mentions
        let values = group.values
        let shown = Self.shownValues(values, of: mentions)
        let hidden = Set(values.indices).subtracting(shown)
        let hiddenArticles = Set(hidden.flatMap { values[$0].map { mentions[$0].article } }).count
        return [
            "slug": .string(group.slug), "what": .string(group.what), "anchor": "figure-\(group.slug)",
            "url": "\(root)figures/index.html#figure-\(group.slug)",
            "status": .string(group.status.rawValue), "statusText": .string(Self.statusText(group)),
            "flagged": .bool(group.mentions.count > 1 && group.status != .agree),
            "values": .list(shown.map { values[$0] }.map { positions in
                let first = mentions[positions[0]].figure
                var seen: Set<String> = []
                let articles = positions.map { mentions[$0].article }.filter { seen.insert($0).inserted }
                let sources = articles.prefix(Self.sourcesShown).compactMap(dossier.articlePosition)
                return [
                    "value": .string(first.interval.description + (first.isPercent ? " %" : "")),
                    "period": first.period.map { "a \($0.rawValue)" } ?? false,
                    "text": .string(first.text),
                    "sources": .list(sources.map { .object(summary(at: $0, depth: depth)) }),
                    "moreSources": articles.count > sources.count
                        ? .string(counted(articles.count - sources.count, "more article", separatingThousands: true)) : false,
                ]
            }),
            "moreValues": hidden.isEmpty ? false : .string(
                "\(counted(hidden.count, "more value", separatingThousands: true)), from \(counted(hiddenArticles, "article", separatingThousands: true))"),
        ]
    }

    /// How many of the articles giving a value a figure table links to.
    static let sourcesShown = 3

    /// How many values a figure table shows at most.
    static let valuesShown = 12

    /// The positions in `values` (``FigureGroup/values``, positions in
    /// `mentions`) of those a table shows: all of them, or when there are
    /// more than ``valuesShown``, those given in the most articles (the
    /// first given on a tie), still in the order first given.
    static func shownValues(_ values: [[Int]], of mentions: [FigureMention]) -> [Int] {
        guard values.count > valuesShown else { return Array(values.indices) }
        let articles = values.map { Set($0.map { mentions[$0].article }).count }
        return values.indices.sorted { (articles[$1], $0) < (articles[$0], $1) }.prefix(valuesShown).sorted()
    }

    static func statusText(_ group: FigureGroup) -> String {
        guard group.mentions.count > 1 else { return "Given once" }
        switch group.status {
        case .agree: return "Sources agree"
        case .differ: return "Values differ, but could all be true"
        case .conflict: return "Conflict: the values cannot all be true"
        case .differentMeasures: return "Different measures: counted over different periods, check before comparing"
        }
    }
}
