import DossierAnalyse
import Foundation
import Testing

/// A text whose paragraphs are lists of sentences.
private func text(_ article: String, _ outlet: String?, _ paragraphs: [String]...) -> SyndicationText {
    SyndicationText(article: article, outlet: outlet, paragraphs: paragraphs)
}

/// The seed article `content/raw/<number>_*.txt`, split into paragraphs at
/// blank lines and into sentences by `Sentences`.
private func seed(_ number: String, outlet: String?) throws -> SyndicationText {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../content/raw").standardized
    let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path)
        .first { $0.hasPrefix(number + "_") && $0.hasSuffix(".txt") })
    let raw = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    var paragraphs: [[String]] = []
    var lines: [Substring] = []
    let rawLines = raw.split(separator: "\n", omittingEmptySubsequences: false)
    for line in rawLines + [Substring("")] {
        if line.allSatisfy(\.isWhitespace) {
            let bytes = Array(lines.joined(separator: "\n").utf8)
            let sentences = Sentences.ranges(in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
            if !sentences.isEmpty { paragraphs.append(sentences) }
            lines = []
        } else {
            lines.append(line)
        }
    }
    return SyndicationText(article: number, outlet: outlet, paragraphs: paragraphs)
}

/// The five seed articles in reading order.
private func seeds() throws -> [SyndicationText] {
    try [seed("000", outlet: nil), seed("001", outlet: nil), seed("002", outlet: nil),
         seed("003", outlet: "AP"), seed("004", outlet: "AFP")]
}

/// A sentence of `count` distinct words, `prefix0 prefix1 …`.
private func words(_ prefix: String, _ count: Int) -> String {
    (0..<count).map { "\(prefix)\($0)" }.joined(separator: " ") + "."
}

/// Each passage as its copies (`article paragraph:sentences`) and match.
private func summary(_ passages: [Passage]) -> [String] {
    passages.map { passage in
        passage.copies.map { "\($0.article) \($0.paragraph):\($0.sentences.lowerBound)..<\($0.sentences.upperBound)" }
            .joined(separator: ", ") + " \(passage.match)"
    }
}

private let wire = "Russia said on Thursday that it had completed its mission to liberate Syria from the militants."
private let wireFollowUp = "The UN cautioned that a territorial victory was incomplete without a political solution."

