import CCmark

/// A parsed CommonMark document; owns the cmark tree and frees it on deinit.
///
/// A document is not thread-safe: use it (and its nodes) from one task at a time.
/// Different documents share no state and may be used concurrently.
public final class MarkdownDocument: @unchecked Sendable {
    private(set) var rootPointer: OpaquePointer

    /// Parses `markdown` as CommonMark.
    ///
    /// Invalid UTF-8 is replaced with U+FFFD and no smart punctuation is applied,
    /// so text renders exactly as written. Source positions are always recorded.
    public init(parsing markdown: String) {
        guard let root = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_VALIDATE_UTF8) else {
            fatalError("cmark_parse_document failed (out of memory)")
        }
        rootPointer = root
    }

    deinit {
        cmark_node_free(rootPointer)
    }

    /// Frees the tree, leaving an empty document: for a document whose
    /// HTML was made and that nothing will read again, so that a build of
    /// many articles need not hold every tree until it ends.
    public func clear() {
        guard let empty = cmark_node_new(CMARK_NODE_DOCUMENT) else {
            fatalError("cmark_node_new failed (out of memory)")
        }
        cmark_node_free(rootPointer)
        rootPointer = empty
    }

    /// The document node at the root of the tree.
    ///
    /// Its descendants are reachable through `children`, `firstChild`, `next` and so on.
    public var root: MarkdownNode {
        MarkdownNode(document: self, pointer: rootPointer)
    }

    /// Renders the document as HTML in cmark's safe mode.
    ///
    /// Raw HTML becomes `<!-- raw HTML omitted -->` and `javascript:`, `vbscript:`,
    /// `file:` and non-image `data:` URLs are blanked. Custom nodes are the exception:
    /// their enter/exit markup is emitted verbatim (see ``MarkdownNode/wrap(from:through:enter:exit:)``).
    public func html() -> String {
        guard let buffer = cmark_render_html(rootPointer, CMARK_OPT_DEFAULT) else {
            fatalError("cmark_render_html failed (out of memory)")
        }
        defer { cmark_get_default_mem_allocator().pointee.free(buffer) }
        return String(cString: buffer)
    }

    /// Moves the headings so that the highest becomes level `level + 1` and
    /// none is more than one level below the heading before it (none past 6):
    /// a document shown under a page's `<h1>` or a section's `<h2>` then
    /// continues the page's outline, with no level skipped. Their order and
    /// nesting are kept. Doing it again changes nothing.
    public func nestHeadings(under level: Int) {
        var headings: [(pointer: OpaquePointer, level: Int)] = []
        walk { node, event in
            if event == .enter, case .heading(let level) = node.kind { headings.append((node.pointer, level)) }
        }
        guard let highest = headings.map(\.level).min() else { return }
        var previous = level
        for heading in headings {
            let nested = min(6, heading.level + level + 1 - highest, previous + 1)
            cmark_node_set_heading_level(heading.pointer, Int32(nested))
            previous = nested
        }
    }

    /// The document's text without markup, e.g. for search indexes and excerpts.
    ///
    /// Text and code literals are kept (raw HTML is not), a soft break becomes a space,
    /// a hard break a newline, and block-level nodes are separated by a blank line.
    /// No block ends in whitespace and neither does the result.
    public func plainText() -> String {
        var blocks: [String] = []
        var current = ""
        func endBlock() {
            while let last = current.last, last.isWhitespace { current.removeLast() }
            if !current.isEmpty { blocks.append(current) }
            current = ""
        }
        walk { node, _ in
            switch node.kind {
            case .text, .code: current += node.literal ?? ""
            case .softBreak: current += " "
            case .lineBreak: current += "\n"
            case .codeBlock: endBlock(); current = node.literal ?? ""; endBlock()
            default: if node.isBlock { endBlock() }
            }
        }
        endBlock()
        // Made at its exact size: a dossier keeps the text of every article.
        let separator = "\n\n".utf8
        let size = blocks.reduce(0) { $0 + $1.utf8.count } + separator.count * max(0, blocks.count - 1)
        return String(unsafeUninitializedCapacity: size) { buffer in
            var filled = 0
            for (number, block) in blocks.enumerated() {
                if number > 0 { filled = buffer[filled...].initialize(fromContentsOf: separator) }
                filled = buffer[filled...].initialize(fromContentsOf: block.utf8)
            }
            return filled
        }
    }

    /// Visits every node in document order, calling `visit` with `.enter` before a
    /// node's children and `.exit` after them; leaf nodes get only `.enter`.
    ///
    /// Do not restructure the tree from inside `visit` (cmark's iterator would lose its
    /// place): collect the nodes to transform, then transform them after the walk.
    public func walk(_ visit: (MarkdownNode, MarkdownWalkEvent) throws -> Void) rethrows {
        let iterator = cmark_iter_new(rootPointer)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            guard event != CMARK_EVENT_DONE else { return }
            let node = MarkdownNode(document: self, pointer: cmark_iter_get_node(iterator))
            try visit(node, event == CMARK_EVENT_ENTER ? .enter : .exit)
        }
    }
}

/// Whether ``MarkdownDocument/walk(_:)`` is entering or leaving a node.
///
/// Leaf nodes (text, breaks, code, HTML, code blocks, thematic breaks) are only entered.
public enum MarkdownWalkEvent: Sendable {
    /// Before the node's children.
    case enter
    /// After the node's children.
    case exit
}
