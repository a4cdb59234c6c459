import DossierCore
@testable import DossierRender
import Foundation
import Testing

/// Pages that would grow with the size of the dossier list a bounded number
/// of items in full and the rest briefly, linking every article all the same.
@Suite struct LargeDossierTests {
    /// `count` dated articles, each naming Syria and giving a figure: the
    /// first half "12 civilians", the others "40 civilians".
    private func articles(_ count: Int) -> [Article] {
        (0..<count).map { number in
            let day = String(format: "2017-%02d-%02d", 1 + number / 28 % 12, 1 + number % 28)
            return article(String(format: "report-%03d", number), "Report \(number)", date: day, outlet: "Outlet \(number % 4)",
                           body: "Syria said \(number < count / 2 ? 12 : 40) civilians were hurt.")
        }
    }

    private let syria = Entity(slug: "syria", name: "Syria", kind: .place)

    @Test func anEntityPageShowsTheFirstArticlesInContextAndListsTheRestByTitle() async throws {
        let count = PageContext.appearancesInContext + 7
        let site = try await renderSite(articles(count), entities: [syria])
        let page = try #require(site["entities/syria.html"])
        #expect(page.occurrences(of: "<section class=\"appearance\">") == PageContext.appearancesInContext)
        #expect(page.contains("7 more articles name Syria"))
        for number in 0..<count {
            #expect(page.contains(String(format: "href=\"../articles/report-%03d.html", number)), "article \(number) is not linked")
        }
        let listed = try #require(page.components(separatedBy: "more-appearances-heading").last)
        #expect(listed.occurrences(of: "<li>") == 7)
        #expect(listed.contains(String(format: "report-%03d.html\">Report %d</a>", count - 1, count - 1)))
    }

    @Test func anEntityInFewArticlesHasNoList() async throws {
        let page = try #require(try await renderSite(articles(3), entities: [syria])["entities/syria.html"])
        #expect(page.occurrences(of: "<section class=\"appearance\">") == 3)
        #expect(!page.contains("more-appearances"))
    }

    @Test func theFrontPageListsTheLatestArticlesAndLinksToAllOfThem() async throws {
        let count = SiteRenderer.frontPageArticles + 5
        let site = try await renderSite(articles(count))
        let front = try #require(site["index.html"])
        let list = try #require(front.components(separatedBy: "<ol class=\"article-list\">").last?.components(separatedBy: "</ol>").first)
        #expect(list.occurrences(of: "<li>") == SiteRenderer.frontPageArticles)
        #expect(list.contains(String(format: "report-%03d.html", count - 1)), "the latest is listed")
        #expect(!list.contains("report-000.html"), "the oldest is not")
        #expect(front.contains("the latest \(SiteRenderer.frontPageArticles) are listed here"))
        #expect(front.contains("<a href=\"articles/index.html\">All \(count) articles</a>"))
        #expect(try #require(site["articles/index.html"]).occurrences(of: "<li>") >= count)
    }

    @Test func aFewArticlesAreAllOnTheFrontPageWithNoLinkToAll() async throws {
        let front = try #require(try await renderSite(articles(4))["index.html"])
        #expect(front.contains("in order of publication.</p>"))
        #expect(!front.contains("All 4 articles"))
    }

    @Test func aFigureTableShowsEachValueOnceWithItsFirstSourcesAndHowManyMore() async throws {
        let site = try await renderSite(articles(10))
        let figures = try #require(site["figures/index.html"])
        let table = try #require(figures.components(separatedBy: "<tbody>").last?.components(separatedBy: "</tbody>").first)
        #expect(table.occurrences(of: "<tr>") == 2, "one row per value: 12 and 40")
        #expect(table.occurrences(of: "; and 2 more articles") == 2, "five articles give each value, three are linked")
        #expect(table.contains("report-000.html\">Report 0</a> · Outlet 0; <a"))
        #expect(figures.contains("Conflict: the values cannot all be true"))
    }
}

@Suite struct FigureTableBoundsTests {
    @Test func aTableShowsTheValuesGivenMostAndSaysHowManyItLeavesOut() async throws {
        // Value 100 in three articles, 200 in two, then 20 values given once.
        let counts = [100, 100, 100, 200, 200] + (1...20).map { 300 + $0 }
        let articles = counts.enumerated().map { number, count in
            article(String(format: "tally-%02d", number), "Tally \(number)", date: "2018-01-\(String(format: "%02d", 1 + number))",
                    body: "Officials counted \(count) tents.")
        }
        let figures = try #require(try await renderSite(articles)["figures/index.html"])
        let table = try #require(figures.components(separatedBy: "<tbody>").last?.components(separatedBy: "</tbody>").first)
        let shown = table.components(separatedBy: "<td class=\"value\">").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(shown == ["100", "200"] + (1...10).map { "\(300 + $0)" }, "the most given first, then the first given")
        #expect(figures.contains("Not shown: 10 more values, from 10 articles."))
    }
}
