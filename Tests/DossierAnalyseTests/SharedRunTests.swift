@testable import DossierAnalyse
import Testing

/// Whether two sentences share a run of words long enough to be a copy.
@Suite struct SharedRunTests {
    /// The longest run of equal consecutive values, by the textbook table:
    /// the reference the fast test is checked against.
    private func longestCommonRun(_ a: [UInt64], _ b: [UInt64]) -> Int {
        var longest = 0
        var previous = [Int](repeating: 0, count: b.count + 1)
        for word in a {
            var current = [Int](repeating: 0, count: b.count + 1)
            for (j, other) in b.enumerated() where word == other {
                current[j + 1] = previous[j] + 1
                longest = max(longest, current[j + 1])
            }
            previous = current
        }
        return longest
    }

    @Test func agreesWithTheLongestCommonRunOnRandomSentences() {
        var state: UInt64 = 42
        func next(_ bound: UInt64) -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (state >> 33) % bound
        }
        for _ in 0..<2_000 {
            let alphabet = 1 + next(4)  // few distinct words, so runs are common
            let a = (0..<Int(next(40))).map { _ in next(alphabet) }
            var b = (0..<Int(next(40))).map { _ in next(alphabet) }
            if !a.isEmpty, next(2) == 0 {  // plant a piece of `a` in `b`
                let start = Int(next(UInt64(a.count)))
                let piece = a[start..<min(a.count, start + Int(next(20)))]
                b.insert(contentsOf: piece, at: Int(next(UInt64(b.count + 1))))
            }
            let longest = longestCommonRun(a, b)
            for length in [1, 2, 3, 5, 8, 15, 20] {
                #expect(SentenceTable.shareRun(a, b, of: length) == (longest >= length), "\(a) \(b) \(length)")
            }
        }
    }

    /// Two long sentences that share only a run of 20 words (a fraction of
    /// their shingles) share a passage; without the run, they do not.
    @Test func twoLongSentencesSharingOnlyARunAreAPassage() {
        func words(_ prefix: String, _ count: Int) -> [String] { (0..<count).map { "\(prefix)\($0)" } }
        let run = words("shared", 20)
        let first = (words("alpha", 100) + run + words("beta", 120)).joined(separator: " ")
        let second = (words("gamma", 130) + run + words("delta", 90)).joined(separator: " ")
        let passages = Syndication.passages(in: [SyndicationText(article: "a", outlet: "A", paragraphs: [[first]]),
                                                 SyndicationText(article: "b", outlet: "B", paragraphs: [[second]])])
        #expect(passages.map { $0.copies.map(\.article) } == [["a", "b"]])
        let unrelated = (words("gamma", 130) + run.prefix(14) + words("delta", 96)).joined(separator: " ")
        #expect(Syndication.passages(in: [SyndicationText(article: "a", outlet: "A", paragraphs: [[first]]),
                                          SyndicationText(article: "b", outlet: "B", paragraphs: [[unrelated]])]).isEmpty)
    }
}

/// A "sentence" longer than any a writer makes (a page without full stops)
/// starts no match, so a copy inside one is not found through it.
@Test func aSentenceOfMoreThanTheMostWordsStartsNoMatch() {
    let words = (0..<Syndication.maximumWords).map { "word\($0)" }
    let sentence = words.joined(separator: " ")
    let longer = (words + ["more"]).joined(separator: " ")
    func shared(_ a: String, _ b: String) -> Int {
        Syndication.passages(in: [SyndicationText(article: "a", outlet: "A", paragraphs: [[a]]),
                                  SyndicationText(article: "b", outlet: "B", paragraphs: [[b]])]).count
    }
    #expect(shared(sentence, sentence) == 1)
    #expect(shared(longer, longer) == 0)
}

/// An article's sentences read back as given, paragraphs keeping their
/// numbers when one between has no sentence.
@Test func aSyndicationTextGivesBackItsSentencesByParagraph() {
    let text = SyndicationText(article: "a", outlet: nil, paragraphs: [["One.", "Two é."], [], ["Three."]])
    #expect(text.paragraphs == [["One.", "Two é."], [], ["Three."]])
}
