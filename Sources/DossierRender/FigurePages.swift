import DossierAnalyse
import DossierCore
import MustacheTemplates

/// The template data of the figures page and the figure tables of claim
/// pages. Like ``PageContext``, every value is text the templates escape.
extension PageContext {
    /// The figures page: groups whose figures need the curator's eye first
    /// (conflicting, differing, counted over different periods), then the
    /// groups whose sources agree, then figures given once.
    func figuresIndex() -> [String: TemplateValue] {
        var page = frame(title: "Figures", depth: 1, section: "figures")
        let repeated = dossier.figures.filter { $0.mentions.count > 1 }
        page["flagged"] = .list(repeated.filter { $0.status != .agree }.sorted(by: Self.moreUrgent).map { figureGroup($0, depth: 1) })
        page["agreeing"] = .list(repeated.filter { $0.status == .agree }.map { figureGroup($0, depth: 1) })
        page["single"] = .list(dossier.figures.filter { $0.mentions.count == 1 }.map { figureGroup($0, depth: 1) })
        page["groupCount"] = .int(dossier.figures.count)
        return page
    }

    /// Conflicts first, then differing values, then different measures; by slug within each.
    static func moreUrgent(_ a: FigureGroup, _ b: FigureGroup) -> Bool {
        let order: [FigureStatus] = [.conflict, .differ, .differentMeasures, .agree]
        return (order.firstIndex(of: a.status)!, a.slug) < (order.firstIndex(of: b.status)!, b.slug)
    }

    /// One group: what it counts, how its figures compare, and each value
    /// given, as first written, with the articles that give it: the first
    /// ``sourcesShown`` of them, and how many more.
    func figureGroup(_ group: FigureGroup, depth: Int) -> TemplateValue {
        let root = String(repeating: "../", count: depth)
        return [
            "slug": .string(group.slug), "what": .string(group.what), "anchor": "figure-\(group.slug)",
            "url": "\(root)figures/index.html#figure-\(group.slug)",
            "status": .string(group.status.rawValue), "statusText": .string(Self.statusText(group)),
            "flagged": .bool(group.mentions.count > 1 && group.status != .agree),
            "values": .list(group.values.map { mentions in
                let first = mentions[0].figure
                var articles: [String] = []
                for mention in mentions where !articles.contains(mention.article) { articles.append(mention.article) }
                let sources = articles.prefix(Self.sourcesShown).compactMap(dossier.article)
                return [
                    "value": .string(first.interval.description + (first.isPercent ? " %" : "")),
                    "period": first.period.map { "a \($0.rawValue)" } ?? false,
                    "text": .string(first.text),
                    "sources": .list(sources.map { .object(summary($0, depth: depth)) }),
                    "moreSources": articles.count > sources.count
                        ? .string(counted(articles.count - sources.count, "more article", separatingThousands: true)) : false,
                ]
            }),
        ]
    }

    /// How many of the articles giving a value a figure table links to.
    static let sourcesShown = 3

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
