@testable import DossierCore
import Testing

@Test(arguments: [
    ("Russia's US-led coalition", 3),
    ("— 12 —", 1),
    ("déjà\u{00A0}vu", 2),
    ("e\u{0301}te\u{0301} ok", 2),
    ("\t\nline\r\nbreaks\u{2028}here", 3),
    ("Москва и Дамаск, ٣ أيام", 5),
    ("", 0),
    ("...", 0),
])
func wordsAreTokensWithALetterOrDigit(_ text: String, _ expected: Int) {
    #expect(text.wordCount == expected)
}

/// ASCII text is counted 64 bytes at a time; it counts what the Character
/// by Character count does, for every ASCII byte but the carriage return
/// (which makes CR LF one Character, and takes the other way), in texts
/// shorter than a block and in tokens that run from one block into the next.
@Test func asciiTextCountsAsCharactersDo() {
    var state: UInt64 = 7  // a fixed sequence (an LCG), so a failure can be run again
    func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(state >> 33) % bound
    }
    let bytes = (0..<128).map(UInt8.init).filter { $0 != 0x0D }
    for _ in 0..<2000 {
        let text = String(decoding: (0..<next(40)).map { _ in bytes[next(bytes.count)] }, as: UTF8.self)
        #expect(text.wordCount == countWords(in: text), "\(text.debugDescription)")
    }
    // Long tokens, runs of spaces and of punctuation, across block boundaries.
    let pieces = ["a", "Z9", "--", "'", " ", "   ", "\t", "\n", "(x)", String(repeating: "w", count: 70),
                  String(repeating: "-", count: 65), String(repeating: " ", count: 64), "\u{0B}", "\u{1C}", "~"]
    for _ in 0..<2000 {
        let text = (0..<next(60)).map { _ in pieces[next(pieces.count)] }.joined()
        #expect(text.wordCount == countWords(in: text), "\(text.debugDescription)")
    }
    #expect("a\u{0B}b\u{0C}c\u{1C}d".wordCount == 3)  // \v and \f separate words; U+001C is no space to a Character
}

/// A count up to a limit is the whole count, or the limit plus one when
/// there are more words, in ASCII (read 64 bytes at a time) and other text.
@Test func aCountUpToALimitStopsPastIt() {
    var state: UInt64 = 11
    func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(state >> 33) % bound
    }
    let words = ["a", "Syria", "12", "—", "déjà", "US-led", "Москва"]
    for _ in 0..<500 {
        let text = (0..<next(200)).map { _ in words[next(words.count)] }.joined(separator: next(4) == 0 ? "  " : " ")
        let limit = next(120)
        #expect(text.wordCount(upTo: limit) == min(text.wordCount, limit + 1), "\(limit) \(text.debugDescription)")
    }
    #expect(String(repeating: "word ", count: 300).wordCount(upTo: 100) == 101)
    #expect(String(repeating: "word ", count: 300).wordCount(upTo: .max) == 300)
}
