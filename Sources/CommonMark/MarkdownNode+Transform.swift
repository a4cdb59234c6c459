import CCmark

// Tree transformations. Each new cmark node is inserted into the tree as soon as it is
// created, so the document's deinit frees it; existing nodes are only moved, never freed.
extension MarkdownNode {
    /// Splits a text node in two at a UTF-8 byte offset into its literal.
    ///
    /// This node keeps the bytes before `offset`; a new text node with the rest is inserted
    /// right after it. Returns `(self, newNode)`.
    /// - Precondition: `kind == .text`, `0 < offset < literal.utf8.count`, and `offset`
    ///   is not inside a multi-byte UTF-8 sequence.
    public func splitText(atUTF8Offset offset: Int) -> (MarkdownNode, MarkdownNode) {
        precondition(cmark_node_get_type(pointer) == CMARK_NODE_TEXT, "splitText needs a text node")
        let bytes = Array(literal!.utf8)
        precondition(offset > 0 && offset < bytes.count, "split offset \(offset) outside 1..<\(bytes.count)")
        precondition(!UTF8.isContinuation(bytes[offset]), "split offset \(offset) is inside a UTF-8 sequence")

        let second = cmark_node_new(CMARK_NODE_TEXT)!
        let inserted = cmark_node_insert_after(pointer, second)
        precondition(inserted == 1, "cmark refused to insert a text node")
        cmark_node_set_literal(second, String(decoding: bytes[offset...], as: UTF8.self))
        cmark_node_set_literal(pointer, String(decoding: bytes[..<offset], as: UTF8.self))
        return (self, MarkdownNode(document: document, pointer: second))
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
        var run = [first.pointer]
        while run.last != last.pointer {
            guard let next = cmark_node_next(run.last!) else {
                preconditionFailure("wrap: `last` is not `first` or a following sibling of it")
            }
            run.append(next)
        }

        let wrapper = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
        let inserted = cmark_node_insert_before(first.pointer, wrapper)
        precondition(inserted == 1, "cmark refused to insert a custom inline")
        cmark_node_set_on_enter(wrapper, enter)
        cmark_node_set_on_exit(wrapper, exit)
        for node in run {
            let moved = cmark_node_append_child(wrapper, node)  // unlinks `node` from its old place
            precondition(moved == 1, "cmark refused to move a node into a custom inline")
        }
        return MarkdownNode(document: first.document, pointer: wrapper)
    }

    /// Wraps UTF-8 byte ranges of this text node's literal, each in its own custom inline
    /// with the given markup; returns the wrappers in order.
    ///
    /// The text around and between the ranges stays in plain text nodes. The markup is
    /// emitted verbatim, with the same escaping duty as ``wrap(from:through:enter:exit:)``.
    /// - Precondition: `kind == .text`; the ranges are non-empty, sorted, non-overlapping,
    ///   within the literal, and do not start or end inside a multi-byte UTF-8 sequence.
    public func wrapText(ranges: [(range: Range<Int>, enter: String, exit: String)]) -> [MarkdownNode] {
        precondition(cmark_node_get_type(pointer) == CMARK_NODE_TEXT, "wrapText needs a text node")
        let byteCount = literal!.utf8.count
        var end = byteCount
        for (range, _, _) in ranges.reversed() {
            precondition(!range.isEmpty && range.lowerBound >= 0 && range.upperBound <= end,
                         "wrapText ranges must be non-empty, sorted, non-overlapping and within \(byteCount) bytes")
            end = range.lowerBound
        }

        // Work from the last range back, so the offsets of the earlier ones stay valid in `self`.
        var wrappers: [MarkdownNode] = []
        for (range, enter, exit) in ranges.reversed() {
            if range.upperBound < literal!.utf8.count { _ = splitText(atUTF8Offset: range.upperBound) }
            let target = range.lowerBound > 0 ? splitText(atUTF8Offset: range.lowerBound).1 : self
            wrappers.append(Self.wrap(from: target, through: target, enter: enter, exit: exit))
        }
        return wrappers.reversed()
    }
}
