import DossierCore
@testable import DossierRender
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

private let published = DossierConfig(title: "Test dossier", description: "About a test.", baseURL: "https://example.org/d/")

private func json(_ text: String?) throws -> [String: Any] {
    let data = Data(try #require(text).utf8)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

/// The elements of an XML document as (name, text) pairs in document order;
/// nil when it is not well-formed.
private func xmlElements(_ text: String) -> [(name: String, attributes: [String: String], text: String)]? {
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String], text: String)] = []
        var open: [Int] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String]) {
            open.append(elements.count)
            elements.append((name, attributes, ""))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let index = open.last { elements[index].text += string }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }
    }
    let collector = Collector()
    let parser = XMLParser(data: Data(text.utf8))
    parser.delegate = collector
    return parser.parse() ? collector.elements : nil
}

@Test func searchIndexListsEntitiesClaimsAndArticlesWithTheirText() async throws {
    let site = try await renderSite(
        [article("a", "Moscow declares victory", date: "2017-12-07", outlet: "AFP", author: "Jo Marsh",
                 body: "Vladimir Putin said the   war was won.\n\nIS lost <b>ground</b>.")],
        entities: [Entity(slug: "vladimir-putin", name: "Vladimir Putin", kind: .person, aliases: ["Putin"], description: "President of Russia.")],
        claims: [Claim(slug: "won", statement: "The war was won", claimants: ["vladimir-putin"], verdict: "Contested")])
    let pages = try #require(try json(site["search.json"])["pages"] as? [[String: Any]])
    #expect(pages.map { $0["kind"] as? String } == ["entity", "claim", "article"])
    #expect(pages[0]["url"] as? String == "entities/vladimir-putin.html")
    #expect(pages[0]["title"] as? String == "Vladimir Putin")
    #expect(pages[0]["names"] as? [String] == ["Putin"])
    #expect(pages[0]["meta"] as? String == "Person")
    #expect(pages[0]["text"] as? String == "President of Russia.")
    #expect(pages[1]["title"] as? String == "The war was won")
    #expect(pages[1]["names"] as? [String] == ["Vladimir Putin"], "a claim is found by its claimant's name")
    #expect(pages[1]["meta"] as? String == "Claimed by Vladimir Putin · Contested")
    #expect(pages[2]["url"] as? String == "articles/a.html")
    #expect(pages[2]["meta"] as? String == "7 December 2017 · AFP · by Jo Marsh")
    #expect(pages[2]["text"] as? String == "Vladimir Putin said the war was won. IS lost ground.")
    #expect(site["search.json"]?.contains("\n") == true && site["search.json"]?.split(separator: "\n").count == 1,
            "search.json is one compact line")
}

@Test func searchIndexEscapesMarkupFromContent() async throws {
    let site = try await renderSite([article("a", "</script><script>alert(1)</script>")])
    let index = try #require(site["search.json"])
    #expect(!index.contains("<"))
    let pages = try #require(try json(index)["pages"] as? [[String: Any]])
    #expect(pages.first?["title"] as? String == "</script><script>alert(1)</script>")
}

@Test func searchPageHasAFormThatWorksAndTheScript() async throws {
    let site = try await renderSite([article("a", "A")])
    let page = try #require(site["search.html"])
    #expect(page.contains(#"<form class="search-form" action="search.html" method="get" role="search">"#))
    #expect(page.contains(#"<input id="search-input" name="q" type="search""#))
    #expect(page.contains(#"<script src="assets/search.js" data-index="search.json"></script>"#))
    #expect(page.contains(#"<a class="search-link" href="search.html" aria-current="page">Search</a>"#))
    #expect(page.contains("<noscript>"))
    #expect(site["assets/search.js"]?.contains("textContent") == true)
    #expect(site["assets/search.js"]?.contains("innerHTML") == false, "results are never built from markup")
    #expect(try #require(site["articles/a.html"]).contains(#"<a class="search-link" href="../search.html">Search</a>"#))
}

