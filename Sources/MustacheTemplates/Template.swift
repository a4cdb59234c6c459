/// A Mustache template, parsed once into a tree of nodes that
/// ``TemplateLibrary`` renders. Parsing checks everything that can be
/// checked without data: every section is closed by a tag of the same
/// name, every transform is known, every tag is complete.
public struct Template: Sendable {
    let nodes: [Node]
    /// The size of the template's text in bytes.
    let textSize: Int

    /// Parses `text`; a template that does not parse throws
    /// ``TemplateSyntaxError`` with the line and column of the problem.
    public init(_ text: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(Array(text.utf8))
        nodes = try parser.parse()
        textSize = text.utf8.count
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
    /// Text copied as it is.
    case text([UInt8])
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

/// What a tag's name stands for.
enum Lookup: Sendable {
    /// `.`: the innermost value of the context.
    case current
    /// `a.b.c`: `a` looked up from the innermost object outwards, then `b` and `c` inside it.
    case path([TemplateObject.Name])
    /// `empty(x)`: whether `x` is absent, `false`, or an empty list, object or string.
    indirect case empty(Lookup)
    /// `count(x)`: the number of items of a list or object.
    indirect case count(Lookup)
    /// `first()`, `last()`: whether the item of the innermost list section is its first or last.
    case first, last
    /// `index()`: the position of the item of the innermost list section, from 0.
    case index
}
