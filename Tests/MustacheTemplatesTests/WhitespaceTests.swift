import MustacheTemplates
import Testing

@Test func aSectionTagAloneOnItsLineLeavesNoLine() throws {
    let template = "| This Is\n{{#flag}}\n|\n{{/flag}}\n| A Line\n"
    #expect(try render(template, ["flag": true]) == "| This Is\n|\n| A Line\n")
    #expect(try render(template, ["flag": false]) == "| This Is\n| A Line\n")
}

@Test func blanksAroundAStandaloneTagGoWithIt() throws {
    let template = "| This Is\n  {{#flag}}  \n|\n\t{{/flag}}\n| A Line\n"
    #expect(try render(template, ["flag": true]) == "| This Is\n|\n| A Line\n")
}

@Test func aTagWithTextOnItsLineKeepsTheLine() throws {
    #expect(try render(" | {{#flag}} {{! note }}\n {{/flag}} | \n", ["flag": true]) == " |  \n  | \n")
    #expect(try render("{{#flag}}x\n{{/flag}}\n", ["flag": true]) == "x\n")
}

@Test func twoTagsOnALineDoNotStandAlone() throws {
    #expect(try render("{{#a}}{{#b}}\nx\n{{/b}}{{/a}}\n", ["a": true, "b": true]) == "\nx\n\n")
}

@Test func valueTagsNeverStandAlone() throws {
    #expect(try render("a\n{{missing}}\nb\n") == "a\n\nb\n")
}

@Test func standaloneTagsAtTheStartAndEndOfTheTemplate() throws {
    #expect(try render("  {{#flag}}\n#{{/flag}}\n/", ["flag": true]) == "#\n/")
    #expect(try render("#{{#flag}}\n/\n  {{/flag}}", ["flag": true]) == "#\n/\n")
}

@Test func windowsLineEndingsAreLineEndings() throws {
    #expect(try render("|\r\n{{#flag}}\r\n{{/flag}}\r\n|", ["flag": true]) == "|\r\n|")
}

@Test func commentsShowNothingAndStandAlone() throws {
    #expect(try render("Begin.\n{{! a comment }}\nEnd.\n") == "Begin.\nEnd.\n")
    #expect(try render("Begin.\n{{!\n  across\n  lines\n}}\nEnd.\n") == "Begin.\nEnd.\n")
    #expect(try render("12345{{! Comment }}67890") == "1234567890")
}

@Test func aStandalonePartialIndentsEveryLineOfIt() throws {
    let partials = ["partial": "|\n{{{content}}}\n|\n"]
    // A value's own line breaks are not indented: only the partial's lines are.
    #expect(try render("\\\n {{>partial}}\n/\n", ["content": "<\n->"], partials: partials) == "\\\n |\n <\n->\n |\n/\n")
}

@Test func anInlinePartialIsNotIndented() throws {
    #expect(try render("  {{data}}  {{> partial}}\n", ["data": "|"], partials: ["partial": ">\n>"]) == "  |  >\n>\n")
}

@Test func partialIndentationAtTheEdgesOfTheTemplate() throws {
    let partials = ["partial": ">\n>"]
    #expect(try render("  {{>partial}}\n>", partials: partials) == "  >\n  >>")
    #expect(try render(">\n  {{>partial}}", partials: partials) == ">\n  >\n  >")
    #expect(try render("|\r\n{{>partial}}\r\n|", partials: partials) == "|\r\n>\n>|")
}

@Test func nestedPartialsAddTheirIndentation() throws {
    let partials = ["outer": "<ul>\n  {{> item}}\n</ul>\n", "item": "<li>\n{{name}}\n</li>\n"]
    #expect(try render("<nav>\n  {{> outer}}\n</nav>\n", ["name": "x"], partials: partials)
            == "<nav>\n  <ul>\n    <li>\n    x\n    </li>\n  </ul>\n</nav>\n")
}

@Test func partialsRenderInTheCurrentContext() throws {
    let partials = ["item": "<li>{{name}} {{root}}</li>\n"]
    let data: TemplateValue = ["root": "../", "items": [["name": "a"], ["name": "b"]]]
    #expect(try render("{{#items}}\n{{> item}}\n{{/items}}\n", data, partials: partials) == "<li>a ../</li>\n<li>b ../</li>\n")
    #expect(try render("[{{> missing}}]") == "[]")
}

@Test func partialsMayBeRecursive() throws {
    let partials = ["node": "{{name}}{{#children}}({{> node}}){{/children}}"]
    let leaf: TemplateValue = ["name": "c", "children": []]
    let data: TemplateValue = ["name": "a", "children": [["name": "b", "children": [leaf]], ["name": "d", "children": []]]]
    #expect(try render("{{> node}}", data, partials: partials) == "a(b(c))(d)")
}

@Test func setDelimitersChangeTheTagsThatFollow() throws {
    #expect(try render("{{=<% %>=}}(<%text%>) {{text}}", ["text": "Hey!"]) == "(Hey!) {{text}}")
    #expect(try render("{{= | | =}}|#flag|yes|/flag| |{text}| |&text|", ["flag": true, "text": "<"]) == "yes < <")
    #expect(try render("Begin.\n{{=@ @=}}\nEnd.\n") == "Begin.\nEnd.\n")
}

@Test func setDelimitersAcrossSectionsAndBack() throws {
    let template = "[\n{{#section}}\n  {{data}}\n  |data|\n{{/section}}\n\n{{= | | =}}\n|#section|\n  {{data}}\n  |data|\n|/section|\n|={{ }}=|\n{{data}}\n]\n"
    #expect(try render(template, ["section": true, "data": "I got interpolated."])
            == "[\n  I got interpolated.\n  |data|\n\n  {{data}}\n  I got interpolated.\nI got interpolated.\n]\n")
}

@Test func delimitersDoNotCarryIntoPartials() throws {
    let template = "[ {{>include}} ]\n{{= | | =}}\n[ |>include| ]\n"
    #expect(try render(template, ["value": "yes"], partials: ["include": ".{{value}}."]) == "[ .yes. ]\n[ .yes. ]\n")
}
