import DossierAnalyse
import DossierCore

/// Entities drawn as a network in an inline SVG: a circle for each entity,
/// its area by its mentions and its colour by its kind (a CSS class), and a
/// line between two entities named in the same articles, the thicker the
/// more articles. Each circle links to the entity's page as `<slug>.html`,
/// so the picture belongs on pages in entities/.
///
/// The layout uses +, −, ×, ÷ and square roots only, which IEEE arithmetic
/// rounds the same everywhere, on nodes sorted by mentions and slug: the same
/// entities give the same bytes on every machine, in whatever order they came.
struct EntityGraph {
    /// An entity as the graph sees it.
    struct Node {
        var slug: String
        var name: String
        var kind: EntityKind
        var mentions: Int
        /// The entities named in the same articles, with in how many,
        /// most shared first; two entities count each other alike (as
        /// analysis counts them), so a graph reads each pair from one side.
        var companions: [Companion]
    }

    /// Two nodes, by position in `nodes`, and the number of articles naming both.
    struct Link {
        var from: Int
        var to: Int
        var articles: Int
    }

    /// Most mentioned first, then by slug; the centre first when there is one.
    let nodes: [Node]
    /// Weakest first, so the strongest are drawn on top.
    let links: [Link]
    /// Whether `nodes[0]` is the entity the graph is about, drawn at its centre.
    let centred: Bool

    /// The `limit` most mentioned of `entities` and the strongest links
    /// among them: a picture that stays readable however large the dossier.
    static func overview(of entities: [Node], limit: Int = 30) -> EntityGraph {
        let chosen = entities.filter { $0.mentions > 0 }.sorted(by: moreMentioned).prefix(limit)
        return EntityGraph(nodes: Array(chosen), centred: false, linksPerNode: 3, maxLinks: 2 * limit)
    }

    /// `centre` and the `limit` entities most often named with it (found
    /// with `lookup`), each linked to the centre and to its strongest
    /// companions among the others.
    static func neighbourhood(of centre: Node, limit: Int = 12, lookup: (String) -> Node?) -> EntityGraph {
        let companions = strongest(centre.companions, limit).compactMap { lookup($0.entity) }
        return EntityGraph(nodes: [centre] + companions.sorted(by: moreMentioned), centred: true,
                           linksPerNode: 2, maxLinks: nil)
    }

