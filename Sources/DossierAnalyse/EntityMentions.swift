import CommonMark
import DossierCore

/// The sentence around a mention, cut in three so a page can highlight it.
public struct MentionContext: Hashable, Sendable {
    public var before: String
    public var text: String
    public var after: String

    public init(before: String, text: String, after: String) {
        (self.before, self.text, self.after) = (before, text, after)
    }

    /// The mention at `range` (UTF-8 offsets) of `sentence`, with the
    /// sentence clipped to about 200 bytes on each side.
    init(sentence: String, range: Range<Int>) {
        let bytes = Array(sentence.utf8)
        before = Self.clip(bytes[..<range.lowerBound], keepingEnd: true)
        text = String(decoding: bytes[range], as: UTF8.self)
        after = Self.clip(bytes[range.upperBound...], keepingEnd: false)
    }

    /// `bytes` cut to `limit` bytes: at a space when there is one, else at
    /// a character boundary, so no character is ever split.
    private static func clip(_ bytes: ArraySlice<UInt8>, keepingEnd: Bool) -> String {
        let limit = 200
        guard bytes.count > limit else { return String(decoding: bytes, as: UTF8.self) }
        if keepingEnd {
            var cut = bytes[(bytes.endIndex - limit)...].firstIndex(of: 0x20) ?? (bytes.endIndex - limit)
            while cut < bytes.endIndex, UTF8.isContinuation(bytes[cut]) { cut += 1 }
            return "…" + String(decoding: bytes[cut...], as: UTF8.self)
        }
        var cut = bytes[..<(bytes.startIndex + limit)].lastIndex(of: 0x20) ?? (bytes.startIndex + limit)
        while cut > bytes.startIndex, UTF8.isContinuation(bytes[cut]) { cut -= 1 }
        return String(decoding: bytes[..<cut], as: UTF8.self) + " …"
    }
}

/// One place where an article names an entity.
public struct Mention: Sendable {
    /// The entity's slug.
    public var entity: String
    /// The entity's position among the entities sorted by slug, as the
    /// analysed dossier lists them: pages read it there without looking
    /// its slug up.
    public var entityPosition: Int
    /// The entity's name or alias that was found, as the curator wrote it.
    public var name: String
    /// The mention's number among this entity's mentions in the article, from 1.
    public var ordinal: Int
    /// The number of the paragraph it stands in, from 0, in the article's body.
    public var paragraph: Int
    /// The sentence it stands in: one string shared by the sentence's
    /// mentions, which its context is cut from when a page shows it.
    var sentence: String
    /// Where it stands in `sentence`, as UTF-8 offsets.
    var rangeInSentence: Range<Int>
    /// Where it stands in its paragraph's text, as UTF-8 offsets.
    public var range: Range<Int>
    /// Where it stands in the article's Markdown tree.
    public var span: InlineSpan

    /// The sentence around it, cut in three.
    public var context: MentionContext { MentionContext(sentence: sentence, range: rangeInSentence) }

    /// The id of the mention's element on the article page.
    public var anchor: String { "mention-\(entity)-\(ordinal)" }
}

/// Every entity's names compiled into one matcher, built once per build and
/// shared by the tasks that analyse articles.
public struct EntityIndex: Sendable {
    /// The entities, sorted by slug: a mention's `entityPosition` is a position in this list.
    public let entities: [Entity]
    private let matcher: AliasMatcher
    /// For each pattern of the matcher: the entity it names and the name as written.
    private let owners: [(entity: Int, name: String)]

    /// An index of `entities`, whose names are assumed to belong to one
    /// entity each (load reports and drops conflicting ones). A name written
    /// with `'` also matches the same name written with `’`.
    public init(entities: [Entity]) {
        self.entities = entities.sorted { $0.slug < $1.slug }
        var patterns: [String] = []
        var owners: [(entity: Int, name: String)] = []
        for (index, entity) in self.entities.enumerated() {
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
        mentions(in: ParagraphText.paragraphs(of: document))
    }

    func mentions(in paragraphs: [ParagraphText]) -> [Mention] {
        var mentions: [Mention] = []
        var ordinals: [Int: Int] = [:]
        for (number, text) in paragraphs.enumerated() {
            // The sentence of the last mention: mentions come in order, so each sentence is cut out once for all of its own.
            var sentence: (range: Range<Int>, text: String)?
            for match in matcher.mentions(in: text.bytes, accept: { text.span(for: $0.range) != nil }) {
                let owner = owners[match.pattern]
                let ordinal = incremented(&ordinals[owner.entity, default: 0])  // one look-up
                let (sentenceRange, range) = text.sentence(around: match.range)
                if sentence?.range != sentenceRange { sentence = (sentenceRange, text.text(sentenceRange)) }
                mentions.append(Mention(
                    entity: entities[owner.entity].slug, entityPosition: owner.entity, name: owner.name, ordinal: ordinal,
                    paragraph: number, sentence: sentence!.text, rangeInSentence: range,
                    range: match.range, span: text.span(for: match.range)!))
            }
        }
        mentions.releaseSpareCapacity()
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

/// Adds one to `count`; the new count.
private func incremented(_ count: inout Int) -> Int {
    count += 1
    return count
}
