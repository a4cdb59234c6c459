import CommonMark
import DossierCore
import DossierLoad
import Testing
@testable import DossierIngest

/// One example per named rule: the raw text, the line the rule must act on
/// and what it must do there.
struct RuleExample: CustomTestStringConvertible, Sendable {
    let rule: String
    let raw: String
    let line: Int
    let action: IngestDecision.Action
    var testDescription: String { "\(rule) on line \(line)" }
}

/// Lines of the body that follow the headline and first paragraph of `article(_:)`.
let bodyLine = 5

let ruleExamples: [RuleExample] = [
    RuleExample(rule: "site-chrome", raw: article("Latest news"), line: bodyLine, action: .dropped),
    RuleExample(rule: "site-chrome", raw: "You are here\n\nA headline about the war\n\nThe story begins here with enough words to count.", line: 1, action: .dropped),
    RuleExample(rule: "share-and-print", raw: article("Share Tweet Email"), line: bodyLine, action: .dropped),
    RuleExample(rule: "share-and-print", raw: article("PDF"), line: bodyLine, action: .dropped),
    RuleExample(rule: "share-and-print", raw: article("Share on Facebook"), line: bodyLine, action: .dropped),
    RuleExample(rule: "advertisement", raw: article("Advertisement"), line: bodyLine, action: .dropped),
    RuleExample(rule: "votes-and-counters", raw: article("55 users have voted."), line: bodyLine, action: .dropped),
    RuleExample(rule: "votes-and-counters", raw: article("up"), line: bodyLine, action: .dropped),
    RuleExample(rule: "votes-and-counters", raw: article("1,204 comments"), line: bodyLine, action: .dropped),
    RuleExample(rule: "comments", raw: article("Leave a Reply"), line: bodyLine, action: .dropped),
    RuleExample(rule: "comments", raw: article("Your email address will not be published. Required fields are marked *"), line: bodyLine, action: .dropped),
    RuleExample(rule: "related-articles", raw: article("Related Articles"), line: bodyLine, action: .dropped),
    RuleExample(rule: "source-link", raw: article("Source link"), line: bodyLine, action: .dropped),
    RuleExample(rule: "newsletter", raw: article("Get top stories and blog posts emailed to you each day."), line: bodyLine, action: .dropped),
    RuleExample(rule: "cookie-notice", raw: article("We use cookies to improve your experience. By browsing you accept our cookie policy."), line: bodyLine, action: .dropped),
    RuleExample(rule: "tag-list", raw: article("Tags: Syria, Russia, Islamic State"), line: bodyLine, action: .dropped),
    RuleExample(rule: "read-more", raw: article("Read more: Russia pulls troops out of Syria"), line: bodyLine, action: .dropped),
    RuleExample(rule: "credits", raw: article("(Reporting by Tom Perry; Editing by Peter Graff)"), line: bodyLine, action: .dropped),
    RuleExample(rule: "copyright", raw: article("Copyright 2017 The Associated Press. All rights reserved."), line: bodyLine, action: .dropped),
    RuleExample(rule: "copyright", raw: article("© 2017 Jordan Times"), line: bodyLine, action: .dropped),
    RuleExample(rule: "photo-caption", raw: article("Flags flutter on a military vehicle in Qalamoun, Syria, on August 28 (Reuters photo)"), line: bodyLine, action: .dropped),
    RuleExample(rule: "photo-caption", raw: article("Image copyright Getty Images"), line: bodyLine, action: .dropped),
    RuleExample(rule: "photo-caption", raw: article("Smoke rises over Raqqa on Tuesday (AFP Photo: Delil Souleiman)"), line: bodyLine, action: .dropped),
    RuleExample(rule: "photo-caption", raw: article("Russian jets at the Hmeimim air base (file image)"), line: bodyLine, action: .dropped),
    RuleExample(rule: "photo-caption", raw: article("3 of 12"), line: bodyLine, action: .dropped),
    RuleExample(rule: "breadcrumb", raw: "Home / Uncategorized / A headline\n\nA headline\n\nThe story begins here with enough words to count.", line: 1, action: .dropped),
    RuleExample(rule: "breadcrumb", raw: "Politics › Middle East › Syria\n\nA headline about it\n\nThe story begins here with enough words to count.", line: 1, action: .dropped),
    RuleExample(rule: "scrape-date", raw: "Sunday, 21 October 2018\nA headline about it\n\nThe story begins here with enough words to count.", line: 1, action: .dropped),
    RuleExample(rule: "title", raw: "Latest news\n\nRussia says goal accomplished\n\nThe story begins here with enough words to count.", line: 3, action: .metadata(field: "title", value: "Russia says goal accomplished")),
    RuleExample(rule: "site-name-suffix", raw: "Russia says goal accomplished | Breaking News Online\n\nThe story begins here with enough words to count.", line: 1, action: .trimmed(removed: " | Breaking News Online")),
    RuleExample(rule: "repeated-title", raw: "A headline\n\nA headline\n\nThe story begins here with enough words to count.", line: 3, action: .dropped),
    RuleExample(rule: "byline", raw: "A headline\n\nBy AFP - Dec 08,2017 - Last updated at Dec 08,2017\n\nThe story begins here with enough words to count.", line: 3, action: .metadata(field: "outlet", value: "AFP")),
    RuleExample(rule: "byline", raw: "A headline\n\nBy Sam Ortiz | The Guardian\n\nThe story begins here with enough words to count.", line: 3, action: .metadata(field: "author", value: "Sam Ortiz")),
    RuleExample(rule: "date-line", raw: "A headline\n\n08/12/2017\n\nThe story begins here with enough words to count.", line: 3, action: .metadata(field: "date", value: "2017-12-08")),
    RuleExample(rule: "dateline", raw: "A headline\n\nBEIRUT – Russian President Vladimir Putin said on Wednesday that it was over.", line: 3, action: .metadata(field: "dateline", value: "BEIRUT")),
    RuleExample(rule: "dateline", raw: "A headline\n\nN’DJAMENA: The story begins here with enough words to count.", line: 3, action: .metadata(field: "dateline", value: "N’DJAMENA")),
    RuleExample(rule: "tail-list", raw: article("Related Articles", "Russia pulls troops out of Syria"), line: 7, action: .dropped),
    RuleExample(rule: "inline-tag-list", raw: article("The Army won the final push. **Trends** Russian anti-terrorist op in Syria, Syria war"), line: bodyLine, action: .trimmed(removed: "**Trends** Russian anti-terrorist op in Syria, Syria war")),
    RuleExample(rule: "inline-read-more", raw: article("Gerasimov said so. Read more Russia supporting Kurdish-led battle – MoD"), line: bodyLine, action: .trimmed(removed: "Read more Russia supporting Kurdish-led battle – MoD")),
    RuleExample(rule: "agency-credit", raw: article("Copyright 2017 The Associated Press. All rights reserved."), line: bodyLine, action: .metadata(field: "outlet", value: "AP")),
    RuleExample(rule: "agency-credit", raw: "A headline\n\nBeirut (AFP) - The story begins here with enough words to count.", line: 3, action: .metadata(field: "outlet", value: "AFP")),
]

