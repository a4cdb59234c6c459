import DossierBuild
import DossierCore
import Foundation
import Testing

/// A throw-away copy of the seed dossier (content/ only: the theme is the
/// one built into the tool), removed when the test ends. Its dossier.yml
/// gains a `base_url`, so the copy builds without warnings and has every
/// file a published site has (sitemap.xml, canonical links).
final class ScratchDossier {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL
    let root: URL
    var site: URL { root.appendingPathComponent("site") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("content"), to: root.appendingPathComponent("content"))
        let config = root.appendingPathComponent("content/dossier.yml")
        try Data((try String(contentsOf: config, encoding: .utf8) + "base_url: \"https://example.org/seed/\"\n").utf8).write(to: config)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func build() async -> SiteBuilder.Report {
        await SiteBuilder(root: root).build()
    }

    /// Every file of the site with its bytes.
    func snapshot() -> [String: Data] {
        Self.snapshot(site)
    }

    /// Every file under `folder` with its bytes.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            if enumerator?.fileAttributes?[.type] as? FileAttributeType == .typeRegular {
                files[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
            }
        }
        return files
    }
}

@Suite struct SiteBuilderTests {
    @Test func theSeedDossierBuildsItsPages() async throws {
        let dossier = try ScratchDossier()
        let report = await dossier.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.succeeded)
        let files = dossier.snapshot()
        for path in ["index.html", "articles/index.html", "dossier.json", "assets/style.css", "assets/search.js",
                     "search.html", "search.json", "feed.xml", "sitemap.xml",
                     "articles/russia-says-goal-of-defeating-daesh-in-syria-accomplished.html",
                     "raw/russia-says-goal-of-defeating-daesh-in-syria-accomplished.html"] {
            #expect(files[path] != nil, "missing \(path)")
        }
        #expect(files.keys.count { $0.hasPrefix("articles/") } == 6)
        let index = String(decoding: try #require(files["articles/index.html"]), as: UTF8.self)
        // By date, then slug; the two undated articles last.
        let order = ["russia-says-goal", "syria-100-free", "syria-fully-liberated", "putin-says-that", "russian-armed-forces"]
        let positions = order.map { index.range(of: "articles/\($0)")?.lowerBound ?? index.endIndex }
        #expect(positions == positions.sorted() && !positions.contains(index.endIndex))
    }

