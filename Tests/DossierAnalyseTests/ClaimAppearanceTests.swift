import CommonMark
@testable import DossierAnalyse
import DossierCore
import DossierIngest
import Testing

/// A claim read from `content/claims/<slug>.md`, its quotes from line 5 and
/// its `disputed_by` phrases from line 10.
private func claim(_ slug: String, quotes: [String], disputedBy: [String] = [], claimants: [String] = []) -> Claim {
    let path = "content/claims/\(slug).md"
    return Claim(slug: slug, statement: "Claim \(slug)", claimants: claimants,
                 quotes: quotes.enumerated().map { ClaimPhrase($1, at: SourceLocation(path: path, line: 5 + $0, column: 5)) },
                 disputedBy: disputedBy.enumerated().map { ClaimPhrase($1, at: SourceLocation(path: path, line: 10 + $0, column: 5)) },
                 path: path)
}

private func article(_ slug: String, _ body: String, outlet: String? = nil) -> Article {
    Article(slug: slug, metadata: ArticleMetadata(title: slug, date: CalendarDate(iso: "2017-12-07"), outlet: outlet),
            body: body, path: "content/articles/\(slug).md")
}

/// The dossier of `articles`, `claims` and `entities` after analysis.
private func analyse(_ articles: [Article], _ claims: [Claim], entities: [Entity] = []) async -> AnalysedDossier {
    await Analyse.run(IngestedContent(config: DossierConfig(title: "T"), articles: articles, entities: entities, claims: claims))
}

/// The appearances of `claims` in one article with `body`, as (stance, sentence).
private func appearances(_ body: String, _ claims: [Claim], entities: [Entity] = []) async -> [String] {
    let dossier = await analyse([article("a", body)], claims, entities: entities)
    return dossier.articles[0].claimAppearances.map { "\($0.claim) \($0.stance.rawValue): \($0.text)" }
}

/// The article's HTML with claim and mention wraps in brackets, applied as render does: claims first.
private func bracketed(_ body: String, _ claims: [Claim], entities: [Entity]) async -> String {
    let dossier = await analyse([article("a", body)], claims, entities: entities)
    let analysed = dossier.articles[0]
    analysed.document.wrap(analysed.claimAppearances.map { InlineWrap(span: $0.span, enter: "{", exit: "}") }
        + analysed.mentions.map { InlineWrap(span: $0.span, enter: "[", exit: "]") })
    return analysed.document.html()
}

@Suite struct ClaimAppearanceTests {
    // MARK: - Phrase matching

    @Test func phrasesIgnoreCaseWhiteSpaceAndQuoteStyle() async {
        let liberated = claim("liberated", quotes: [#""completely   liberated""#, "Russia's air force"])
        #expect(await appearances("They said Syria was “Completely\nliberated”. Nothing else.", [liberated])
            == ["liberated reports: They said Syria was “Completely liberated”."])
        #expect(await appearances("It praised RUSSIA’S AIR FORCE. Nothing else.", [liberated])
            == ["liberated reports: It praised RUSSIA’S AIR FORCE."])
        #expect(await appearances("Completely liberalised. Russias air force.", [liberated]) == [])
    }

    @Test func phrasesMatchWholeWordsOnly() async {
        let toll = claim("toll", quotes: ["12 civilians"])
        #expect(await appearances("At least 112 civilians died. Then 12 civilians more.", [toll]) == ["toll reports: Then 12 civilians more."])
    }

