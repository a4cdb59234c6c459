import DossierBuild
import DossierCore
import Foundation
import Testing

/// A small deterministic random source, so a failing sequence of edits can
/// be replayed from its seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Edits a curator makes to a dossier, each returning the paths it touched.
enum CuratorEdit: CaseIterable {
    case appendToRawArticle, rewordRawArticle, addRawArticle, removeRawArticle, renameRawArticle
    case breakArticle, addEntityAlias, rewordClaim, breakClaim, fixClaims, editTemplate, removeTemplate, retitleDossier, addCuratedArticle

    func apply(to dossier: ScratchDossier, random: inout SeededGenerator) throws -> Set<String> {
        let manager = FileManager.default
        func files(_ folder: String) -> [String] {
            ((try? manager.contentsOfDirectory(atPath: dossier.root.appendingPathComponent(folder).path)) ?? [])
                .filter { !$0.hasPrefix(".") }.sorted().map { "\(folder)/\($0)" }
        }
        func read(_ path: String) throws -> String {
            try String(contentsOf: dossier.root.appendingPathComponent(path), encoding: .utf8)
        }
        let raw = files("content/raw")
        let claims = files("content/claims")
        switch self {
        case .appendToRawArticle:
            guard let path = raw.randomElement(using: &random) else { return [] }
            try dossier.write(path, try read(path) + "\nISIL fighters were seen near Abu Kamal, the Observatory said on Friday.\n")
            return [path]
        case .rewordRawArticle:
            guard let path = raw.randomElement(using: &random) else { return [] }
            try dossier.write(path, try read(path).replacingOccurrences(of: "Syria", with: "the Syrian Arab Republic"))
            return [path]
        case .addRawArticle:
            guard let source = raw.randomElement(using: &random) else { return [] }
            let path = "content/raw/new-\(random.next() % 1000).txt"
            try dossier.write(path, "A copy: " + (try read(source)))
            return [path]
        case .removeRawArticle:
            guard raw.count > 1, let path = raw.randomElement(using: &random) else { return [] }
            try manager.removeItem(at: dossier.root.appendingPathComponent(path))
            return [path]
        case .renameRawArticle:
            guard let path = raw.randomElement(using: &random) else { return [] }
            let renamed = "content/raw/renamed-\(random.next() % 1000).txt"
            try manager.moveItem(at: dossier.root.appendingPathComponent(path), to: dossier.root.appendingPathComponent(renamed))
            return [path, renamed]
        case .breakArticle:
            let path = "content/articles/broken.md"
            try dossier.write(path, "---\ntitle: \"Broken\"\ndate: 2017-13-45\n---\n\nISIL.\n")
            return [path]
        case .addEntityAlias:
            let path = "content/entities/abu-kamal.md"
            try dossier.write(path, try read(path).replacingOccurrences(of: "kind: place", with: "kind: place\naliases:\n  - \"Al-Bukamal\"\n  - \"Observatory\""))
            return [path]
        case .rewordClaim:
            guard let path = claims.randomElement(using: &random) else { return [] }
            try dossier.write(path, try read(path).replacingOccurrences(of: "claim: \"", with: "claim: \"Reportedly, "))
            return [path]
        case .breakClaim:
            let path = "content/claims/broken.md"
            try dossier.write(path, "---\nclaim: \"Nobody said this\"\nclaimant: nobody-at-all\nquotes:\n  - \"ISIL\"\n---\n")
            return [path]
        case .fixClaims:
            let paths = ["content/claims/broken.md", "content/articles/broken.md"]
            for path in paths { try? manager.removeItem(at: dossier.root.appendingPathComponent(path)) }
            return Set(paths)
        case .editTemplate:
            let path = "Templates/partials/footer.mustache"
            try dossier.write(path, "<footer>Edition \(random.next() % 100) of {{site.title}}</footer>\n")
            return [path]
        case .removeTemplate:
            try? manager.removeItem(at: dossier.root.appendingPathComponent("Templates"))
            return ["Templates"]
        case .retitleDossier:
            let path = "content/dossier.yml"
            try dossier.write(path, try read(path).replacingOccurrences(of: "title: \"", with: "title: \"New: "))
            return [path]
        case .addCuratedArticle:
            let path = "content/articles/curated-\(random.next() % 100).md"
            try dossier.write(path, "---\ntitle: \"A note on Deir Ezzor\"\ndate: 2017-12-09\n---\n\nISIL still holds around eight percent of Deir Ezzor Province.\n")
            return [path]
        }
    }
}

