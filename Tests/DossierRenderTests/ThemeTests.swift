import DossierCore
@testable import DossierRender
import Testing

@Test func defaultThemeParses() throws {
    let (library, problems) = try defaultTheme().library()
    #expect(problems.isEmpty)
    #expect(library != nil)
}

@Test func templateWithASyntaxErrorIsAnErrorLocatedInItsFile() throws {
    let theme = try defaultTheme().overridden(by: ["index.mustache": Array("<h1>{{site.title}}</h1>\n<ol>\n{{#articles}}<li>x\n</ol>\n".utf8)])
    let (library, problems) = theme.library()
    #expect(library == nil)
    #expect(problems.count == 1)
    let problem = try #require(problems.first)
    #expect(problem.severity == .error)
    #expect(problem.location.path == "Templates/index.mustache")
    // The parser notices the unclosed section at the end of the file (line 5).
    #expect((3...5).contains(problem.location.line), "the section opens on line 3, the file ends on line 5")
    #expect(problem.message.hasPrefix("template does not parse"))
}

@Test func mismatchedSectionIsLocatedOnItsLine() throws {
    let theme = try defaultTheme().overridden(by: ["partials/footer.mustache": Array("<footer>\n{{#a}}\nx\n{{/b}}\n</footer>\n".utf8)])
    let (library, problems) = theme.library()
    #expect(library == nil)
    #expect(problems.map(\.location.path) == ["Templates/partials/footer.mustache"])
    #expect(problems.first?.location.line == 4)
    #expect(problems.map(\.description) == [
        "Templates/partials/footer.mustache:4:1: error: template does not parse: {{/b}} does not close {{#a}}, opened on line 2",
    ])
}

@Test func unknownTransformIsLocatedAtItsTag() throws {
    let theme = try defaultTheme().overridden(by: ["claims.mustache": Array("<ul>\n  {{#claims}}{{#odd()}}x{{/odd()}}{{/claims}}\n</ul>\n".utf8)])
    let (library, problems) = theme.library()
    #expect(library == nil)
    #expect(problems.map(\.location) == [SourceLocation(path: "Templates/claims.mustache", line: 2, column: 14)])
    #expect(problems.first?.message.hasPrefix("template does not parse: {{#odd()}} names neither a value") == true)
}

@Test func rendererIsNotMadeFromABrokenTheme() throws {
    let (renderer, problems) = SiteRenderer.make(theme: try defaultTheme().overridden(by: ["article.mustache": Array("{{#a}}x".utf8)]))
    #expect(renderer == nil)
    #expect(problems.map(\.location.path) == ["Templates/article.mustache"])
}

@Test(arguments: Theme.requiredTemplates)
func missingRequiredTemplateIsAnError(_ name: String) throws {
    var theme = try defaultTheme()
    theme.files["\(name).mustache"] = nil
    let (library, problems) = theme.library()
    #expect(library == nil)
    #expect(problems.map(\.description) == ["Templates/\(name).mustache:1:1: error: missing: every theme needs this template"])
}

@Test func templateThatIsNotUTF8IsAnError() throws {
    let (library, problems) = try defaultTheme().overridden(by: ["raw.mustache": [0x3C, 0xFF, 0x3E]]).library()
    #expect(library == nil)
    #expect(problems.map(\.description) == ["Templates/raw.mustache:1:1: error: not valid UTF-8"])
}

@Test func assetsAreCopiedAsTheyAre() throws {
    let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF]
    let theme = try defaultTheme().overridden(by: ["assets/logo.png": bytes])
    #expect(theme.assets.map(\.path) == ["assets/logo.png", "assets/search.js", "assets/style.css"])
    #expect(theme.assets.first?.contents == bytes)
    #expect(theme.assets.last?.contents == theme.files["assets/style.css"])
}
