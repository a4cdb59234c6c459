import MustacheTemplates
import Testing

@Test func aBlockOutsideAParentShowsItsDefault() throws {
    #expect(try render("{{$title}}Default {{name}}{{/title}}\n", ["name": "title"]) == "Default title\n")
}

@Test func aParentTagReplacesTheBlocksItNames() throws {
    let partials = ["super": "...{{$title}}Default title{{/title}}...{{$other}}kept{{/other}}"]
    #expect(try render("{{<super}}{{$title}}sub template title{{/title}}{{/super}}", partials: partials)
            == "...sub template title...kept")
    #expect(try render("{{<super}}{{/super}}", partials: partials) == "...Default title...kept")
}

@Test func textInsideAParentTagIsIgnored() throws {
    let partials = ["parent": "{{$foo}}default{{/foo}}"]
    #expect(try render("{{<parent}} ignored {{$foo}}hmm{{/foo}} also ignored {{! and this }}{{/parent}}", partials: partials) == "hmm")
}

@Test func thePageFrameWithAContentBlock() throws {
    // The shape of the theme: base.mustache and a page that fills its content.
    let base = "<title>{{title}}</title>\n<main>\n{{$content}}{{/content}}\n</main>\n{{> footer}}\n"
    let page = "{{<base}}\n{{$content}}\n<h1>{{title}}</h1>\n{{#items}}\n<p>{{.}}</p>\n{{/items}}\n{{/content}}\n{{/base}}\n"
    let output = try render(page, ["title": "T", "items": ["a", "b"]], partials: ["base": base, "footer": "<footer>{{title}}</footer>"])
    #expect(output == "<title>T</title>\n<main>\n<h1>T</h1>\n<p>a</p>\n<p>b</p>\n\n</main>\n<footer>T</footer>")
}

@Test func blocksAreRenderedInTheContextWhereTheyAppear() throws {
    let data: TemplateValue = ["fruit": "apples", "nested": ["fruit": "bananas"]]
    let partials = ["parent": "{{#nested}}{{$block}}You say {{fruit}}.{{/block}}{{/nested}}"]
    #expect(try render("{{<parent}}{{$block}}I say {{fruit}}.{{/block}}{{/parent}}", data, partials: partials) == "I say bananas.")
}

@Test func theOutermostOverrideWinsAcrossLevels() throws {
    let partials = [
        "parent": "{{<older}}{{$a}}p{{/a}}{{/older}}",
        "older": "{{<grandParent}}{{$a}}o{{/a}}{{/grandParent}}",
        "grandParent": "{{$a}}g{{/a}}",
    ]
    #expect(try render("{{<parent}}{{$a}}c{{/a}}{{/parent}}", partials: partials) == "c")
    #expect(try render("{{<parent}}{{/parent}}", partials: partials) == "p")
}

@Test func overridesReachPartialsAndParentsBelow() throws {
    let partials = [
        "parent": "{{$foo}}default content{{/foo}} {{$bar}}{{<parent2}}{{/parent2}}{{/bar}}",
        "parent2": "{{$foo}}parent2 default content{{/foo}} {{<parent}}{{$bar}}don't recurse{{/bar}}{{/parent}}",
    ]
    #expect(try render("{{<parent}}{{$foo}}override{{/foo}}{{/parent}}", partials: partials)
            == "override override override don't recurse")
}

@Test func aParentTagIsAPartialWithBlocks() throws {
    #expect(try render("{{>parent}}|{{<parent}}{{/parent}}", partials: ["parent": "{{$foo}}default content{{/foo}}"])
            == "default content|default content")
}

@Test func aBlockAloneOnAnIndentedLineIndentsWhatReplacesIt() throws {
    let partials = ["base": "<main>\n  {{$content}}\n  {{/content}}\n</main>\n"]
    #expect(try render("{{<base}}\n{{$content}}\n<p>a</p>\n<p>b</p>\n{{/content}}\n{{/base}}\n", partials: partials)
            == "<main>\n  <p>a</p>\n  <p>b</p>\n</main>\n")
}

@Test func aStandaloneParentTagIndentsTheParent() throws {
    #expect(try render("Hi,\n  {{<parent}}\n  {{/parent}}\n", partials: ["parent": "one\ntwo\n"]) == "Hi,\n  one\n  two\n")
}
