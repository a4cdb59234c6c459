import MustacheTemplates
import Testing

@Suite struct TemplateObjectTests {
    @Test func settingAFieldAddsReplacesOrRemovesIt() throws {
        var object: TemplateObject = ["title": "Home", "count": 3]
        object["title"] = "Front"
        object["flag"] = true
        object["count"] = nil
        object["missing"] = nil
        #expect(object.count == 2)
        #expect(object.namesAndValues.map(\.name) == ["title", "flag"], "in the order first set")
        #expect(try render("{{title}} {{flag}} [{{count}}]", .object(object)) == "Front true []")
    }

    @Test func namesThatShareTheirStartOrLengthAreToldApart() throws {
        var object = TemplateObject()
        let names = ["a", "b", "ab", "ba", "articles", "articleCount", "articlesText", "x\u{301}", "\u{E9}", "e\u{301}"]
        for (number, name) in names.enumerated() { object[name] = .int(number) }
        #expect(object.count == names.count, "names with other bytes are other names, even when Swift's == calls them equal")
        for (number, name) in names.enumerated() {
            #expect(object[name].map { if case .int(let value) = $0 { value } else { -1 } } == number, "\(name)")
        }
    }

    @Test func aNameNotInTheInnerObjectIsLookedUpOutside() throws {
        let inner: TemplateObject = ["name": "inner"]
        let outer: TemplateObject = ["name": "outer", "site": "Dossier", "item": .object(inner)]
        #expect(try render("{{#item}}{{name}} of {{site}}{{/item}}", .object(outer)) == "inner of Dossier")
    }
}
