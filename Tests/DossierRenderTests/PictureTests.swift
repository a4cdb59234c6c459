@testable import DossierAnalyse  // for Companion's initialiser
import DossierCore
@testable import DossierRender
import Foundation
import Testing

/// A graph node with `companions` given as slug → number of shared articles.
private func node(_ slug: String, _ name: String? = nil, kind: EntityKind = .person, mentions: Int,
                  companions: [String: Int] = [:]) -> EntityGraph.Node {
    EntityGraph.Node(slug: slug, name: name ?? slug.capitalized, kind: kind, mentions: mentions,
                     companions: companions.map { Companion(entity: $0.key, articles: $0.value) })
}

/// `count` entities named by synthetic articles, a few in each, the first
/// far more often than the last (as in the news), with their companions
/// counted from the articles as analysis counts them.
private func syntheticEntities(_ count: Int, articles: Int) -> [EntityGraph.Node] {
    var random = SplitMix(seed: 7)
    var mentions = [Int](repeating: 0, count: count)
    var together: [[Int: Int]] = Array(repeating: [:], count: count)
    for _ in 0..<articles {
        var named = Set<Int>()
        for _ in 0..<(2 + random.next(4)) {
            let u = Double(random.next(1_000_000)) / 1_000_000
            named.insert(Int(Double(count) * u * u * u))
        }
        for entity in named {
            mentions[entity] += 1
            for other in named where other != entity { together[entity][other, default: 0] += 1 }
        }
    }
    let kinds = EntityKind.allCases
    return (0..<count).map { index in
        node("entity-\(index)", "Entity number \(index)", kind: kinds[index % kinds.count], mentions: mentions[index],
             companions: Dictionary(uniqueKeysWithValues: together[index].map { ("entity-\($0.key)", $0.value) }))
    }
}

/// A small deterministic random number generator, so tests do not depend on the machine.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    /// A number in 0..<bound.
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

/// What the tests read of a drawn graph.
private struct DrawnGraph {
    struct Circle { var x, y, r: Double }
    var width = 0.0, height = 0.0
    /// The entities' circles, not the legend's.
    var circles: [Circle] = []
    /// Each node link's `href` and its tooltip.
    var links: [(href: String, title: String)] = []
    var lines = 0

    init(_ svg: String) throws {
        let viewBox = try #require(svg.attributeValues("viewBox").first).split(separator: " ").compactMap { Double($0) }
        (width, height) = (viewBox[2], viewBox[3])
        let nodes = try #require(svg.components(separatedBy: #"<g class="nodes">"#).last?.components(separatedBy: "</g>").first)
        for element in nodes.components(separatedBy: "<a ").dropFirst() {
            let circle = try #require(element.components(separatedBy: "<circle").dropFirst().first)
            let number = { (name: String) in Double(circle.attributeValues(name)[0]) ?? .nan }
            circles.append(Circle(x: number("cx"), y: number("cy"), r: number("r")))
            let title = try #require(element.components(separatedBy: "<title>").dropFirst().first?.components(separatedBy: "</title>").first)
            links.append((" \(element)".attributeValues("href")[0], title))
        }
        lines = svg.occurrences(of: "<line ")
    }
}

@Suite struct EntityGraphTests {
    private let triangle = [
        node("putin", "Vladimir Putin", mentions: 12, companions: ["syria": 4, "assad": 2]),
        node("syria", "Syria", kind: .place, mentions: 20, companions: ["putin": 4, "assad": 3]),
        node("assad", "Bashar al-Assad", mentions: 9, companions: ["putin": 2, "syria": 3]),
    ]

    @Test func theSameEntitiesInAnotherOrderGiveTheSameBytes() throws {
        let entities = syntheticEntities(300, articles: 1500)
        let shuffled = entities.reversed().map { entity in
            var entity = entity
            entity.companions.reverse()
            return entity
        }
        let svg = try #require(EntityGraph.overview(of: entities).svg(id: "g", title: "T"))
        #expect(EntityGraph.overview(of: shuffled).svg(id: "g", title: "T") == svg)
        let lookup = Dictionary(uniqueKeysWithValues: entities.map { ($0.slug, $0) })
        let around = EntityGraph.neighbourhood(of: entities[3]) { lookup[$0] }.svg(id: "g", title: "T")
        #expect(EntityGraph.neighbourhood(of: shuffled[shuffled.count - 4]) { lookup[$0] }.svg(id: "g", title: "T") == around)
    }

