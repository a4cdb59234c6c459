import MustacheTemplates
import Testing

@Test func anUnclosedSectionIsLocatedAtItsOpeningTag() throws {
    let error = try #require(syntaxError("<ol>\n  {{#items}}<li>x\n</ol>\n"))
    #expect((error.line, error.column) == (2, 3))
    #expect(error.message == "{{#items}} is never closed")
}

@Test func theInnermostUnclosedSectionIsReported() throws {
    let error = try #require(syntaxError("{{#a}}\n{{^b}}\n{{/b}}\n{{#c}}\n{{/a}}"))
    #expect((error.line, error.column) == (5, 1))
    #expect(error.message == "{{/a}} does not close {{#c}}, opened on line 4")
    #expect(syntaxError("{{#a}}\n{{#b}}\n")?.message == "{{#b}} is never closed")
}

@Test func aMismatchedCloseIsLocatedAtTheClosingTag() throws {
    let error = try #require(syntaxError("<footer>\n{{#a}}\nx\n  {{/b}}\n</footer>\n"))
    #expect((error.line, error.column) == (4, 3))
    #expect(error.description == "4:3: {{/b}} does not close {{#a}}, opened on line 2")
}

@Test func aCloseWithoutASectionIsAnError() throws {
    let error = try #require(syntaxError("x {{/a}}"))
    #expect((error.line, error.column, error.message) == (1, 3, "{{/a}} closes no section"))
}

@Test func sectionsCloseWithTheSameTransform() throws {
    #expect(syntaxError("{{^empty(claims)}}x{{/ empty(claims) }}") == nil)
    #expect(syntaxError("{{^empty(claims)}}x{{/claims}}")?.message == "{{/claims}} does not close {{^empty(claims)}}, opened on line 1")
}

@Test func anUnknownTransformIsAnError() throws {
    let error = try #require(syntaxError("<ul>\n{{#items}}{{#odd()}}x{{/odd()}}{{/items}}\n"))
    #expect((error.line, error.column) == (2, 11))
    #expect(error.message.hasPrefix("{{#odd()}} names neither a value"))
    #expect(syntaxError("{{empty()}}") != nil, "empty needs an argument")
    #expect(syntaxError("{{last(items)}}") != nil, "last takes none")
    #expect(syntaxError("{{count(items}}") != nil)
}

@Test func namesWithBlanksOrNothingAreErrors() throws {
    #expect(syntaxError("{{a b}}")?.message.hasPrefix("{{a b}} names neither") == true)
    #expect(syntaxError("{{}}") != nil)
    #expect(syntaxError("{{a..b}}") != nil)
    #expect(syntaxError("{{> }}")?.message == "{{> }} needs a name, without spaces")
}

@Test func anUnfinishedTagIsLocatedWhereItStarts() throws {
    let error = try #require(syntaxError("<p>\nabc {{name</p>\n"))
    #expect((error.line, error.column) == (2, 5))
    #expect(error.message == "a tag is not closed: no }} after {{")
    #expect(syntaxError("{{{name}}")?.message == "a tag is not closed: no }}} after {{")
}

@Test func badDelimitersAreAnError() throws {
    #expect(syntaxError("{{=<%=}}")?.message.hasPrefix("{{=<%=}} does not set delimiters") == true)
    #expect(syntaxError("{{=<% %>}}") != nil)
    #expect(syntaxError("{{=<% %> x=}}") != nil)
}

@Test func onlyBlocksGoInsideAParent() throws {
    let error = try #require(syntaxError("{{<base}}\n{{$content}}x{{/content}}\n{{name}}\n{{/base}}"))
    #expect((error.line, error.column) == (3, 1))
    #expect(error.message.hasPrefix("{{name}} is inside the parent tag {{<base}}"))
}

@Test func columnsCountCharacters() throws {
    #expect(try #require(syntaxError("é → {{/x}}")).column == 5)
}
