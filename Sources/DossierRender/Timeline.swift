import DossierCore

/// The articles counted by date and drawn as bars in an inline SVG, from
/// the first date to the last. The bars are days, or weeks, months or
/// years when a finer unit would need more than `maxBars` of them, so a
/// dossier spanning years stays readable. Like ``EntityGraph``, the
/// drawing uses only +, −, × and ÷, so it is the same bytes everywhere.
struct Timeline {
    /// What one bar counts.
    enum Unit: String, CaseIterable {
        case day, week, month, year

        /// A number for the bar `date` falls in; consecutive bars have
        /// consecutive numbers.
        func bar(of date: CalendarDate) -> Int {
            switch self {
            case .day: date.daysSinceEpoch
            case .week: (date.daysSinceEpoch - (date.weekday - 1) - 4) / 7  // weeks since Monday 5 January 1970
            case .month: date.year * 12 + date.month - 1
            case .year: date.year
            }
        }

        /// The name of `bar` in full, for its tooltip: `8 December 2017`,
        /// `Week of 4 December 2017`, `December 2017`, `2017`.
        func name(of bar: Int) -> String {
            switch self {
            case .day: CalendarDate(daysSinceEpoch: bar).longForm
            case .week: "Week of \(CalendarDate(daysSinceEpoch: bar * 7 + 4).longForm)"
            case .month: "\(CalendarDate.monthNames[bar % 12]) \(bar / 12)"
            case .year: "\(bar)"
            }
        }

        /// The short name of `bar`, under the axis: `8 Dec 2017`, `Dec 2017`, `2017`.
        func shortName(of bar: Int) -> String {
            switch self {
            case .day: CalendarDate(daysSinceEpoch: bar).shortForm
            case .week: CalendarDate(daysSinceEpoch: bar * 7 + 4).shortForm
            case .month: "\(CalendarDate.monthNames[bar % 12].prefix(3)) \(bar / 12)"
            case .year: "\(bar)"
            }
        }
    }

    static let maxBars = 90

    let unit: Unit
    /// The number of the first bar and of the last.
    let first, last: Int
    /// The number of articles in each bar that has any, by bar number.
    let counts: [Int: Int]
    /// The first date and the last.
    let earliest, latest: CalendarDate
    /// How many articles have no date.
    let undated: Int

    /// The timeline of articles with `dates`; nil when none has a date.
    init?(dates: [CalendarDate?]) {
        let known = dates.compactMap { $0 }
        guard let earliest = known.min(), let latest = known.max() else { return nil }
        unit = Unit.allCases.first { $0.bar(of: latest) - $0.bar(of: earliest) < Self.maxBars } ?? .year
        (first, last) = (unit.bar(of: earliest), unit.bar(of: latest))
        var counts: [Int: Int] = [:]
        for date in known { counts[unit.bar(of: date), default: 0] += 1 }
        self.counts = counts
        (self.earliest, self.latest) = (earliest, latest)
        undated = dates.count - known.count
    }

    /// Narrower than the entity graphs, so that the labels stay legible on phones.
    static let width = 480.0
    static let fontSize = 11.0
    /// Where the bars stand: between `plotLeft` and `plotRight`, from the axis up to `plotTop` for the tallest.
    private static let plotLeft = 26.0, plotRight = width - 6, plotTop = 8.0, axis = 84.0
    private static let height = axis + 26

    /// The picture, with ids that begin with `id`.
    func svg(id: String) -> String {
        let bars = last - first + 1
        let slot = (Self.plotRight - Self.plotLeft) / Double(bars)
        let barWidth = min(slot * 0.8, 40)
        let tallest = counts.values.max() ?? 1
        let title = "Articles published each \(unit.rawValue), from \(earliest.longForm) to \(latest.longForm)"
        var svg = SVG.start(class: "timeline", id: id, width: Self.width, height: Self.height, title: title,
                            fontSize: Self.fontSize, hasLinks: false)
        let (left, right, top, axis) = (SVG.number(Self.plotLeft), SVG.number(Self.plotRight),
                                        SVG.number(Self.plotTop), SVG.number(Self.axis))
        svg += #"<g class="scale" stroke="currentColor" stroke-opacity=".25">"#
            + #"<line x1="\#(left)" y1="\#(top)" x2="\#(right)" y2="\#(top)" stroke-dasharray="2 3"/>"#
            + #"<line x1="\#(left)" y1="\#(axis)" x2="\#(right)" y2="\#(axis)"/></g>"# + "\n"
            + #"<text class="scale" x="\#(SVG.number(Self.plotLeft - 4))" y="\#(SVG.number(Self.plotTop + 4))" "#
            + #"text-anchor="end">\#(tallest)</text>"#
            + #"<text class="scale" x="\#(SVG.number(Self.plotLeft - 4))" y="\#(SVG.number(Self.axis + 4))" text-anchor="end">0</text>"# + "\n"
        svg += #"<g class="bars">"# + "\n"
        for bar in counts.keys.sorted() {
            let count = counts[bar] ?? 0
            let barHeight = max(1.5, (Self.axis - Self.plotTop) * Double(count) / Double(tallest))
            let x = Self.plotLeft + slot * (Double(bar - first) + 0.5) - barWidth / 2
            svg += #"<rect x="\#(SVG.number(x))" y="\#(SVG.number(Self.axis - barHeight))" "#
                + #"width="\#(SVG.number(barWidth))" height="\#(SVG.number(barHeight))">"#
                + "<title>\(unit.name(of: bar)): \(counted(count, "article"))</title></rect>\n"
        }
        svg += "</g>\n<g class=\"ticks\">\n"
        for bar in ticks() {
            let centre = Self.plotLeft + slot * (Double(bar - first) + 0.5)
            let label = unit.shortName(of: bar)
            let half = SVG.width(of: label, fontSize: Self.fontSize) / 2
            let x = min(max(centre, half + 2), Self.width - half - 2)  // the label stays inside the picture
            svg += #"<line x1="\#(SVG.number(centre))" y1="\#(axis)" x2="\#(SVG.number(centre))" "#
                + #"y2="\#(SVG.number(Self.axis + 4))" stroke="currentColor"/>"#
                + #"<text x="\#(SVG.number(x))" y="\#(SVG.number(Self.axis + 17))" text-anchor="middle">\#(label)</text>"# + "\n"
        }
        return svg + "</g>\n</svg>"
    }

    /// The bars labelled under the axis: the first, the last and up to
    /// three evenly between, so labels never crowd.
    func ticks() -> [Int] {
        let bars = last - first + 1
        let count = min(bars, 5)
        guard count > 1 else { return [first] }
        return (0..<count).map { first + $0 * (bars - 1) / (count - 1) }
    }
}
