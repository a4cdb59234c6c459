import DossierBuild
import DossierCore
import Foundation
import Testing

@Suite struct SuggestTaskTests {
    /// The expected report for the seeds before any entity is curated.
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/suggest-without-entities.txt")

    @Test func theCuratedSeedDossierLeavesNothingUncovered() async throws {
        let dossier = try ScratchDossier()
        let (text, diagnostics) = await SuggestTask(root: dossier.root).run()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(text == "# Every recurring name is covered by an entity; no alias to suggest.\n")
    }

    @Test func theSeedsWithoutEntitiesGiveTheGoldenReport() async throws {
        let dossier = try ScratchDossier()
        try FileManager.default.removeItem(at: dossier.root.appendingPathComponent("content/entities"))
        let (text, _) = await SuggestTask(root: dossier.root).run()
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        #expect(text == expected, "update \(Self.golden.path) if the change is intended")
        // The names a curator would start with, spellings merged by their transliteration key.
        for block in ["name: \"Deir Ezzor\"\nkind: other\naliases:\n  - \"Deir el-Zour\"\n  - \"Deir ez-Zor\"",
                      "name: \"Vladimir Putin\"\nkind: other\naliases:\n  - \"Putin\"",
                      "name: \"Bashar Assad\"\nkind: other\naliases:\n  - \"Bashar al-Assad\"\n  - \"Assad\"",
                      "name: \"Syrian Observatory for Human Rights\"", "name: \"Islamic State\"", "name: \"Daesh\""] {
            #expect(text.contains(block), "missing:\n\(block)")
        }
        for noise in ["\"Syrian\"", "\"Wednesday\"", "\"President", "\"The "] {
            #expect(!text.contains("name: \(noise)"), "suggested \(noise)")
        }
    }

    @Test func eachSuggestedBlockIsAnEntityFileThatLoads() async throws {
        let dossier = try ScratchDossier()
        try FileManager.default.removeItem(at: dossier.root.appendingPathComponent("content/entities"))
        // The seed claims name curated entities by slug, which suggest's slugs need not match.
        try FileManager.default.removeItem(at: dossier.root.appendingPathComponent("content/claims"))
        let (text, _) = await SuggestTask(root: dossier.root).run()
        // Save every block under the path printed above it, as the report says to.
        var path: String?
        var block: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# content/entities/") { path = String(line.dropFirst(2)) }
            if let current = path, !line.hasPrefix("#") {
                if line.isEmpty, !block.isEmpty {
                    try dossier.write(current, block.joined(separator: "\n") + "\n")
                    block = []
                    path = nil
                } else if !line.isEmpty {
                    block.append(String(line))
                }
            }
        }
        if let current = path, !block.isEmpty { try dossier.write(current, block.joined(separator: "\n") + "\n") }
        let report = await dossier.build()
        #expect(!report.diagnostics.containsErrors, "\(report.diagnostics)")
        let saved = try FileManager.default.contentsOfDirectory(atPath: dossier.root.appendingPathComponent("content/entities").path)
        #expect(saved.count == text.components(separatedBy: "# content/entities/").count - 1)
        let (again, _) = await SuggestTask(root: dossier.root).run()
        #expect(!again.contains("name: \"Deir Ezzor\""))
    }

    @Test func aMisspelledNameIsSuggestedAsAnAlias() async throws {
        let dossier = try ScratchDossier()
        try dossier.write("content/entities/sergei-shoigu.md", "---\nname: Sergei Shoigu\nkind: person\n---\n")
        let (text, _) = await SuggestTask(root: dossier.root).run()
        #expect(text.contains("""
            # content/entities/sergei-shoigu.md (key srgshg)
            #   1 mention in 1 article, e.g. in syria-fully-liberated-from-isis-terrorists-russian-mod:
            """))
        #expect(text.contains("\n  - \"Sergey Shoigu\"\n") || text.hasSuffix("\n  - \"Sergey Shoigu\"\n"))
    }
}
