@testable import DossierAnalyse
import Testing

/// The matched strings of `text`, in order.
func matched(_ patterns: [String], in text: String) -> [String] {
    let bytes = Array(text.utf8)
    return AliasMatcher(patterns: patterns).mentions(in: bytes).map { String(decoding: bytes[$0.range], as: UTF8.self) }
}

@Suite struct AliasMatcherTests {
    @Test func findsEveryPatternInOnePass() {
        #expect(matched(["Putin", "Shoigu", "Syria"], in: "Putin met Shoigu; Syria, Putin said.")
            == ["Putin", "Shoigu", "Syria", "Putin"])
    }

    @Test func isCaseSensitive() {
        #expect(matched(["IS"], in: "This is what IS is") == ["IS"])
    }

    @Test func matchesWholeWordsOnly() {
        #expect(matched(["IS", "Russia"], in: "ISIS and Russian forces; CRISIS") == [])
        #expect(matched(["ISIS"], in: "ISISX XISIS ISIS1 ISIS") == ["ISIS"])
    }

    @Test func possessivesAndHyphenatedFormsCount() {
        #expect(matched(["Russia", "Assad", "US"], in: "Russia's air force, Assad’s rule, the US-led coalition")
            == ["Russia", "Assad", "US"])
    }

    @Test func longestMatchWins() {
        let patterns = ["United Nations", "United Nations Security Council", "Security Council"]
        #expect(matched(patterns, in: "the United Nations Security Council and the United Nations")
            == ["United Nations Security Council", "United Nations"])
    }

    @Test func leftmostCandidateWinsOverALongerLaterOne() {
        // "Deir Ezzor" starts first, so "Ezzor 24" (overlapping it) loses.
        #expect(matched(["Deir Ezzor", "Ezzor 24"], in: "Deir Ezzor 24 said") == ["Deir Ezzor"])
        #expect(matched(["Deir Ezzor", "Deir Ezzor 24"], in: "Deir Ezzor 24 said") == ["Deir Ezzor 24"])
    }

    @Test func aLongerCandidateOffABoundaryDoesNotHideAShorterOne() {
        // "Islamic Statesman" is not on a word boundary after "Islamic State"; "Islamic" still is.
        #expect(matched(["Islamic", "Islamic State"], in: "the Islamic Statesman") == ["Islamic"])
    }

    @Test func wordBoundariesInOtherScripts() {
        #expect(matched(["Дамаск"], in: "в Дамаске и Дамаск.") == ["Дамаск"])
        #expect(matched(["Homs"], in: "éHoms Homsé Homs") == ["Homs"])
        #expect(matched(["Deir ez-Zor"], in: "(Deir ez-Zor)") == ["Deir ez-Zor"])
    }

    @Test func patternsThatStartOrEndWithPunctuation() {
        #expect(matched(["(IS)"], in: "State (IS) fighters") == ["(IS)"])
        // Only a word character at the edge of a pattern needs a boundary there.
        #expect(matched(["U.S."], in: "the U.S. and U.S.A") == ["U.S.", "U.S."])
        #expect(matched(["U.S"], in: "U.S.A and U.SA") == ["U.S"])
    }

    @Test func emptyAndRepeatedPatterns() {
        let matcher = AliasMatcher(patterns: ["", "Sochi", "Sochi"])
        let matches = matcher.mentions(in: Array("in Sochi".utf8))
        #expect(matches == [AliasMatcher.Match(pattern: 1, range: 3..<8)])
        #expect(AliasMatcher(patterns: []).mentions(in: Array("anything".utf8)).isEmpty)
    }

    @Test func acceptCanTurnDownACandidateSoAShorterOneWins() {
        let bytes = Array("the Islamic State group".utf8)
        let matcher = AliasMatcher(patterns: ["Islamic State", "Islamic State group"])
        let matches = matcher.mentions(in: bytes) { $0.pattern != 1 }
        #expect(matches.map(\.pattern) == [0])
    }

    /// Every occurrence, found the slow way: each pattern at each offset.
    static func naiveOccurrences(_ patterns: [String], in text: [UInt8]) -> Set<AliasMatcher.Match> {
        var found = Set<AliasMatcher.Match>()
        for (index, pattern) in patterns.enumerated() {
            let bytes = Array(pattern.utf8)
            guard !bytes.isEmpty, patterns.firstIndex(of: pattern) == index, bytes.count <= text.count else { continue }
            for start in 0...(text.count - bytes.count) where text[start..<(start + bytes.count)].elementsEqual(bytes) {
                found.insert(AliasMatcher.Match(pattern: index, range: start..<(start + bytes.count)))
            }
        }
        return found
    }

    /// Leftmost-longest by brute force: at each offset, the longest whole-word occurrence.
    static func naiveMentions(_ patterns: [String], in text: [UInt8]) -> [AliasMatcher.Match] {
        let occurrences = naiveOccurrences(patterns, in: text).filter { WordBoundary.isWhole($0.range, in: text) }
        var result: [AliasMatcher.Match] = []
        var offset = 0
        while offset < text.count {
            if let longest = occurrences.filter({ $0.range.lowerBound == offset }).max(by: { $0.range.count < $1.range.count }) {
                result.append(longest)
                offset = longest.range.upperBound
            } else {
                offset += 1
            }
        }
        return result
    }

    @Test(arguments: 0..<300)
    func agreesWithANaiveMatcherOnRandomText(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        // A tiny alphabet makes overlaps, shared prefixes and suffixes common.
        let alphabet: [String] = ["a", "b", "A", " ", "-", "é", "'"]
        func string(_ length: Int) -> String {
            (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
        }
        let patterns = (0..<(1 + Int(random.next() % 8))).map { _ in string(1 + Int(random.next() % 4)) }
        let text = Array(string(Int(random.next() % 60)).utf8)
        let matcher = AliasMatcher(patterns: patterns)
        #expect(Set(matcher.occurrences(in: text)) == Self.naiveOccurrences(patterns, in: text),
                "patterns \(patterns) text \(String(decoding: text, as: UTF8.self))")
        #expect(matcher.mentions(in: text) == Self.naiveMentions(patterns, in: text),
                "patterns \(patterns) text \(String(decoding: text, as: UTF8.self))")
    }
}

/// A small, seeded pseudo-random generator, so a failing case can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
