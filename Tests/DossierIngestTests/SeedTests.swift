import DossierCore
import Foundation
import Testing
@testable import DossierIngest

/// The five seed articles: exact metadata, golden Markdown, no chrome left,
/// and every line of the story kept.
@Suite struct SeedTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        let file: String
        let title: String
        let date: String?
        let outlet: String?
        let dateline: String?
        /// Raw lines (or parts of lines) that are web chrome or metadata.
        let chrome: [String]
        var testDescription: String { file }
    }

    static let seeds: [Expected] = [
        Expected(file: "000_1f3997cdf90640bb.txt",
                 title: "Syria '100% Free of Islamic State' - Russia's Defense Ministry",
                 date: "2017-12-08", outlet: nil, dateline: nil,
                 chrome: ["Sunday, 21 October 2018", "Latest news", "Main »", "08 December 2017"]),
        Expected(file: "001_78cff40671c96f4c.txt",
                 title: "Russian Armed Forces Complete Mission to Destroy Daesh in Syria - Gen. Staff",
                 date: nil, outlet: nil, dateline: nil,
                 chrome: ["Related Articles"]),
        Expected(file: "002_54d32b1cd897b03d.txt",
                 title: "Syria fully liberated from ISIS terrorists - Russian MoD",
                 date: "2017-12-08", outlet: nil, dateline: nil,
                 chrome: ["08/12/2017", "**Trends** Russian anti-terrorist op in Syria, Syria war",
                          "Read more <u>Russia supporting & coordinating Syrian Kurdish-led anti-ISIS battle</u> <u>east of Euphrates – MoD</u>"]),
        Expected(file: "003_f1754c3b8ef0a2c1.txt",
                 title: "Putin says that IS suffers \"complete defeat\" in eastern Syria",
                 date: nil, outlet: "AP", dateline: "BEIRUT",
                 chrome: ["Home / Uncategorized /", "BEIRUT – ", "Copyright 2017 The Associated Press. All rights reserved. This material can not be published, transmitted, rewritten or redistributed.",
                          "Source link", "Leave a Reply"]),
        Expected(file: "004_b86b509722f25f8f.txt",
                 title: "Russia says goal of defeating Daesh in Syria 'accomplished'",
                 date: "2017-12-08", outlet: "AFP", dateline: "MOSCOW",
                 chrome: ["You are here", "By AFP - Dec 08,2017 - Last updated at Dec 08,2017",
                          "Hizbollah and Syrian flags flutter on a military vehicle in Western Qalamoun, Syria, on August 28 (Reuters photo)",
                          "MOSCOW — ", "up", "55 users have voted.", "Newsletter",
                          "Get top stories and blog posts emailed to you each day.", "PDF"]),
    ]

    @Test(arguments: seeds)
    func metadataIsWhatTheArticleSays(_ seed: Expected) {
        let metadata = Seeds.normalization(seed.file).metadata
        #expect(metadata.title == seed.title)
        #expect(metadata.date?.description == seed.date)
        #expect(metadata.outlet == seed.outlet)
        #expect(metadata.dateline == seed.dateline)
        #expect(metadata.source == "raw/\(seed.file)")
    }

    @Test(arguments: seeds)
    func markdownMatchesTheGoldenFile(_ seed: Expected) throws {
        let normalization = Seeds.normalization(seed.file)
        let produced = ArticleFileWriter.text(metadata: normalization.metadata, body: normalization.body)
        let golden = try #require(Bundle.module.url(forResource: "Golden/\(seed.file.dropLast(4))", withExtension: "md"))
        #expect(produced == (try String(contentsOf: golden, encoding: .utf8)))
    }

    /// Chrome is a whole line, a line's opening (`Main »`, `BEIRUT – `) or
    /// its end (`**Trends** …`); what is left of each raw line is story.
    @Test(arguments: seeds)
    func noChromeIsLeftAndEveryStoryLineIsKept(_ seed: Expected) {
        let page = renderedText(Seeds.normalization(seed.file).body)
        let paragraphs = Set(page.components(separatedBy: "\n\n"))
        let chrome = seed.chrome.map(visible)
        for piece in chrome {
            #expect(piece.wordCount < 4 ? !paragraphs.contains(piece) : !page.contains(piece),
                    "chrome left in the page: \(piece)")
        }
        var headlineSeen = false
        for rawLine in Seeds.text(seed.file).split(separator: "\n") {
            var line = visible(String(rawLine))
            for piece in chrome {
                if line == piece { line = "" }
                if line.hasPrefix(piece) { line = String(line.dropFirst(piece.count)) }
                if line.hasSuffix(piece) { line = String(line.dropLast(piece.count)) }
                line = line.trimmingCharacters(in: .whitespaces)
            }
            line = line.replacingOccurrences(of: "*", with: "")
            if line == seed.title { headlineSeen = true }
            if line.isEmpty || line.hasSuffix(seed.title) { continue }  // the headline, or a breadcrumb ending in it
            #expect(page.contains(line), "story line missing from the page: \(line)")
        }
        #expect(headlineSeen)
    }

    /// What a line shows once markup is gone and spaces are plain.
    func visible(_ text: String) -> String {
        HTMLRemnants.strip(TextDecoding.clean(text)).split(separator: " ").joined(separator: " ")
    }

    @Test func everySeedFileIsCovered() {
        #expect(Seeds.names == Self.seeds.map(\.file))
    }
}
