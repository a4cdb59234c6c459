import DossierCore
@testable import DossierAnalyse
import DossierIngest
import Testing

/// The candidate phrases of `text` when `covered` names are already entities.
func phrases(_ text: String, covered: [String] = []) -> [String] {
    let bytes = Array(text.utf8)
    let index = EntityIndex(entities: covered.enumerated().map { Entity(slug: "e\($0)", name: $1) })
    return CapitalisedPhrases.find(in: bytes, covered: index.mentions(inPlainText: bytes).map(\.range),
                                   knownNames: Set(covered)).map(\.0)
}

@Suite struct TransliterationKeyTests {
    @Test(arguments: ["Deir Ezzor", "Deir el-Zour", "Deir ez-Zor", "Deir al-Zor", "Dayr az-Zawr", "Deir Ezzour"])
    func spellingsOfDeirEzzorShareAKey(_ spelling: String) {
        #expect(TransliterationKey.of(spelling) == "drzr")
    }

    @Test func articlesAccentsAndApostrophesDoNotCount() {
        #expect(TransliterationKey.of("Bashar al-Assad") == TransliterationKey.of("Bashar Assad"))
        #expect(TransliterationKey.of("Sergei Shoigu") == TransliterationKey.of("Sergey Shoigu"))
        #expect(TransliterationKey.of("Rudskoi") == TransliterationKey.of("Rudskoy"))
        #expect(TransliterationKey.of("Idlib") == TransliterationKey.of("Idlîb"))
        #expect(TransliterationKey.of("Ma'arrat") == TransliterationKey.of("Maarrat"))
    }

    @Test func differentNamesKeepDifferentKeys() {
        #expect(TransliterationKey.of("Deir Ezzor 24") != TransliterationKey.of("Deir Ezzor"))
        #expect(TransliterationKey.of("Homs") != TransliterationKey.of("Hama"))
        #expect(TransliterationKey.of("ISIL") == "sl")  // acronyms give short keys, never used to propose
    }
}

@Suite struct CapitalisedPhraseTests {
    @Test func runsOfCapitalisedWordsWithConnectors() {
        #expect(phrases("Later the Syrian Observatory for Human Rights said so.") == ["Syrian Observatory for Human Rights"])
        #expect(phrases("He met staff of the Organisation for the Prohibition of Chemical Weapons today.")
            == ["Organisation for the Prohibition of Chemical Weapons"])
    }

    @Test func punctuationPossessivesAndListsEndAPhrase() {
        #expect(phrases("It hit Homs, Hama and Idlib.") == ["Homs", "Hama", "Idlib"])
        #expect(phrases("Then Russia's Defense Ministry spoke.") == ["Russia", "Defense Ministry"])
    }

    @Test func titlesDaysAndSentenceStartsAreLeftOut() {
        #expect(phrases("Last month, President Vladimir Putin said on Wednesday that Syrian President Bashar Assad won.")
            == ["Vladimir Putin", "Bashar Assad"])
        #expect(phrases("Meanwhile talks went on. Smashing the blockade helped.") == [])
    }

    @Test func adjectivesOfNationalityAreLeftOutWhenAlone() {
        #expect(phrases("The offensive by Kurdish and Syrian troops, in Arabic, took Raqqa.") == ["Raqqa"])
        #expect(phrases("He said the Syrian Democratic Forces won.") == ["Syrian Democratic Forces"])
        #expect(phrases("Iraqi forces moved toward Iraq.", covered: ["Iraq"]) == [])
    }

    @Test func particlesAndArabicArticles() {
        #expect(phrases("Envoy Staffan de Mistura and later de Mistura met al-Jarthi elders.")
            == ["Staffan de Mistura", "de Mistura", "al-Jarthi"])
        #expect(phrases("Fighting in Deir el-Zour went on.") == ["Deir el-Zour"])
    }

    @Test func compoundAdjectivesAreNotNames() {
        #expect(phrases("The US-led coalition and Russian-backed troops met.") == [])
    }

    @Test func coveredMentionsAreNotSuggestedAgain() {
        #expect(phrases("The envoy said Syria and Geneva matter.", covered: ["Syria"]) == ["Geneva"])
        // A lone word right after a mention extends it rather than naming something new.
        #expect(phrases("It holds 8 per cent of Deir Ezzor Province, he said.", covered: ["Deir Ezzor"]) == [])
    }
}

@Suite struct SuggestTests {
    func dossier(_ bodies: [String], entities: [Entity] = []) async -> AnalysedDossier {
        let articles = bodies.enumerated().map { index, body in
            Article(slug: "a\(index)", metadata: ArticleMetadata(title: "A\(index)", date: CalendarDate(iso: "2017-12-0\(index + 1)")),
                    body: body, path: "content/articles/a\(index).md")
        }
        return await Analyse.run(IngestedContent(config: DossierConfig(title: "T"), articles: articles, entities: entities))
    }

    @Test func recurringNamesAcrossArticlesBecomeEntitySuggestions() async {
        let suggestions = Suggest.run(await dossier([
            "Talks resumed in Geneva. Envoy Staffan de Mistura spoke.",
            "Officials flew to Geneva on Sunday, and de Mistura said more. Aleppo was quiet.",
        ]))
        #expect(suggestions.entities.map(\.phrase) == ["Geneva", "Staffan de Mistura"])
        let envoy = suggestions.entities[1]
        #expect(envoy.variants == ["de Mistura"])
        #expect(envoy.mentions == 2 && envoy.articles == ["a0", "a1"])
        #expect(envoy.example == "Envoy Staffan de Mistura spoke." && envoy.exampleArticle == "a0")
        #expect(suggestions.aliases.isEmpty)  // "Aleppo" is in one article only: not suggested
    }

    @Test func spellingsOfADescribedEntityBecomeAliasSuggestions() async {
        let deir = Entity(slug: "deir-ezzor", name: "Deir Ezzor", kind: .place)
        let suggestions = Suggest.run(await dossier(["Troops reached Deir el-Zour and Deir Ezzor."], entities: [deir]))
        #expect(suggestions.aliases.map(\.phrase) == ["Deir el-Zour"])
        #expect(suggestions.aliases.first?.entity == "deir-ezzor")
        #expect(suggestions.aliases.first?.key == "drzr")
        #expect(suggestions.entities.isEmpty)
    }
}

@Suite struct CapitalisedPhraseRobustnessTests {
    @Test(arguments: 0..<200)
    func anyTextGivesPhrasesTakenFromIt(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let pieces = ["Deir", "el-", "Zour", "de", "the", "of", " ", " ", ". ", ", ", "’s", "'", "-", "President", "A",
                      "Syrian", "Monday", "é", "Über", "x", "\n", "\"", "IS"]
        let text = (0..<Int(random.next() % 40)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        for phrase in phrases(text, covered: ["IS", "Deir el-Zour"]) {
            #expect(!phrase.isEmpty && text.contains(phrase), "\(phrase) from \(text)")
            #expect(phrase.first?.isWhitespace == false && phrase.last?.isWhitespace == false, "\(phrase) from \(text)")
        }
    }
}
