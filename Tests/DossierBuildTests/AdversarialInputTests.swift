import DossierBuild
import DossierCore
import Foundation
import Testing

/// Whatever people copy from the web, built into the seed dossier: each file
/// is read correctly or skipped with a located warning, nothing crashes,
/// the rest of the site is built, nothing in the site runs that came from
/// content, and nothing is written outside the site.
@Suite struct AdversarialInputTests {
    /// Tests/DossierBuildTests/Adversarial: raw/ and articles/ files to add to a dossier's content.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Adversarial")

    /// The seed dossier with every fixture, a raw file of one 1 MB line, a
    /// raw file of 50 MB and a symbolic link to a file outside the dossier.
    static func hostileDossier() throws -> ScratchDossier {
        let dossier = try ScratchDossier()
        let manager = FileManager.default
        for folder in ["raw", "articles"] {
            let target = dossier.root.appendingPathComponent("content/\(folder)")
            try manager.createDirectory(at: target, withIntermediateDirectories: true)
            for name in try manager.contentsOfDirectory(atPath: fixtures.appendingPathComponent(folder).path) {
                try manager.copyItem(at: fixtures.appendingPathComponent("\(folder)/\(name)"), to: target.appendingPathComponent(name))
            }
        }
        try dossier.write("content/raw/one-line.txt", "One line\n\n" + (0..<120_000).map { "word\($0)" }.joined(separator: " ") + "\n")
        let paragraph = "Huge headline\n\n" + String(repeating: "Syria was declared free of Islamic State fighters. ", count: 20) + "\n\n"
        let huge = String(repeating: paragraph, count: 50_000_000 / paragraph.utf8.count + 1)
        try dossier.write("content/raw/huge.txt", String(huge.utf8.prefix(50_000_000))!)
        let outside = dossier.root.deletingLastPathComponent().appendingPathComponent("outside-\(UUID().uuidString).txt")
        try Data("Secret headline\n\nA file outside the dossier.\n".utf8).write(to: outside)
        try manager.createSymbolicLink(at: dossier.root.appendingPathComponent("content/raw/link.txt"), withDestinationURL: outside)
        return dossier
    }

