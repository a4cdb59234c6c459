import CommonMark

/// A paragraph's inline text as one run of UTF-8 bytes, with the nodes
/// each stretch of it comes from and its sentences. Analysis reads each
/// paragraph of an article once into this form and every kind of
/// matching (entities, claims, figures, copies) works on it.
struct ParagraphText {
    /// A stretch of `bytes` and the inline node it comes from.
    struct Piece {
        var node: MarkdownNode
        /// The node `node` is a child of.
        var parent: MarkdownNode
        var range: Range<Int>
        /// The inlines from the paragraph's child down to `node` itself.
        var path: [MarkdownNode]
        var isText: Bool
        /// False for code, line breaks and anything inside a link or image.
        var linkable: Bool
    }

    private(set) var bytes: [UInt8] = []
    private(set) var pieces: [Piece] = []
    /// The sentences, as ranges of `bytes`.
    private(set) var sentences: [Range<Int>] = []

    init(_ paragraph: MarkdownNode) {
        collect(paragraph, path: [], linkable: true)
        sentences = Sentences.ranges(in: bytes)
    }

    /// The paragraphs of a document, in order, also inside lists and quotes.
    static func paragraphs(of document: MarkdownDocument) -> [ParagraphText] {
        var paragraphs: [ParagraphText] = []
        document.walk { node, event in
            if event == .enter, node.kind == .paragraph { paragraphs.append(ParagraphText(node)) }
        }
        return paragraphs
    }

    /// The text of `range`.
    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    private mutating func collect(_ node: MarkdownNode, path: [MarkdownNode], linkable: Bool) {
        for child in node.children {
            let childPath = path + [child]
            switch child.kind {
            case .text: append(child.literal ?? "", childPath, parent: node, isText: true, linkable: linkable)
            case .softBreak: append(" ", childPath, parent: node, isText: false, linkable: linkable)
            case .lineBreak: append("\n", childPath, parent: node, isText: false, linkable: false)
            case .code: append(child.literal ?? "", childPath, parent: node, isText: false, linkable: false)
            case .link, .image: collect(child, path: childPath, linkable: false)
            case .htmlInline: continue
            default: collect(child, path: childPath, linkable: linkable)
            }
        }
    }

    private mutating func append(_ text: String, _ path: [MarkdownNode], parent: MarkdownNode, isText: Bool, linkable: Bool) {
        let start = bytes.count
        bytes += text.utf8
        pieces.append(Piece(node: path.last!, parent: parent, range: start..<bytes.count, path: path, isText: isText, linkable: linkable))
    }

    /// The smallest wrappable span that holds `range`, and the bytes it
    /// covers. Where `range` begins or ends inside an inline that holds
    /// other text too (emphasis, a link), the whole inline is taken, so a
    /// sentence that opens in italics can still be wrapped as one element.
    func enclosingSpan(of range: Range<Int>) -> (span: InlineSpan, covered: Range<Int>)? {
        guard let first = pieces.firstIndex(where: { $0.range.upperBound > range.lowerBound }),
              let last = pieces.lastIndex(where: { $0.range.lowerBound < range.upperBound }), first <= last else { return nil }
        let (firstPath, lastPath) = (pieces[first].path, pieces[last].path)
        var depth = 0
        while depth < firstPath.count - 1, depth < lastPath.count - 1, firstPath[depth] == lastPath[depth] { depth += 1 }

        let startNode = firstPath[depth]
        let start: TextPosition
        let coveredStart: Int
        if startNode == pieces[first].node, pieces[first].isText {
            start = TextPosition(node: startNode, utf8Offset: range.lowerBound - pieces[first].range.lowerBound)
            coveredStart = range.lowerBound
        } else {
            start = TextPosition(node: startNode, utf8Offset: 0)
            coveredStart = pieces[...first].last { !$0.path.contains(startNode) }
                .map { $0.range.upperBound } ?? 0
        }
        let endNode = lastPath[depth]
        let end: TextPosition
        let coveredEnd: Int
        if endNode == pieces[last].node, pieces[last].isText {
            end = TextPosition(node: endNode, utf8Offset: range.upperBound - pieces[last].range.lowerBound)
            coveredEnd = range.upperBound
        } else {
            end = TextPosition(node: endNode, utf8Offset: 0)
            coveredEnd = pieces[last...].first { !$0.path.contains(endNode) }
                .map { $0.range.lowerBound } ?? bytes.count
        }
        return (InlineSpan(start: start, end: end), coveredStart..<coveredEnd)
    }

    /// The tree span of `range` if it can be wrapped as one mention: it
    /// starts and ends in text, crosses only linkable siblings, and touches
    /// no link or code.
    func span(for range: Range<Int>) -> InlineSpan? {
        // Read in place, by index: each mention found is tried here, and a copy of a piece retains its nodes.
        guard let first = pieces.firstIndex(where: { $0.range.upperBound > range.lowerBound }),
              let last = pieces.lastIndex(where: { $0.range.lowerBound < range.upperBound }),
              pieces[first].isText, pieces[last].isText else { return nil }
        for index in first...last where !pieces[index].linkable || pieces[index].parent != pieces[first].parent { return nil }
        return InlineSpan(start: TextPosition(node: pieces[first].node, utf8Offset: range.lowerBound - pieces[first].range.lowerBound),
                          end: TextPosition(node: pieces[last].node, utf8Offset: range.upperBound - pieces[last].range.lowerBound))
    }

    /// The sentence `range` stands in (the whole of it, should `range`
    /// run past its end), and where `range` stands in that sentence.
    func sentence(around range: Range<Int>) -> (sentence: Range<Int>, range: Range<Int>) {
        let found = sentences.last { $0.lowerBound <= range.lowerBound } ?? 0..<bytes.count
        let sentence = found.lowerBound..<max(found.upperBound, range.upperBound)
        return (sentence, (range.lowerBound - sentence.lowerBound)..<(range.upperBound - sentence.lowerBound))
    }
}