    @Test func theSeedDossierFindsItsCopiesClaimsAndConflictingFigures() async throws {
        let dossier = try ScratchDossier()
        _ = await dossier.build()
        let data = try #require(dossier.snapshot()["dossier.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])

        // The paragraph about Abu Kamal and the west bank of the Euphrates is one AFP sentence in two articles.
        let passages = try #require(json["passages"] as? [[String: Any]])
        let abuKamal = try #require(passages.first { ($0["text"] as? String)?.contains("seizing Abu Kamal") == true })
        #expect(abuKamal["match"] as? String == "verbatim")
        #expect(abuKamal["articles"] as? [String] == ["syria-100-free-of-islamic-state-russias-defense-ministry",
                                                       "russian-armed-forces-complete-mission-to-destroy-daesh-in-syria-gen-staff"])

        let claims = try #require(json["claims"] as? [[String: Any]])
        #expect(claims.count >= 8)
        let seized = try #require(claims.first { $0["slug"] as? String == "syrian-forces-seized-abu-kamal" })
        #expect(seized["sources"] as? Int == 3)
        #expect(seized["independent_sources"] as? Int == 2)
        let liberated = try #require(claims.first { $0["slug"] as? String == "syria-liberated-from-islamic-state" })
        let stances = (liberated["appearances"] as? [[String: Any]] ?? []).compactMap { $0["stance"] as? String }
        #expect(stances.contains("disputes") && stances.contains("reports"))

        let figures = Dictionary(uniqueKeysWithValues: (json["figures"] as? [[String: Any]] ?? []).map { ($0["slug"] as? String ?? "", $0) })
        #expect(figures["civilian"]?["status"] as? String == "differ")
        #expect(figures["sortie"]?["status"] as? String == "different-measures")
        #expect(figures["percent-of-deir-ezzor-province"]?["status"] as? String == "agree")
        #expect((figures["percent-of-deir-ezzor-province"]?["values"] as? [Any])?.count == 4)
    }

    @Test func buildingTwiceGivesTheSameBytesAndRewritesNothing() async throws {
        let dossier = try ScratchDossier()
        let first = await dossier.build()
        let before = dossier.snapshot()
        let second = await dossier.build()
        #expect(dossier.snapshot() == before)
        #expect(second.publish?.written == [])
        #expect(second.publish?.unchanged.count == first.publish?.written.count)
    }

    @Test func theSameContentGivesTheSameSiteWhereverItLives() async throws {
        let one = try ScratchDossier(), two = try ScratchDossier()
        // File-system order must not matter: create the raw files in the other order.
        let raw = two.root.appendingPathComponent("content/raw")
        for name in try FileManager.default.contentsOfDirectory(atPath: raw.path).sorted().reversed() {
            let data = try #require(FileManager.default.contents(atPath: raw.appendingPathComponent(name).path))
            try FileManager.default.removeItem(at: raw.appendingPathComponent(name))
            try data.write(to: raw.appendingPathComponent(name))
        }
        _ = await one.build()
        _ = await two.build()
        #expect(one.snapshot() == two.snapshot())
    }

    @Test func aContentErrorFailsTheBuildAndLeavesTheSiteUntouched() async throws {
        let dossier = try ScratchDossier()
        _ = await dossier.build()
        let before = dossier.snapshot()
        try dossier.write("content/articles/broken.md", "---\ntitle: Fine\ndate: 8 December\ncolour: red\n---\nBody\n")
        let report = await dossier.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.map(\.description) == [
            "content/articles/broken.md:4:1: error: unknown key 'colour' (expected one of: title, date, outlet, author, dateline, url, source)",
        ])
        #expect(dossier.snapshot() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dossier.root.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func aBadDateIsLocatedOnItsLine() async throws {
        let dossier = try ScratchDossier()
        try dossier.write("content/articles/dated.md", "---\ntitle: Fine\ndate: 8 December\n---\nBody\n")
        let report = await dossier.build()
        #expect(report.diagnostics.map(\.description) == [
            "content/articles/dated.md:3:7: error: 'date' must be a day written YYYY-MM-DD, found '8 December'",
        ])
    }

    @Test func emptyAndBinaryRawFilesAreSkippedAndTheRestBuilds() async throws {
        let dossier = try ScratchDossier()
        try dossier.write("content/raw/empty.txt", "")
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 0, 0, 1, 0]).write(to: dossier.root.appendingPathComponent("content/raw/image.txt"))
        let report = await dossier.build()
        #expect(report.succeeded)
        #expect(report.diagnostics.map(\.description) == [
            "content/raw/empty.txt:1:1: warning: skipped: empty file",
            "content/raw/image.txt:1:1: warning: skipped: binary file, not text",
        ])
        #expect(report.articleCount == 5)
    }

    @Test func aCuratedArticleReplacesItsRawFile() async throws {
        let dossier = try ScratchDossier()
        try dossier.write("content/articles/ap-on-putin.md", """
            ---
            title: "Putin says IS suffered 'complete defeat' in eastern Syria"
            date: 2017-12-06
            outlet: AP
            source: raw/003_f1754c3b8ef0a2c1.txt
            ---

            Curated *text*.
            """)
        let report = await dossier.build()
        // Entities named and claim phrases quoted only in the replaced text
        // now match nothing, which is only a warning; nothing else is wrong.
        #expect(!report.diagnostics.containsErrors)
        let problems = report.diagnostics.filter {
            !$0.location.path.hasPrefix("content/entities/") && !$0.location.path.hasPrefix("content/claims/")
        }
        #expect(problems.isEmpty, "\(problems)")
        let files = dossier.snapshot()
        #expect(files["articles/ap-on-putin.html"] != nil)
        #expect(files["articles/putin-says-that-is-suffers-complete-defeat-in-eastern-syria.html"] == nil)
        let page = String(decoding: try #require(files["articles/ap-on-putin.html"]), as: UTF8.self)
        #expect(page.contains("<p>Curated <em>text</em>.</p>"))
        #expect(page.contains("<time datetime=\"2017-12-06\">6 December 2017</time>"))
        #expect(page.contains("href=\"../raw/ap-on-putin.html\""))
    }

    @Test func theSeedDossierPassesTheSiteCheck() async throws {
        let dossier = try ScratchDossier()
        let report = await SiteBuilder(root: dossier.root).check()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.pageCount == 76)
        #expect(report.linkCount > 2000)
        #expect(report.publish == nil)
        #expect(!FileManager.default.fileExists(atPath: dossier.site.path), "check writes nothing")
    }

    @Test func aBrokenLinkInATemplateFailsTheBuildAndLeavesTheSiteUntouched() async throws {
        let dossier = try ScratchDossier()
        #expect(await dossier.build().succeeded)
        let before = dossier.snapshot()
        let template = try String(contentsOf: ScratchDossier.repository.appendingPathComponent("Templates/article.mustache"), encoding: .utf8)
        try dossier.write("Templates/article.mustache",
                          template.replacingOccurrences(of: "{{$content}}\n", with: "{{$content}}\n<a href=\"nowhere.html\">Nowhere</a>\n"))

        let report = await dossier.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.count == 5)  // once on each article's page
        #expect(report.diagnostics.contains {
            $0.description == "site/articles/syria-fully-liberated-from-isis-terrorists-russian-mod.html:119:10: "
                + "error: link to 'nowhere.html' does not resolve: no such file 'articles/nowhere.html' in the site"
        }, "\(report.diagnostics)")
        #expect(dossier.snapshot() == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dossier.root.path).sorted() == ["Templates", "content", "site"],
                "the pages staged as they were rendered are removed")
        #expect(await SiteBuilder(root: dossier.root).check().diagnostics == report.diagnostics)
    }

    @Test func aBuildWithContentErrorsStillLocatesTheProblemsOfItsPages() async throws {
        let dossier = try ScratchDossier()
        let template = try String(contentsOf: ScratchDossier.repository.appendingPathComponent("Templates/article.mustache"), encoding: .utf8)
        try dossier.write("Templates/article.mustache",
                          template.replacingOccurrences(of: "{{$content}}\n", with: "{{$content}}\n<a href=\"nowhere.html\">Nowhere</a>\n"))
        // Without errors in the content, the problems are located in the staged copy of each page.
        let staged = await dossier.build()
        #expect(staged.diagnostics.count == 5)
        #expect(!staged.timings.map(\.stage).contains { $0.contains("again") })

        // With one, nothing is staged and no page kept: the stages run
        // again, keeping the pages with problems, to locate them the same way.
        try dossier.write("content/articles/broken.md", "---\ntitle: Fine\ncolour: red\n---\nBody\n")
        let unstaged = await dossier.build()
        #expect(unstaged.diagnostics.map(\.description) == [
            "content/articles/broken.md:3:1: error: unknown key 'colour' (expected one of: title, date, outlet, author, dateline, url, source)",
        ] + staged.diagnostics.map(\.description))
        #expect(unstaged.timings.map(\.stage).contains("render (again, to locate problems)"))
        #expect(!FileManager.default.fileExists(atPath: dossier.site.path))
    }

    @Test func aDossierTemplateOverridesTheDefaultOne() async throws {
        let dossier = try ScratchDossier()
        try dossier.write("Templates/partials/footer.mustache", "<footer>Our own footer</footer>\n")
        _ = await dossier.build()
        let page = String(decoding: dossier.snapshot()["index.html"] ?? Data(), as: UTF8.self)
        #expect(page.contains("<footer>Our own footer</footer>"))
        #expect(page.contains("<h1>"))  // the rest still comes from the default theme
    }
}

