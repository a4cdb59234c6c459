import CCmark

/// A handle on a node of a document's tree.
///
/// The handle holds a strong reference to its ``MarkdownDocument``, so the tree outlives it.
/// Nodes are never freed while the document lives (transformations only add and move
/// nodes), so a handle stays valid even after its node has moved. Two handles are equal
/// when they refer to the same node. Like its document, a node may be handed to another
/// task but must be used from one task at a time.
public struct MarkdownNode: Equatable, @unchecked Sendable {
    let document: MarkdownDocument
    let pointer: OpaquePointer

    /// The type of a node, with the attributes that distinguish nodes of that type.
    public enum Kind: Sendable, Hashable {
        /// The root of the tree.
        case document
        /// A `>` block quote.
        case blockQuote
        /// A bullet or ordered list; its children are items.
        case list
        /// An item of a list.
        case item
        /// A fenced or indented code block; its code is in `literal`.
        case codeBlock
        /// A block of raw HTML (omitted by the safe-mode renderer).
        case htmlBlock
        /// A block whose markup is supplied by the program.
        case customBlock
        /// A paragraph.
        case paragraph
        /// An ATX or setext heading of level 1 to 6.
        case heading(level: Int)
        /// A `---` rule.
        case thematicBreak
        /// A run of plain text; the text is in `literal`.
        case text
        /// A line ending inside a paragraph (rendered as a newline or space).
        case softBreak
        /// A hard line break (two trailing spaces or a backslash).
        case lineBreak
        /// A code span; its code is in `literal`.
        case code
        /// Inline raw HTML (omitted by the safe-mode renderer).
        case htmlInline
        /// An inline whose markup is supplied by the program, such as a ``MarkdownNode/wrap(from:through:enter:exit:)`` wrapper.
        case customInline
        /// Emphasis (`*x*`).
        case emphasis
        /// Strong emphasis (`**x**`).
        case strong
        /// A link; its text is in its children.
        case link(url: String, title: String)
        /// An image; its alt text is in its children.
        case image(url: String, title: String)
    }

    /// The node's type and type-specific attributes.
    ///
    /// URLs and titles are copied out of the tree when this is read.
    public var kind: Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: .document
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST: .list
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_CODE_BLOCK: .codeBlock
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: .customBlock
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading(level: Int(cmark_node_get_heading_level(pointer)))
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_HTML_INLINE: .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: .customInline
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link(url: copy(cmark_node_get_url(pointer)), title: copy(cmark_node_get_title(pointer)))
        case CMARK_NODE_IMAGE: .image(url: copy(cmark_node_get_url(pointer)), title: copy(cmark_node_get_title(pointer)))
        case let other: fatalError("unknown cmark node type \(other.rawValue)")
        }
    }

    /// The literal of a text, code, code block or HTML node; nil for other kinds.
    ///
    /// The string is copied from the tree, so later changes to the node do not affect it.
    public var literal: String? {
        cmark_node_get_literal(pointer).map { String(cString: $0) }
    }

    /// The node containing this one; nil for the document node.
    public var parent: MarkdownNode? { node(cmark_node_parent(pointer)) }
    /// The first child, in document order; nil for a node without children.
    public var firstChild: MarkdownNode? { node(cmark_node_first_child(pointer)) }
    /// The last child, in document order; nil for a node without children.
    public var lastChild: MarkdownNode? { node(cmark_node_last_child(pointer)) }
    /// The following sibling; nil for a last child.
    public var next: MarkdownNode? { node(cmark_node_next(pointer)) }
    /// The preceding sibling; nil for a first child.
    public var previous: MarkdownNode? { node(cmark_node_previous(pointer)) }

    /// The node's children in document order.
    ///
    /// This is a snapshot: transforming the tree afterwards does not update the array.
    public var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    /// The 1-based line on which the node starts in the Markdown source.
    ///
    /// Zero for soft and hard breaks and for nodes created by transformations.
    public var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    /// The 1-based UTF-8 byte column at which the node starts in the Markdown source.
    ///
    /// Zero for soft and hard breaks and for nodes created by transformations.
    public var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }

    /// Whether the node is a block (document, paragraph, heading, list, ...).
    ///
    /// Exactly one of `isBlock` and `isInline` is true.
    public var isBlock: Bool {
        (CMARK_NODE_FIRST_BLOCK.rawValue...CMARK_NODE_LAST_BLOCK.rawValue).contains(cmark_node_get_type(pointer).rawValue)
    }
    /// Whether the node is an inline (text, emphasis, link, custom inline, ...).
    ///
    /// Only inlines can be split or wrapped.
    public var isInline: Bool {
        (CMARK_NODE_FIRST_INLINE.rawValue...CMARK_NODE_LAST_INLINE.rawValue).contains(cmark_node_get_type(pointer).rawValue)
    }

    /// Whether two handles refer to the same node.
    ///
    /// Handles from different documents are never equal.
    public static func == (lhs: MarkdownNode, rhs: MarkdownNode) -> Bool {
        lhs.pointer == rhs.pointer
    }

    private func node(_ pointer: OpaquePointer?) -> MarkdownNode? {
        pointer.map { MarkdownNode(document: document, pointer: $0) }
    }

    private func copy(_ string: UnsafePointer<CChar>?) -> String {
        string.map { String(cString: $0) } ?? ""
    }
}