    /// The `count` companions named in the most articles, then by slug, in
    /// that order: picked in one pass, as an entity of a large dossier has
    /// hundreds, and one that cannot be among them is told by its count alone.
    static func strongest(_ companions: [Companion], _ count: Int) -> [Companion] {
        guard count > 0 else { return [] }
        let stronger = { (a: Companion, b: Companion) in (b.articles, a.entity) < (a.articles, b.entity) }
        var kept: [Companion] = []
        for companion in companions where kept.count < count || stronger(companion, kept[kept.count - 1]) {
            kept.insert(companion, at: kept.firstIndex { stronger(companion, $0) } ?? kept.endIndex)
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }

    /// Most mentioned first, then by slug.
    private static func moreMentioned(_ a: Node, _ b: Node) -> Bool {
        (b.mentions, a.slug) < (a.mentions, b.slug)
    }

    /// The graph of `nodes` with the strongest links among them: every
    /// node's strongest link and every link of the centre, then, up to
    /// `maxLinks` in all, the strongest of those among the `linksPerNode`
    /// strongest of either end.
    private init(nodes: [Node], centred: Bool, linksPerNode: Int, maxLinks: Int?) {
        let count = nodes.count
        let position = Dictionary(nodes.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: min)
        var articles: [Int: Int] = [:]  // by `from * count + to`, with from < to
        for (index, node) in nodes.enumerated() {
            // Each pair from its first node's side; a busy entity has
            // hundreds of companions, so stop once the later nodes are found.
            var unseen = count - 1 - index
            for companion in node.companions {
                guard unseen > 0 else { break }
                guard let other = position[companion.entity], other > index else { continue }
                articles[index * count + other] = companion.articles
                unseen -= 1
            }
        }
        let strongestFirst = articles.map { Link(from: $0.key / count, to: $0.key % count, articles: $0.value) }
            .sorted { ($1.articles, $0.from, $0.to) < ($0.articles, $1.from, $1.to) }
        var stronger = [Int](repeating: 0, count: count)  // links of each node already seen
        var kept: [Link] = [], optional: [Link] = []
        for link in strongestFirst {
            if centred && link.from == 0 {
                kept.append(link)
                continue
            }
            let rank = min(stronger[link.from], stronger[link.to])
            if rank == 0 { kept.append(link) } else if rank < linksPerNode { optional.append(link) }
            stronger[link.from] += 1
            stronger[link.to] += 1
        }
        kept += optional.prefix(max(0, (maxLinks ?? .max) - kept.count))
        self.nodes = nodes
        self.links = kept.sorted { ($0.articles, $1.from, $1.to) < ($1.articles, $0.from, $0.to) }
        self.centred = centred
    }

    /// The picture, titled `title` for assistive technology, with ids that
    /// begin with `id`; nil when there are fewer than two entities to draw.
    func svg(id: String, title: String) -> String? {
        guard nodes.count >= 2 else { return nil }
        let mostMentions = Double(max(1, nodes.map(\.mentions).max() ?? 1))
        let radii = nodes.map { 4 + 14 * (Double($0.mentions) / mostMentions).squareRoot() }
        let labels = nodes.map { GraphLabel($0.name) }
        let layout = GraphLayout(radii: radii, labels: labels, links: links, centred: centred)
        let legend = GraphLegend(kinds: Set(nodes.map(\.kind)), top: layout.height)

        var svg = SVG.start(class: "entity-graph", id: id, width: GraphLayout.width, height: legend.bottom,
                            title: title, fontSize: GraphLabel.fontSize, hasLinks: true)
        let mostArticles = Double(links.map(\.articles).max() ?? 1)
        svg += #"<g class="links" stroke="currentColor" stroke-opacity=".3">"# + "\n"
        for link in links {
            let (from, to) = (layout.centres[link.from], layout.centres[link.to])
            let width = 1 + 5 * (Double(link.articles) / mostArticles).squareRoot()
            svg += #"<line x1="\#(SVG.number(from.x))" y1="\#(SVG.number(from.y))" x2="\#(SVG.number(to.x))" "#
                + #"y2="\#(SVG.number(to.y))" stroke-width="\#(SVG.number(width))"/>"# + "\n"
        }
        svg += "</g>\n<g class=\"nodes\">\n"
        for (index, node) in nodes.enumerated() {
            let centre = layout.centres[index]
            let current = centred && index == 0
            svg += #"<a class="node \#(node.kind.rawValue)\#(current ? " centre" : "")" "#
                + #"href="\#("\(node.slug).html".markupEscaped)"\#(current ? #" aria-current="page""# : "")>"#
                + "<title>\("\(node.name): \(counted(node.mentions, "mention"))".markupEscaped)</title>"
                + #"<circle cx="\#(SVG.number(centre.x))" cy="\#(SVG.number(centre.y))" r="\#(SVG.number(radii[index]))"/>"#
                + labels[index].text(beside: centre, radius: radii[index], right: layout.labelsRight[index])
                + "</a>\n"
        }
        return svg + "</g>\n" + legend.svg + "</svg>"
    }
}

/// An entity's name as drawn beside its circle: on one line, or on two,
/// broken at a space, when it is long; a line past 22 characters is cut
/// with an ellipsis (the circle's tooltip has the whole name).
struct GraphLabel {
    static let fontSize = 13.0
    static let lineHeight = 15.0
    /// Space between a circle and its label.
    static let gap = 4.0

    let lines: [String]
    let width: Double
    var height: Double { Double(lines.count) * Self.lineHeight }

    init(_ name: String) {
        let words = name.split(separator: " ").map(String.init)
        if name.count <= 16 || words.count < 2 {
            lines = [Self.cut(name)]
        } else {  // break where the longer line is shortest
            let split = (1..<words.count).min { Self.longerLine(words, $0) < Self.longerLine(words, $1) } ?? 1
            lines = [words[..<split], words[split...]].map { Self.cut($0.joined(separator: " ")) }
        }
        width = lines.map { SVG.width(of: $0, fontSize: Self.fontSize) }.max() ?? 0
    }

    private static func longerLine(_ words: [String], _ split: Int) -> Int {
        max(words[..<split].joined(separator: " ").count, words[split...].joined(separator: " ").count)
    }

    private static func cut(_ line: String) -> String {
        line.count <= 22 ? line : line.prefix(21) + "…"
    }

