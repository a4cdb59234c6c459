import DossierCore
import DossierLoad
import Foundation
import Testing

private let entityPath = "content/entities/x.md"

/// Parses an entity file made of `frontMatter` between `---` lines and `body`.
private func parse(_ frontMatter: String, body: String = "") -> (Entity?, [Diagnostic]) {
    ContentFile.entity("---\n\(frontMatter)\n---\n\(body)", path: entityPath, slug: "x")
}

/// The diagnostics, printed, of an entity file that must not parse.
private func entityErrors(_ frontMatter: String) -> [String] {
    let (entity, problems) = parse(frontMatter)
    #expect(entity == nil, "expected no entity for \(frontMatter.debugDescription)")
    #expect(problems.containsErrors)
    return problems.map { String(describing: $0) }
}

/// An entity as load would give it, with its file's locations.
private func entity(_ slug: String, name: String, aliases: [String] = [], aliasLine: Int = 4) -> Entity {
    let path = "content/entities/\(slug).md"
    return Entity(slug: slug, name: name, aliases: aliases, path: path,
                  nameLocation: SourceLocation(path: path, line: 2, column: 7),
                  aliasLocations: aliases.indices.map { SourceLocation(path: path, line: aliasLine + $0, column: 5) })
}

@Suite struct EntityFileTests {
    // MARK: - A valid file

