import DossierCore
import DossierLoad
import Testing

private let configPath = "content/dossier.yml"

/// The single diagnostic `text` produces as a dossier.yml, or nil with an
/// issue recorded when it produces a config or several diagnostics.
private func configError(_ text: String) -> Diagnostic? {
    let (config, problems) = ContentFile.config(text, path: configPath)
    #expect(config == nil, "expected no config for \(text.debugDescription)")
    #expect(problems.count == 1, "expected one diagnostic, got \(problems)")
    #expect(problems.allSatisfy { $0.severity == .error })
    return problems.first
}

@Test func validConfigIsReadAndTrimmed() throws {
    let (config, problems) = ContentFile.config("""
        title: "  Syria, December 2017 "
        description: Russia declares victory
        base_url: https://example.org/dossier/
        language: de
        """, path: configPath)
    #expect(problems.isEmpty)
    #expect(try #require(config) == DossierConfig(title: "Syria, December 2017", description: "Russia declares victory",
                                                  baseURL: "https://example.org/dossier/", language: "de"))
}

@Test func languageDefaultsToEnglishAndEmptyOptionalsAreNil() throws {
    let (config, problems) = ContentFile.config("title: T\ndescription: \"  \"\n", path: configPath)
    #expect(problems.isEmpty)
    let read = try #require(config)
    #expect(read.language == "en")
    #expect(read.description == nil)
    #expect(read.baseURL == nil)
}

@Test func missingTitleIsAnErrorOnLineOne() throws {
    let problem = try #require(configError("description: no title here\n"))
    #expect(problem.description == "content/dossier.yml:1:1: error: missing required key 'title'")
}

@Test(arguments: [("title: \"\"\n", 8), ("title: \"   \"\n", 8), ("title:\n", 7)])
func emptyTitleIsAnErrorAtTheValue(_ text: String, _ column: Int) throws {
    let problem = try #require(configError(text))
    #expect(problem.description == "content/dossier.yml:1:\(column): error: 'title' must not be empty")
}

@Test func unknownKeyIsLocatedAtTheKeyAndNamesTheExpectedKeys() throws {
    // Indented so the column is not trivially 1.
    let problem = try #require(configError("  title: T\n  description: D\n  titel: x\n"))
    #expect(problem.location == SourceLocation(path: configPath, line: 3, column: 3))
    #expect(problem.message == "unknown key 'titel' (expected one of: title, description, base_url, language)")
}

@Test(arguments: [("description: D\ntitle: [a, b]\n", "a list"), ("description: D\ntitle: {a: b}\n", "a mapping")])
func valueOfTheWrongTypeIsLocatedAtTheValue(_ text: String, _ found: String) throws {
    let problem = try #require(configError(text))
    #expect(problem.location == SourceLocation(path: configPath, line: 2, column: 8))
    #expect(problem.message.hasPrefix("'title' must be "))
    #expect(problem.message.hasSuffix(", found \(found)"))
    #expect(problem.message == "'title' must be a string, found \(found)")
}

@Test func malformedYAMLIsReportedWithItsLine() throws {
    let problem = try #require(configError("description: D\ntitle: \"unclosed\nlanguage: en\n"))
    #expect(problem.message.hasPrefix("malformed YAML"))
    #expect(problem.message.contains("quoted scalar"))
    // Located where the quote opens, not where libyaml gave up.
    #expect(problem.location == SourceLocation(path: configPath, line: 2, column: 8))
}

@Test func duplicateKeyIsAnErrorAtOneOfItsOccurrences() throws {
    let problem = try #require(configError("description: D\ntitle: A\nlanguage: en\ntitle: B\n"))
    #expect(problem.message == "duplicate key 'title'")
    #expect(problem.location.path == configPath)
    #expect([2, 4].contains(problem.location.line))
}

@Test(arguments: [
    ("- title: T\n- description: D\n", "a list"),
    ("just a sentence\n", "'just a sentence'"),
])
func documentThatIsNotAMappingIsAnError(_ text: String, _ found: String) throws {
    let problem = try #require(configError(text))
    #expect(problem.description == "content/dossier.yml:1:1: error: front matter must be a mapping of keys to values, found \(found)")
}
