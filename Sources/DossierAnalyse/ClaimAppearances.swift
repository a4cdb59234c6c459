import CommonMark
import DossierCore

/// Whether a sentence carries a claim or contests it.
public enum ClaimStance: String, Sendable {
    /// The sentence holds one of the claim's `quotes`.
    case reports
    /// The sentence holds one of the claim's `disputed_by` phrases.
    case disputes
}

/// One sentence of an article that carries or contests a claim.
public struct ClaimAppearance: Sendable {
    /// The claim's slug.
    public var claim: String
    /// The slug of the article it stands in.
    public var article: String
    public var stance: ClaimStance
    /// The appearance's number among this claim's appearances in the article, from 1.
    public var ordinal: Int
    /// The number of the paragraph it stands in, from 0, in the article's body.
    public var paragraph: Int
    /// The number of the sentence in its paragraph, from 0.
    public var sentence: Int
    /// The sentence, as plain text.
    public var text: String
    /// The sentence in the article's Markdown tree. Where it begins or ends
    /// inside emphasis or a link, it holds the whole of that inline; two
    /// sentences that would share one hold the same span.
    public var span: InlineSpan

    /// The id of the sentence's element on the article page.
    public var anchor: String { "claim-\(claim)-\(ordinal)" }
}

/// Every claim's phrases compiled into one matcher, built once per build and
/// shared by the tasks that analyse articles.
///
/// Phrases match whole words, ignoring case, runs of white space and the
/// style of quotation marks and apostrophes (see ``PhraseFolding``).
public struct ClaimIndex: Sendable {
    public let claims: [Claim]
    private let matcher: AliasMatcher
    /// For each pattern of the matcher: the phrases it stands for, as
    /// (claim, stance, phrase number within that claim's list).
    private let owners: [[PhraseOwner]]

    struct PhraseOwner: Hashable, Sendable {
        var claim: Int
        var stance: ClaimStance
        var phrase: Int
    }

    public init(claims: [Claim]) {
        self.claims = claims
        var patterns: [String: Int] = [:]
        var owners: [[PhraseOwner]] = []
        var folded: [String] = []
        for (index, claim) in claims.enumerated() {
            for (stance, phrases) in [(ClaimStance.reports, claim.quotes), (.disputes, claim.disputedBy)] {
                for (number, phrase) in phrases.enumerated() {
                    let key = String(decoding: PhraseFolding(Array(phrase.text.utf8)).bytes, as: UTF8.self).trimmed
                    let pattern = patterns[key] ?? {
                        patterns[key] = folded.count
                        folded.append(key)
                        owners.append([])
                        return folded.count - 1
                    }()
                    owners[pattern].append(PhraseOwner(claim: index, stance: stance, phrase: number))
                }
            }
        }
        matcher = AliasMatcher(patterns: folded, foldingASCII: true)
        self.owners = owners
    }

    /// The claim appearances in an article's paragraphs, in document order;
    /// also the phrases that matched, so unmatched ones can be reported.
    ///
    /// A sentence that holds both a quote and a `disputed_by` phrase of the
    /// same claim disputes it. `mentions` are the article's entity mentions:
    /// a sentence's span is widened to hold any it would cut.
    func appearances(in paragraphs: [ParagraphText], of article: String, mentions: [Mention])
        -> (appearances: [ClaimAppearance], matched: Set<PhraseOwner>) {
        guard !claims.isEmpty else { return ([], []) }
        var appearances: [ClaimAppearance] = []
        var matched: Set<PhraseOwner> = []
        var ordinals: [Int: Int] = [:]
        for (number, text) in paragraphs.enumerated() {
            // The matcher folds ASCII letters and white space itself: only
            // other text, and runs of white space, need a folded copy.
            let folded = PhraseFolding.isFoldedByMatcher(text.bytes) ? nil : PhraseFolding(text.bytes)
            let searched = folded?.bytes ?? text.bytes
            // The stance of each (sentence, claim) pair found in this paragraph.
            var stances: [SentenceClaim: ClaimStance] = [:]
            for match in matcher.occurrences(in: searched) where WordBoundary.isWhole(match.range, in: searched) {
                let start = folded?.origins[match.range.lowerBound] ?? match.range.lowerBound
                guard let sentence = text.sentences.lastIndex(where: { $0.lowerBound <= start }) else { continue }
                for owner in owners[match.pattern] {
                    matched.insert(owner)
                    let key = SentenceClaim(sentence: sentence, claim: owner.claim)
                    if stances[key] != .disputes { stances[key] = owner.stance }
                }
            }
            guard !stances.isEmpty else { continue }
            let sentences = Set(stances.keys.map(\.sentence)).sorted()
            let spans = Self.spans(of: sentences, in: text, mentions: mentions.filter { $0.paragraph == number })
            for key in stances.keys.sorted(by: { ($0.sentence, $0.claim) < ($1.sentence, $1.claim) }) {
                guard let span = spans[key.sentence] else { continue }
                ordinals[key.claim, default: 0] += 1
                appearances.append(ClaimAppearance(
                    claim: claims[key.claim].slug, article: article, stance: stances[key]!, ordinal: ordinals[key.claim]!,
                    paragraph: number, sentence: key.sentence, text: text.text(text.sentences[key.sentence]), span: span))
            }
        }
        return (appearances, matched)
    }

    private struct SentenceClaim: Hashable {
        var sentence: Int
        var claim: Int
    }

