import DossierCore
@testable import DossierRender
import Foundation
import Testing

/// A small dossier: two dated articles that name Islamic State, Rudskoi and Syria.
private let articles = [
    article("moscow-declares-victory", "Moscow declares victory", date: "2017-12-07", outlet: "AFP", body: """
        Senior officer Sergei Rudskoi said Syria had been "completely liberated" from ISIL. Daesh, he added, was gone.

        ## Rudskoi in Syria

        Later Rudskoi's briefing named Syria again; ISIL and [Syria](https://example.org) in a link stay as they are.
        """),
    article("observatory-disagrees", "Observatory disagrees", date: "2017-12-08", body: """
        The monitor said Islamic State still held 8 per cent of Deir Ezzor. It is `ISIL` in code.
        """),
]

private let entities = [
    Entity(slug: "islamic-state", name: "Islamic State", kind: .group, aliases: ["ISIL", "Daesh"],
           description: "Jihadist group.", sameAs: ["https://en.wikipedia.org/wiki/Islamic_State"],
           notes: "Called *Daesh* by its enemies. <b>raw</b>"),
    Entity(slug: "sergei-rudskoi", name: "Sergei Rudskoi", kind: .person, aliases: ["Rudskoi"]),
    Entity(slug: "syria", name: "Syria", kind: .place),
]

private func site() async throws -> [String: String] {
    try await renderSite(articles, config: DossierConfig(title: "T", baseURL: "https://dossier.example/"), entities: entities)
}

/// The path of the golden copy of a rendered page.
private func golden(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
}

@Suite struct EntityPageTests {
    @Test(arguments: ["entities/islamic-state.html", "entities/index.html", "articles/moscow-declares-victory.html"])
    func pagesMatchTheirGoldenCopies(_ path: String) async throws {
        let page = try #require(try await site()[path])
        try expectGolden(page, golden(path.replacingOccurrences(of: "/", with: "-")))
    }

    @Test func everyMentionOnAnEntityPageLinksToAnAnchorOnItsArticle() async throws {
        let site = try await site()
        var checked = 0
        for entity in entities {
            let page = try #require(site["entities/\(entity.slug).html"])
            for link in page.attributeValues("href") where link.hasPrefix("../articles/") && link.contains("#") {
                let parts = link.dropFirst("../".count).split(separator: "#")
                let article = try #require(site[String(parts[0])], "\(link) points to no page")
                #expect(article.contains(" id=\"\(parts[1])\""), "\(link) points to no anchor")
                checked += 1
            }
        }
        #expect(checked == 8)  // 4 mentions of Islamic State, 2 of Rudskoi, 2 of Syria
    }

    @Test func articlePageLinksTheFirstMentionPerParagraphAndMarksTheRest() async throws {
        let page = try #require(try await site()["articles/moscow-declares-victory.html"])
        #expect(page.contains(#"<a class="entity" id="mention-islamic-state-1" href="../entities/islamic-state.html" title="Islamic State">ISIL</a>"#))
        #expect(page.contains(#"<span class="mention" id="mention-islamic-state-2">Daesh</span>"#))
        // The next paragraph links again; headings, links and code are left alone.
        #expect(page.contains(#"<a class="entity" id="mention-sergei-rudskoi-2" href="../entities/sergei-rudskoi.html" title="Sergei Rudskoi">Rudskoi</a>'s briefing"#))
        #expect(page.contains("<h2>Rudskoi in Syria</h2>"))
        #expect(page.contains(#"<a href="https://example.org">Syria</a>"#))
        #expect(page.occurrences(of: "class=\"entity\"") == 6)
        #expect(page.occurrences(of: "class=\"mention\"") == 1)
    }

    @Test func entityPageShowsWhoItIsAndEachMentionInContext() async throws {
        let page = try #require(try await site()["entities/islamic-state.html"])
        #expect(page.contains("<h1>Islamic State</h1>"))
        #expect(page.contains(#"<span class="kind">Group</span> · 4 mentions in 2 articles"#))
        #expect(page.contains(#"<span class="alias">ISIL <span class="count">2</span></span>"#))
        #expect(page.contains(#"<span class="alias">Daesh <span class="count">1</span></span>"#))
        #expect(page.contains("<p>Called <em>Daesh</em> by its enemies. <!-- raw HTML omitted -->raw<!-- raw HTML omitted --></p>"))
        #expect(page.contains(#"<a href="../articles/observatory-disagrees.html#mention-islamic-state-1">The monitor said <mark>Islamic State</mark> still held 8 per cent of Deir Ezzor.</a>"#))
        // Mentions follow reading order: the 7 December article first.
        let first = try #require(page.range(of: "Moscow declares victory"))
        let second = try #require(page.range(of: "Observatory disagrees"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(page.contains(#"<li><a href="sergei-rudskoi.html">Sergei Rudskoi</a> <span class="meta">in 1 article</span></li>"#))
    }

