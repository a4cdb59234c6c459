import DossierCore
import Testing
@testable import DossierIngest

/// The helpers ingest runs on every line give what the Character-by-Character
/// code they replace gave (see `Oracle`).
@Suite struct LineTextTests {
    @Test func linesSplitWhereCharactersDo() {
        for text in Corpus.handPicked + Corpus.random(1000, maximumPieces: 30, extraPieces: ["\n", "\n\n", "\r\n"]) {
            #expect(text.lines.map(bytes) == Oracle.lines(text).map(bytes), "\(text.debugDescription)")
        }
    }

    @Test func collapsingSpacesJoinsThePiecesBetweenSpaces() {
        for line in Corpus.lines {
            #expect(bytes(line[...].collapsingSpaces) == bytes(Oracle.collapsingSpaces(line[...])), "\(line.debugDescription)")
        }
        #expect(Substring("  Moscow’s   war ").collapsingSpaces == "Moscow’s war")
        #expect(Substring("a \u{301} b").collapsingSpaces == "a \u{301} b")  // no space Character there
    }

    @Test func lowercasingByScalarIsLowercasing() {
        for line in Corpus.lines {
            #expect(bytes(line.lowercasedByScalar) == bytes(line.lowercased()), "\(line.debugDescription)")
        }
        #expect("İSTANBUL Ω".lowercasedByScalar == "i\u{307}stanbul ω")
    }

    @Test func lettersAndNumbersAreTheCharactersThatAreEither() {
        for line in Corpus.lines {
            let expected = line.filter { $0.isLetter || $0.isNumber }
            #expect(bytes(line.lettersAndNumbers) == bytes(expected), "\(line.debugDescription)")
        }
        #expect("Москва, ٣ — 8%".lettersAndNumbers == "Москва٣8")
    }

    @Test func keysAreWhatTheyWere() {
        for line in Corpus.lines {
            #expect(bytes(RawLine.key(for: line)) == bytes(Oracle.key(line)), "\(line.debugDescription)")
        }
        #expect(RawLine.key(for: "“Putin’s ‘Victory’” —") == "putin's 'victory")
    }

    @Test func wordsAreCountedAsTheyWere() {
        for line in Corpus.lines {
            #expect(line.wordCount == Oracle.wordCount(line), "\(line.debugDescription)")
        }
    }

    @Test func trimmingIsWhatItWas() {
        for line in Corpus.lines {
            for characters in [" ", " ,.", ",;:", " «»", "\n"] {
                #expect(bytes(line.trimming(characters)) == bytes(Oracle.trimming(line, characters)),
                        "\(line.debugDescription) trimming \(characters.debugDescription)")
            }
        }
    }

    @Test func cleaningIsWhatItWas() {
        for text in Corpus.lines + Corpus.random(500, maximumPieces: 40, extraPieces: ["\n", "\r", "\u{7F}", "\u{9F}", "\u{AD}"]) {
            #expect(bytes(TextDecoding.clean(text)) == bytes(Oracle.clean(text)), "\(text.debugDescription)")
        }
        #expect(TextDecoding.clean("a\r\nb\rc\u{A0}d\u{200B}e\u{85}") == "a\nb\nc de")
    }

    @Test func needlesAreFoundInOnePass() {
        let needles = ByteNeedles(["Read more", "**Tags**", "’", "&"])
        for line in Corpus.lines {
            let expected = ["Read more", "**Tags**", "’", "&"].contains { line.firstByteRange(of: $0) != nil }
            #expect(needles.occur(in: line) == expected, "\(line.debugDescription)")
        }
        #expect(needles.occur(in: "Moscow’s"))
        #expect(!needles.occur(in: "Read More"))
        // A needle of one byte, first, last or alone; a needle's first byte alone.
        #expect(needles.occur(in: "&") && needles.occur(in: "& b") && needles.occur(in: "a &"))
        #expect(!needles.occur(in: "") && !needles.occur(in: "R") && !needles.occur(in: "a Rea"))
    }

    @Test func bytesAreFoundWhereTheyAre() {
        for line in Corpus.lines {
            let utf8 = bytes(line)
            #expect(line.containsByte(UInt8(ascii: " ")) == utf8.contains(UInt8(ascii: " ")))
            #expect(line.containsByte(0xE2) == utf8.contains(0xE2))
            #expect(line.containsRepeatedByte(UInt8(ascii: " ")) == zip(utf8, utf8.dropFirst()).contains { $0 == 32 && $1 == 32 })
            #expect(line.byteOffsets(of: UInt8(ascii: "a")) == utf8.indices.filter { utf8[$0] == UInt8(ascii: "a") })
        }
        #expect("Moscow — Damascus".byteOffsets(of: UInt8(ascii: " ")) == [6, 10])
    }
}
