import DossierCore
@testable import DossierRender
import Foundation
import Testing

/// Two outlets and one article of unknown outlet; the claim is carried by
/// four sentences, one of which opens in emphasis and two of which are
/// copies of one wire sentence, and contested by one.
private let articles = [
    article("moscow-declares-victory", "Moscow declares victory", date: "2017-12-07", outlet: "AFP", body: """
        *"Syria is completely liberated,"* said Sergei Rudskoi. The jets flew 100 sorties.

        The ministry said the country was completely liberated after a final push by the army on both banks of the Euphrates this week.
        """),
    article("observatory-disagrees", "Observatory disagrees", date: "2017-12-08", outlet: "AP", body: """
        Rudskoi said Syria was completely liberated. But the Observatory said IS still holds 8 per cent of Deir Ezzor.
        """),
    article("wire-copy", "Wire copy", date: "2017-12-08", body: """
        The ministry said the country was completely liberated after a final push by the army on both banks of the Euphrates this week.
        Syria, it said <script>alert(1)</script>, is free.
        """),
]

private let entities = [
    Entity(slug: "sergei-rudskoi", name: "Sergei Rudskoi", kind: .person, aliases: ["Rudskoi"]),
    Entity(slug: "syria", name: "Syria", kind: .place),
]

private let claims = [
    Claim(slug: "syria-liberated", statement: "Syria has been completely liberated <from> IS", claimants: ["sergei-rudskoi"],
          date: CalendarDate(iso: "2017-12-07"), verdict: "Contested",
          quotes: [ClaimPhrase("completely liberated", at: SourceLocation(path: "content/claims/syria-liberated.md"))],
          disputedBy: [ClaimPhrase("still holds 8 per cent", at: SourceLocation(path: "content/claims/syria-liberated.md"))],
          related: ["sorties"], analysis: "The *Observatory* disagrees. <script>alert(2)</script>"),
    Claim(slug: "sorties", statement: "Jets flew 100 sorties a day",
          quotes: [ClaimPhrase("100 sorties", at: SourceLocation(path: "content/claims/sorties.md"))]),
]

private func site() async throws -> [String: String] {
    try await renderSite(articles, config: DossierConfig(title: "T", baseURL: "https://dossier.example/"),
                         entities: entities, claims: claims)
}

private func golden(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/claim-dossier-\(name)")
}

@Suite struct ClaimPageTests {
    @Test(arguments: ["claims/syria-liberated.html", "claims/index.html", "sources/index.html", "articles/moscow-declares-victory.html"])
    func pagesMatchTheirGoldenCopies(_ path: String) async throws {
        let page = try #require(try await site()[path])
        try expectGolden(page, golden(path.replacingOccurrences(of: "/", with: "-")))
    }

    @Test func everyAppearanceOnAClaimPageLinksToAnAnchorOnItsArticle() async throws {
        let site = try await site()
        let page = try #require(site["claims/syria-liberated.html"])
        let links = page.matches(of: /href="\.\.\/articles\/([a-z-]+)\.html#(claim-[a-z0-9-]+)"/).map { (String($0.1), String($0.2)) }
        #expect(links.count == 5)
        for (slug, anchor) in links {
            let article = try #require(site["articles/\(slug).html"])
            #expect(article.contains(#"id="\#(anchor)""#), "\(slug) has no \(anchor)")
            #expect(article.contains(#"href="../claims/syria-liberated.html""#))
        }
    }

    @Test func copiesOfOneSentenceCountAsOneIndependentSource() async throws {
        let site = try await site()
        let page = try #require(site["claims/syria-liberated.html"])
        #expect(page.contains("Reported by 3 sources (2 independent); contested by 1 source in 1 sentence."))
        let copy = try #require(site["articles/wire-copy.html"])
        #expect(copy.contains(#"<li id="passage-1"><blockquote>The ministry said the country was completely liberated"#))
        #expect(copy.contains(#"Verbatim, also in: <a href="../articles/moscow-declares-victory.html#passage-1">Moscow declares victory</a> (AFP)</p>"#))
    }

    @Test func contentNeverBecomesMarkupOnClaimPages() async throws {
        let site = try await site()
        for path in ["claims/syria-liberated.html", "claims/index.html", "articles/wire-copy.html", "sources/index.html"] {
            let page = try #require(site[path])
            #expect(page.executableScripts == 0, "\(path)")
            #expect(!page.contains("<from>"), "\(path)")
        }
        #expect(try #require(site["claims/syria-liberated.html"]).linkedData.allSatisfy { !$0.contains("<") })
    }

    @Test func theClaimCarriesClaimReviewDataWhenItHasAVerdict() async throws {
        let site = try await site()
        let reviewed = try #require(site["claims/syria-liberated.html"]?.linkedData.first)
        let review = try #require(try JSONSerialization.jsonObject(with: Data(reviewed.utf8)) as? [String: Any])
        #expect(review["@type"] as? String == "ClaimReview")
        #expect((review["reviewRating"] as? [String: Any])?["alternateName"] as? String == "Contested")
        let item = try #require(review["itemReviewed"] as? [String: Any])
        #expect(item["@type"] as? String == "Claim")
        #expect((item["author"] as? [String: Any])?["name"] as? String == "Sergei Rudskoi")
        #expect((item["appearance"] as? [Any])?.count == 3)  // articles, not sentences
        let plain = try #require(site["claims/sorties.html"]?.linkedData.first)
        let claim = try #require(try JSONSerialization.jsonObject(with: Data(plain.utf8)) as? [String: Any])
        #expect(claim["@type"] as? String == "Claim")
        #expect(claim["url"] as? String == "https://dossier.example/claims/sorties.html")
    }

    /// One claimant is the claim's author; several are a list of authors.
    @Test func aClaimOfSeveralClaimantsHasThemAllAsAuthors() async throws {
        let joint = Claim(slug: "joint", statement: "Jets flew 100 sorties a day", claimants: ["sergei-rudskoi", "syria"],
                          quotes: [ClaimPhrase("100 sorties", at: SourceLocation(path: "content/claims/joint.md"))])
        let site = try await renderSite(articles, config: DossierConfig(title: "T", baseURL: "https://dossier.example/"),
                                        entities: entities, claims: [joint])
        let data = try #require(site["claims/joint.html"]?.linkedData.first)
        let claim = try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
        let authors = try #require(claim["author"] as? [[String: Any]])
        #expect(authors.map { $0["name"] as? String } == ["Sergei Rudskoi", "Syria"])
        #expect(authors.map { $0["@type"] as? String } == ["Person", "Place"])
        #expect(authors.map { $0["url"] as? String }
                == ["https://dossier.example/entities/sergei-rudskoi.html", "https://dossier.example/entities/syria.html"])
    }

    @Test func entityPagesListTheClaimsMadeAndAbout() async throws {
        let site = try await site()
        let rudskoi = try #require(site["entities/sergei-rudskoi.html"])
        #expect(rudskoi.contains("<h3>Made by Sergei Rudskoi</h3>"))
        #expect(rudskoi.contains(#"<a href="../claims/syria-liberated.html">Syria has been completely liberated &lt;from&gt; IS</a>"#))
        let syria = try #require(site["entities/syria.html"])
        #expect(syria.contains("<h3>About Syria</h3>"))
        #expect(!syria.contains("Made by Syria"))
    }
}
