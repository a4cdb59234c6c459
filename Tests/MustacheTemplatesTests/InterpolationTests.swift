import MustacheTemplates
import Testing

@Test func textWithoutTagsIsCopied() throws {
    #expect(try render("Hello, world.\n  Two lines é ✓\n") == "Hello, world.\n  Two lines é ✓\n")
}

@Test func valuesAreEscapedForHTML() throws {
    let data: TemplateValue = ["text": #"<a href="x">Tom & Jerry's</a>"#]
    #expect(try render("{{text}}", data) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    #expect(try render("{{{text}}}", data) == #"<a href="x">Tom & Jerry's</a>"#)
    #expect(try render("{{& text }}", data) == #"<a href="x">Tom & Jerry's</a>"#)
}

@Test func escapingWorksOnBytesWhateverTheCharacters() throws {
    // `<` followed by a combining mark is one Character, but its `<` is still markup.
    let data: TemplateValue = ["text": "a<\u{338}b é&\u{301} 日本\"語' <<>>"]
    #expect(try render("{{text}}", data) == "a&lt;\u{338}b é&amp;\u{301} 日本&quot;語&#39; &lt;&lt;&gt;&gt;")
}

@Test func escapingReplacesTheFiveSpecialCharactersAndNoOtherASCII() throws {
    let references: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
    for scalar in (0...127).compactMap(Unicode.Scalar.init) {
        let character = Character(scalar)
        let data: TemplateValue = ["text": .string("a\(character)b")]
        #expect(try render("{{text}}", data) == "a\(references[character] ?? String(character))b", "U+\(String(scalar.value, radix: 16))")
    }
}

@Test func numbersAndFlagsAreWrittenOut() throws {
    #expect(try render("{{n}} {{minus}} {{yes}} {{no}}", ["n": 42, "minus": -3, "yes": true, "no": false]) == "42 -3 true false")
}

@Test func absentValuesListsAndObjectsShowNothing() throws {
    #expect(try render("[{{missing}}][{{list}}][{{object}}][{{{missing}}}]", ["list": [1, 2], "object": ["a": 1]]) == "[][][][]")
}

@Test func dottedNamesLookInsideObjects() throws {
    let data: TemplateValue = ["site": ["title": "Dossier", "owner": ["name": "Sam"]], "title": "outer"]
    #expect(try render("{{site.title}} by {{site.owner.name}}", data) == "Dossier by Sam")
    #expect(try render("[{{site.missing}}][{{site.title.length}}]", data) == "[][]")
}

@Test func dottedNamesFindOnlyTheirFirstPartInOuterObjects() throws {
    // `a.b` takes `a` from the innermost object that has it, and does not look further out for `b`.
    let data: TemplateValue = ["a": ["b": "outer"], "inner": ["a": ["c": "x"]]]
    #expect(try render("{{#inner}}[{{a.b}}][{{a.c}}]{{/inner}}", data) == "[][x]")
}

@Test func namesAreLookedUpFromTheInnermostValueOutwards() throws {
    let data: TemplateValue = ["name": "page", "root": "../", "items": [["name": "first"], ["other": 1]]]
    #expect(try render("{{#items}}{{name}} {{root}};{{/items}}", data) == "first ../;page ../;")
}

@Test func dotIsTheInnermostValue() throws {
    #expect(try render("{{#tags}}<{{.}}>{{/tags}}", ["tags": ["a", "b&c"]]) == "<a><b&amp;c>")
    #expect(try render("{{#n}}{{.}}{{/n}}", ["n": 7]) == "7")
}

@Test func interpolationBuildsText() throws {
    let slug = "x"
    let value: TemplateValue = "../articles/\(slug).html"
    #expect(try render("{{.}}", value) == "../articles/x.html")
}

@Test func missingTextIsFalseWithTheOptionalOperator() throws {
    let outlet: String? = nil
    let author: String? = "Sam"
    #expect(try render("[{{outlet}}][{{author}}]", ["outlet": outlet ?? false, "author": author ?? false]) == "[false][Sam]")
}

@Test func tagsMayHaveBlanksAroundTheirName() throws {
    #expect(try render("{{ a }}|{{{ a }}}|{{# b }}y{{/ b }}", ["a": "<", "b": true]) == "&lt;|<|y")
}

@Test func aTemplateRendersTheSameBytesEachTime() throws {
    var library = TemplateLibrary()
    library.add(try Template("{{#items}}{{.}},{{/items}}"), named: "list")
    let data: TemplateValue = ["items": .list((0..<1000).map { .string("item \($0)") })]
    let first = try #require(library.render("list", with: data))
    #expect(first == library.render("list", with: data))
    #expect(String(decoding: first, as: UTF8.self).hasPrefix("item 0,item 1,"))
    #expect(library.render("absent", with: data) == nil)
}

@Test func aTemplateAddedAgainUnderItsNameReplacesItsText() throws {
    var library = TemplateLibrary()
    library.add(try Template("<b>{{> name}}</b>\n"), named: "page")
    library.add(try Template("old {{a}} text"), named: "name")
    library.add(try Template("new {{a}}\nlines"), named: "name")
    let page = try #require(library.render("page", with: ["a": "&"]))
    #expect(String(decoding: page, as: UTF8.self) == "<b>new &amp;\nlines</b>\n")
    #expect(library.render("name", with: ["a": 1]).map { String(decoding: $0, as: UTF8.self) } == "new 1\nlines")
}