@Suite struct IngestRuleTests {
    @Test(arguments: ruleExamples)
    func ruleActsOnItsExample(_ example: RuleExample) {
        let result = normalize(example.raw)
        let decision = IngestDecision(line: example.line, rule: example.rule, action: example.action,
                                      text: example.raw.split(separator: "\n", omittingEmptySubsequences: false)[example.line - 1]
                                          .split(separator: " ").joined(separator: " "))
        #expect(result.decisions.contains(decision), "decisions: \(result.decisions)")
        if example.action == .dropped {
            #expect(!result.body.contains(decision.text))
        }
    }

    @Test func everyRuleHasAnExample() {
        let covered = Set(ruleExamples.map(\.rule))
        let missing = IngestRules.all.map(\.name).filter { !covered.contains($0) }
        #expect(missing.isEmpty, "rules without a test: \(missing)")
        #expect(Set(IngestRules.all.map(\.name)).count == IngestRules.all.count, "rule names must be unique")
    }

    @Test func keysAreMatchedAsPhrasesPrefixesOrLabels() {
        let labels = KeyPhrases(labels: ["tags", "filed under"])
        #expect(["tags", "tags: syria", "tags russia", "filed under: news"].allSatisfy(labels.match))
        #expect(!["tagsx", "tag", "the tags", "filed", "", "étiquettes"].contains(where: labels.match))
        let keys = KeyPhrases(phrases: ["home"], prefixes: ["share on "])
        #expect(keys.match("home") && keys.match("share on facebook"))
        #expect(!keys.match("homepage") && !keys.match("share on") && !keys.match("a home"))
    }

    /// A line's words are counted only so far; every rule's limit must lie
    /// below that, or a long line would pass as one of the limit's length.
    @Test func linesAreCountedPastEveryRulesLimit() {
        let limits = IngestRules.anywhere.map(\.maximumWords)
        #expect(limits.allSatisfy { $0 < RawLine.wordsCounted }, "\(limits)")
        let paragraph = RawLine(number: 1, text: Array(repeating: "Long paragraph words.", count: 80).joined(separator: " "))
        #expect(paragraph.words == RawLine.wordsCounted + 1)
        #expect(paragraph.isProse)
    }

    /// Story sentences that look a little like chrome must survive.
    @Test(arguments: [
        "Share prices in Moscow fell sharply on Monday after the announcement.",
        "Copyright law was not what the envoy came to Geneva to discuss, he said.",
        "Home is where the refugees want to go, the UN official said on Thursday.",
        "Related talks in Sochi will follow next month, the Kremlin said.",
        "Up to 250 strikes were staged daily, Rudskoi added.",
        "Tags on the crates showed they came from the port of Tartus, officials said.",
        "By the end of the week, the army had reached the Euphrates.",
        "Source: the Syrian Observatory for Human Rights said 21 civilians died.",
        "More than 340,000 people have been killed since the conflict broke out in 2011.",
        "The agency (AFP) published a photo of the convoy on Tuesday.",
        "12 of the 20 villages were retaken by the army (officials said).",
    ])
    func proseIsKept(sentence: String) {
        let result = normalize(article(sentence))
        #expect(renderedText(result.body).contains(sentence), "decisions: \(result.decisions)")
    }

