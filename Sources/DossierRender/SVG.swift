/// What the pictures (``EntityGraph``, ``Timeline``) share: numbers printed
/// the same way on every machine, points, and how wide a label is drawn.
enum SVG {
    /// `value` rounded to one decimal, without a trailing `.0` and never `-0`.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// About how wide `text` is drawn at `fontSize` in a sans-serif face,
    /// erring wide (the widths are close to DejaVu Sans, wider than most),
    /// so labels can be kept inside the picture and apart.
    static func width(of text: String, fontSize: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ems($1) } * fontSize
    }

    private static func ems(_ scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case "i", "j", "l", ".", ",", ":", ";", "'", "’", "!", "|", "I": 0.3
        case "f", "r", "t", " ", "-", "(", ")": 0.42
        case "m", "w", "M", "W": 0.98
        case "A"..."Z": 0.74
        default: scalar.value >= 0x2E80 ? 1 : 0.64  // CJK and beyond are square
        }
    }

    /// The opening tag and title of a picture, labelled by its `<title>`,
    /// whose id is `id` + `-title`. A picture without links is one image to
    /// assistive technology; one with links is a group, so its links stay
    /// reachable (an image's content is hidden from screen readers).
    static func start(class className: String, id: String, width: Double, height: Double, title: String,
                      fontSize: Double, hasLinks: Bool) -> String {
        #"<svg class="\#(className)" id="\#(id)" viewBox="0 0 \#(number(width)) \#(number(height))" "#
            + #"role="\#(hasLinks ? "group" : "img")" "#
            + #"aria-labelledby="\#(id)-title" font-size="\#(number(fontSize))">"# + "\n"
            + #"<title id="\#(id)-title">\#(title.markupEscaped)</title>"# + "\n"
    }
}

/// A point, or the step between two, in a picture's plane.
struct Point: Equatable {
    var x: Double
    var y: Double

    static let zero = Point(x: 0, y: 0)

    var length: Double { (x * x + y * y).squareRoot() }

    static func + (a: Point, b: Point) -> Point { Point(x: a.x + b.x, y: a.y + b.y) }
    static func - (a: Point, b: Point) -> Point { Point(x: a.x - b.x, y: a.y - b.y) }
    static func * (a: Point, factor: Double) -> Point { Point(x: a.x * factor, y: a.y * factor) }
    static func += (a: inout Point, b: Point) { a = a + b }
    static func -= (a: inout Point, b: Point) { a = a - b }
}