    /// The `<text>` beside a circle at `centre`, to its right or its left,
    /// vertically centred on it.
    func text(beside centre: Point, radius: Double, right: Bool) -> String {
        let x = SVG.number(right ? centre.x + radius + Self.gap : centre.x - radius - Self.gap)
        let baseline = centre.y - Double(lines.count - 1) * Self.lineHeight / 2 + 0.35 * Self.fontSize
        var text = #"<text x="\#(x)" y="\#(SVG.number(baseline))"\#(right ? "" : #" text-anchor="end""#)>"#
            + lines[0].markupEscaped
        for line in lines.dropFirst() {
            text += #"<tspan x="\#(x)" dy="\#(SVG.number(Self.lineHeight))">\#(line.markupEscaped)</tspan>"#
        }
        return text + "</text>"
    }
}

/// The key to the colours of an entity graph: a dot and a label for each
/// kind drawn, in a row under the graph.
struct GraphLegend {
    let svg: String
    let bottom: Double

    init(kinds: Set<EntityKind>, top: Double) {
        let y = top + 8
        var x = GraphLayout.margin
        var svg = #"<g class="legend">"#
        for kind in EntityKind.allCases where kinds.contains(kind) {
            let label = PageContext.label(kind)
            svg += #"<g class="\#(kind.rawValue)"><circle cx="\#(SVG.number(x + 5))" cy="\#(SVG.number(y))" r="5"/>"#
                + #"<text x="\#(SVG.number(x + 14))" y="\#(SVG.number(y + 0.35 * GraphLabel.fontSize))">\#(label)</text></g>"#
            x += 14 + SVG.width(of: label, fontSize: GraphLabel.fontSize) + 16
        }
        self.svg = svg + "</g>\n"
        bottom = y + 5 + GraphLayout.margin + 4
    }
}

/// Where an entity graph's circles go. A force-directed layout
/// (Fruchterman and Reingold's) runs from fixed starting points for a fixed
/// number of steps. A graph with a centre then has the others evenly round
/// it on a ring, in the order the forces put them, so entities named
/// together sit side by side. The layout is stretched to fill the picture
/// with each label beside its circle, on the outer side, and nudged until
/// no two circles or labels overlap.
struct GraphLayout {
    static let width = 720.0
    /// Space kept free along the picture's edges.
    static let margin = 6.0
    /// Space kept between the boxes around circles and their labels.
    static let gap = 4.0

    /// The circles' centres.
    private(set) var centres: [Point]
    /// Whether each label is on the right of its circle, else on its left.
    let labelsRight: [Bool]
    /// The height the circles and labels take, from the top of the picture.
    private(set) var height: Double

    /// How far a circle's box (the circle and its label) reaches from its centre.
    private struct Reach {
        var left, right, up, down: Double
    }
    private let reaches: [Reach]

    init(radii: [Double], labels: [GraphLabel], links: [EntityGraph.Link], centred: Bool) {
        let count = radii.count
        let targetHeight = min(540, 120 + 22 * Double(count))
        let aspect = targetHeight / Self.width
        let forces = Self.forces(count: count, links: links, centred: centred, aspect: aspect)
        let spring = centred ? Self.ring(forces, aspect: aspect) : forces
        let middle = ((spring.map(\.x).min() ?? 0) + (spring.map(\.x).max() ?? 0)) / 2
        let labelsRight = spring.indices.map { (centred && $0 == 0) || spring[$0].x >= middle }
        let reaches = radii.indices.map { index in
            let label = labels[index].width + GraphLabel.gap
            let half = max(radii[index], labels[index].height / 2)
            return labelsRight[index]
                ? Reach(left: radii[index], right: radii[index] + label, up: half, down: half)
                : Reach(left: radii[index] + label, right: radii[index], up: half, down: half)
        }
        (self.labelsRight, self.reaches) = (labelsRight, reaches)
        let xs = Self.fit(spring.map(\.x), reaches: reaches.map { ($0.left, $0.right) }, size: Self.width)
        let ys = Self.fit(spring.map(\.y), reaches: reaches.map { ($0.up, $0.down) }, size: targetHeight)
        centres = zip(xs, ys).map { Point(x: $0, y: $1) }
        height = targetHeight
        separate()
    }