@Suite struct NormalizeTaskTests {
    @Test func writeRefusesToOverwriteWithoutForce() async throws {
        let dossier = try ScratchDossier()
        let task = NormalizeTask(root: dossier.root)
        let (results, _) = await task.run(files: [dossier.root.appendingPathComponent("content/raw/004_b86b509722f25f8f.txt").path])
        let path = "content/articles/russia-says-goal-of-defeating-daesh-in-syria-accomplished.md"
        #expect(task.write(results, force: false).written == [path])

        try dossier.write(path, "curator's edits\n")
        let refused = task.write(results, force: false)
        #expect(refused.written.isEmpty)
        #expect(refused.problems.map(\.description) == ["\(path):1:1: error: exists; not overwritten (use --force to replace it)"])
        #expect(String(decoding: FileManager.default.contents(atPath: dossier.root.appendingPathComponent(path).path) ?? Data(), as: UTF8.self) == "curator's edits\n")

        #expect(task.write(results, force: true).written == [path])
    }

    @Test func aFileOverTheSizeLimitIsNotNormalisedAndWarnedOnce() async throws {
        let dossier = try ScratchDossier()
        let text = "Huge headline\n\n" + String(repeating: "A sentence of the huge file. ", count: 200_000)
        try dossier.write("content/raw/huge.txt", text)
        let outside = dossier.root.appendingPathComponent("huge-outside.txt")
        try Data(text.utf8).write(to: outside)
        let task = NormalizeTask(root: dossier.root)
        let (results, diagnostics) = await task.run(files: [dossier.root.appendingPathComponent("content/raw/huge.txt").path, outside.path])
        #expect(results.isEmpty)
        #expect(diagnostics.map(\.description) == [
            "content/raw/huge.txt:1:1: warning: skipped: 5.8 MB is more than the 5 MB a content file may hold; split it into several files",
            "\(outside.path):1:1: warning: skipped: 5.8 MB is more than the 5 MB a content file may hold; split it into several files",
        ])
    }

    @Test func aMissingFileOrAFolderIsOneLocatedError() async throws {
        let dossier = try ScratchDossier()
        let (missing, folder) = (dossier.root.appendingPathComponent("gone.txt").path, dossier.root.appendingPathComponent("content").path)
        let (results, diagnostics) = await NormalizeTask(root: dossier.root).run(files: [missing, folder])
        #expect(results.isEmpty)
        #expect(diagnostics.map(\.description) == ["\(missing):1:1: error: no such file", "\(folder):1:1: error: cannot read: is a folder"])
    }

    @Test func aWrittenArticleBuildsToTheSamePage() async throws {
        let dossier = try ScratchDossier()
        _ = await dossier.build()
        let before = dossier.snapshot()["articles/russia-says-goal-of-defeating-daesh-in-syria-accomplished.html"]
        let task = NormalizeTask(root: dossier.root)
        let (results, _) = await task.run(files: [dossier.root.appendingPathComponent("content/raw/004_b86b509722f25f8f.txt").path])
        _ = task.write(results, force: false)
        let report = await dossier.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(dossier.snapshot()["articles/russia-says-goal-of-defeating-daesh-in-syria-accomplished.html"] == before)
    }
}
