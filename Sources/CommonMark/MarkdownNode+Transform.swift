import CCmark
import Glibc

/// A place in the text of a document: a UTF-8 byte offset into the literal of a text node.
public struct TextPosition: Sendable, Equatable {
    public var node: MarkdownNode
    public var utf8Offset: Int

    public init(node: MarkdownNode, utf8Offset: Int) {
        self.node = node
        self.utf8Offset = utf8Offset
    }
}

/// A stretch of inline text, from a position in one text node to a position in the same
/// node or in a following sibling of it; the inlines in between (text, breaks, emphasis,
/// ...) are part of the span. A position in an inline that is not text (emphasis, a link)
/// stands for the whole of it: the span starts before it or ends after it.
public struct InlineSpan: Sendable, Equatable {
    /// Where the span starts; its offset is before the end of its node's literal.
    public var start: TextPosition
    /// Where the span ends (exclusive); its offset is after the start of its node's literal.
    public var end: TextPosition

    public init(start: TextPosition, end: TextPosition) {
        self.start = start
        self.end = end
    }
}

/// Markup to put around a span: `enter` before it and `exit` after it.
public struct InlineWrap: Sendable {
    public var span: InlineSpan
    public var enter: String
    public var exit: String

    public init(span: InlineSpan, enter: String, exit: String) {
        self.span = span
        self.enter = enter
        self.exit = exit
    }
}

// Tree transformations. Each new cmark node is inserted into the tree as soon as it is
// created, so the document's deinit frees it; existing nodes are only moved, never freed.
extension MarkdownDocument {
    /// Wraps each span in a new custom inline node whose HTML is the wrap's `enter` and
    /// `exit` markup, splitting text nodes where spans start and end.
    ///
    /// All positions refer to the tree as it is before this call. Wraps are applied in the
    /// order given, so a span that contains another must come before it; spans must
    /// otherwise not overlap. The markup is emitted verbatim, with the escaping duty
    /// described at ``MarkdownNode/wrap(from:through:enter:exit:)``.
    public func wrap(_ wraps: [InlineWrap]) {
        // Split every text node once at all the offsets where some span starts or ends,
        // from the last offset back, so the node keeps its first piece and the offsets
        // of the earlier pieces stay valid. Then find each span's first and last piece.
        // Positions in other inlines stand for the whole inline and cut nothing. This
        // runs for every article page, so it works on cmark's pointers throughout.
        var cuts: [(text: OpaquePointer, offset: Int)] = []
        cuts.reserveCapacity(2 * wraps.count)
        for wrap in wraps {
            if wrap.span.start.node.kind == .text { cuts.append((wrap.span.start.node.pointer, wrap.span.start.utf8Offset)) }
            if wrap.span.end.node.kind == .text { cuts.append((wrap.span.end.node.pointer, wrap.span.end.utf8Offset)) }
        }
        cuts.sort { (UInt(bitPattern: $0.text), $0.offset) < (UInt(bitPattern: $1.text), $1.offset) }
        // Each text node's pieces by offset, one node after another, and where each node's are.
        var pieces: [(offset: Int, node: OpaquePointer)] = []
        pieces.reserveCapacity(cuts.count + wraps.count)
        var piecesOf: [OpaquePointer: Range<Int>] = [:]
        var next = cuts.startIndex
        while next < cuts.endIndex {
            let text = cuts[next].text
            let end = cuts[next...].firstIndex { $0.text != text } ?? cuts.endIndex
            let length = strlen(cmark_node_get_literal(text))
            let first = pieces.count
            pieces.append((0, text))
            for (index, cut) in cuts[next..<end].enumerated() where cut.offset > 0 && cut.offset < length
                && (index == 0 || cuts[next + index - 1].offset != cut.offset) {
                pieces.append((cut.offset, text))
            }
            for index in pieces.indices.dropFirst(first + 1).reversed() {
                pieces[index].node = MarkdownNode.splitText(text, atUTF8Offset: pieces[index].offset)
            }
            piecesOf[text] = first..<pieces.count
            next = end
        }
        func piece(_ position: TextPosition, at isPiece: (Int) -> Bool) -> OpaquePointer {
            guard let range = piecesOf[position.node.pointer] else { return position.node.pointer }
            return pieces[range].last { isPiece($0.offset) }!.node
        }
        for wrap in wraps {
            let (start, end) = (wrap.span.start, wrap.span.end)
            let first = piece(start) { $0 <= start.utf8Offset }
            let last = piece(end) { $0 < end.utf8Offset }
            _ = MarkdownNode.wrap(from: first, through: last, enter: wrap.enter, exit: wrap.exit)
        }
    }
}