    /// A wrappable span for each sentence. Sentences whose spans would
    /// overlap (two ends inside one emphasis) share their union, and a span
    /// grows to hold any mention it would cut, so all wraps nest.
    private static func spans(of sentences: [Int], in text: ParagraphText, mentions: [Mention]) -> [Int: InlineSpan] {
        var groups: [(sentences: [Int], covered: Range<Int>)] = []
        for sentence in sentences {
            guard var covered = text.enclosingSpan(of: text.sentences[sentence])?.covered else { continue }
            var members = [sentence]
            var settled = false
            while !settled {
                settled = true
                if let last = groups.last, last.covered.overlaps(covered) {
                    groups.removeLast()
                    members = last.sentences + members
                    covered = covered.hull(last.covered)
                    settled = false
                }
                for mention in mentions where mention.range.overlaps(covered) && covered.hull(mention.range) != covered {
                    covered = covered.hull(mention.range)
                    settled = false
                }
                if let widened = text.enclosingSpan(of: covered)?.covered, widened != covered {
                    covered = widened
                    settled = false
                }
            }
            groups.append((members, covered))
        }
        var spans: [Int: InlineSpan] = [:]
        for group in groups {
            guard let span = text.enclosingSpan(of: group.covered)?.span else { continue }
            for sentence in group.sentences { spans[sentence] = span }
        }
        return spans
    }
}

extension Range where Bound == Int {
    /// The smallest range that holds both.
    func hull(_ other: Range<Int>) -> Range<Int> {
        Swift.min(lowerBound, other.lowerBound)..<Swift.max(upperBound, other.upperBound)
    }
}

/// Text folded for phrase matching: letters in lower case, every run of
/// white space as one space, curly and angled quotation marks as `"` and
/// apostrophes as `'`; with, for each folded byte, the offset of the
/// original byte it comes from.
struct PhraseFolding {
    private(set) var bytes: [UInt8] = []
    /// `origins[i]` is the offset in the original text of folded byte `i`;
    /// one more entry maps the end of the folded text to the end of the original.
    private(set) var origins: [Int] = []

    /// Whether folding `text` would only lower-case ASCII letters and make
    /// single white space characters spaces, which a matcher made with
    /// `foldingASCII` does as it reads: all of it is ASCII, with no two
    /// white space characters in a row.
    static func isFoldedByMatcher(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { text in
            var lastWasSpace = false
            for byte in text {
                guard byte < 0x80 else { return false }
                let isSpace = isASCIISpace(byte)
                if isSpace && lastWasSpace { return false }
                lastWasSpace = isSpace
            }
            return true
        }
    }

    init(_ text: [UInt8]) {
        if let (bytes, origins) = Self.foldedASCII(text) {
            self.init(bytes: bytes, origins: origins)
        } else {
            self.init(anyText: text)
        }
    }

    private init(bytes: [UInt8], origins: [Int]) {
        (self.bytes, self.origins) = (bytes, origins)
    }

    /// Folds ASCII text, which needs no decoding and never grows, straight
    /// into buffers of its size, in one pass: every paragraph of every
    /// article is folded. Nil at the first byte that is not ASCII.
    private static func foldedASCII(_ text: [UInt8]) -> (bytes: [UInt8], origins: [Int])? {
        var bytes = [UInt8](repeating: 0, count: text.count)
        var origins = [Int](repeating: 0, count: text.count + 1)
        var count = 0
        let isASCII = text.withUnsafeBufferPointer { text in
            bytes.withUnsafeMutableBufferPointer { bytes in
                origins.withUnsafeMutableBufferPointer { origins in
                    var lastWasSpace = false
                    for offset in text.indices {
                        let byte = text[offset]
                        guard byte < 0x80 else { return false }
                        let isSpace = isASCIISpace(byte)
                        if isSpace && lastWasSpace { continue }
                        bytes[count] = isSpace ? 0x20 : byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
                        origins[count] = offset
                        count += 1
                        lastWasSpace = isSpace
                    }
                    origins[count] = text.count
                    return true
                }
            }
        }
        guard isASCII else { return nil }
        bytes.removeLast(text.count - count)
        origins.removeLast(text.count - count)
        return (bytes, origins)
    }

    /// Folds any text, decoding what is not ASCII.
    init(anyText text: [UInt8]) {
        bytes.reserveCapacity(text.count)
        origins.reserveCapacity(text.count + 1)
        var offset = 0
        var lastWasSpace = false
        while offset < text.count {
            let byte = text[offset]
            if byte < 0x80 {  // ASCII, most of the text: no need to decode or look up properties
                if isASCIISpace(byte) {
                    if !lastWasSpace { emit(0x20, from: offset) }
                    lastWasSpace = true
                } else {
                    lastWasSpace = false
                    emit(asciiLowercased(byte), from: offset)
                }
                offset += 1
                continue
            }
            var length = 1
            while offset + length < text.count, UTF8.isContinuation(text[offset + length]) { length += 1 }
            let scalar = WordBoundary.scalar(at: offset, in: text)
            if scalar.properties.isWhitespace {
                if !lastWasSpace { emit(0x20, from: offset) }
                lastWasSpace = true
            } else {
                lastWasSpace = false
                switch scalar {
                case "A"..."Z": emit(UInt8(scalar.value) + 0x20, from: offset)
                case _ where scalar.isASCII: emit(UInt8(scalar.value), from: offset)
                case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{00AB}", "\u{00BB}", "\u{2033}":
                    emit(UInt8(ascii: "\""), from: offset)
                case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}":
                    emit(UInt8(ascii: "'"), from: offset)
                default:
                    for byte in scalar.properties.lowercaseMapping.utf8 { emit(byte, from: offset) }
                }
            }
            offset += length
        }
        origins.append(text.count)
    }

    private mutating func emit(_ byte: UInt8, from offset: Int) {
        bytes.append(byte)
        origins.append(offset)
    }
}