@Test func feedListsTheNewestArticlesFirstAndUndatedOnesLast() async throws {
    let site = try await renderSite([
        article("old", "Old", date: "2017-12-01", outlet: "AP"),
        article("new", "New & <improved>", date: "2017-12-09", author: "Jo"),
        article("undated", "Undated"),
    ])
    let xml = try #require(site["feed.xml"])
    let elements = try #require(xmlElements(xml), "feed.xml is not well-formed XML")
    #expect(elements.first?.name == "feed")
    let titles = elements.filter { $0.name == "title" }.map(\.text)
    #expect(titles == ["Test dossier", "New & <improved>", "Old", "Undated"])
    let updated = elements.filter { $0.name == "updated" }.map(\.text)
    #expect(updated == ["2017-12-09T00:00:00Z", "2017-12-09T00:00:00Z", "2017-12-01T00:00:00Z", "2017-12-09T00:00:00Z"])
    #expect(elements.filter { $0.name == "published" }.map(\.text) == ["2017-12-09T00:00:00Z", "2017-12-01T00:00:00Z"])
    let links = elements.filter { $0.name == "link" && $0.attributes["rel"] == "alternate" }.compactMap { $0.attributes["href"] }
    #expect(links == ["index.html", "articles/new.html", "articles/old.html", "articles/undated.html"])
    #expect(elements.filter { $0.name == "id" }.map(\.text)
        == ["urn:dossier:test-dossier", "urn:dossier:test-dossier:articles/new.html",
            "urn:dossier:test-dossier:articles/old.html", "urn:dossier:test-dossier:articles/undated.html"])
    #expect(elements.filter { $0.name == "name" }.map(\.text) == ["Test dossier", "Jo", "AP"])
}

@Test func feedUsesAbsoluteAddressesUnderTheBaseURLAndKeepsToItsLimit() async throws {
    let articles = (1...(Feeds.feedLimit + 20)).map { article(String(format: "a%03d", $0), "Article \($0)", date: "2017-12-08") }
    let site = try await renderSite(articles, config: published)
    let xml = try #require(site["feed.xml"])
    let elements = try #require(xmlElements(xml))
    #expect(elements.count { $0.name == "entry" } == Feeds.feedLimit)
    let links = elements.filter { $0.name == "link" }.compactMap { $0.attributes["href"] }
    #expect(links.prefix(3) == ["https://example.org/d/index.html", "https://example.org/d/feed.xml", "https://example.org/d/articles/a120.html"])
    #expect(elements.first { $0.name == "id" }?.text == "https://example.org/d/")
}

@Test func sitemapNeedsABaseURLAndListsEveryPage() async throws {
    let unpublished = try await renderSite([article("a", "A")])
    #expect(unpublished["sitemap.xml"] == nil)
    #expect(Feeds.warnings(for: DossierConfig(title: "T")).map(\.description)
        == ["content/dossier.yml:1:1: warning: no base_url: sitemap.xml, canonical links and absolute feed links are left out until it is set"])
    #expect(Feeds.warnings(for: published).isEmpty)

    let site = try await renderSite([article("a", "A")], config: published)
    let xml = try #require(site["sitemap.xml"])
    let elements = try #require(xmlElements(xml))
    let pages = site.keys.filter { $0.hasSuffix(".html") }.sorted()
    #expect(elements.filter { $0.name == "loc" }.map(\.text) == pages.map { "https://example.org/d/\($0)" })
}

