import DossierCore
import Foundation
import Testing

/// Three articles whose reading order (by date, undated last) is neither
/// their slug order nor the order given.
private let threeArticles = [
    article("alpha", "Alpha title", date: "2017-12-11", outlet: "Outlet A", body: "One two three."),
    article("early", "Undated title", body: "Four words right here."),
    article("zulu", "Zulu title", date: "2017-12-06", author: "Z. Writer", body: "Just two."),
]
private let readingOrder = ["zulu", "alpha", "early"]

@Test func siteHasItsPagesDataAndAssets() async throws {
    let site = try await renderSite(threeArticles)
    let expected = ["index.html", "articles/index.html", "articles/alpha.html", "articles/early.html",
                    "articles/zulu.html", "dossier.json", "assets/style.css"]
    #expect(Set(expected).isSubset(of: site.keys), "missing: \(Set(expected).subtracting(site.keys).sorted())")
    #expect(site.keys.filter { $0.hasPrefix("articles/") }.count == 4)
    #expect(try site["assets/style.css"] == String(decoding: #require(defaultTheme().files["assets/style.css"]), as: UTF8.self))
}

@Test(arguments: [("alpha", "Alpha title", "2017-12-11"), ("zulu", "Zulu title", "2017-12-06")])
func datedArticlePageHasOneHeadingAndATime(_ slug: String, _ title: String, _ iso: String) async throws {
    let page = try #require(try await renderSite(threeArticles)["articles/\(slug).html"])
    #expect(page.occurrences(of: "<h1") == 1)
    #expect(page.contains("<h1>\(title)</h1>"))
    #expect(page.occurrences(of: "<time") == 1)
    #expect(page.contains("<time datetime=\"\(iso)\">"))
}

@Test func undatedArticlePageHasNoTime() async throws {
    let page = try #require(try await renderSite(threeArticles)["articles/early.html"])
    #expect(page.occurrences(of: "<h1") == 1)
    #expect(page.contains("<h1>Undated title</h1>"))
    #expect(!page.contains("<time"))
}

@Test func articlePageShowsTheBodyAndMetadata() async throws {
    let site = try await renderSite(threeArticles)
    let alpha = try #require(site["articles/alpha.html"])
    #expect(alpha.contains("<p>One two three.</p>"))
    #expect(alpha.contains("Outlet A"))
    #expect(alpha.contains("3 words"))
    let zulu = try #require(site["articles/zulu.html"])
    #expect(zulu.contains("Z. Writer"))
    #expect(!zulu.contains("Outlet A"))
}

@Test func everyLinkIsRelativeAndPointsAtAProducedFile() async throws {
    let site = try await renderSite(threeArticles)
    var checked = 0
    for (path, html) in site where path.hasSuffix(".html") {
        #expect(!html.contains("href=\"/"), "\(path) has a root-relative link")
        #expect(!html.contains("src=\"/"), "\(path) has a root-relative source")
        for href in html.attributeValues("href") where href.hasPrefix("#") {
            #expect(html.contains("id=\"\(href.dropFirst())\""), "\(path) links to the missing anchor \(href)")
        }
        for href in html.attributeValues("href") where !href.hasPrefix("#") && !href.contains("://") {
            let target = resolve(href, from: path)
            #expect(site[target] != nil, "\(path) links to \(href), which is not produced")
            checked += 1
        }
    }
    #expect(checked >= 5 * 5, "too few links found to check")
}

@Test func previousAndNextFollowTheReadingOrder() async throws {
    let site = try await renderSite(threeArticles)
    for (index, slug) in readingOrder.enumerated() {
        let page = try #require(site["articles/\(slug).html"])
        let previous = index > 0 ? readingOrder[index - 1] : nil
        let next = index + 1 < readingOrder.count ? readingOrder[index + 1] : nil
        #expect(link(page, rel: "prev") == previous.map { "../articles/\($0).html" }, "previous of \(slug)")
        #expect(link(page, rel: "next") == next.map { "../articles/\($0).html" }, "next of \(slug)")
    }
}

@Test(arguments: ["articles/index.html", "index.html"])
func articleListsFollowTheReadingOrder(_ path: String) async throws {
    let page = try #require(try await renderSite(threeArticles)[path])
    let list = try #require(page.range(of: "<ol class=\"article-list\">").map { String(page[$0.upperBound...]) })
    let linked = list.attributeValues("href").filter { $0.contains("articles/") && !$0.hasSuffix("index.html") }
    #expect(linked.map { resolve($0, from: path) } == readingOrder.map { "articles/\($0).html" })
}

@Test func renderingTwiceGivesTheSameBytes() async throws {
    let first = try await renderSite(threeArticles)
    let second = try await renderSite(threeArticles.reversed())
    #expect(first == second)
}

/// The `href` of the `<a rel="…">` in `page`, if any.
private func link(_ page: String, rel: String) -> String? {
    guard let range = page.range(of: "<a rel=\"\(rel)\" href=\"") else { return nil }
    return String(page[range.upperBound...].prefix { $0 != "\"" })
}

/// `href` resolved against the page at `path`, as a site path.
private func resolve(_ href: String, from path: String) -> String {
    var parts = path.split(separator: "/").dropLast().map(String.init)
    for part in href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].split(separator: "/") {
        if part == ".." { if !parts.isEmpty { parts.removeLast() } else { return "<outside the site>" } }
        else if part != "." { parts.append(String(part)) }
    }
    return parts.joined(separator: "/")
}