    @Test func fullFileParsesIntoTheEntityWithEveryField() throws {
        let text = """
            ---
            name: Vladimir Putin
            kind: person
            aliases:
              - Putin
              - "President Putin"
            description: President of Russia
            same_as:
              - https://www.wikidata.org/wiki/Q7747
              - http://en.wikipedia.org/wiki/Vladimir_Putin
            ---
            Notes with *emphasis*.

            A second paragraph.

            """
        let (parsed, problems) = ContentFile.entity(text, path: entityPath, slug: "x")
        #expect(problems.isEmpty)
        let entity = try #require(parsed)
        #expect(entity == Entity(
            slug: "x", name: "Vladimir Putin", kind: .person, aliases: ["Putin", "President Putin"],
            description: "President of Russia",
            sameAs: ["https://www.wikidata.org/wiki/Q7747", "http://en.wikipedia.org/wiki/Vladimir_Putin"],
            notes: "Notes with *emphasis*.\n\nA second paragraph.\n", path: entityPath,
            nameLocation: SourceLocation(path: entityPath, line: 2, column: 7),
            aliasLocations: [SourceLocation(path: entityPath, line: 5, column: 5),
                             SourceLocation(path: entityPath, line: 6, column: 5)]))
        #expect(entity.names == ["Vladimir Putin", "Putin", "President Putin"])
    }

    @Test func valuesAreTrimmedAndAnEmptyDescriptionIsNone() throws {
        let (parsed, problems) = parse("name: \"  Sochi \"\nkind: \" place \"\naliases: [\" Сочи \"]\ndescription: \"  \"")
        #expect(problems.isEmpty)
        let entity = try #require(parsed)
        #expect(entity.name == "Sochi")
        #expect(entity.kind == .place)
        #expect(entity.aliases == ["Сочи"])
        #expect(entity.description == nil)
        #expect(entity.sameAs.isEmpty)
        #expect(entity.notes == "")
    }

    @Test(arguments: ["name: Somebody", "name: Somebody\nkind: \"\""])
    func kindDefaultsToOther(_ yaml: String) throws {
        let (parsed, problems) = parse(yaml)
        #expect(problems.isEmpty)
        #expect(try #require(parsed).kind == .other)
    }

    @Test(arguments: EntityKind.allCases)
    func everyKindIsAccepted(_ kind: EntityKind) throws {
        let (parsed, problems) = parse("name: Somebody\nkind: \(kind.rawValue)")
        #expect(problems.isEmpty)
        #expect(try #require(parsed).kind == kind)
    }

    // MARK: - Errors

    @Test(arguments: ["\"\"", "\"   \""])
    func emptyNameIsAnErrorAtTheValue(_ name: String) {
        #expect(entityErrors("name: \(name)") == ["content/entities/x.md:2:7: error: 'name' must not be empty"])
    }

    @Test func unknownKindIsAnErrorListingTheKinds() {
        #expect(entityErrors("name: Putin\nkind: persn")
            == ["content/entities/x.md:3:7: error: unknown kind 'persn' (expected one of: person, organization, group, place, other)"])
    }

    @Test func emptyAliasIsAnErrorAtTheItem() {
        #expect(entityErrors("name: Putin\naliases:\n  - Vladimir\n  - \"  \"")
            == ["content/entities/x.md:5:5: error: an alias must not be empty"])
    }

    @Test func sameAsThatIsNotAWebURLIsAnErrorAtTheItem() {
        #expect(entityErrors("name: Putin\nsame_as:\n  - https://example.org/ok\n  - javascript:alert(1)")
            == ["content/entities/x.md:5:5: error: 'same_as' must list http(s) URLs, found 'javascript:alert(1)'"])
    }

    @Test func unknownKeyIsAnErrorAtTheKey() {
        #expect(entityErrors("name: Putin\nalias:\n  - Vladimir")
            == ["content/entities/x.md:3:1: error: unknown key 'alias' (expected one of: name, kind, aliases, description, same_as)"])
    }

    @Test func aliasesGivenAsAStringIsAnErrorAtTheValue() {
        #expect(entityErrors("name: Vladimir Putin\naliases: Putin")
            == ["content/entities/x.md:3:10: error: 'aliases' must be a list, found 'Putin'"])
    }

    @Test func fileWithoutFrontMatterIsAnError() {
        let (entity, problems) = ContentFile.entity("# Putin\n\nNotes.\n", path: entityPath, slug: "x")
        #expect(entity == nil)
        #expect(problems.map { String(describing: $0) }
            == ["content/entities/x.md:1:1: error: an entity needs front matter with at least a 'name' (a '---' block at the top)"])
    }

    @Test func missingNameIsAnError() {
        #expect(entityErrors("kind: person\naliases: [Putin]")
            == ["content/entities/x.md:1:1: error: missing required key 'name'"])
    }

    @Test func everyProblemOfAFileIsReported() {
        #expect(entityErrors("name: \"\"\nkind: persn\naliases: [\"\"]\nsame_as: [\"ftp://x\"]") == [
            "content/entities/x.md:2:7: error: 'name' must not be empty",
            "content/entities/x.md:3:7: error: unknown kind 'persn' (expected one of: person, organization, group, place, other)",
            "content/entities/x.md:4:11: error: an alias must not be empty",
            "content/entities/x.md:5:11: error: 'same_as' must list http(s) URLs, found 'ftp://x'",
        ])
    }

    // MARK: - Warnings

    @Test func aliasEqualToTheNameIsAWarningAndIsNotKept() throws {
        let (parsed, problems) = parse("name: Putin\naliases:\n  - Putin\n  - Vladimir Putin")
        #expect(problems.map { String(describing: $0) } == ["content/entities/x.md:4:5: warning: 'Putin' is the name already; aliases are the other names"])
        let entity = try #require(parsed)
        #expect(entity.aliases == ["Vladimir Putin"])
        #expect(entity.aliasLocations == [SourceLocation(path: entityPath, line: 5, column: 5)])
        #expect(entity.names == ["Putin", "Vladimir Putin"])
    }

    @Test func aliasListedTwiceIsAWarningAndIsKeptOnce() throws {
        let (parsed, problems) = parse("name: Vladimir Putin\naliases:\n  - Putin\n  - President Putin\n  - Putin")
        #expect(problems.map { String(describing: $0) } == ["content/entities/x.md:6:5: warning: 'Putin' is listed twice"])
        let entity = try #require(parsed)
        #expect(entity.aliases == ["Putin", "President Putin"])
        #expect(entity.aliasLocations == [SourceLocation(path: entityPath, line: 4, column: 5),
                                          SourceLocation(path: entityPath, line: 5, column: 5)])
    }

    // MARK: - Names claimed by two entities

    @Test func aliasClaimedTwiceIsAnErrorAtTheLaterFileInSlugOrder() {
        let islamicState = entity("islamic-state", name: "Islamic State", aliases: ["ISIL", "Daesh"])
        let isis = entity("isis", name: "ISIS", aliases: ["Daesh"], aliasLine: 7)
        for input in [[islamicState, isis], [isis, islamicState]] {
            let (resolved, problems) = ContentFile.resolveNameConflicts(input)
            // "isis" < "islamic-state": the entity named ISIS owns Daesh.
            #expect(problems.map { String(describing: $0) }
                == ["content/entities/islamic-state.md:5:5: error: alias 'Daesh' is already claimed by content/entities/isis.md"])
            #expect(resolved.map(\.slug) == ["isis", "islamic-state"])
        }
    }

    @Test func conflictingAliasIsDroppedFromTheLaterEntityOnly() {
        let a = entity("a", name: "Alpha", aliases: ["Shared", "Own A"])
        let b = entity("b", name: "Beta", aliases: ["Own B", "Shared"])
        let (resolved, problems) = ContentFile.resolveNameConflicts([b, a])
        #expect(problems.map { String(describing: $0) }
            == ["content/entities/b.md:5:5: error: alias 'Shared' is already claimed by content/entities/a.md"])
        #expect(resolved == [a, entity("b", name: "Beta", aliases: ["Own B"])])
        #expect(resolved[1].aliasLocations == [SourceLocation(path: "content/entities/b.md", line: 4, column: 5)])
    }

    @Test func nameEqualToAnEarlierEntitysAliasIsAnErrorAtTheName() {
        let a = entity("a", name: "Islamic State", aliases: ["ISIL"])
        let b = entity("b", name: "ISIL")
        let (resolved, problems) = ContentFile.resolveNameConflicts([a, b])
        #expect(problems.map { String(describing: $0) }
            == ["content/entities/b.md:2:7: error: 'ISIL' is already claimed by content/entities/a.md"])
        #expect(resolved.map(\.slug) == ["a", "b"])
        #expect(resolved[0].aliases == ["ISIL"])
    }

    @Test func aliasEqualToAnEarlierEntitysNameIsAnErrorAtTheAlias() {
        let a = entity("a", name: "ISIL")
        let b = entity("b", name: "Islamic State", aliases: ["ISIL", "Daesh"])
        let (resolved, problems) = ContentFile.resolveNameConflicts([b, a])
        #expect(problems.map { String(describing: $0) }
            == ["content/entities/b.md:4:5: error: alias 'ISIL' is already claimed by content/entities/a.md"])
        #expect(resolved.map(\.aliases) == [[], ["Daesh"]])
    }

    @Test func sameNameTwiceIsAnErrorAtTheLaterName() {
        let (_, problems) = ContentFile.resolveNameConflicts([entity("b", name: "Sochi"), entity("a", name: "Sochi")])
        #expect(problems.map { String(describing: $0) }
            == ["content/entities/b.md:2:7: error: 'Sochi' is already claimed by content/entities/a.md"])
    }

    @Test func entitiesWithoutConflictsPassUnchangedSortedBySlug() {
        let putin = entity("putin", name: "Vladimir Putin", aliases: ["Putin"])
        let assad = entity("assad", name: "Bashar al-Assad", aliases: ["Assad", "al-Assad"])
        let sochi = entity("sochi", name: "Sochi")
        let (resolved, problems) = ContentFile.resolveNameConflicts([sochi, putin, assad])
        #expect(problems.isEmpty)
        #expect(resolved == [assad, putin, sochi])
    }

    // MARK: - Through the loader

    @Test func loaderReadsEntitiesReportsBadNamesAndConflicts() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-entities-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("content/entities")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func write(_ path: String, _ text: String) throws {
            try Data(text.utf8).write(to: root.appendingPathComponent(path))
        }
        try write("content/dossier.yml", "title: T\n")
        try write("content/entities/b.md", "---\nname: Beta\naliases:\n  - Shared\n  - Own B\n---\nB notes.\n")
        try write("content/entities/a.md", "---\nname: Alpha\nkind: group\naliases:\n  - Shared\n---\n")
        try write("content/entities/Bad Name.md", "---\nname: Bad\n---\n")
        try write("content/entities/index.md", "---\nname: Index\n---\n")

        let content = ContentLoader(root: root).load()
        #expect(content.config.title == "T")
        #expect(content.entities.map(\.slug) == ["a", "b"])
        #expect(content.entities.map(\.aliases) == [["Shared"], ["Own B"]])
        #expect(content.entities.map(\.kind) == [.group, .other])
        #expect(content.entities.map(\.path) == ["content/entities/a.md", "content/entities/b.md"])
        #expect(content.entities.last?.notes == "B notes.\n")
        #expect(content.diagnostics.map { String(describing: $0) } == [
            "content/entities/Bad Name.md:1:1: error: file name must be a slug (lower-case a-z, 0-9 and single hyphens) followed by .md",
            "content/entities/index.md:1:1: error: 'index' names the folder's index page; give the file another name",
            "content/entities/b.md:4:5: error: alias 'Shared' is already claimed by content/entities/a.md",
        ])
    }
}