    @Test(arguments: [2, 3, 12, 30, 200, 1000])
    func circlesStayInsideThePictureAndApart(_ count: Int) throws {
        let entities = syntheticEntities(count, articles: 5 * count)
        let lookup = Dictionary(uniqueKeysWithValues: entities.map { ($0.slug, $0) })
        let busiest = try #require(entities.max { $0.companions.count < $1.companions.count })
        try expectInsideAndApart(EntityGraph.overview(of: entities))
        try expectInsideAndApart(EntityGraph.neighbourhood(of: busiest) { lookup[$0] })
    }

    /// Thirty big circles with long names, every one linked to every other.
    @Test func aCrowdedGraphIsSpreadUntilNothingOverlaps() throws {
        let slugs = (0..<30).map { "crowd-\($0)" }
        let crowd = slugs.map { slug in
            node(slug, "Syrian Observatory for Human Rights \(slug.dropFirst(6))", mentions: 10,
                 companions: Dictionary(uniqueKeysWithValues: slugs.filter { $0 != slug }.map { ($0, 5) }))
        }
        let lookup = Dictionary(uniqueKeysWithValues: crowd.map { ($0.slug, $0) })
        try expectInsideAndApart(EntityGraph.overview(of: crowd))
        try expectInsideAndApart(EntityGraph.neighbourhood(of: crowd[0]) { lookup[$0] })
    }

