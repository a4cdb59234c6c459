import DossierCore
import Foundation
import Testing

/// The heading levels of a page in order, pictures left out (an SVG's
/// `<title>` is not a heading, but its text must not hide one either).
private func headingLevels(_ html: String) -> [Int] {
    html.components(separatedBy: "<h").dropFirst().compactMap { rest -> Int? in
        guard let digit = rest.first?.wholeNumberValue, (1...6).contains(digit),
              rest.dropFirst().first == ">" || rest.dropFirst().first == " " else { return nil }
        return digit
    }
}

@Test func everyPageHasLandmarksASkipLinkAndHeadingsInOrder() async throws {
    let site = try await renderSite(
        [article("a", "A curated article", date: "2017-12-08", source: "raw/a.txt",
                 body: "# Background\n\nVladimir Putin spoke.\n\n### Detail\n\nHe said the war was won."),
         article("b", "Another", body: "Putin again.")],
        rawTexts: ["a": "A curated article\n\ntext"],
        entities: [Entity(slug: "putin", name: "Vladimir Putin", kind: .person, aliases: ["Putin"],
                          notes: "# Career\n\nPresident.\n\n## Early life\n\nBorn in Leningrad.")],
        claims: [Claim(slug: "won", statement: "The war was won", claimants: ["putin"],
                       quotes: [ClaimPhrase("the war was won", at: SourceLocation(path: "content/claims/won.md", line: 5))],
                       analysis: "# Why\n\nBecause.")])
    let pages = site.filter { $0.key.hasSuffix(".html") }
    #expect(pages.count == 12)
    for (path, html) in pages {
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"), "\(path) declares its language")
        #expect(html.contains("<body>\n<a class=\"skip-link\" href=\"#main\">Skip to content</a>"), "\(path) starts with a skip link")
        for landmark in ["<header class=\"site-header\">", "<nav aria-label=\"Sections\">", "<main id=\"main\">", "<footer class=\"site-footer\">"] {
            #expect(html.occurrences(of: landmark) == 1, "\(path) lacks \(landmark)")
        }
        let levels = headingLevels(html)
        #expect(levels.first == 1 && levels.count { $0 == 1 } == 1, "\(path) has one <h1>, first: \(levels)")
        #expect(zip(levels, levels.dropFirst()).allSatisfy { $1 <= $0 + 1 }, "\(path) skips a heading level: \(levels)")
        if path != "index.html" {
            #expect(html.contains("<nav class=\"breadcrumbs\" aria-label=\"Breadcrumbs\"><a href=\""), "\(path) has breadcrumbs")
        }
    }
    let articlePage = try #require(site["articles/a.html"])
    #expect(articlePage.contains("<h2>Background</h2>") && articlePage.contains("<h3>Detail</h3>"))
    #expect(try #require(site["entities/putin.html"]).contains("<h3>Career</h3>"))
    #expect(try #require(site["claims/won.html"]).contains("<h3>Why</h3>"))
}

@Test func nothingIsLoadedFromOutsideTheSite() async throws {
    let site = try await renderSite([article("a", "A", url: "https://example.org/a")],
                                    config: DossierConfig(title: "T", baseURL: "https://example.org/d/"))
    for (path, html) in site where path.hasSuffix(".html") {
        for attribute in [" src=\"", "<link rel=\"stylesheet\" href=\""] {
            let values = html.components(separatedBy: attribute).dropFirst()
            #expect(values.allSatisfy { !$0.hasPrefix("http") && !$0.hasPrefix("//") }, "\(path) loads \(attribute) from elsewhere")
        }
    }
    for asset in ["assets/style.css", "assets/search.js"] {
        let text = try #require(site[asset])
        #expect(!text.contains("http:") && !text.contains("https:") && !text.contains("@import") && !text.contains("@font-face"),
                "\(asset) refers to something outside the site")
    }
}
