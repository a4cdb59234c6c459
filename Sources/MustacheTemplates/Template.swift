/// A Mustache template, parsed once into a tree of nodes that
/// ``TemplateLibrary`` renders. Parsing checks everything that can be
/// checked without data: every section is closed by a tag of the same
/// name, every transform is known, every tag is complete.
public struct Template: Sendable {
    let nodes: [Node]
    /// The text the template writes; its text nodes are ranges of it.
    let text: [UInt8]
    /// The names its tags look up; their paths are ranges of it.
    let names: [TemplateObject.Name]
    /// The size of the template's source in bytes.
    let sourceSize: Int

    /// Parses `text`; a template that does not parse throws
    /// ``TemplateSyntaxError`` with the line and column of the problem.
    public init(_ text: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(Array(text.utf8))
        (nodes, self.text, names) = try parser.parse()
        sourceSize = text.utf8.count
    }
}

/// Why a template does not parse, and where: a 1-based line and column
/// (counted in characters) of the tag at fault.
public struct TemplateSyntaxError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "\(line):\(column): \(message)" }
}

/// One part of a parsed template.
enum Node: Sendable {
    /// Text copied as it is: a range of the template's text (of the
    /// library's, once the template is in a library). A range, not bytes of
    /// its own, so that a page's rendering reads all its text from one
    /// place, not from hundreds of small lists spread over memory.
    case text(Range<Int>)
    /// `{{name}}` (escaped) or `{{{name}}}`, `{{&name}}` (not escaped).
    case value(Lookup, escaped: Bool)
    /// `{{#name}}…{{/name}}`: shown for each item of a list, once for any
    /// other value that is not `false` or absent.
    case section(Lookup, [Node])
    /// `{{^name}}…{{/name}}`: shown once when the value is `false`, absent or an empty list.
    case invertedSection(Lookup, [Node])
    /// `{{> name}}`, with the indentation of a partial tag that stands alone on its line.
    case partial(String, indentation: [UInt8])
    /// `{{<name}}…{{/name}}`: the template `name` with some of its blocks replaced.
    case parent(String, overrides: [String: [Node]], indentation: [UInt8])
    /// `{{$name}}…{{/name}}` outside a parent: replaced by the block of
    /// that name a parent tag passed down, or else its own content.
    case block(String, content: [Node], indentation: [UInt8])
}

extension Node {
    /// The node with the ranges it holds, and those of the nodes inside
    /// it, moved on: text ranges by `text`, name ranges by `names`.
    func moving(text: Int, names: Int) -> Node {
        let moving = { (nodes: [Node]) in nodes.map { $0.moving(text: text, names: names) } }
        switch self {
        case .text(let range): return .text(range.moved(by: text))
        case .value(let lookup, let escaped): return .value(lookup.moving(names: names), escaped: escaped)
        case .section(let lookup, let content): return .section(lookup.moving(names: names), moving(content))
        case .invertedSection(let lookup, let content): return .invertedSection(lookup.moving(names: names), moving(content))
        case .partial: return self
        case .parent(let name, let overrides, let indentation):
            return .parent(name, overrides: overrides.mapValues(moving), indentation: indentation)
        case .block(let name, let content, let indentation): return .block(name, content: moving(content), indentation: indentation)
        }
    }
}

extension Range<Int> {
    /// The range `offset` further on.
    func moved(by offset: Int) -> Range<Int> {
        (lowerBound + offset)..<(upperBound + offset)
    }
}

/// What a tag's name stands for.
enum Lookup: Sendable {
    /// `.`: the innermost value of the context.
    case current
    /// `a.b.c`: `a` looked up from the innermost object outwards, then `b`
    /// and `c` inside it; a range of the template's names (of the
    /// library's, once the template is in a library), so that reading a
    /// lookup copies no list.
    case path(Range<Int>)
    /// `empty(x)`: whether `x` is absent, `false`, or an empty list, object or string.
    indirect case empty(Lookup)
    /// `count(x)`: the number of items of a list or object.
    indirect case count(Lookup)
    /// `first()`, `last()`: whether the item of the innermost list section is its first or last.
    case first, last
    /// `index()`: the position of the item of the innermost list section, from 0.
    case index
}

extension Lookup {
    /// The lookup with its range of names moved on by `offset`.
    func moving(names offset: Int) -> Lookup {
        switch self {
        case .path(let range): .path(range.moved(by: offset))
        case .empty(let argument): .empty(argument.moving(names: offset))
        case .count(let argument): .count(argument.moving(names: offset))
        case .current, .first, .last, .index: self
        }
    }
}
