/// Templates by name, which include one another as partials (`{{> name}}`)
/// and parents (`{{<name}}…{{/name}}`), and render into bytes.
public struct TemplateLibrary: Sendable {
    /// A template added: its nodes, their ranges moved into the library's
    /// `text` and `names`, and the size of its source.
    struct Entry: Sendable {
        let nodes: [Node]
        let sourceSize: Int
    }

    private var templates: [String: Entry] = [:]
    /// The text of every template added, one after another, so that a
    /// page's rendering reads it all from one place (a replaced template's
    /// text stays, unused).
    private var text: [UInt8] = []
    /// The names every template added looks up, one template after another.
    private var names: [TemplateObject.Name] = []
    /// The bytes of all templates' source, a first guess at a page's size.
    private var sourceSize = 0

    public init() {}

    /// Adds `template` under `name`, the name partial and parent tags use
    /// (`partials/header` for `{{> partials/header}}`).
    public mutating func add(_ template: Template, named name: String) {
        let entry = Entry(nodes: template.nodes.map { $0.moving(text: text.count, names: names.count) }, sourceSize: template.sourceSize)
        text += template.text
        names += template.names
        let replaced = templates.updateValue(entry, forKey: name)
        sourceSize += template.sourceSize - (replaced?.sourceSize ?? 0)
    }

    /// The template `name` rendered with `context` as UTF-8 bytes, with
    /// every `{{value}}` HTML-escaped; nil when there is no such template.
    /// A partial or parent the library lacks renders as nothing.
    ///
    /// The bytes are made in room for twice the templates' text, and keep
    /// the room they did not use: a caller that holds them long can let it
    /// go, one that writes them out at once need not copy them.
    public func render(_ name: String, with context: TemplateValue) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        return text.withUnsafeBufferPointer { text in
            names.withUnsafeBufferPointer { names in
                var renderer = Renderer(templates: templates, text: text, names: names, context: context)
                renderer.output.reserveCapacity(2 * sourceSize)
                renderer.render(template.nodes)
                return renderer.output
            }
        }
    }
}

/// One rendering: the output so far and where the template is in its data.
struct Renderer {
    let templates: [String: TemplateLibrary.Entry]
    /// The library's text and names, which nodes and lookups hold ranges of; valid while the renderer is.
    let text: UnsafeBufferPointer<UInt8>
    let names: UnsafeBufferPointer<TemplateObject.Name>
    var output: [UInt8] = []
    /// The context stack: the data, then each value a section entered, innermost last.
    private var stack: [TemplateValue]
    /// The item of each list section entered, innermost last.
    private var items: [(index: Int, count: Int)] = []
    /// What starts each line, inside partials and blocks that stand alone on an indented line.
    private var indentation: [UInt8] = []
    /// The blocks parent tags passed down, by name; the outermost parent's win.
    private var overrides: [String: [Node]] = [:]

    init(templates: [String: TemplateLibrary.Entry], text: UnsafeBufferPointer<UInt8>, names: UnsafeBufferPointer<TemplateObject.Name>,
         context: TemplateValue) {
        (self.templates, self.text, self.names) = (templates, text, names)
        stack = [context]
    }

    mutating func render(_ nodes: [Node]) {
        // By position: `for node in nodes` would copy each node, retaining what it holds.
        for position in nodes.indices {
            switch nodes[position] {
            case .text(let range):
                write(UnsafeBufferPointer(rebasing: text[range]))
            case .value(let lookup, let escaped):
                if let value = resolve(lookup) { write(value, escaped: escaped) }
            case .section(let lookup, let content):
                renderSection(resolve(lookup), content)
            case .invertedSection(let lookup, let content):
                if isFalse(resolve(lookup)) { render(content) }
            case .partial(let name, let indentation):
                guard let partial = templates[name] else { continue }
                indented(indentation) { $0.render(partial.nodes) }
            case .parent(let name, let overrides, let indentation):
                guard let parent = templates[name] else { continue }
                let outer = self.overrides
                self.overrides = overrides.merging(outer) { _, outermost in outermost }
                indented(indentation) { $0.render(parent.nodes) }
                self.overrides = outer
            case .block(let name, let content, let indentation):
                indented(indentation) { $0.render($0.overrides[name] ?? content) }
            }
        }
    }

    /// A section: once per item of a list, with the item as the innermost
    /// value; once for `true`, in the same context; once with the value as
    /// the innermost for any other value (an object, a string, even empty,
    /// a number); not at all for `false` or an absent value.
    private mutating func renderSection(_ value: TemplateValue?, _ content: [Node]) {
        switch value {
        case nil, .bool(false)?:
            return
        case .bool(true)?:
            render(content)
        case .list(let list)?:
            for (index, item) in list.enumerated() {
                stack.append(item)
                items.append((index, list.count))
                render(content)
                items.removeLast()
                stack.removeLast()
            }
        case let value?:
            stack.append(value)
            render(content)
            stack.removeLast()
        }
    }

