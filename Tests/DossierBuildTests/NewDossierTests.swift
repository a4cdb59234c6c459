import DossierBuild
import DossierCore
import Foundation
import Testing

@Suite struct NewDossierTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-init-\(UUID().uuidString)")

    @Test func aNewDossierBuildsAsItIsWithItsExamplesLinked() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try NewDossier.create(at: folder, title: "Flood \"defences\"")
        #expect(written.contains("content/dossier.yml"))
        #expect(written.contains("Templates/article.mustache"))
        #expect(written.contains("Templates/assets/style.css"))
        #expect(written.count { $0.hasPrefix("Templates/") } == NewDossier.files(title: "").count { $0.path.hasPrefix("Templates/") })

        let report = await SiteBuilder(root: folder).build()
        #expect(report.succeeded)
        #expect(report.diagnostics.map(\.message) == ["no base_url: sitemap.xml, canonical links and absolute feed links are left out until it is set"],
                "the examples match each other: every alias and quote is found")
        let site = folder.appendingPathComponent("site")
        let front = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(front.contains("<h1>Flood &quot;defences&quot;</h1>"))
        let article = try String(contentsOf: site.appendingPathComponent("articles/riverton-council-approves-flood-barrier-after-stormy-debate.html"),
                                 encoding: .utf8)
        #expect(article.contains(#"href="../entities/ana-costa.html""#))
        #expect(article.contains(#"href="../claims/barrier-cost.html"#))
        #expect(!article.contains("Related Articles"), "the example's web chrome is removed")
    }

    @Test func itRefusesAnExistingDossierAndWritesNothing() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("content/dossier.yml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("title: Mine\n".utf8).write(to: config)
        #expect(throws: NewDossier.Refusal.self) { try NewDossier.create(at: folder, title: "New") }
        #expect(try String(contentsOf: config, encoding: .utf8) == "title: Mine\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["content"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: config.deletingLastPathComponent().path) == ["dossier.yml"])
    }

    @Test func itRefusesWhenAnyFileItWouldWriteExists() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let style = folder.appendingPathComponent("Templates/assets/style.css")
        try FileManager.default.createDirectory(at: style.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("my style".utf8).write(to: style)
        do {
            _ = try NewDossier.create(at: folder, title: "New")
            Issue.record("init wrote into a folder holding one of its files")
        } catch let refusal as NewDossier.Refusal {
            #expect(refusal.description == "\(style.path) exists; nothing was written, so no file is overwritten")
        }
        #expect(try String(contentsOf: style, encoding: .utf8) == "my style")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("content").path))
    }

    @Test func itWritesIntoAnExistingFolderThatHoldsOtherFiles() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        _ = try NewDossier.create(at: folder, title: "New")
        #expect(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8) == "notes")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("content/dossier.yml").path))
    }
}