    @Test func everyFileIsReadOrSkippedWithALocatedWarningAndTheSiteIsBuilt() async throws {
        let dossier = try Self.hostileDossier()
        let report = await dossier.build()
        #expect(report.succeeded)
        #expect(report.diagnostics.map(\.description) == [
            "content/raw/binary.txt:1:1: warning: skipped: binary file, not text",
            "content/raw/cp1252.txt:1:1: warning: not valid UTF-8 (first at line 1, column 4); read as Windows-1252",
            "content/raw/empty.txt:1:1: warning: skipped: empty file",
            "content/raw/huge.txt:1:1: warning: skipped: 50 MB is more than the 5 MB a content file may hold; split it into several files",
            "content/raw/link.txt:1:1: warning: symbolic link not followed: content must be inside the dossier",
            "content/raw/nul.txt:1:1: warning: skipped: binary file, not text",
        ])
        let site = dossier.snapshot()
        func page(_ slug: String) throws -> String {
            String(decoding: try #require(site["articles/\(slug).html"], "articles/\(slug).html"), as: UTF8.self)
        }
        #expect(try page("cafe-headline-1252").contains("The café said “no” to the régime today"))
        #expect(try page("utf-16-headline").contains("Deir ez-Zor — “8 %” of the province remains contested"))
        #expect(try page("crlf-headline").contains("<p>Lone CR paragraph follows here in the text.</p>"))
        #expect(try page("one-line").contains("word119999"))
        // Dates in digits other than ASCII are text, not dates (reading them once crashed the build).
        #expect(try page("eastern-digits-headline").contains("The army said the city was retaken"))
        #expect(try page("nested").contains("deep"))
        // Mustache in content is text, shown as written.
        #expect(try page("hostile-headline").contains("and {{title}} and {{{site.title}}} and {{#articles}}x{{/articles}} in it."))
        #expect(try page("nested").contains("<h1>Nested {{title}}</h1>"))
        // Names that clash, or look like paths, give distinct, safe slugs in the order of the files' names.
        #expect(try page("same-headline").contains("The second of two articles"))  // "café story.txt" sorts first
        #expect(try page("same-headline-2").contains("The first of two articles"))
        #expect(try page("etc-passwd").contains("A title that looks like a path."))
        #expect(!site.keys.contains { $0.contains("huge") })
        #expect(!site.keys.contains { $0.contains("secret") } && !site.values.contains { String(decoding: $0, as: UTF8.self).contains("Secret headline") })

        // Nothing outside the site was written, and every path stays inside it.
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dossier.root.path)) == ["content", "site"])
        #expect(site.keys.allSatisfy { path in !path.split(separator: "/").contains { $0 == ".." || $0 == "." } })
        // The same content gives the same site, slugs included.
        let again = dossier.root.appendingPathComponent("again")
        _ = await SiteBuilder(root: dossier.root, output: again).build()
        #expect(ScratchDossier.snapshot(again) == site)
    }

    @Test func nothingInTheSiteRunsThatCameFromContent() async throws {
        let dossier = try Self.hostileDossier()
        #expect(await dossier.build().succeeded)
        for (path, bytes) in dossier.snapshot() {
            let text = String(decoding: bytes, as: UTF8.self)
            if path.hasSuffix(".json") {
                #expect(!text.contains("<"), "\(path) is safe to inline in a page")
                continue
            }
            guard path.hasSuffix(".html") else { continue }
            for tag in Self.tags(in: text) {
                let lowered = tag.lowercased()
                let name = String(lowered.dropFirst().prefix { $0.isLetter || $0.isNumber })
                #expect(!["iframe", "object", "embed", "style", "base", "frame", "applet"].contains(name), "\(path): \(tag)")
                if name == "script" {
                    #expect(tag == #"<script type="application/ld+json">"# || tag.hasSuffix(#"assets/search.js" data-index="search.json">"#),
                            "\(path): \(tag)")
                }
                #expect(lowered.firstMatch(of: /\son[a-z]+\s*=/) == nil, "\(path): \(tag)")
                #expect(lowered.firstMatch(of: /(href|src|action|data)\s*=\s*["']?\s*(javascript|vbscript|data):/) == nil, "\(path): \(tag)")
            }
            for data in text.matches(of: /<script type="application\/ld\+json">(.*?)<\/script>/.dotMatchesNewlines()) {
                #expect(!data.output.1.contains("<"), "\(path): JSON-LD that could end its script early")
            }
        }
    }

    /// The tags of an HTML page: `<`, a letter, and everything up to `>`.
    static func tags(in html: String) -> [Substring] {
        html.matches(of: /<[a-zA-Z][^>]*>/).map(\.output)
    }

    @Test func contentErrorsAreEachReportedOnceWhereTheyAreAndTheSiteIsKept() async throws {
        let dossier = try ScratchDossier()
        #expect(await dossier.build().succeeded)
        let before = dossier.snapshot()
        try dossier.write("content/articles/list.md", "---\n- just\n- a list\n---\n\nText.\n")
        try dossier.write("content/articles/twice.md", "---\ntitle: \"One\"\ntitle: \"Two\"\n---\n\nText.\n")
        try dossier.write("content/articles/typed.md", "---\ntitle: [\"not\", \"text\"]\ndate: yesterday\n---\n\nText.\n")
        try dossier.write("content/claims/nobody.md", "---\nclaim: \"Nobody said this\"\nclaimant: nobody-at-all\n---\n")

        let report = await dossier.build()
        #expect(!report.succeeded)
        let errors = report.diagnostics.filter { $0.severity == .error }.map { "\($0.location.path):\($0.location.line):\($0.location.column)" }
        #expect(errors == ["content/articles/list.md:2:1", "content/articles/twice.md:2:1", "content/articles/typed.md:2:8",
                           "content/claims/nobody.md:3:11"], "\(report.diagnostics)")
        #expect(Set(report.diagnostics).count == report.diagnostics.count, "each problem once")
        #expect(dossier.snapshot() == before, "a failed build leaves the site as it was")
    }
}
