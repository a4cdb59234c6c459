/// Reads a template's bytes into ``Node``s in one pass: the text is cut
/// into tags and lines of text, a line that holds a single section,
/// comment, partial, parent, block or delimiter tag and otherwise only
/// blanks is left out of the output (the tag "stands alone"), and tags are
/// nested into sections, parents and blocks. The text the template writes
/// is gathered into one list of bytes, which text nodes are ranges of, and
/// the names its tags look up into one list of names, which lookups are
/// ranges of.
struct TemplateParser {
    private let bytes: [UInt8]
    /// The text of every text node, one after another.
    private var text: [UInt8] = []
    /// The names of every lookup's path, one path after another.
    private var names: [TemplateObject.Name] = []
    private var position = 0
    private var opening: [UInt8] = Array("{{".utf8)
    private var closing: [UInt8] = Array("}}".utf8)
    /// The root, then each section, parent or block opened and not yet closed.
    private var open: [OpenTag] = [OpenTag(tag: nil)]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func parse() throws(TemplateSyntaxError) -> (nodes: [Node], text: [UInt8], names: [TemplateObject.Name]) {
        var line: [Piece] = []
        while let piece = try nextPiece() {
            line.append(piece)
            if case .text(let range) = piece, bytes[range.upperBound - 1] == .newline {
                for piece in standingAlone(line) { try add(piece) }
                line.removeAll(keepingCapacity: true)
            }
        }
        for piece in standingAlone(line) { try add(piece) }
        if let unclosed = open.last?.tag {
            throw error(at: unclosed.start, "\(unclosed.source) is never closed")
        }
        return (open[0].nodes, text, names)
    }

    // MARK: Tags and text

    /// A run of text (up to and including a newline at most) or a tag.
    private enum Piece {
        case text(Range<Int>)
        case tag(Tag)
    }

    private struct Tag {
        enum Kind {
            case value, unescapedValue, section, invertedSection, close, comment, partial, parent, block, delimiters

            /// The tags that leave no line behind when they are alone on theirs.
            var canStandAlone: Bool {
                switch self {
                case .value, .unescapedValue: false
                default: true
                }
            }
        }

        var kind: Kind
        /// What the tag says after its sigil, without surrounding blanks.
        var name: String
        /// The tag as written, for messages.
        var source: String
        /// Where the tag's opening delimiter is.
        var start: Int
        /// The blanks before a tag that stands alone on its line.
        var indentation: [UInt8] = []
    }

    private mutating func nextPiece() throws(TemplateSyntaxError) -> Piece? {
        guard position < bytes.count else { return nil }
        if startsWithOpening(at: position) { return .tag(try tag()) }
        let start = position
        while position < bytes.count, !startsWithOpening(at: position) {
            position += 1
            if bytes[position - 1] == .newline { break }
        }
        return .text(start..<position)
    }

    private func startsWithOpening(at offset: Int) -> Bool {
        bytes[offset] == opening[0] && bytes[offset...].starts(with: opening)
    }