extension MarkdownNode {
    /// Splits a text node in two at a UTF-8 byte offset into its literal.
    ///
    /// This node keeps the bytes before `offset`; a new text node with the rest is inserted
    /// right after it. Returns `(self, newNode)`.
    /// - Precondition: `kind == .text`, `0 < offset < literal.utf8.count`, and `offset`
    ///   is not inside a multi-byte UTF-8 sequence.
    public func splitText(atUTF8Offset offset: Int) -> (MarkdownNode, MarkdownNode) {
        (self, MarkdownNode(document: document, pointer: Self.splitText(pointer, atUTF8Offset: offset)))
    }

    /// Splits the text node `text` as ``splitText(atUTF8Offset:)`` does; returns the new node.
    static func splitText(_ text: OpaquePointer, atUTF8Offset offset: Int) -> OpaquePointer {
        precondition(cmark_node_get_type(text) == CMARK_NODE_TEXT, "splitText needs a text node")
        // cmark's own bytes, read in place: a text is split at every mention, so no Swift
        // string is made of it.
        let literal = cmark_node_get_literal(text)!
        let count = strlen(literal)
        precondition(offset > 0 && offset < count, "split offset \(offset) outside 1..<\(count)")
        precondition(!UTF8.isContinuation(UInt8(bitPattern: literal[offset])), "split offset \(offset) is inside a UTF-8 sequence")

        let second = cmark_node_new(CMARK_NODE_TEXT)!
        let inserted = cmark_node_insert_after(text, second)
        precondition(inserted == 1, "cmark refused to insert a text node")
        // cmark copies a literal it is given, so the second node can take the tail in place.
        cmark_node_set_literal(second, literal + offset)
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: offset + 1) { head in
            UnsafeMutableRawPointer(head.baseAddress!).copyMemory(from: literal, byteCount: offset)
            head[offset] = 0
            cmark_node_set_literal(text, head.baseAddress)
        }
        return second
    }

    /// Wraps the sibling run `first` through `last` in a new custom inline node whose HTML
    /// is `enter` before the run and `exit` after it; returns the new node.
    ///
    /// cmark's HTML renderer emits custom markup verbatim, even in safe mode, so `enter` and
    /// `exit` must be well-formed HTML with every attribute value and text already escaped
    /// by the caller. Never build them from unescaped document or user text.
    /// - Precondition: `first` and `last` are inlines with the same parent, and `last` is
    ///   `first` or one of its following siblings.
    public static func wrap(from first: MarkdownNode, through last: MarkdownNode, enter: String, exit: String) -> MarkdownNode {
        precondition(first.isInline, "only inline nodes can be wrapped")
        return MarkdownNode(document: first.document, pointer: wrap(from: first.pointer, through: last.pointer, enter: enter, exit: exit))
    }

    /// Wraps the run `first` through `last` as ``wrap(from:through:enter:exit:)`` does;
    /// returns the new node.
    static func wrap(from first: OpaquePointer, through last: OpaquePointer, enter: String, exit: String) -> OpaquePointer {
        var node = first
        while node != last {
            guard let next = cmark_node_next(node) else {
                preconditionFailure("wrap: `last` is not `first` or a following sibling of it")
            }
            node = next
        }

        let wrapper = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
        let inserted = cmark_node_insert_before(first, wrapper)
        precondition(inserted == 1, "cmark refused to insert a custom inline")
        // Lent in place: passing a String where C wants a pointer would copy it first.
        enter.withCString { cmark_node_set_on_enter(wrapper, $0) }
        exit.withCString { cmark_node_set_on_exit(wrapper, $0) }
        var next: OpaquePointer? = first
        while let node = next {
            next = node == last ? nil : cmark_node_next(node)
            let moved = cmark_node_append_child(wrapper, node)  // unlinks `node` from its old place
            precondition(moved == 1, "cmark refused to move a node into a custom inline")
        }
        return wrapper
    }
}
