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

    @Test func anExtendingObjectHasItsBaseFieldsAndItsOwn() throws {
        let base: TemplateObject = ["title": "Report", "url": "a.html", "date": "2017"]
        var item = TemplateObject(extending: base)
        item["url"] = "a.html#mention-1"
        item["count"] = 2
        #expect(item.count == 4)
        #expect(item.namesAndValues.map(\.name) == ["title", "url", "date", "count"], "a replaced field keeps its place")
        #expect(try render("{{title}} {{url}} {{date}} {{count}}", .object(item)) == "Report a.html#mention-1 2017 2")
        #expect(try render("{{title}} {{url}} {{count}}", .object(base)) == "Report a.html ", "the base is not changed")

        var visited: [String] = []
        item.forEachField { name, value in
            if case .string(let text) = value { visited.append("\(name)=\(text)") } else { visited.append(name) }
        }
        #expect(visited == ["title=Report", "date=2017", "url=a.html#mention-1", "count"],
                "each field once, with its own value where it replaced the base's; the base's fields first")

        var further = TemplateObject(extending: item)
        further["extra"] = true
        #expect(further.namesAndValues.map(\.name) == ["title", "url", "date", "count", "extra"])
        #expect(try render("{{url}} {{count}} {{extra}}", .object(further)) == "a.html#mention-1 2 true")
    }

    @Test func removingAFieldOfTheBaseRemovesItFromTheExtendingObjectOnly() throws {
        let base: TemplateObject = ["title": "Report", "url": "a.html", "date": "2017"]
        var item = TemplateObject(extending: base)
        item["date"] = nil
        item["url"] = "b.html"
        item["url"] = nil  // its own value, and the base's beneath it
        #expect(item.namesAndValues.map(\.name) == ["title"])
        #expect(try render("{{title}}[{{url}}][{{date}}]", .object(item)) == "Report[][]")
        #expect(base.count == 3)
        #expect(TemplateObject(extending: TemplateObject()).isEmpty)
    }
}