    /// The tag at `position`, which starts with the opening delimiter.
    private mutating func tag() throws(TemplateSyntaxError) -> Tag {
        let start = position
        var contentStart = start + opening.count
        var closing = self.closing
        let kind: Tag.Kind
        switch contentStart < bytes.count ? bytes[contentStart] : 0 {
        case UInt8(ascii: "{"): kind = .unescapedValue; closing.insert(UInt8(ascii: "}"), at: 0)
        case UInt8(ascii: "&"): kind = .unescapedValue
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .invertedSection
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "<"): kind = .parent
        case UInt8(ascii: "$"): kind = .block
        case UInt8(ascii: "="): kind = .delimiters
        default: kind = .value
        }
        if kind != .value { contentStart += 1 }
        guard let end = firstOffset(of: closing, from: contentStart) else {
            throw error(at: start, "a tag is not closed: no \(String(decoding: closing, as: UTF8.self)) after \(String(decoding: opening, as: UTF8.self))")
        }
        position = end + closing.count
        let name = String(decoding: trimmingBlanks(bytes[contentStart..<end]), as: UTF8.self)
        let tag = Tag(kind: kind, name: name, source: String(decoding: bytes[start..<position], as: UTF8.self), start: start)
        if kind == .delimiters { try setDelimiters(tag) }
        return tag
    }

    private func firstOffset(of needle: [UInt8], from start: Int) -> Int? {
        var offset = start
        while offset + needle.count <= bytes.count {
            if bytes[offset] == needle[0], bytes[offset...].starts(with: needle) { return offset }
            offset += 1
        }
        return nil
    }

    /// `{{=<% %>=}}`: the two new delimiters, separated by blanks.
    private mutating func setDelimiters(_ tag: Tag) throws(TemplateSyntaxError) {
        let parts = tag.name.utf8.last == UInt8(ascii: "=")
            ? tag.name.dropLast().split(whereSeparator: \.isWhitespace) : []
        guard parts.count == 2, parts.allSatisfy({ !$0.contains("=") }) else {
            throw error(at: tag.start, "\(tag.source) does not set delimiters: write {{=<% %>=}}, two delimiters with a space between")
        }
        opening = Array(parts[0].utf8)
        closing = Array(parts[1].utf8)
    }

    /// `line` without its blanks and newline when it holds a single tag
    /// that can stand alone and nothing else but blanks; the blanks before
    /// the tag become its indentation.
    private func standingAlone(_ line: [Piece]) -> [Piece] {
        var alone: Tag?
        var indentation: [UInt8] = []
        for piece in line {
            switch piece {
            case .text(let range):
                guard isBlank(range) else { return line }
                if alone == nil { indentation = Array(bytes[range]) }
            case .tag(let tag):
                guard alone == nil, tag.kind.canStandAlone else { return line }
                alone = tag
            }
        }
        guard var alone else { return line }
        alone.indentation = indentation
        return [.tag(alone)]
    }

    /// Whether the text is spaces and tabs, ending in a newline (`\n` or `\r\n`) or not.
    private func isBlank(_ range: Range<Int>) -> Bool {
        var end = range.upperBound
        if end > range.lowerBound, bytes[end - 1] == .newline {
            end -= 1
            if end > range.lowerBound, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        }
        return bytes[range.lowerBound..<end].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    // MARK: Nesting

    /// The root, or a section, parent or block waiting for its closing tag.
    private struct OpenTag {
        var tag: Tag?
        var lookup: Lookup?
        var nodes: [Node] = []
        /// The blocks of a parent tag.
        var overrides: [String: [Node]] = [:]
    }

    private mutating func add(_ piece: Piece) throws(TemplateSyntaxError) {
        let inParent = open[open.count - 1].tag?.kind == .parent
        switch piece {
        case .text(let range):
            if !inParent { appendText(bytes[range]) }
        case .tag(let tag):
            switch tag.kind {
            case .comment, .delimiters:
                break
            case .close:
                try close(tag)
            case .block:
                open.append(OpenTag(tag: try named(tag)))
            case _ where inParent:
                throw error(at: tag.start, "\(tag.source) is inside the parent tag \(open[open.count - 1].tag!.source), "
                            + "where only blocks ({{$name}}…{{/name}}) can go")
            case .value, .unescapedValue:
                open[open.count - 1].nodes.append(.value(try lookup(tag), escaped: tag.kind == .value))
            case .section, .invertedSection:
                open.append(OpenTag(tag: tag, lookup: try lookup(tag)))
            case .parent:
                open.append(OpenTag(tag: try named(tag)))
            case .partial:
                open[open.count - 1].nodes.append(.partial(try named(tag).name, indentation: tag.indentation))
            }
        }
    }

    /// Adds `piece` to the text, extending the last node when it is text that ends where `piece` starts.
    private mutating func appendText(_ piece: ArraySlice<UInt8>) {
        guard !piece.isEmpty else { return }
        let range = text.count..<(text.count + piece.count)
        text.append(contentsOf: piece)
        if case .text(let previous) = open[open.count - 1].nodes.last, previous.upperBound == range.lowerBound {
            open[open.count - 1].nodes[open[open.count - 1].nodes.count - 1] = .text(previous.lowerBound..<range.upperBound)
        } else {
            open[open.count - 1].nodes.append(.text(range))
        }
    }

    private mutating func close(_ tag: Tag) throws(TemplateSyntaxError) {
        guard open.count > 1, let opener = open.last?.tag else {
            throw error(at: tag.start, "\(tag.source) closes no section")
        }
        guard opener.name == tag.name else {
            throw error(at: tag.start, "\(tag.source) does not close \(opener.source), opened on line \(line(of: opener.start))")
        }
        let closed = open.removeLast()
        let node: Node
        switch opener.kind {
        case .section: node = .section(closed.lookup!, closed.nodes)
        case .invertedSection: node = .invertedSection(closed.lookup!, closed.nodes)
        case .parent: node = .parent(opener.name, overrides: closed.overrides, indentation: opener.indentation)
        case .block where open[open.count - 1].tag?.kind == .parent:
            open[open.count - 1].overrides[opener.name] = closed.nodes
            return
        default: node = .block(opener.name, content: closed.nodes, indentation: opener.indentation)
        }
        open[open.count - 1].nodes.append(node)
    }

    /// `tag`, checked to have a name: a partial, parent or block.
    private func named(_ tag: Tag) throws(TemplateSyntaxError) -> Tag {
        guard !tag.name.isEmpty, !tag.name.utf8.contains(where: Self.isBlank) else {
            throw error(at: tag.start, "\(tag.source) needs a name, without spaces")
        }
        return tag
    }

    private mutating func lookup(_ tag: Tag) throws(TemplateSyntaxError) -> Lookup {
        guard let lookup = lookup(named: tag.name[...]) else {
            throw error(at: tag.start, "\(tag.source) names neither a value (name, a.b, .) nor a transform "
                        + "(empty(x), count(x), first(), last(), index())")
        }
        return lookup
    }

    /// What a tag's name stands for; nil when it is no name or transform.
    private mutating func lookup(named name: Substring) -> Lookup? {
        if let parenthesis = name.firstIndex(of: "("), name.last == ")" {
            let argument = name[name.index(after: parenthesis)..<name.index(before: name.endIndex)]
            switch (name[..<parenthesis], argument.isEmpty) {
            case ("empty", false): return lookup(named: argument).map(Lookup.empty)
            case ("count", false): return lookup(named: argument).map(Lookup.count)
            case ("first", true): return .first
            case ("last", true): return .last
            case ("index", true): return .index
            default: return nil
            }
        }
        if name == "." { return .current }
        let names = name.split(separator: ".", omittingEmptySubsequences: false)
        guard names.allSatisfy({ !$0.isEmpty && !$0.utf8.contains(where: Self.isReserved) }) else { return nil }
        let start = self.names.count
        self.names += names.map { TemplateObject.Name(String($0)) }
        return .path(start..<self.names.count)
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == .newline || byte == UInt8(ascii: "\r")
    }

    /// Bytes no name can hold: blanks, parentheses and braces.
    private static func isReserved(_ byte: UInt8) -> Bool {
        isBlank(byte) || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
            || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
    }

    private func trimmingBlanks(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let first = text.firstIndex(where: { !Self.isBlank($0) }),
              let last = text.lastIndex(where: { !Self.isBlank($0) }) else { return [] }
        return text[first...last]
    }

    // MARK: Locations

    private func line(of offset: Int) -> Int {
        bytes[..<offset].count { $0 == .newline } + 1
    }

    private func error(at offset: Int, _ message: String) -> TemplateSyntaxError {
        let lineStart = bytes[..<offset].lastIndex(of: .newline).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return TemplateSyntaxError(line: line(of: offset), column: column, message: message)
    }
}

extension UInt8 {
    static let newline = UInt8(ascii: "\n")
}
