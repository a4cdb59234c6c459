import MustacheTemplates
import Testing

@Test func listSectionsRepeatForEachItem() throws {
    let data: TemplateValue = ["items": [["n": 1], ["n": 2], ["n": 3]]]
    #expect(try render("{{#items}}({{n}}){{/items}}", data) == "(1)(2)(3)")
    #expect(try render("{{#items}}x{{/items}}", ["items": []]) == "")
}

@Test func trueShowsASectionOnceFalseAndAbsentHideIt() throws {
    #expect(try render("{{#a}}A{{/a}}{{#b}}B{{/b}}{{#c}}C{{/c}}", ["a": true, "b": false]) == "A")
}

@Test func objectsStringsAndNumbersShowASectionOnceAsTheInnermostValue() throws {
    let data: TemplateValue = ["date": ["iso": "2017-12-08"], "outlet": "AFP", "count": 0, "empty": "", "none": [:]]
    #expect(try render("{{#date}}<{{iso}}>{{/date}}", data) == "<2017-12-08>")
    #expect(try render("{{#outlet}}by {{outlet}}{{/outlet}}", data) == "by AFP")
    // As with swift-mustache, 0, an empty string and an empty object are not false.
    #expect(try render("{{#count}}[{{.}}]{{/count}}{{#empty}}e{{/empty}}{{#none}}o{{/none}}", data) == "[0]eo")
}

@Test func invertedSectionsShowForFalseAbsentAndEmptyLists() throws {
    let data: TemplateValue = ["no": false, "yes": true, "none": [], "some": [1], "text": "", "zero": 0]
    #expect(try render("{{^no}}1{{/no}}{{^missing}}2{{/missing}}{{^none}}3{{/none}}", data) == "123")
    #expect(try render("{{^yes}}1{{/yes}}{{^some}}2{{/some}}{{^text}}3{{/text}}{{^zero}}4{{/zero}}", data) == "")
}

@Test func falseStopsTheLookupWhereAbsentGoesOutwards() throws {
    let data: TemplateValue = ["date": "page date", "items": [["date": false], [:]]]
    #expect(try render("{{#items}}[{{#date}}{{date}}{{/date}}]{{/items}}", data) == "[][page date]")
}

@Test func nestedSectionsSeeEveryOuterValue() throws {
    let data: TemplateValue = [
        "root": "../",
        "kinds": [["label": "People", "entities": [["name": "Putin"], ["name": "Assad"]]],
                  ["label": "Places", "entities": [["name": "Syria"]]]],
    ]
    let template = "{{#kinds}}{{label}}:{{#entities}} {{root}}{{name}} ({{label}}){{/entities}};{{/kinds}}"
    #expect(try render(template, data) == "People: ../Putin (People) ../Assad (People);Places: ../Syria (Places);")
}

@Test func dottedSectionNames() throws {
    let data: TemplateValue = ["section": ["articles": true]]
    #expect(try render("{{#section.articles}}A{{/section.articles}}{{#section.claims}}C{{/section.claims}}", data) == "A")
}

@Test func emptyIsTrueForEmptyListsObjectsStringsFalseAndAbsent() throws {
    let data: TemplateValue = ["none": [], "some": [1], "blank": "", "text": "t", "noFields": [:], "no": false, "zero": 0]
    let template = "{{#empty(none)}}1{{/empty(none)}}{{#empty(blank)}}2{{/empty(blank)}}{{#empty(noFields)}}3{{/empty(noFields)}}"
        + "{{#empty(no)}}4{{/empty(no)}}{{#empty(missing)}}5{{/empty(missing)}}"
        + "{{^empty(some)}}6{{/empty(some)}}{{^empty(text)}}7{{/empty(text)}}{{^empty(zero)}}8{{/empty(zero)}}"
    #expect(try render(template, data) == "12345678")
}

@Test func emptyGuardsAListWithItsMarkup() throws {
    let template = "{{^empty(items)}}<ul>{{#items}}<li>{{.}}</li>{{/items}}</ul>{{/empty(items)}}"
    #expect(try render(template, ["items": ["a", "b"]]) == "<ul><li>a</li><li>b</li></ul>")
    #expect(try render(template, ["items": []]) == "")
}

@Test func firstLastAndIndexDescribeTheItemOfTheInnermostList() throws {
    let data: TemplateValue = ["names": ["a", "b", "c"]]
    #expect(try render("{{#names}}{{.}}{{^last()}}, {{/last()}}{{/names}}", data) == "a, b, c")
    #expect(try render("{{#names}}{{#first()}}[{{/first()}}{{index()}}{{/names}}", data) == "[012")
    #expect(try render("{{#names}}{{#last()}}{{.}}{{/last()}}{{/names}}", ["names": ["only"]]) == "only")
}

@Test func listPositionHoldsInsideNestedSectionsAndPartials() throws {
    let data: TemplateValue = ["items": [["outlet": "AFP"], ["outlet": "AP"]]]
    let partials = ["sep": "{{^last()}}; {{/last()}}"]
    #expect(try render("{{#items}}{{#outlet}}{{.}}{{^last()}}, {{/last()}}{{/outlet}}{{/items}}", data) == "AFP, AP")
    #expect(try render("{{#items}}{{outlet}}{{> sep}}{{/items}}", data, partials: partials) == "AFP; AP")
    let nested: TemplateValue = ["rows": [["cells": [1, 2]], ["cells": [3]]]]
    #expect(try render("{{#rows}}{{#cells}}{{.}}{{^last()}},{{/last()}}{{/cells}}{{^last()}}|{{/last()}}{{/rows}}", nested) == "1,2|3")
}

@Test func listPositionIsAbsentOutsideLists() throws {
    #expect(try render("{{#last()}}a{{/last()}}{{^last()}}b{{/last()}}[{{index()}}]", [:]) == "b[]")
}

@Test func countGivesTheItemsOfAListOrObject() throws {
    let data: TemplateValue = ["items": [1, 2, 3], "fields": ["a": 1], "text": "abc"]
    #expect(try render("{{count(items)}} {{count(fields)}} [{{count(text)}}] [{{count(missing)}}]", data) == "3 1 [] []")
}