    @Test func noTitleLineFallsBackToTheFirstWordsWithAWarning() {
        let result = normalize("The army said on Wednesday that the operation on both banks of the Euphrates had ended in victory.")
        #expect(result.metadata.title == "The army said on Wednesday that the operation on both banks of…")
        #expect(result.diagnostics.map(\.description) == [
            "content/raw/test.txt:1:1: warning: no headline found; the title is 'The army said on Wednesday that the operation on both banks of…' (set it in a curated article)",
        ])
        #expect(renderedText(result.body).contains("had ended in victory."))
    }

    @Test func aDatelessFileGetsNoDate() {
        #expect(normalize(article("It happened, the officials said, in 2017.")).metadata.date == nil)
    }

    @Test func markupInRawTextNeverBecomesMarkup() {
        let result = normalize(article("He said <script>alert(1)</script>it was over &lt;script&gt;x&lt;/script&gt; <img src=x onerror=alert(1)>."))
        let html = MarkdownDocument(parsing: result.body).html()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("alert(1)"))
        #expect(html.contains("He said it was over &lt;script&gt;x&lt;/script&gt; ."))
    }
}

@Suite struct MarkdownEscapingTests {
    /// What the raw text says is what the page shows.
    @Test(arguments: [
        "# not a heading",
        "1986. A year of change",
        "3) third",
        "- not a list",
        "+ nor this",
        "> not a quote",
        "=====",
        "a lone * star and 2 * 3 = 6",
        "snake_case_name and __init__",
        "[not a link](http://example.org)",
        "<b>not html</b> and <http://example.org>",
        "AT&amp;T &copy; &#169;",
        "back\\slash and `code`",
        "~~~",
        "| a | b |",
    ])
    func plainTextRendersExactlyAsWritten(line: String) {
        #expect(renderedText(MarkdownEscaping.escape(line)) == line)
    }

    @Test func emphasisTheTextCarriesIsKept() {
        #expect(MarkdownEscaping.escape("*\"All units destroyed,\"* he said") == "*\"All units destroyed,\"* he said")
        #expect(MarkdownEscaping.escape("a **bold** and _light_ word") == "a **bold** and \\_light\\_ word")
        #expect(renderedText(MarkdownEscaping.escape("*\"quoted,\"* he said")) == "\"quoted,\" he said")
    }

    /// Escaping by scalar gives what escaping by Character gave (see `Oracle`).
    @Test func escapingIsWhatItWas() {
        for line in Corpus.lines {
            #expect(bytes(MarkdownEscaping.escape(line)) == bytes(Oracle.escape(line)), "\(line.debugDescription)")
        }
        #expect(MarkdownEscaping.escape("plain words, nothing to escape") == "plain words, nothing to escape")
        #expect(MarkdownEscaping.escape("Greek varia \u{1FEF} is a backtick") == "Greek varia \\\u{1FEF} is a backtick")
    }
}

@Suite struct SlugTests {
    @Test(arguments: [
        ("Syria '100% Free of Islamic State' - Russia's Defense Ministry", "syria-100-free-of-islamic-state-russias-defense-ministry"),
        ("Déclaration à Genève", "declaration-a-geneve"),
        ("  --  ", "article"),
        ("../../etc/passwd", "etc-passwd"),
    ])
    func slugsFromTitles(title: String, slug: String) {
        #expect(Slug.make(from: title) == slug)
        #expect(Slug.isValid(Slug.make(from: title)))
    }

    @Test func aRawArticleTitledIndexDoesNotTakeTheIndexPage() async {
        let file = RawFile(name: "a.txt", path: "content/raw/a.txt", bytes: Array("Index\n\nThe first paragraph of the story says what happened.\n".utf8))
        let named = await Ingest.normalizeAndName([file], avoiding: [])
        #expect(named.map(\.slug) == ["index-2"])
    }

    @Test func longTitlesAreCutAtAHyphen() {
        let slug = Slug.make(from: String(repeating: "word ", count: 40))
        #expect(slug.count <= Slug.maximumLength)
        #expect(!slug.hasSuffix("-"))
    }
}

@Test(arguments: [
    ("Read more: the full story", "Read more", 0..<9),
    ("Déjà vu. Read more", "Read more", 11..<20),  // é and à are two bytes each
    ("nothing here", "Read more", nil),
    ("short", "a much longer needle", nil),
    ("ab", "", nil),
])
func byteSearchFindsMarkersAsTheyAreWritten(_ text: String, _ needle: String, _ expected: Range<Int>?) {
    let found = text.firstByteRange(of: needle).map {
        text.utf8.distance(from: text.startIndex, to: $0.lowerBound)..<text.utf8.distance(from: text.startIndex, to: $0.upperBound)
    }
    #expect(found == expected)
}