@Suite struct BuildSessionTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func rebuildingAfterEachEditGivesWhatAFullBuildGives(seed: UInt64) async throws {
        let dossier = try ScratchDossier()
        var random = SeededGenerator(state: seed)
        var session = BuildSession(SiteBuilder(root: dossier.root))
        #expect(await session.build().succeeded)
        let edits = CuratorEdit.allCases.shuffled(using: &random)
            + (0..<5).map { _ in CuratorEdit.allCases.randomElement(using: &random)! }
        for (step, edit) in edits.enumerated() {
            let changed = try edit.apply(to: dossier, random: &random)
            let before = ScratchDossier.snapshot(dossier.site)
            let incremental = await session.build(changed: changed)
            let fresh = dossier.root.appendingPathComponent("fresh-\(step)")
            let full = await SiteBuilder(root: dossier.root, output: fresh).build()
            defer { try? FileManager.default.removeItem(at: fresh) }

            #expect(incremental.diagnostics == full.diagnostics, "seed \(seed), step \(step): \(edit)")
            #expect(incremental.succeeded == full.succeeded, "seed \(seed), step \(step): \(edit)")
            let site = ScratchDossier.snapshot(dossier.site)
            if full.succeeded {
                let expected = ScratchDossier.snapshot(fresh)
                #expect(site.keys.sorted() == expected.keys.sorted(), "seed \(seed), step \(step): \(edit)")
                let differing = expected.keys.filter { site[$0] != expected[$0] }.sorted()
                #expect(differing.isEmpty, "seed \(seed), step \(step): \(edit) left \(differing) stale")
            } else {
                #expect(site == before, "a failed rebuild must leave the site as it was")
            }
        }
    }

    @Test func editingOneArticleRendersAndWritesOnlyWhatShowsIt() async throws {
        let dossier = try ScratchDossier()
        var session = BuildSession(SiteBuilder(root: dossier.root))
        let first = await session.build()
        let path = "content/raw/002_54d32b1cd897b03d.txt"
        let text = try String(contentsOf: dossier.root.appendingPathComponent(path), encoding: .utf8)
        try dossier.write(path, text + "\nA new closing paragraph.\n")

        let report = await session.build(changed: [path])
        let written = try #require(report.publish?.written)
        // Its page, its source page, the lists that show its length, the data and the search index.
        let page = "syria-fully-liberated-from-isis-terrorists-russian-mod.html"
        #expect(written == ["articles/index.html", "articles/\(page)", "dossier.json", "index.html", "raw/\(page)", "search.json"])
        #expect(report.pagesRendered < first.pageCount / 2, "pages whose data did not change are not rendered")
        #expect(ScratchDossier.snapshot(dossier.site) == ScratchDossier.snapshot(await rebuiltFromScratch(dossier)))
    }

    @Test func aFileReportedUnchangedIsNotReadAgain() async throws {
        let dossier = try ScratchDossier()
        var session = BuildSession(SiteBuilder(root: dossier.root))
        _ = await session.build()
        let path = "content/entities/abu-kamal.md"
        let text = try String(contentsOf: dossier.root.appendingPathComponent(path), encoding: .utf8)
        try dossier.write(path, text.replacingOccurrences(of: "\"Abu Kamal\"", with: "\"Abu Kamal (town)\""))

        let unreported = await session.build(changed: [])
        #expect(unreported.publish?.written.isEmpty == true, "the session trusts the watcher's report")
        let reported = await session.build(changed: [path])
        #expect(reported.publish?.written.contains("entities/abu-kamal.html") == true)
    }

    @Test func anEditedArticleWithABrokenLinkIsNotWrittenFirst() async throws {
        let dossier = try ScratchDossier()
        let path = "content/articles/linking.md"
        let article = "---\ntitle: \"Links\"\ndate: 2017-12-09\n---\n\n"
        try dossier.write(path, article + "See the map.\n")
        var session = BuildSession(SiteBuilder(root: dossier.root))
        #expect(await session.build().succeeded)
        let before = ScratchDossier.snapshot(dossier.site)
        try dossier.write(path, article + "See [the map](map.html) and [the intro](#intro).\n")

        let report = await session.build(changed: [path])
        #expect(!report.succeeded)
        #expect(report.diagnostics.map(\.message) == [
            "link to 'map.html' does not resolve: no such file 'articles/map.html' in the site",
            "anchor '#intro' not found in 'articles/linking.html'",
        ])
        #expect(report.diagnostics.allSatisfy { $0.location.path == "site/articles/linking.html" })
        #expect(ScratchDossier.snapshot(dossier.site) == before, "nothing is written, the edited page included")
    }

    @Test func afterAFailedBuildAnEditedArticleWaitsForABuildThatSucceeds() async throws {
        let dossier = try ScratchDossier()
        var session = BuildSession(SiteBuilder(root: dossier.root))
        #expect(await session.build().succeeded)
        let claim = "content/claims/broken.md"
        try dossier.write(claim, "---\nclaim: \"Nobody said this\"\nclaimant: nobody-at-all\nquotes:\n  - \"ISIL\"\n---\n")
        #expect(!(await session.build(changed: [claim])).succeeded)
        let before = ScratchDossier.snapshot(dossier.site)
        let path = "content/raw/002_54d32b1cd897b03d.txt"
        let text = try String(contentsOf: dossier.root.appendingPathComponent(path), encoding: .utf8)
        try dossier.write(path, text + "\nA new closing paragraph.\n")

        #expect(!(await session.build(changed: [path])).succeeded)
        #expect(ScratchDossier.snapshot(dossier.site) == before, "nothing is written while the content has an error")
        try FileManager.default.removeItem(at: dossier.root.appendingPathComponent(claim))
        #expect(await session.build(changed: [claim]).succeeded)
        #expect(ScratchDossier.snapshot(dossier.site) == ScratchDossier.snapshot(await rebuiltFromScratch(dossier)))
    }

    @Test func aBuildBesideAWatchedSessionOfTheSameSiteIsRefusedAndWritesNothing() async throws {
        let dossier = try ScratchDossier()
        var watching: BuildSession? = BuildSession(SiteBuilder(root: dossier.root))
        #expect(await watching?.build().succeeded == true)
        let before = ScratchDossier.snapshot(dossier.site)
        let path = "content/raw/002_54d32b1cd897b03d.txt"
        let text = try String(contentsOf: dossier.root.appendingPathComponent(path), encoding: .utf8)
        try dossier.write(path, text + "\nA new closing paragraph.\n")

        let refused = await SiteBuilder(root: dossier.root).build()
        #expect(!refused.succeeded)
        #expect(refused.diagnostics.map(\.description) == [
            "site:1:1: error: \(dossier.site.path) is being written by another dossier process (pid \(getpid())): "
                + "wait for it to finish, or stop it",
        ])
        #expect(refused.timings.isEmpty && refused.articleCount == 0, "refused before any stage ran")
        #expect(ScratchDossier.snapshot(dossier.site) == before)
        #expect(!(await SiteBuilder(root: dossier.root).check()).diagnostics.containsErrors, "checking writes nothing, so it needs no lock")

        watching = nil  // the watch ends
        #expect(await SiteBuilder(root: dossier.root).build().succeeded)
        #expect(ScratchDossier.snapshot(dossier.site) != before)
    }

    func rebuiltFromScratch(_ dossier: ScratchDossier) async -> URL {
        let fresh = dossier.root.appendingPathComponent("fresh")
        _ = await SiteBuilder(root: dossier.root, output: fresh).build()
        return fresh
    }
}