    /// Fruchterman and Reingold's layout in a frame 1 wide and `aspect`
    /// high centred on the origin: every pair of nodes repels, linked nodes
    /// attract (the more articles, the more), and all are pulled to the
    /// centre, as hard as all the others push a node on the rim of the frame
    /// out, so unlinked ones stay near; the moves shrink step by step.
    /// Node 0 stays at the origin when `centred`.
    static func forces(count: Int, links: [EntityGraph.Link], centred: Bool, aspect: Double) -> [Point] {
        let ideal = (aspect / Double(count)).squareRoot()  // the distance at which a pair's forces balance
        let mostArticles = Double(links.map(\.articles).max() ?? 1)
        var points = (0..<count).map { index -> Point in
            if centred { return index == 0 ? .zero : onEllipse(turns: Double(index - 1) / Double(count - 1), aspect: aspect) }
            return onEllipse(turns: Double(index) / Double(count), aspect: aspect)
        }
        let steps = 300
        var moves = [Point](repeating: .zero, count: count)
        for step in 0..<steps {
            // Every pair, read and moved in place: an entity page lays out its graph in 300 steps.
            points.withUnsafeBufferPointer { points in
                moves.withUnsafeMutableBufferPointer { moves in
                    moves.update(repeating: .zero)
                    for a in 0..<count {
                        var move = moves[a]
                        var b = a + 1
                        // Two partners at a time: their square roots and divisions are one
                        // instruction each, lane by lane the same arithmetic, summed in the same order.
                        while b + 1 < count {
                            let x = SIMD2(points[a].x - points[b].x, points[a].x - points[b + 1].x)
                            let y = SIMD2(points[a].y - points[b].y, points[a].y - points[b + 1].y)
                            let length = (x * x + y * y).squareRoot()
                            let distance = length.replacing(with: 1e-6, where: length .< 1e-6)
                            let factor = ideal * ideal / (distance * distance)
                            let (pushX, pushY) = (x * factor, y * factor)
                            for lane in 0..<2 {
                                let push = Point(x: pushX[lane], y: pushY[lane])
                                move += push
                                moves[b + lane] -= push
                            }
                            b += 2
                        }
                        if b < count {  // a last partner alone (in the two-lane step with a lane unused, slower)
                            let apart = points[a] - points[b]
                            let distance = max(apart.length, 1e-6)
                            let push = apart * (ideal * ideal / (distance * distance))
                            move += push
                            moves[b] -= push
                        }
                        moves[a] = move
                    }
                }
            }
            for link in links {
                let apart = points[link.from] - points[link.to]
                let pull = apart * (apart.length / ideal * (0.5 + 0.5 * Double(link.articles) / mostArticles))
                moves[link.from] -= pull
                moves[link.to] += pull
            }
            let limit = 0.1 * Double(steps - step) / Double(steps)
            for index in (centred ? 1 : 0)..<count {
                let move = moves[index] - points[index] * (4 * aspect)
                let length = move.length
                if length > 0 { points[index] += move * (min(length, limit) / length) }
            }
        }
        return points
    }

    /// The point `turns` of a turn clockwise from the top of an ellipse 1
    /// wide and `aspect` high centred on the origin.
    static func onEllipse(turns: Double, aspect: Double) -> Point {
        let direction = unitVector(turns: turns)
        return Point(x: 0.5 * direction.x, y: 0.5 * aspect * direction.y)
    }

    /// The unit vector `turns` of a turn (0 ≤ turns < 1) clockwise from
    /// the top, without trigonometry: within each quarter turn, the rational
    /// point ((1 − t²)/(1 + t²), 2t/(1 + t²)) of the circle, with t the tangent
    /// of half the angle from a Taylor polynomial, good to 0.1 %.
    static func unitVector(turns: Double) -> Point {
        let quarters = 4 * turns
        let quarter = min(max(Int(quarters), 0), 3)
        let half = (quarters - Double(quarter)) * 0.785_398_163_397_448_3  // half the angle: up to π/4
        let square = half * half
        let t = half * (1 + square * (1.0 / 3 + square * (2.0 / 15 + square * (17.0 / 315 + square * 62.0 / 2835))))
        let (cosine, sine) = ((1 - t * t) / (1 + t * t), 2 * t / (1 + t * t))
        return [Point(x: sine, y: -cosine), Point(x: cosine, y: sine),
                Point(x: -sine, y: cosine), Point(x: -cosine, y: -sine)][quarter]
    }

    /// `points` with the first at the origin and the others evenly round it
    /// on an ellipse, in the order of their directions from it. None is
    /// straight to the right of the first, where its label goes.
    static func ring(_ points: [Point], aspect: Double) -> [Point] {
        let around = points.indices.dropFirst().sorted {
            (pseudoAngle(points[$0] - points[0]), $0) < (pseudoAngle(points[$1] - points[0]), $1)
        }
        let count = Double(around.count)
        let turns = around.count == 2
            ? [7.0 / 12, 11.0 / 12]  // a triangle with the first, left of it, rather than a line through it
            : around.indices.map { (Double($0) + Double((around.count + 2) % 4) / 4) / count }  // the right between two
        var placed = points
        placed[0] = .zero
        for (index, turn) in zip(around, turns) {
            placed[index] = onEllipse(turns: turn, aspect: aspect)
        }
        return placed
    }