    @Test func lettersOutsideASCIIFoldToo() async {
        let attaches = claim("attaches", quotes: ["ÉTÉ DÉTRUITES"])
        #expect(await appearances("Les unités ont été détruites, dit-il.", [attaches])
            == ["attaches reports: Les unités ont été détruites, dit-il."])
    }

    // MARK: - Sentences and stance

    @Test func eachSentenceAppearsOncePerClaimAndADisputingPhraseWins() async {
        let liberated = claim("liberated", quotes: ["liberated", "no territory"], disputedBy: ["still holds"])
        let body = "Syria is liberated: no territory is left. But IS still holds 8 per cent, liberated or not. It is over."
        #expect(await appearances(body, [liberated]) == [
            "liberated reports: Syria is liberated: no territory is left.",
            "liberated disputes: But IS still holds 8 per cent, liberated or not.",
        ])
    }

    @Test func oneSentenceCanCarryTwoClaimsAndAnchorsCountPerClaim() async {
        let a = claim("a", quotes: ["liberated"])
        let b = claim("b", quotes: ["defeat"])
        let dossier = await analyse([article("x", "Liberated and a defeat. Liberated again.")], [a, b])
        let found = dossier.articles[0].claimAppearances
        #expect(found.map(\.anchor) == ["claim-a-1", "claim-b-1", "claim-a-2"])
        #expect(found[0].span == found[1].span)
    }

    @Test func abbreviationsDecimalsAndQuotesStayInsideTheirSentence() async {
        let sorties = claim("sorties", quotes: ["100 sorties"])
        let body = #"Gen. Rudskoi told the U.S. envoy on Dec. 7 that jets made 1,500.5 or "100 sorties." He left."#
        #expect(await appearances(body, [sorties])
            == [#"sorties reports: Gen. Rudskoi told the U.S. envoy on Dec. 7 that jets made 1,500.5 or "100 sorties.""#])
    }

    // MARK: - Spans in the tree

    @Test func aSentenceOpeningInEmphasisIsWrappedWholeAroundItsMentions() async {
        let liberated = claim("liberated", quotes: ["territory is liberated"])
        let gerasimov = Entity(slug: "gerasimov", name: "Valery Gerasimov")
        let syria = Entity(slug: "syria", name: "Syria")
        let html = await bracketed(#"*"In Syria the territory is liberated,"* Valery Gerasimov said. *Syria* wins."#,
                                   [liberated], entities: [gerasimov, syria])
        #expect(html == "<p>{<em>&quot;In [Syria] the territory is liberated,&quot;</em> [Valery Gerasimov] said.} <em>[Syria]</em> wins.</p>\n")
    }

    @Test func twoSentencesEndingInOneEmphasisShareOneSpan() async {
        let a = claim("a", quotes: ["it ends"])
        let b = claim("b", quotes: ["second"])
        let html = await bracketed("The first one. *It ends. The second* one. Third.", [a, b], entities: [])
        #expect(html == "<p>The first one. {{<em>It ends. The second</em> one.}} Third.</p>\n")
    }

    // MARK: - Sources and problems

    @Test func copiesOfOnePassageCountAsOneIndependentSource() {
        func report(_ article: String, _ sentence: Int) -> ClaimAppearance {
            let node = MarkdownDocument(parsing: "x").root
            return ClaimAppearance(claim: "c", article: article, stance: .reports, ordinal: 1, paragraph: 0, sentence: sentence,
                                   text: "", span: InlineSpan(start: TextPosition(node: node, utf8Offset: 0),
                                                              end: TextPosition(node: node, utf8Offset: 0)))
        }
        let reports = [report("a", 0), report("b", 3), report("c", 1), report("d", 0)]
        let copies: [SentenceReference: Int] = [SentenceReference(article: "a", paragraph: 0, sentence: 0): 7,
                                                SentenceReference(article: "b", paragraph: 0, sentence: 3): 7]
        #expect(ClaimAnalysis.independentCount(reports, sources: ["article:a", "article:b", "outlet:AFP", "outlet:AP"], passageOf: copies) == 3)
        #expect(ClaimAnalysis.independentCount(reports, sources: ["article:a", "article:b", "outlet:AFP", "outlet:AFP"], passageOf: copies) == 2)
        #expect(ClaimAnalysis.independentCount(reports, sources: ["article:a", "article:b", "outlet:AFP", "outlet:AP"], passageOf: [:]) == 4)
    }

    @Test func sourcesAreOutletsAndArticlesOfUnknownOutlet() async {
        let liberated = claim("liberated", quotes: ["liberated"])
        let dossier = await analyse([article("a", "It is liberated.", outlet: "AFP"), article("b", "Liberated, it said.", outlet: "AFP"),
                                     article("c", "Liberated!"), article("d", "Liberated too.")], [liberated])
        #expect(dossier.claims[0].sourceCount == 3)
        #expect(dossier.claims[0].reports.map(\.article) == ["a", "b", "c", "d"])
    }

    @Test func phrasesThatMatchNothingAreWarningsAtTheirLines() async {
        let liberated = claim("liberated", quotes: ["liberated", "never written"], disputedBy: ["nor this"])
        let dossier = await analyse([article("a", "It is liberated.")], [liberated])
        #expect(dossier.diagnostics.map { String(describing: $0) } == [
            "content/claims/liberated.md:6:5: warning: 'never written' (quotes) matches no sentence in any article",
            "content/claims/liberated.md:10:5: warning: 'nor this' (disputed_by) matches no sentence in any article",
        ])
    }

    @Test func entitiesKnowTheClaimsTheyMadeAndTheClaimsAboutThem() async {
        let russia = Entity(slug: "russia", name: "Russia")
        let syria = Entity(slug: "syria", name: "Syria")
        var liberated = claim("liberated", quotes: ["liberated"], claimants: ["russia"])
        liberated.statement = "Syria is liberated"
        let dossier = await analyse([article("a", "Russia says Syria is liberated.")], [liberated], entities: [russia, syria])
        #expect(dossier.entity("russia")?.claimsMade == ["liberated"])
        #expect(dossier.entity("russia")?.claimsAbout == [])
        #expect(dossier.entity("syria")?.claimsAbout == ["liberated"])
        #expect(dossier.claim("liberated")?.about == ["syria"])
    }
}