@Suite struct SyndicationTests {
    @Test func seedPassages() throws {
        let passages = Syndication.passages(in: try seeds())
        #expect(summary(passages) == [
            "000 3:0..<1, 004 5:0..<1 edited",  // Moscow's declaration … almost/nearly seven years
            "000 3:1..<2, 001 2:1..<2, 004 7:1..<2 edited",  // "The territory of Syria has been completely liberated …"
            "000 5:1..<2, 001 4:1..<2 verbatim",  // ISIL is an alternative abbreviation …
            "000 7:0..<1, 004 12:0..<1 verbatim",  // "To win territorially against Daesh …"
            "000 9:0..<1, 003 6:0..<1 edited",  // The Russian military/army says …
            "000 11:0..<1, 001 9:0..<1 verbatim",  // On Wednesday, Syrian forces …
            "001 4:0..<1, 004 8:0..<1 verbatim",  // There has been an "unprecedented" involvement …
            "001 8:0..<1, 004 18:0..<1 edited",  // Its biggest presence … eight percent / 8 per cent
            "001 10:0..<1, 004 26:0..<1 edited",  // Last month … shifts/shifted
            "001 11:0..<1, 004 27:0..<1 verbatim",  // More than 340,000 people …
        ])
        #expect(passages[5].text == "On Wednesday, Syrian forces supported by Russian Federation air power had swept "
            + "through the remaining Islamic State territory in the Deir Ezzor region, seizing Abu Kamal and other "
            + "cities on the west bank of the Euphrates near the Iraq border, Mr Rudskoi said.")
        #expect(passages[9].text.hasPrefix("More than 340,000 people have been killed since the conflict broke out"))
        #expect(passages[6].text.hasPrefix("There has been an \"unprecedented\" involvement by Russia's airforce"))
        #expect(passages[0].text.hasPrefix("Moscow's declaration that Syria had been \"completely liberated\" from IS"))
    }

    /// 001's "The Kurdish-led Syrian Democratic Forces on Sunday thanked …" and
    /// 003's "The Syrian Democratic Forces led by the Kurds on Sunday thanked
    /// …" say the same in other words: 7 of 26 shingles shared, a longest
    /// shared run of 7 words. Not a copy.
    @Test func aRewriteIsNotACopy() throws {
        let texts = try seeds()
        let kurdish = try #require(texts[1].paragraphs.firstIndex { $0[0].hasPrefix("The Kurdish-led Syrian") })
        let rewrite = try #require(texts[3].paragraphs.firstIndex { $0.contains { $0.hasPrefix("The Syrian Democratic") } })
        let copies = Syndication.passages(in: texts).flatMap(\.copies)
        #expect(!copies.contains { $0.article == "001" && $0.paragraph == kurdish })
        #expect(!copies.contains { $0.article == "003" && $0.paragraph == rewrite && $0.sentences.contains(1) })
    }

    @Test func emptyInputsHaveNoPassages() {
        #expect(Syndication.passages(in: []).isEmpty)
        #expect(Syndication.passages(in: [text("a", nil), text("b", nil, []), text("c", nil, ["", "—", "?"])]).isEmpty)
    }

    @Test func copiesInTheSameOutletAreIgnored() {
        let passages = Syndication.passages(in: [text("a", "AFP", [wire]), text("b", "AFP", [wire])])
        #expect(passages.isEmpty)
    }

    @Test func unknownOutletsAreDistinct() {
        #expect(summary(Syndication.passages(in: [text("a", nil, [wire]), text("b", nil, [wire])]))
            == ["a 0:0..<1, b 0:0..<1 verbatim"])
        #expect(summary(Syndication.passages(in: [text("a", nil, [wire]), text("b", "AFP", [wire])]))
            == ["a 0:0..<1, b 0:0..<1 verbatim"])
    }

    @Test func shortSentencesAloneDoNotMatch() {
        let seven = "Talks will resume in Geneva next week."
        let eight = "Peace talks will resume in Geneva next week."
        #expect(Syndication.passages(in: [text("a", nil, [seven]), text("b", nil, [seven])]).isEmpty)
        #expect(summary(Syndication.passages(in: [text("a", nil, [eight]), text("b", nil, [eight])]))
            == ["a 0:0..<1, b 0:0..<1 verbatim"])
    }

    @Test func aShortSentenceJoinsARun() {
        let passages = Syndication.passages(in: [
            text("a", nil, [wire, "He said so.", wireFollowUp, "Nobody agreed."]),
            text("b", nil, ["A new lead.", wire, "he said so", wireFollowUp, "Nobody agreed!"]),
        ])
        #expect(summary(passages) == ["a 0:0..<4, b 0:1..<5 verbatim"])
        #expect(passages.first?.text == "\(wire) He said so. \(wireFollowUp) Nobody agreed.")
    }

    @Test func aThreeArticlePassageHasTheEarliestAsOrigin() {
        let edited = wire.replacingOccurrences(of: "Thursday", with: "Friday")
        let passages = Syndication.passages(in: [
            text("first", nil, [words("x", 10)], [edited]),
            text("second", "AP", [wire]),
            text("third", "AFP", [words("y", 10)], [words("z", 10), wire]),
        ])
        #expect(summary(passages) == ["first 1:0..<1, second 0:0..<1, third 1:1..<2 edited"])
        #expect(passages.first?.text == edited)
    }

    @Test func consecutiveMatchingSentencesBecomeOnePassage() {
        let passages = Syndication.passages(in: [
            text("a", nil, [wire, wireFollowUp]),
            text("b", nil, [words("x", 10), wire, wireFollowUp]),
        ])
        #expect(summary(passages) == ["a 0:0..<2, b 0:1..<3 verbatim"])
        #expect(passages.first?.text == wire + " " + wireFollowUp)
    }

    @Test func aPassageStopsAtAParagraphBreak() {
        let passages = Syndication.passages(in: [text("a", nil, [wire], [wireFollowUp]), text("b", nil, [wire, wireFollowUp])])
        #expect(summary(passages) == ["a 0:0..<1, b 0:0..<1 verbatim", "a 1:0..<1, b 0:1..<2 verbatim"])
    }

    @Test func aPassageStopsWhereTheArticlesSharingItChange() {
        let passages = Syndication.passages(in: [
            text("a", nil, [wire, wireFollowUp]), text("b", nil, [wire]), text("c", nil, [wireFollowUp]),
        ])
        #expect(summary(passages) == ["a 0:0..<1, b 0:0..<1 verbatim", "a 0:1..<2, c 0:0..<1 verbatim"])
    }

    @Test func anArticleWithTwoCopiesKeepsTheFirst() {
        let passages = Syndication.passages(in: [text("a", nil, [wire]), text("b", nil, [wire], [words("x", 9), wire])])
        #expect(summary(passages) == ["a 0:0..<1, b 0:0..<1 verbatim"])
    }

    @Test func aSharedRunOfFifteenWordsIsAnEditedCopy() {
        let shared = words("s", 15).dropLast()
        let fourteen = words("s", 14).dropLast()
        let run = [text("a", nil, ["\(shared) \(words("a", 20))"]), text("b", nil, ["\(shared) \(words("b", 20))"])]
        #expect(summary(Syndication.passages(in: run)) == ["a 0:0..<1, b 0:0..<1 edited"])
        let shorter = [text("a", nil, ["\(fourteen) \(words("a", 20))"]), text("b", nil, ["\(fourteen) \(words("b", 20))"])]
        #expect(Syndication.passages(in: shorter).isEmpty)
    }

    @Test func caseAndPunctuationDoNotMatter() {
        let passages = Syndication.passages(in: [
            text("a", nil, ["There has been an \"unprecedented\" involvement by Russia's airforce in recent days."]),
            text("b", nil, ["THERE HAS BEEN AN “UNPRECEDENTED” INVOLVEMENT BY RUSSIA’S AIRFORCE IN RECENT DAYS!"]),
        ])
        #expect(summary(passages) == ["a 0:0..<1, b 0:0..<1 verbatim"])
        let accented = Syndication.passages(in: [
            text("a", nil, ["Le ministère de la Défense a déclaré que la Syrie était libérée."]),
            text("b", nil, ["LE MINISTÈRE DE LA DÉFENSE A DÉCLARÉ QUE LA SYRIE ÉTAIT LIBÉRÉE."]),
        ])
        #expect(summary(accented) == ["a 0:0..<1, b 0:0..<1 verbatim"])
    }

    /// Letters, marks and digits of any script make words; other symbols
    /// and apostrophes separate them.
    @Test func wordsAreRunsOfLettersAndDigits() {
        let passages = Syndication.passages(in: [
            text("a", nil, ["Министерство обороны России заявило, что Сирия освобождена 100%."]),
            text("b", nil, ["министерство — обороны «России» заявило что сирия освобождена 100"]),
            text("c", nil, ["Russia’s ministry said the country’s army had won the war."]),
            text("d", nil, ["Russia s ministry said the country s army had won the war"]),
        ])
        #expect(summary(passages) == ["a 0:0..<1, b 0:0..<1 verbatim", "c 0:0..<1, d 0:0..<1 verbatim"])
    }

    @Test func boilerplateInMoreThanHalfOfTenArticlesIsIgnored() {
        let notice = "Copyright 2017 The Associated Press. All rights reserved, this material may not be published."
        func articles(_ count: Int, sharing sharing: Int) -> [SyndicationText] {
            (0..<count).map { text("a\($0)", "outlet \($0)", [words("w\($0)x", 10), $0 < sharing ? notice : words("v\($0)x", 10)]) }
        }
        #expect(Syndication.passages(in: articles(10, sharing: 6)).isEmpty)
        #expect(Syndication.passages(in: articles(10, sharing: 5)).first?.copies.count == 5)
        #expect(Syndication.passages(in: articles(9, sharing: 9)).first?.copies.count == 9)
    }

    @Test func aShingleInMoreSentencesThanTheCapIsIgnored() {
        #expect(Syndication.maximumSentencesPerShingle(articleCount: 300) == 100)
        func articles(sharing count: Int) -> [SyndicationText] {
            (0..<300).map { text("a\($0)", nil, [$0 < count ? wire : words("w\($0)x", 16)]) }
        }
        #expect(Syndication.passages(in: articles(sharing: 100)).first?.copies.count == 100)
        #expect(Syndication.passages(in: articles(sharing: 101)).isEmpty)
    }

    /// Outlet names only sort articles into outlets: renaming them (which
    /// reorders any dictionary keyed by them) changes nothing.
    @Test func outputDoesNotDependOnHashing() throws {
        let texts = try seeds()
        let once = Syndication.passages(in: texts)
        #expect(Syndication.passages(in: texts) == once)
        let renamed = texts.enumerated().map { index, text in
            SyndicationText(article: text.article, outlet: "outlet \(index * 7919)", paragraphs: text.paragraphs)
        }
        #expect(Syndication.passages(in: renamed) == once)
    }
}