    /// A number that grows with the direction of `vector` as angles do,
    /// from 0 (rightwards) to 4 (a full turn), made with division alone.
    static func pseudoAngle(_ vector: Point) -> Double {
        let (x, y) = (vector.x, vector.y)
        guard x != 0 || y != 0 else { return 0 }
        if y >= 0 { return x >= 0 ? y / (x + y) : 1 - x / (y - x) }
        return x < 0 ? 2 - y / (-x - y) : 3 + x / (x - y)
    }

    /// `values` scaled and shifted as far apart as they can be while each,
    /// with the room it needs below and above it, lies in the picture's
    /// `size` less the margins; centred in the room left over.
    static func fit(_ values: [Double], reaches: [(below: Double, above: Double)], size: Double) -> [Double] {
        let (low, high) = (margin, size - margin)
        var scale = width  // the layout is 1 wide: never spread it wider than the picture
        for i in values.indices {
            for j in values.indices where values[j] > values[i] {
                scale = min(scale, (high - low - reaches[i].below - reaches[j].above) / (values[j] - values[i]))
            }
        }
        scale = max(scale, 0)
        let lowest = values.indices.map { low + reaches[$0].below - scale * values[$0] }.max() ?? low
        let highest = values.indices.map { high - reaches[$0].above - scale * values[$0] }.min() ?? low
        let offset = lowest <= highest ? (lowest + highest) / 2 : lowest
        return values.map { offset + scale * $0 }
    }

    /// The box around circle `index` and its label: its left, top, right and bottom.
    func box(_ index: Int) -> (left: Double, top: Double, right: Double, bottom: Double) {
        let (centre, reach) = (centres[index], reaches[index])
        return (centre.x - reach.left, centre.y - reach.up, centre.x + reach.right, centre.y + reach.down)
    }

    /// How far the boxes of `a` and `b`, with the gap between them, overlap
    /// across and down; they overlap when both are positive.
    private func overlap(_ a: Int, _ b: Int) -> (across: Double, down: Double) {
        let (one, other) = (box(a), box(b))
        return (min(one.right, other.right) - max(one.left, other.left) + Self.gap,
                min(one.bottom, other.bottom) - max(one.top, other.top) + Self.gap)
    }

    /// Whether the boxes of `a` and `b` overlap by more than rounding.
    private func overlaps(_ a: Int, _ b: Int) -> Bool {
        let amount = overlap(a, b)
        return amount.across > 0.01 && amount.down > 0.01
    }

    /// Moves overlapping boxes apart, for a few rounds, by half the overlap
    /// each along the axis where they overlap least, keeping them inside
    /// the picture; then moves down, below the box in its way, every box
    /// that still overlaps one above it, making the picture taller if it
    /// must. So no two boxes overlap in the end.
    private mutating func separate() {
        for _ in 0..<50 {
            var moved = false
            for a in centres.indices {
                for b in centres.indices.dropFirst(a + 1) where overlaps(a, b) {
                    let amount = overlap(a, b)
                    let (boxA, boxB) = (box(a), box(b))
                    if amount.across < amount.down {
                        let step = (boxA.left + boxA.right <= boxB.left + boxB.right ? 0.5 : -0.5) * amount.across
                        centres[a].x -= step
                        centres[b].x += step
                    } else {
                        let step = (boxA.top + boxA.bottom <= boxB.top + boxB.bottom ? 0.5 : -0.5) * amount.down
                        centres[a].y -= step
                        centres[b].y += step
                    }
                    keepInside(a)
                    keepInside(b)
                    moved = true
                }
            }
            if !moved { break }
        }
        let topFirst = centres.indices.sorted { (box($0).top, $0) < (box($1).top, $1) }
        for (position, index) in topFirst.enumerated() {
            while let above = topFirst.prefix(position).first(where: { overlaps($0, index) }) {
                centres[index].y = box(above).bottom + Self.gap + reaches[index].up
            }
        }
        height = max(height, (centres.indices.map { box($0).bottom }.max() ?? 0) + Self.margin)
    }

    private mutating func keepInside(_ index: Int) {
        let reach = reaches[index]
        centres[index].x = min(max(centres[index].x, Self.margin + reach.left), Self.width - Self.margin - reach.right)
        centres[index].y = min(max(centres[index].y, Self.margin + reach.up), height - Self.margin - reach.down)
    }
}