@Suite struct PhraseFoldingTests {
    @Test func foldsCaseSpacesAndQuotationMarksKeepingWhereEachByteCameFrom() {
        let text = Array("Hello\t \n  \u{201C}WORLD\u{201D}\u{2019}s".utf8)
        let folded = PhraseFolding(text)
        #expect(String(decoding: folded.bytes, as: UTF8.self) == "hello \"world\"'s")
        #expect(folded.origins[0] == 0)
        #expect(folded.origins[5] == 5, "the run of white space starts at the tab")
        #expect(folded.origins[6] == 10, "the opening quotation mark is three bytes at 10")
        #expect(folded.origins[7] == 13)
        #expect(folded.origins.last == text.count)
    }

    @Test func asciiTextIsFoldedAsAnyTextIs() {
        var state: UInt64 = 11  // a fixed sequence (an LCG), so a failure can be run again
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        let pieces = ["a", "Z", "Q", "7", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "'", "\"", "-", "."]
        for _ in 0..<500 {
            let text = Array((0..<next(30)).map { _ in pieces[next(pieces.count)] }.joined().utf8)
            let (fast, general) = (PhraseFolding(text), PhraseFolding(anyText: text))
            #expect(fast.bytes == general.bytes && fast.origins == general.origins, "\(String(decoding: text, as: UTF8.self).debugDescription)")
        }
    }

    /// Claims are matched in most paragraphs without a folded copy: the
    /// matcher folds ASCII case and white space as it reads. Where the text
    /// allows that, it must find what it finds in the folded copy, at the same offsets.
    @Test func aFoldingMatcherFindsInTheTextWhatAPlainOneFindsInItsFoldedCopy() {
        var state: UInt64 = 5
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        let patterns = ["islamic state", "the war is over", "over", "s"]
        let (plain, folding) = (AliasMatcher(patterns: patterns), AliasMatcher(patterns: patterns, foldingASCII: true))
        let pieces = ["Islamic", "ISLAMIC", "state", "State", "The", "war", "IS", "is", "OVER", "over", " ", "\t", "\n",
                      "  ", "\r", "\u{0B}", "'s", ".", "\u{00E9}"]
        let examples = ["Islamic\rState", "THE\u{0B}War\u{0C}is\tOver", "the war is\nover", "Islamic  State"]
        let generated = (0..<2_000).map { _ in
            (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined(separator: [" ", "", "\n"][next(3)])
        }
        var (compared, matched) = (0, 0)
        for text in (examples + generated).map({ Array($0.utf8) }) {
            let folded = PhraseFolding(text)
            let foldable = PhraseFolding.isFoldedByMatcher(text)
            #expect(foldable == (text.allSatisfy { $0 < 0x80 } && folded.bytes.count == text.count),
                    "\(String(decoding: text, as: UTF8.self).debugDescription)")
            guard foldable else { continue }
            compared += 1
            let found = folding.occurrences(in: text)
            #expect(found == plain.occurrences(in: folded.bytes), "\(String(decoding: text, as: UTF8.self).debugDescription)")
            matched += found.isEmpty ? 0 : 1
        }
        #expect(compared > 500 && matched > 200)  // both kinds of text, and many with matches, were tried
    }

    @Test func foldsLettersBeyondASCIIAndUnicodeSpaces() {
        let folded = PhraseFolding(Array("\u{00C9}TAT\u{00A0}ISLAMIQUE \u{0414}\u{0410}\u{0418}\u{0428}".utf8))
        #expect(String(decoding: folded.bytes, as: UTF8.self) == "\u{00E9}tat islamique \u{0434}\u{0430}\u{0438}\u{0448}")
    }
}