    @Test func entityPageCarriesSchemaOrgLinkedData() async throws {
        let site = try await site()
        let person = try #require(site["entities/sergei-rudskoi.html"])
        let data = try #require(person.linkedData.first)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
        #expect(json["@type"] as? String == "Person")
        #expect(json["name"] as? String == "Sergei Rudskoi")
        #expect(json["alternateName"] as? [String] == ["Rudskoi"])
        #expect(json["url"] as? String == "https://dossier.example/entities/sergei-rudskoi.html")
        let groupPage = try #require(site["entities/islamic-state.html"])
        let group = try #require(groupPage.linkedData.first)
        #expect(group.contains(#""@type": "Organization""#))
        #expect(group.contains(#""sameAs": ["#))
        let articlePage = try #require(site["articles/moscow-declares-victory.html"])
        let article = try #require(articlePage.linkedData.first)
        let news = try #require(try JSONSerialization.jsonObject(with: Data(article.utf8)) as? [String: Any])
        #expect(news["@type"] as? String == "NewsArticle")
        #expect((news["mentions"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
                == ["Islamic State", "Sergei Rudskoi", "Syria"])
    }

    @Test func entitiesIndexGroupsByKindMostMentionedFirst() async throws {
        let page = try #require(try await site()["entities/index.html"])
        let people = try #require(page.range(of: "<h2 id=\"kind-person\">People</h2>"))
        let groups = try #require(page.range(of: "<h2 id=\"kind-group\">Groups</h2>"))
        let places = try #require(page.range(of: "<h2 id=\"kind-place\">Places</h2>"))
        #expect(people.lowerBound < groups.lowerBound && groups.lowerBound < places.lowerBound)
        #expect(!page.contains("kind-organization"))  // no empty groups
        #expect(page.contains(#"<a href="islamic-state.html">Islamic State</a> <span class="meta">4 mentions in 2 articles</span>"#))
    }

    @Test func hostileEntityTextIsEscapedEverywhere() async throws {
        let hostile = Entity(slug: "x", name: "<script>alert(1)</script>", kind: .other, aliases: ["Evil \"Corp\""],
                             description: "<img src=x onerror=alert(1)>", sameAs: [], notes: "<script>alert(2)</script>")
        let site = try await renderSite([article("a", "A", body: "Evil \"Corp\" said <script>alert(1)</script>.")],
                                        entities: [hostile])
        for (path, html) in site where path.hasSuffix(".html") {
            #expect(html.executableScripts == 0, "\(path)")
            #expect(!html.contains("<img"), "\(path)")
            #expect(html.linkedData.allSatisfy { !$0.contains("<") }, "\(path)")
        }
        let page = try #require(site["articles/a.html"])
        #expect(page.contains(#"title="&lt;script&gt;alert(1)&lt;/script&gt;">Evil &quot;Corp&quot;</a>"#))
    }

    @Test func dossierJSONListsEntitiesAndEachArticlesEntities() async throws {
        let text = try #require(try await site()["dossier.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let list = try #require(json["entities"] as? [[String: Any]])
        #expect(list.map { $0["slug"] as? String } == ["islamic-state", "sergei-rudskoi", "syria"])
        for entry in list { #expect(Set(entry.keys) == ["slug", "name", "kind", "aliases", "url", "mentions"]) }
        let group = list[0]
        #expect(group["name"] as? String == "Islamic State")
        #expect(group["kind"] as? String == "group")
        #expect(group["aliases"] as? [String] == ["ISIL", "Daesh"])
        #expect(group["url"] as? String == "entities/islamic-state.html")
        let mentions = try #require(group["mentions"] as? [[String: Any]])
        #expect(mentions.map { $0["article"] as? String } == ["moscow-declares-victory", "observatory-disagrees"])
        #expect(mentions.map { $0["count"] as? Int } == [3, 1])
        let articles = try #require(json["articles"] as? [[String: Any]])
        #expect(articles.map { $0["entities"] as? [String] } == [["islamic-state", "sergei-rudskoi", "syria"], ["islamic-state"]])
    }

    @Test func frontPageListsTheMostNamedEntities() async throws {
        let page = try #require(try await site()["index.html"])
        #expect(page.contains("""
            <li><a href="entities/islamic-state.html">Islamic State</a> <span class="meta">4 mentions</span></li>
            <li><a href="entities/sergei-rudskoi.html">Sergei Rudskoi</a> <span class="meta">2 mentions</span></li>
            <li><a href="entities/syria.html">Syria</a> <span class="meta">2 mentions</span></li>
            """))
        #expect(page.contains(#"<a href="entities/index.html">All 3 entities</a>"#))
    }
}