    /// What an inverted section shows for: `false`, absent, an empty list.
    private func isFalse(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil, .bool(false)?: true
        case .list(let list)?: list.isEmpty
        default: false
        }
    }

    private func resolve(_ lookup: Lookup) -> TemplateValue? {
        switch lookup {
        case .current:
            return stack.last
        case .path(let path):
            // The first name is looked up from the innermost object outwards, the rest inside what it found.
            for position in stack.indices.reversed() {
                // Read in place: binding the object to a name would copy it at every level of the stack.
                guard var value = stack[position][names[path.lowerBound]] else { continue }
                for name in path.dropFirst() {
                    guard let field = value[names[name]] else { return nil }
                    value = field
                }
                return value
            }
            return nil
        case .empty(let argument):
            switch resolve(argument) {
            case nil, .bool(false)?: return true
            case .string(let text)?: return .bool(text.isEmpty)
            case .list(let list)?: return .bool(list.isEmpty)
            case .object(let fields)?: return .bool(fields.isEmpty)
            case .bool(true)?, .int?: return false
            }
        case .count(let argument):
            switch resolve(argument) {
            case .list(let list)?: return .int(list.count)
            case .object(let fields)?: return .int(fields.count)
            default: return nil
            }
        case .first:
            return items.last.map { .bool($0.index == 0) }
        case .last:
            return items.last.map { .bool($0.index == $0.count - 1) }
        case .index:
            return items.last.map { .int($0.index) }
        }
    }

    // MARK: Output

    private mutating func indented(_ indentation: [UInt8], _ render: (inout Renderer) -> Void) {
        guard !indentation.isEmpty else { return render(&self) }
        let outer = self.indentation.count
        self.indentation += indentation
        render(&self)
        self.indentation.removeLast(self.indentation.count - outer)
    }

    /// Whether output written now starts a line, and so takes the indentation.
    private var atLineStart: Bool {
        !indentation.isEmpty && (output.last ?? .newline) == .newline
    }

    private mutating func write(_ text: UnsafeBufferPointer<UInt8>) {
        guard !indentation.isEmpty else { return output.append(contentsOf: text) }
        var lineStart = text.startIndex
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: .newline).map { $0 + 1 } ?? text.endIndex
            if atLineStart { output.append(contentsOf: indentation) }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[lineStart..<lineEnd]))
            lineStart = lineEnd
        }
    }

    /// A value in place of a tag: text (escaped or not), a number, `true`
    /// or `false`. A list or an object shows nothing.
    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .string(let text):
            guard !text.isEmpty else { return }
            if atLineStart { output.append(contentsOf: indentation) }
            if escaped { output.appendEscapingHTML(text) } else { output.append(contentsOf: text.utf8) }
        case .int(let number):
            if atLineStart { output.append(contentsOf: indentation) }
            output.append(contentsOf: String(number).utf8)
        case .bool(let flag):
            if atLineStart { output.append(contentsOf: indentation) }
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .list, .object:
            return
        }
    }
}

extension TemplateValue {
    /// The field `name` of an object; nil for anything else.
    subscript(name: TemplateObject.Name) -> TemplateValue? {
        guard case .object(let fields) = self else { return nil }
        return fields[name]
    }
}

extension [UInt8] {
    /// Appends `text` as UTF-8 with `&`, `<`, `>`, `"` and `'` replaced by
    /// character references, which makes it safe in HTML text and in quoted
    /// attribute values.
    mutating func appendEscapingHTML(_ text: String) {
        // The bytes read in place: a copy of the string to call `withUTF8`
        // on would retain and release it, and the same names and titles
        // are written into pages from both cores at once.
        if text.utf8.withContiguousStorageIfAvailable({ appendEscapingHTML($0) }) == nil {
            var text = text
            text.withUTF8 { appendEscapingHTML($0) }
        }
    }

    private mutating func appendEscapingHTML(_ bytes: UnsafeBufferPointer<UInt8>) {
        referenceNumbers.withUnsafeBufferPointer { numbers in
            var start = 0
            for offset in bytes.indices {
                // One load a byte, and a branch that is almost never taken: text is mostly letters and spaces.
                let number = Int(numbers[Int(bytes[offset])])
                guard number > 0 else { continue }
                let reference = references[number]
                append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<offset]))
                append(contentsOf: UnsafeBufferPointer(start: reference.utf8Start, count: reference.utf8CodeUnitCount))
                start = offset + 1
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }
}

/// The character references HTML escaping writes, after an empty one.
private let references: [StaticString] = ["", "&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]

/// For each byte value, the position of its reference in `references`; 0 for a byte kept as it is.
private let referenceNumbers: [UInt8] = (0...255).map { byte in
    switch UInt8(byte) {
    case UInt8(ascii: "&"): 1
    case UInt8(ascii: "<"): 2
    case UInt8(ascii: ">"): 3
    case UInt8(ascii: "\""): 4
    case UInt8(ascii: "'"): 5
    default: 0
    }
}
