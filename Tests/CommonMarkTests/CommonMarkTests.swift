import CommonMark
import Testing

/// The first node of `kind` in document order.
private func first(_ kind: MarkdownNode.Kind, in document: MarkdownDocument) -> MarkdownNode? {
    var found: MarkdownNode?
    document.walk { node, event in
        if found == nil, event == .enter, node.kind == kind { found = node }
    }
    return found
}

/// The UTF-8 byte range of the first occurrence of `word` in `text`.
private func byteRange(of word: String, in text: String) -> Range<Int> {
    let haystack = Array(text.utf8), needle = Array(word.utf8)
    let start = (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }!
    return start..<(start + needle.count)
}

@Test func rendersHeadingEmphasisLinkAndList() {
    let document = MarkdownDocument(parsing: """
        # Title

        Some *emphasis* and a [link](https://example.org "Example").

        - one
        - two
        """)
    #expect(document.html() == """
        <h1>Title</h1>
        <p>Some <em>emphasis</em> and a <a href="https://example.org" title="Example">link</a>.</p>
        <ul>
        <li>one</li>
        <li>two</li>
        </ul>

        """)
}

@Test func safeModeOmitsRawHTMLAndDangerousURLs() {
    let document = MarkdownDocument(parsing: """
        <script>alert(1)</script>

        Some <b>x</b> text and [a](javascript:alert(1)).
        """)
    #expect(document.html() == """
        <!-- raw HTML omitted -->
        <p>Some <!-- raw HTML omitted -->x<!-- raw HTML omitted --> text and <a href="">a</a>.</p>

        """)
}

@Test func customInlineMarkupIsEmittedVerbatimInSafeMode() throws {
    let document = MarkdownDocument(parsing: "Hi <i>there</i>")
    let text = try #require(document.root.firstChild?.firstChild)
    _ = MarkdownNode.wrap(from: text, through: text, enter: #"<a href="/hi">"#, exit: "</a>")
    #expect(document.html() == "<p><a href=\"/hi\">Hi </a><!-- raw HTML omitted -->there<!-- raw HTML omitted --></p>\n")
}

@Test func multibyteTextRoundTripsAndSplitsAtByteOffsets() throws {
    let document = MarkdownDocument(parsing: "héllo — ✓ Deir ez-Zor")
    #expect(document.html() == "<p>héllo — ✓ Deir ez-Zor</p>\n")
    let text = try #require(document.root.firstChild?.firstChild)
    #expect(text.kind == .text)
    #expect(text.literal == "héllo — ✓ Deir ez-Zor")
    #expect((text.startLine, text.startColumn) == (1, 1))

    let offset = "héllo — ✓ ".utf8.count  // 16 bytes for 10 characters
    let (head, tail) = text.splitText(atUTF8Offset: offset)
    #expect(head == text)
    #expect(head.literal == "héllo — ✓ ")
    #expect(tail.literal == "Deir ez-Zor")
    #expect(head.next == tail && tail.previous == head && tail.parent == head.parent)
    #expect(document.html() == "<p>héllo — ✓ Deir ez-Zor</p>\n")
}

@Test func plainTextSeparatesBlocksAndFlattensInlines() {
    let document = MarkdownDocument(parsing: """
        # A *big* title

        First line
        second line with `code` and a\\
        hard break.

        <div>raw</div>

        - item **one**
        - item two

        ```
        let x = 1
        ```
        """)
    #expect(document.plainText() == """
        A big title

        First line second line with code and a
        hard break.

        item one

        item two

        let x = 1
        """)
}

@Test func walkVisitsNodesInDocumentOrder() {
    let document = MarkdownDocument(parsing: "# Hi\n\nA *b* c")
    var events: [String] = []
    document.walk { node, event in
        events.append("\(event == .enter ? "+" : "-")\(node.kind)")
    }
    #expect(events == [
        "+document", "+heading(level: 1)", "+text", "-heading(level: 1)",
        "+paragraph", "+text", "+emphasis", "+text", "-emphasis", "+text", "-paragraph", "-document",
    ])
}

@Test func nodeNavigationAndKinds() throws {
    let document = MarkdownDocument(parsing: "[a](/u \"t\") ![b](/i.png)\n\n---")
    let paragraph = try #require(document.root.firstChild)
    #expect(paragraph.isBlock && !paragraph.isInline)
    #expect(paragraph.children.map(\.kind) == [.link(url: "/u", title: "t"), .text, .image(url: "/i.png", title: "")])
    #expect(paragraph.lastChild?.firstChild?.literal == "b")
    #expect(paragraph.firstChild?.isInline == true)
    #expect(paragraph.next?.kind == .thematicBreak)
    #expect(paragraph.next?.startLine == 3)
    #expect(document.root.parent == nil && paragraph.parent == document.root)
}

/// A span of `node`'s literal, by byte offsets.
func span(_ node: MarkdownNode, _ range: Range<Int>) -> InlineSpan {
    InlineSpan(start: TextPosition(node: node, utf8Offset: range.lowerBound),
               end: TextPosition(node: node, utf8Offset: range.upperBound))
}

@Test func wrapWrapsExactlyTheGivenSpans() throws {
    let document = MarkdownDocument(parsing: "Tom & Jerry said \"1 < 2\" in Deir ez-Zor.")
    let text = try #require(first(.text, in: document))
    let literal = try #require(text.literal)
    #expect(literal == "Tom & Jerry said \"1 < 2\" in Deir ez-Zor.")  // one text node, despite `&`, `"` and `<`
    document.wrap([
        InlineWrap(span: span(text, byteRange(of: "Jerry", in: literal)), enter: #"<a href="/jerry">"#, exit: "</a>"),
        InlineWrap(span: span(text, byteRange(of: "Deir ez-Zor", in: literal)),
                   enter: #"<a href="/places/deir-ez-zor" class="place">"#, exit: "</a>"),
    ])
    let paragraph = try #require(document.root.firstChild)
    #expect(paragraph.children.map(\.kind) == [.text, .customInline, .text, .customInline, .text])
    #expect(paragraph.children.filter { $0.kind == .customInline }.map { $0.firstChild?.literal } == ["Jerry", "Deir ez-Zor"])
    #expect(document.html() == """
        <p>Tom &amp; <a href="/jerry">Jerry</a> said &quot;1 &lt; 2&quot; in \
        <a href="/places/deir-ez-zor" class="place">Deir ez-Zor</a>.</p>

        """)
    #expect(document.plainText() == literal)
}

@Test func wrapAtTheEdgesOfTheLiteralInAnyOrder() throws {
    let document = MarkdownDocument(parsing: "ab cd")
    let text = try #require(first(.text, in: document))
    document.wrap([InlineWrap(span: span(text, 3..<5), enter: "{", exit: "}"),
                   InlineWrap(span: span(text, 0..<2), enter: "[", exit: "]")])
    #expect(document.root.firstChild?.children.map(\.kind) == [.customInline, .text, .customInline])
    #expect(document.html() == "<p>[ab] {cd}</p>\n")
}

@Test func wrapNestsSpansGivenOuterFirst() throws {
    let document = MarkdownDocument(parsing: "He said Putin won. Then left.")
    let text = try #require(first(.text, in: document))
    let literal = try #require(text.literal)
    document.wrap([
        InlineWrap(span: span(text, byteRange(of: "He said Putin won.", in: literal)), enter: "<q>", exit: "</q>"),
        InlineWrap(span: span(text, byteRange(of: "Putin", in: literal)), enter: "<b>", exit: "</b>"),
        InlineWrap(span: span(text, byteRange(of: "left", in: literal)), enter: "<i>", exit: "</i>"),
    ])
    #expect(document.html() == "<p><q>He said <b>Putin</b> won.</q> Then <i>left</i>.</p>\n")
}

@Test func wrapASpanAcrossASoftBreak() throws {
    let document = MarkdownDocument(parsing: "the Islamic\nState group")
    let paragraph = try #require(document.root.firstChild)
    #expect(paragraph.children.map(\.kind) == [.text, .softBreak, .text])
    let start = TextPosition(node: paragraph.children[0], utf8Offset: 4)
    let end = TextPosition(node: paragraph.children[2], utf8Offset: 5)
    document.wrap([InlineWrap(span: InlineSpan(start: start, end: end), enter: "<b>", exit: "</b>")])
    #expect(document.html() == "<p>the <b>Islamic\nState</b> group</p>\n")
}

@Test func aPositionInEmphasisOrALinkStandsForTheWholeInline() throws {
    let document = MarkdownDocument(parsing: "*\"All is won,\"* he said, [see](https://x.example) `code` end.")
    let paragraph = try #require(document.root.firstChild)
    let emphasis = try #require(paragraph.children.first)
    let link = try #require(paragraph.children.first { if case .link = $0.kind { true } else { false } })
    let code = try #require(paragraph.children.first { $0.kind == .code })
    #expect(emphasis.kind == .emphasis)
    document.wrap([
        InlineWrap(span: InlineSpan(start: TextPosition(node: emphasis, utf8Offset: 0),
                                    end: TextPosition(node: link, utf8Offset: 0)), enter: "<q>", exit: "</q>"),
        InlineWrap(span: InlineSpan(start: TextPosition(node: code, utf8Offset: 0),
                                    end: TextPosition(node: code, utf8Offset: 0)), enter: "<s>", exit: "</s>"),
    ])
    #expect(document.html() == """
        <p><q><em>&quot;All is won,&quot;</em> he said, <a href="https://x.example">see</a></q> <s><code>code</code></s> end.</p>

        """)
}

@Test func wrapSpansTextAndEmphasisSiblings() throws {
    let document = MarkdownDocument(parsing: "Before. Read *this* now. After.")
    let paragraph = try #require(document.root.firstChild)
    let (_, start) = try #require(paragraph.firstChild).splitText(atUTF8Offset: "Before. ".utf8.count)
    let (end, _) = try #require(paragraph.lastChild).splitText(atUTF8Offset: " now.".utf8.count)
    let wrapper = MarkdownNode.wrap(from: start, through: end, enter: #"<span class="s">"#, exit: "</span>")
    #expect(wrapper.parent == paragraph)
    #expect(wrapper.children.map(\.kind) == [.text, .emphasis, .text])
    #expect(document.html() == #"<p>Before. <span class="s">Read <em>this</em> now.</span> After.</p>"# + "\n")
}

@Test func transformationsInsideHeadingAndLinkText() throws {
    let document = MarkdownDocument(parsing: "## Visit Aleppo\n\nSee [the old city of Aleppo](/aleppo).")
    let headingText = try #require(first(.text, in: document))
    let link = try #require(first(.link(url: "/aleppo", title: ""), in: document))
    let linkText = try #require(link.firstChild)
    document.wrap([
        InlineWrap(span: span(headingText, byteRange(of: "Aleppo", in: "Visit Aleppo")), enter: "<mark>", exit: "</mark>"),
        InlineWrap(span: span(linkText, byteRange(of: "old", in: "the old city of Aleppo")), enter: "<strong>", exit: "</strong>"),
    ])
    #expect(document.html() == """
        <h2>Visit <mark>Aleppo</mark></h2>
        <p>See <a href="/aleppo">the <strong>old</strong> city of Aleppo</a>.</p>

        """)
}

@Test func concurrentRenderingMatchesSerialRendering() async {
    @Sendable func render(_ index: Int) -> String {
        let document = MarkdownDocument(parsing: "# Doc \(index)\n\nText \(index) with *emphasis* & [a link](/\(index)).")
        let text = document.root.firstChild!.firstChild!
        document.wrap([InlineWrap(span: span(text, 0..<3), enter: "<i>", exit: "</i>")])
        return document.html() + document.plainText()
    }
    let serial = (0..<200).map(render)
    let concurrent = await withTaskGroup(of: (Int, String).self) { group in
        for index in 0..<200 { group.addTask { (index, render(index)) } }
        var results = Array(repeating: "", count: 200)
        for await (index, output) in group { results[index] = output }
        return results
    }
    #expect(concurrent == serial)
    #expect(serial[7].hasPrefix("<h1><i>Doc</i> 7</h1>\n<p>Text 7 with <em>emphasis</em> &amp; <a href=\"/7\">a link</a>.</p>\n"))
}

@Test(arguments: [
    ("# A\n\n## B\n\n#### C\n\n# D", 1, "<h2>A</h2>\n<h3>B</h3>\n<h4>C</h4>\n<h2>D</h2>\n"),
    ("### A\n\n#### B", 2, "<h3>A</h3>\n<h4>B</h4>\n"),
    ("#### A\n\n##### B", 1, "<h2>A</h2>\n<h3>B</h3>\n"),
    ("# A\n\n###### B", 2, "<h3>A</h3>\n<h4>B</h4>\n"),
    ("# A\n\n## B\n\n### C\n\n#### D\n\n##### E\n\n###### F", 2, "<h3>A</h3>\n<h4>B</h4>\n<h5>C</h5>\n<h6>D</h6>\n<h6>E</h6>\n<h6>F</h6>\n"),
    ("Setext\n======\n\ntext", 1, "<h2>Setext</h2>\n<p>text</p>\n"),
    ("No heading.", 1, "<p>No heading.</p>\n"),
])
func headingsNestUnderTheGivenLevelWithNoLevelSkipped(_ markdown: String, _ level: Int, _ html: String) {
    let document = MarkdownDocument(parsing: markdown)
    document.nestHeadings(under: level)
    #expect(document.html() == html)
    document.nestHeadings(under: level)
    #expect(document.html() == html, "nesting twice changes nothing")
}

@Test func aClearedDocumentIsEmptyAndStillUsable() {
    let document = MarkdownDocument(parsing: "# Title\n\nSome *text*.\n")
    #expect(document.html() == "<h1>Title</h1>\n<p>Some <em>text</em>.</p>\n")
    document.clear()
    #expect(document.html() == "")
    #expect(document.plainText() == "")
    var kinds: [String] = []
    document.walk { node, _ in kinds.append("\(node.kind)") }
    #expect(kinds == ["document", "document"], "only the root is left, entered and exited")
}
