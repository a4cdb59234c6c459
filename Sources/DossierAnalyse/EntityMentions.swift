import CommonMark
import DossierCore

/// The sentence around a mention, cut in three so a page can highlight it.
public struct MentionContext: Hashable, Sendable {
    public var before: String
    public var text: String
    public var after: String
}

/// One place where an article names an entity.
public struct Mention: Sendable {
    /// The entity's slug.
    public var entity: String
    /// The entity's name or alias that was found, as the curator wrote it.
    public var name: String
    /// The mention's number among this entity's mentions in the article, from 1.
    public var ordinal: Int
    /// The number of the paragraph it stands in, from 0, in the article's body.
    public var paragraph: Int
    public var context: MentionContext
    /// Where it stands in the article's Markdown tree.
    public var span: InlineSpan

    /// The id of the mention's element on the article page.
    public var anchor: String { "mention-\(entity)-\(ordinal)" }
}

/// Every entity's names compiled into one matcher, built once per build and
/// shared by the tasks that analyse articles.
public struct EntityIndex: Sendable {
    public let entities: [Entity]
    private let matcher: AliasMatcher
    /// For each pattern of the matcher: the entity it names and the name as written.
    private let owners: [(entity: Int, name: String)]

    /// An index of `entities`, whose names are assumed to belong to one
    /// entity each (load reports and drops conflicting ones). A name written
    /// with `'` also matches the same name written with `’`.
    public init(entities: [Entity]) {
        self.entities = entities
        var patterns: [String] = []
        var owners: [(entity: Int, name: String)] = []
        for (index, entity) in entities.enumerated() {
            for name in entity.names {
                patterns.append(name)
                owners.append((index, name))
                if name.contains("'") {
                    patterns.append(String(name.map { $0 == "'" ? "’" : $0 }))
                    owners.append((index, name))
                }
            }
        }
        matcher = AliasMatcher(patterns: patterns)
        self.owners = owners
    }

    /// The mentions in an article's body, in document order.
    ///
    /// Only paragraphs are searched (also inside lists and quotes): not
    /// headings, code, image descriptions or the text of existing links. A
    /// mention may cross a line break or sit in emphasis, but not begin in
    /// emphasis and end outside it.
    public func mentions(in document: MarkdownDocument) -> [Mention] {
        var paragraphs: [MarkdownNode] = []
        document.walk { node, event in
            if event == .enter, node.kind == .paragraph { paragraphs.append(node) }
        }
        var mentions: [Mention] = []
        var ordinals: [Int: Int] = [:]
        for (number, paragraph) in paragraphs.enumerated() {
            let text = ParagraphText(paragraph)
            let found = matcher.mentions(in: text.bytes) { text.span(for: $0.range) != nil }
            guard !found.isEmpty else { continue }
            let sentences = Sentences.ranges(in: text.bytes)
            for match in found {
                let owner = owners[match.pattern]
                ordinals[owner.entity, default: 0] += 1
                mentions.append(Mention(
                    entity: entities[owner.entity].slug, name: owner.name, ordinal: ordinals[owner.entity]!,
                    paragraph: number, context: text.context(of: match.range, sentences: sentences),
                    span: text.span(for: match.range)!))
            }
        }
        return mentions
    }

    /// The strings that would be found in `text` as mentions, with the
    /// entity each belongs to.
    public func mentions(inPlainText text: [UInt8]) -> [(entity: Entity, name: String, range: Range<Int>)] {
        matcher.mentions(in: text).map { match in
            let owner = owners[match.pattern]
            return (entities[owner.entity], owner.name, match.range)
        }
    }
}

/// A paragraph's inline text as one run of UTF-8 bytes, with the nodes
/// each stretch of it comes from.
struct ParagraphText {
    /// A stretch of `bytes` and the inline node it comes from.
    struct Piece {
        var node: MarkdownNode
        var range: Range<Int>
        var parent: MarkdownNode?
        var isText: Bool
        /// False for code, line breaks and anything inside a link or image.
        var linkable: Bool
    }

    private(set) var bytes: [UInt8] = []
    private(set) var pieces: [Piece] = []

    init(_ paragraph: MarkdownNode) {
        collect(paragraph, linkable: true)
    }

    private mutating func collect(_ node: MarkdownNode, linkable: Bool) {
        for child in node.children {
            switch child.kind {
            case .text: append(child.literal ?? "", child, isText: true, linkable: linkable)
            case .softBreak: append(" ", child, isText: false, linkable: linkable)
            case .lineBreak: append("\n", child, isText: false, linkable: false)
            case .code: append(child.literal ?? "", child, isText: false, linkable: false)
            case .link, .image: collect(child, linkable: false)
            case .htmlInline: continue
            default: collect(child, linkable: linkable)
            }
        }
    }

    private mutating func append(_ text: String, _ node: MarkdownNode, isText: Bool, linkable: Bool) {
        let start = bytes.count
        bytes += text.utf8
        pieces.append(Piece(node: node, range: start..<bytes.count, parent: node.parent, isText: isText, linkable: linkable))
    }

    /// The tree span of `range` if it can be wrapped as one mention: it
    /// starts and ends in text, crosses only linkable siblings, and touches
    /// no link or code.
    func span(for range: Range<Int>) -> InlineSpan? {
        guard let first = pieces.firstIndex(where: { $0.range.upperBound > range.lowerBound }),
              let last = pieces.lastIndex(where: { $0.range.lowerBound < range.upperBound }) else { return nil }
        let run = pieces[first...last]
        guard run.allSatisfy({ $0.linkable && $0.parent == run.first!.parent }),
              run.first!.isText, run.last!.isText else { return nil }
        return InlineSpan(start: TextPosition(node: run.first!.node, utf8Offset: range.lowerBound - run.first!.range.lowerBound),
                          end: TextPosition(node: run.last!.node, utf8Offset: range.upperBound - run.last!.range.lowerBound))
    }

    /// The sentence around `range`, clipped to about 200 bytes on each side.
    func context(of range: Range<Int>, sentences: [Range<Int>]) -> MentionContext {
        let sentence = sentences.last { $0.lowerBound <= range.lowerBound } ?? 0..<bytes.count
        let before = sentence.lowerBound..<max(sentence.lowerBound, range.lowerBound)
        let after = min(range.upperBound, sentence.upperBound)..<max(range.upperBound, sentence.upperBound)
        return MentionContext(before: clip(before, keepingEnd: true), text: String(decoding: bytes[range], as: UTF8.self),
                              after: clip(after, keepingEnd: false))
    }

    /// `range` cut to `limit` bytes: at a space when there is one, else at
    /// a character boundary, so no character is ever split.
    private func clip(_ range: Range<Int>, keepingEnd: Bool) -> String {
        let limit = 200
        guard range.count > limit else { return String(decoding: bytes[range], as: UTF8.self) }
        if keepingEnd {
            var cut = bytes[(range.upperBound - limit)..<range.upperBound].firstIndex(of: 0x20) ?? (range.upperBound - limit)
            while cut < range.upperBound, UTF8.isContinuation(bytes[cut]) { cut += 1 }
            return "…" + String(decoding: bytes[cut..<range.upperBound], as: UTF8.self)
        }
        var cut = bytes[range.lowerBound..<(range.lowerBound + limit)].lastIndex(of: 0x20) ?? (range.lowerBound + limit)
        while cut > range.lowerBound, UTF8.isContinuation(bytes[cut]) { cut -= 1 }
        return String(decoding: bytes[range.lowerBound..<cut], as: UTF8.self) + " …"
    }
}
