import DossierCore
import Testing
@testable import DossierIngest

/// Searching and splitting byte by byte give what Foundation and the
/// regular expressions they stand in front of give.
@Suite struct ByteSearchTests {
    @Test func separatorsSplitAsComponentsDo() {
        let separators = [" / ", " » ", " › ", " > ", " >> ", "»", "›", " | ", " - ", " – ", " — ", " • ", " · "]
        let splitter = Separators(separators)
        for line in Corpus.lines {
            #expect(splitter.split(line).map(bytes) == Oracle.split(line, at: separators).map(bytes), "\(line.debugDescription)")
        }
        #expect(Separators([" · "]).split("a \u{387} b") == ["a", "b"])  // the ano teleia is a middle dot
        #expect(Separators([" / "]).split("Home / News / ") == ["Home", "News", ""])
    }

    @Test func socialWordsAreLookedAtInTurn() {
        for line in Corpus.lines + ["share tweet email", "12 shares", "google+ vk x", "share this story"] {
            let key = RawLine.key(for: line)
            let found = key.scalarsAreCharacters ? IngestRules.allSocialWords(key.unicodeScalars, of: key)
                                                 : IngestRules.allSocialWords(key, of: key)
            #expect(found == Oracle.socialWordsOnly(key), "\(key.debugDescription)")
        }
    }

    @Test(arguments: [
        ("Published on 2017-12-08 by editor", " by ", false, 23..<27),
        ("Posted 8 Dec BY Sam", " by ", true, 12..<16),
        ("Posted 8 Dec BY Sam", " by ", false, nil),
        ("Déjà vu BY Иван", " by ", true, 9..<13),  // é and à are two bytes each
        ("nearby", " by ", true, nil),
    ])
    func byteSearchCanIgnoreASCIICase(_ text: String, _ needle: String, _ ignoringCase: Bool, _ expected: Range<Int>?) {
        let found = text.firstByteRange(of: needle, ignoringASCIICase: ignoringCase).map {
            text.utf8.distance(from: text.startIndex, to: $0.lowerBound)..<text.utf8.distance(from: text.startIndex, to: $0.upperBound)
        }
        #expect(found == expected)
    }

    @Test(arguments: [
        ("08 December 2017 BY José Martínez", "2017-12-08", "José Martínez"),
        ("Published on 2016-04-02 bY editor", "2016-04-02", "editor"),
        ("08/12/2017 by Jose\u{301}", "2017-12-08", "Jose\u{301}"),
        ("08/12/2017 – ٣ BY Staff", nil, nil),
        ("Sunday, 21 October 2018 · 10:15", "2018-10-21", nil),
    ])
    func dateLinesAreReadWithTheirAuthor(_ line: String, _ date: String?, _ author: String?) {
        let parsed = NewsDate.parseDateLine(line)
        #expect(parsed?.date.description == date)
        #expect(parsed?.author == author)
    }

    /// What the expression `(?i)(?:by|written by|words by|posted by|reported by)\s+` matched.
    @Test(arguments: [
        ("By Sam Ortiz", "Sam Ortiz"), ("BY\tAFP", "AFP"), ("written by  Jane Doe", "Jane Doe"),
        ("Reported by\u{A0}Reuters", "Reuters"), ("words By\u{2003}X", "X"), ("by the river", "the river"),
        ("Posted by X", "X"), ("Written  by X", nil), ("Bye bye", nil), ("By", nil), ("Byline: X", nil),
        ("Poſted by X", nil), ("Filed by X", nil),
    ] as [(String, String?)])
    func aBylineOpeningIsReadAsItsExpressionReadIt(_ line: String, _ rest: String?) {
        #expect(BylineOpening.rest(of: line).map(String.init) == rest)
        #expect(line.prefixMatch(of: #/(?i)(?:by|written by|words by|posted by|reported by)\s+/#).map { String(line[$0.range.upperBound...]) } == rest)
    }

    @Test(arguments: [("8 Dec 2017", true), ("no digits here", false), ("٣ أيام", true), ("Dec", false)])
    func aDateNeedsADigit(_ text: String, _ expected: Bool) {
        #expect(NewsDate.hasDigit(text) == expected)
    }

    /// The byte check in front of the expression for date prefixes, and
    /// the openings of bylines, compared byte by byte, ignore the case of
    /// ASCII letters alone: no other scalar matches one of those letters
    /// ignoring case. (A scalar that matches a letter it is not changes
    /// when case-mapped or case-folded.)
    @Test func onlyASCIILettersMatchTheLettersComparedIgnoringCase() {
        let matching = (0x80...0x10FFFF).compactMap(Unicode.Scalar.init(_:)).filter { scalar in
            (scalar.properties.changesWhenCaseMapped || scalar.properties.changesWhenCaseFolded)
                && String(scalar).wholeMatch(of: #/(?i)[bypulmdowritens]/#) != nil
        }
        #expect(matching.isEmpty)
    }
}