    /// Expects every circle of `graph` inside the picture and no two
    /// overlapping, and the same of the boxes around circles and labels.
    private func expectInsideAndApart(_ graph: EntityGraph, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let drawn = try DrawnGraph(try #require(graph.svg(id: "g", title: "T")))
        #expect(drawn.circles.count == graph.nodes.count, sourceLocation: sourceLocation)
        for circle in drawn.circles {
            #expect(circle.x - circle.r >= 0 && circle.x + circle.r <= drawn.width && circle.y - circle.r >= 0
                    && circle.y + circle.r <= drawn.height, "\(circle) outside the picture", sourceLocation: sourceLocation)
        }
        for (a, one) in drawn.circles.enumerated() {
            for other in drawn.circles.dropFirst(a + 1) {
                let distance = ((one.x - other.x) * (one.x - other.x) + (one.y - other.y) * (one.y - other.y)).squareRoot()
                #expect(distance >= one.r + other.r, "\(one) overlaps \(other)", sourceLocation: sourceLocation)
            }
        }
        let radii = drawn.circles.map(\.r)
        let layout = GraphLayout(radii: radii, labels: graph.nodes.map { GraphLabel($0.name) }, links: graph.links,
                                 centred: graph.centred)
        let boxes = layout.centres.indices.map(layout.box)
        for (a, one) in boxes.enumerated() {
            #expect(one.left >= 0 && one.right <= GraphLayout.width && one.top >= 0 && one.bottom <= layout.height,
                    "\(one) outside the picture", sourceLocation: sourceLocation)
            for other in boxes.dropFirst(a + 1) {
                #expect(one.right <= other.left || other.right <= one.left || one.bottom <= other.top || other.bottom <= one.top,
                        "\(one) overlaps \(other)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func aLongNameIsBrokenIntoTwoLinesAndCut() {
        #expect(GraphLabel("Syria").lines == ["Syria"])
        #expect(GraphLabel("Syrian Observatory for Human Rights").lines == ["Syrian Observatory", "for Human Rights"])
        #expect(GraphLabel("Supercalifragilisticexpialidocious").lines == ["Supercalifragilistice…"])
    }

    @Test func theOverviewKeepsTheMostMentionedAndTheirStrongestLinks() throws {
        let entities = syntheticEntities(1000, articles: 10_000)
        let graph = EntityGraph.overview(of: entities)
        #expect(graph.nodes.count == 30)
        let mostMentioned = entities.sorted { ($1.mentions, $0.slug) < ($0.mentions, $1.slug) }.prefix(30).map(\.slug)
        #expect(graph.nodes.map(\.slug) == mostMentioned)
        #expect(graph.links.count <= 60)
        #expect(graph.links.map(\.articles) == graph.links.map(\.articles).sorted(), "strongest drawn last")
        let linked = Set(graph.links.flatMap { [$0.from, $0.to] })
        #expect(linked.count == 30, "every entity keeps at least its strongest link")
        let drawn = try DrawnGraph(try #require(graph.svg(id: "g", title: "T")))
        #expect(drawn.circles.count == 30)
        #expect(drawn.lines == graph.links.count)
    }

    @Test func theNeighbourhoodHasTheEntityAtTheCentreAndItsTwelveClosestCompanions() throws {
        let companions = (0..<40).map { node("c\($0)", mentions: 50 - $0, companions: ["centre": 40 - $0]) }
        let centre = node("centre", "The Centre", mentions: 100,
                          companions: Dictionary(uniqueKeysWithValues: companions.map { ($0.slug, 40 - Int($0.slug.dropFirst())!) }))
        let lookup = Dictionary(uniqueKeysWithValues: companions.map { ($0.slug, $0) })
        let graph = EntityGraph.neighbourhood(of: centre) { lookup[$0] }
        #expect(graph.nodes.map(\.slug) == ["centre"] + (0..<12).map { "c\($0)" })
        #expect(graph.links.count == 12)
        #expect(graph.links.allSatisfy { $0.from == 0 })
        let svg = try #require(graph.svg(id: "g", title: "T"))
        #expect(svg.contains(#"<a class="node person centre" href="centre.html" aria-current="page"><title>The Centre: 100 mentions</title>"#))
        #expect(svg.occurrences(of: "aria-current") == 1)
    }

    @Test func nodesLinkToTheirEntityPagesWithTheirNameAndMentions() throws {
        let svg = try #require(EntityGraph.overview(of: triangle).svg(id: "entity-graph", title: "Entities"))
        let drawn = try DrawnGraph(svg)
        #expect(drawn.links.map(\.href) == ["syria.html", "putin.html", "assad.html"])
        #expect(drawn.links.map(\.title) == ["Syria: 20 mentions", "Vladimir Putin: 12 mentions", "Bashar al-Assad: 9 mentions"])
        #expect(svg.contains(#"<a class="node place" href="syria.html">"#))
        #expect(svg.hasPrefix(#"<svg class="entity-graph" id="entity-graph" viewBox="0 0 720 "#))
        #expect(svg.contains(#"role="group" aria-labelledby="entity-graph-title""#))
        #expect(svg.contains(#"<title id="entity-graph-title">Entities</title>"#))
        #expect(svg.contains(#"<g class="legend"><g class="person">"#))
        #expect(drawn.lines == 3)
    }

    @Test func hostileNamesAreEscaped() throws {
        let hostile = #"<script>alert(1)</script> & "x""#
        let graph = EntityGraph.overview(of: [node("x", hostile, mentions: 3, companions: ["y": 1]),
                                              node("y", "Y", mentions: 2, companions: ["x": 1])])
        let svg = try #require(graph.svg(id: "g", title: hostile))
        #expect(!svg.contains("<script"))
        #expect(!svg.contains(#"& ""#))
        #expect(svg.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;: 3 mentions</title>"))
        #expect(svg.contains(#"<title id="g-title">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</title>"#))
    }

    @Test func fewerThanTwoEntitiesDrawNothing() {
        #expect(EntityGraph.overview(of: []).svg(id: "g", title: "T") == nil)
        #expect(EntityGraph.overview(of: [node("a", mentions: 1), node("b", mentions: 0)]).svg(id: "g", title: "T") == nil)
        #expect(EntityGraph.neighbourhood(of: node("a", mentions: 1)) { _ in nil }.svg(id: "g", title: "T") == nil)
    }

    @Test func numbersArePrintedToOneDecimal() {
        #expect(SVG.number(12) == "12")
        #expect(SVG.number(12.34) == "12.3")
        #expect(SVG.number(12.35) == "12.4")
        #expect(SVG.number(-0.04) == "0")
        #expect(SVG.number(-3.25) == "-3.3")
        #expect(SVG.number(0.05) == "0.1")
    }

    @Test func pointsRoundTheRingAreEvenlySpreadOnTheUnitCircle() {
        let count = 12
        let points = (0..<count).map { GraphLayout.unitVector(turns: Double($0) / Double(count)) }
        #expect(points[0] == Point(x: 0, y: -1))
        for (index, point) in points.enumerated() {
            #expect(abs(point.length - 1) < 1e-12)
            let next = points[(index + 1) % count]
            #expect(abs((next - point).length - 0.5176) < 0.002, "side \(index)")  // 2 sin(15°)
        }
        let fromTheRight = (0..<count).map { points[(count / 4 + $0) % count] }  // clockwise, as pseudo-angles grow
        #expect(GraphLayout.pseudoAngle(fromTheRight[0]) == 0)
        for (one, next) in zip(fromTheRight, fromTheRight.dropFirst()) {
            #expect(GraphLayout.pseudoAngle(one) < GraphLayout.pseudoAngle(next))
        }
    }
}

@Suite struct TimelineTests {
    private func dates(_ isos: [String?]) -> [CalendarDate?] {
        isos.map { $0.flatMap { CalendarDate(iso: $0) } }
    }

    /// Each bar's tooltip, in order.
    private func barTitles(_ svg: String) -> [String] {
        svg.components(separatedBy: #"<g class="bars">"#)[1].components(separatedBy: "</g>")[0]
            .components(separatedBy: "<title>").dropFirst().map { $0.components(separatedBy: "</title>")[0] }
    }

    @Test func aFewDaysAreCountedDayByDay() throws {
        let timeline = try #require(Timeline(dates: dates(["2017-12-08", "2017-12-06", nil, "2017-12-08", "2017-12-08", nil])))
        #expect(timeline.unit == .day)
        #expect(timeline.undated == 2)
        let svg = timeline.svg(id: "timeline")
        #expect(barTitles(svg) == ["6 December 2017: 1 article", "8 December 2017: 3 articles"])
        #expect(svg.contains(#"<title id="timeline-title">Articles published each day, from 6 December 2017 to 8 December 2017</title>"#))
        #expect(svg.contains(#"role="img" aria-labelledby="timeline-title""#))
        #expect(svg.contains(">6 Dec 2017</text>") && svg.contains(">7 Dec 2017</text>") && svg.contains(">8 Dec 2017</text>"))
    }

    @Test func longerSpansAreCountedByWeekMonthOrYear() throws {
        let weeks = try #require(Timeline(dates: dates(["2017-12-04", "2017-12-10", "2017-12-11", "2018-06-30"])))
        #expect(weeks.unit == .week)
        #expect(barTitles(weeks.svg(id: "t")) == ["Week of 4 December 2017: 2 articles", "Week of 11 December 2017: 1 article",
                                                   "Week of 25 June 2018: 1 article"])
        let months = try #require(Timeline(dates: dates(["2015-01-31", "2015-01-01", "2016-02-29", "2017-12-08"])))
        #expect(months.unit == .month)
        #expect(barTitles(months.svg(id: "t")) == ["January 2015: 2 articles", "February 2016: 1 article", "December 2017: 1 article"])
        let years = try #require(Timeline(dates: dates(["1999-05-01", "2017-12-08", "2017-01-01"])))
        #expect(years.unit == .year)
        #expect(barTitles(years.svg(id: "t")) == ["1999: 1 article", "2017: 2 articles"])
    }

    @Test func tenThousandArticlesOverThreeYearsMakeMonthlyBarsThatCountThemAll() throws {
        var random = SplitMix(seed: 3)
        let start = try #require(CalendarDate(iso: "2015-03-01")).daysSinceEpoch
        let dated = (0..<10_000).map { _ in CalendarDate(daysSinceEpoch: start + random.next(3 * 365)) }
        let timeline = try #require(Timeline(dates: dated.reversed() + [nil]))
        #expect(timeline.unit == .month)
        #expect(timeline.counts.values.reduce(0, +) == 10_000)
        let svg = timeline.svg(id: "t")
        let titles = barTitles(svg)
        #expect(titles.count == 36)
        #expect(titles.map { Int($0.split(separator: " ").dropLast()[2])! }.reduce(0, +) == 10_000)
        #expect(svg == Timeline(dates: dated + [nil])?.svg(id: "t"), "the order of articles does not matter")
        #expect(svg.occurrences(of: "<text") == 2 + 5, "the count scale and five dates under the axis")
    }

    @Test func noDateNoTimeline() {
        #expect(Timeline(dates: []) == nil)
        #expect(Timeline(dates: [nil, nil]) == nil)
    }

    @Test func theFrontPageShowsTheTimelineAndNotesUndatedArticles() async throws {
        let articles = [article("a", "A", date: "2017-12-06"), article("b", "B", date: "2017-12-08"),
                        article("c", "C"), article("d", "D")]
        let page = try #require(try await renderSite(articles)["index.html"])
        #expect(page.contains(#"<figure class="picture">"# + "\n" + #"<svg class="timeline" id="timeline""#))
        #expect(page.contains("<figcaption>Articles published each day. 2 undated articles are not shown.</figcaption>"))
        let list = try #require(page.range(of: #"<ol class="article-list">"#))
        #expect(try #require(page.range(of: "<svg")).lowerBound < list.lowerBound, "the timeline comes before the list")
        let oneUndated = try #require(try await renderSite(Array(articles.prefix(3)))["index.html"])
        #expect(oneUndated.contains("<figcaption>Articles published each day. 1 undated article is not shown.</figcaption>"))
        let allDated = try #require(try await renderSite(Array(articles.prefix(2)))["index.html"])
        #expect(allDated.contains("<figcaption>Articles published each day.</figcaption>"))
        let undated = try #require(try await renderSite(Array(articles.suffix(2)))["index.html"])
        #expect(!undated.contains("<svg") && !undated.contains("<figure"))
    }
}

@Suite struct PicturePageTests {
    private let entities = [
        Entity(slug: "islamic-state", name: "Islamic State", kind: .group, aliases: ["ISIL"]),
        Entity(slug: "sergei-rudskoi", name: "Sergei Rudskoi", kind: .person, aliases: ["Rudskoi"]),
        Entity(slug: "syria", name: "Syria", kind: .place),
        Entity(slug: "hostile", name: #"<script>alert(1)</script> & "x""#, kind: .other, aliases: ["Hostile"]),
        Entity(slug: "alone", name: "Alone", kind: .place),
    ]
    private let articles = [
        article("one", "One", date: "2017-12-07", body: "Rudskoi said Syria was free of ISIL. Hostile agreed."),
        article("two", "Two", date: "2017-12-08", body: "Islamic State still holds part of Syria."),
        article("three", "Three", body: "Alone, at last."),
    ]

    @Test func theEntitiesIndexAndEntityPagesShowTheirGraphs() async throws {
        let site = try await renderSite(articles, entities: entities)
        let index = try #require(site["entities/index.html"])
        #expect(index.contains(#"<figure class="picture">"# + "\n" + #"<svg class="entity-graph" id="entity-graph""#))
        #expect(index.contains("<figcaption>The most mentioned entities, joined when articles name both"))
        let overview = try DrawnGraph(index)
        #expect(Set(overview.links.map(\.href)) == ["islamic-state.html", "sergei-rudskoi.html", "syria.html", "hostile.html", "alone.html"])
        let rudskoi = try #require(site["entities/sergei-rudskoi.html"])
        let named = try #require(rudskoi.range(of: "<h2 id=\"companions-heading\">Named with</h2>"))
        let figure = try #require(rudskoi.range(of: "<figure class=\"picture\">"))
        #expect(named.upperBound < figure.lowerBound)
        #expect(rudskoi.contains("<figcaption>Sergei Rudskoi and the entities most often named with it"))
        let neighbourhood = try DrawnGraph(rudskoi)
        #expect(neighbourhood.links.map(\.href) == ["sergei-rudskoi.html", "islamic-state.html", "syria.html", "hostile.html"])
        // An entity named with no other has no graph, and neither has a dossier of one entity.
        #expect(!(try #require(site["entities/alone.html"])).contains("<svg"))
        let single = try await renderSite([articles[2]], entities: [entities[4]])
        #expect(!(try #require(single["entities/index.html"])).contains("<figure"))
    }

    @Test func pagesWithPicturesKeepTheirIdsUniqueAndTheirTextEscaped() async throws {
        let site = try await renderSite(articles, entities: entities)
        for path in ["index.html", "entities/index.html", "entities/syria.html", "entities/hostile.html"] {
            let page = try #require(site[path])
            let ids = page.attributeValues("id")
            #expect(Set(ids).count == ids.count, "\(path) repeats an id")
            #expect(page.executableScripts == 0, "\(path)")
            #expect(page.occurrences(of: "<svg") == 1, "\(path)")
        }
        let hostile = try #require(site["entities/hostile.html"])
        #expect(hostile.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; and the entities most often named with it"))
    }
}