@Test func everyPageHasCanonicalAndOpenGraphTagsUnderTheBaseURL() async throws {
    let site = try await renderSite([article("a", "A title", body: "First words of the article.")], config: published,
                                    entities: [Entity(slug: "e", name: "E", kind: .place, aliases: [], description: "A place.")],
                                    claims: [Claim(slug: "c", statement: "A statement")])
    for (path, html) in site where path.hasSuffix(".html") {
        #expect(html.contains(#"<link rel="canonical" href="https://example.org/d/\#(path)">"#), "\(path)")
        #expect(html.contains(#"<meta property="og:url" content="https://example.org/d/\#(path)">"#), "\(path)")
        #expect(html.contains(#"<meta property="og:site_name" content="Test dossier">"#), "\(path)")
        let type = path == "articles/a.html" ? "article" : "website"
        #expect(html.contains(#"<meta property="og:type" content="\#(type)">"#), "\(path)")
    }
    let articlePage = try #require(site["articles/a.html"])
    #expect(articlePage.contains(#"<meta property="og:title" content="A title">"#))
    #expect(articlePage.contains(#"<meta property="og:description" content="First words of the article.">"#))
    #expect(try #require(site["claims/c.html"]).contains(#"<meta name="description" content="A statement">"#))
    #expect(try #require(site["entities/e.html"]).contains(#"<meta name="description" content="A place.">"#))
    #expect(try #require(site["index.html"]).contains(#"<meta name="description" content="About a test.">"#))

    let unpublished = try await renderSite([article("a", "A")])
    #expect(unpublished.values.allSatisfy { !$0.contains("rel=\"canonical\"") && !$0.contains("og:url") })
}

@Test func everyPageTypeCarriesItsSchemaOrgData() async throws {
    let site = try await renderSite([article("a", "A", source: "raw/a.txt")], config: published, rawTexts: ["a": "A\n\ntext"],
                                    entities: [Entity(slug: "e", name: "E", kind: .place, aliases: [])],
                                    claims: [Claim(slug: "c", statement: "S", verdict: "False")])
    let expected = [
        "index.html": "WebSite", "search.html": "SearchResultsPage", "articles/index.html": "CollectionPage",
        "entities/index.html": "CollectionPage", "claims/index.html": "CollectionPage", "sources/index.html": "CollectionPage",
        "figures/index.html": "CollectionPage", "articles/a.html": "NewsArticle", "raw/a.html": "WebPage",
        "entities/e.html": "Place", "claims/c.html": "ClaimReview",
    ]
    #expect(Set(site.keys.filter { $0.hasSuffix(".html") }) == Set(expected.keys))
    for (path, type) in expected {
        let blocks = try #require(site[path]).linkedData
        #expect(blocks.count == 1, "\(path) has \(blocks.count) JSON-LD blocks")
        let data = try json(blocks.first)
        #expect(data["@context"] as? String == "https://schema.org", "\(path)")
        #expect(data["@type"] as? String == type, "\(path)")
    }
    let collection = try json(try #require(site["entities/index.html"]).linkedData.first)
    #expect(collection["url"] as? String == "https://example.org/d/entities/index.html")
    #expect((collection["isPartOf"] as? [String: Any])?["name"] as? String == "Test dossier")
}

@Test(arguments: [
    ("One  two\n\nthree\tfour", 3, "One two three …"),
    ("One  two\n\nthree\tfour", 4, "One two three four"),
    ("  Déjà vu — «ça»  ", 10, "Déjà vu — «ça»"),
    ("", 5, ""),
])
func firstWordsKeepsWordsAndMakesWhiteSpaceOneSpace(_ text: String, _ limit: Int, _ expected: String) {
    #expect(text.firstWords(limit) == expected)
}

/// Runs of single-spaced words are copied in one piece: the result is the
/// same as taking the words one by one, for any white space and limit.
@Test func firstWordsAreTheWordsOneByOne() {
    var state: UInt64 = 5
    func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(state >> 33) % bound
    }
    let pieces = ["a", "Syria", "déjà", "—", " ", " ", " ", "  ", "\n", "\t", "\r\n"]
    for _ in 0..<3_000 {
        let text = (0..<next(30)).map { _ in pieces[next(pieces.count)] }.joined()
        let limit = next(12)
        let words = text.split(whereSeparator: { $0.isASCII && $0.isWhitespace }).map(String.init)
        let expected = words.prefix(limit).joined(separator: " ") + (words.count > limit ? " …" : "")
        #expect(text.firstWords(limit) == expected, "\(limit) \(text.debugDescription)")
    }
}
