@testable import DossierCore
import Testing

/// Every Unicode scalar, in order.
private let allScalars = (0...0x10FFFF).compactMap(Unicode.Scalar.init(_:))

@Suite struct TextUnitTests {
    /// Helpers scan scalars for Characters: each scalar must answer what the
    /// Character made of it answers, for every scalar there is.
    @Test func aScalarHasTheCharacterPropertiesOfItsCharacter() {
        var mismatches: [String] = []
        for scalar in allScalars {
            let character = Character(scalar)
            if scalar.isWhitespace != character.isWhitespace || scalar.isLetter != character.isLetter
                || scalar.isNumber != character.isNumber || scalar.isASCIIDigit != character.isASCIIDigit {
                mismatches.append(String(scalar.value, radix: 16))
            }
        }
        #expect(mismatches.isEmpty, "scalars whose properties differ: \(mismatches.prefix(20))")
    }

    @Test(arguments: ["a", "é", "Ж", "٣", "—", "👍"])
    func aUnitAppendsItsUTF8(_ text: String) {
        var fromScalar: [UInt8] = []
        text.unicodeScalars.first!.appendUTF8(to: &fromScalar)
        var fromCharacter: [UInt8] = []
        text.first!.appendUTF8(to: &fromCharacter)
        #expect(fromScalar == Array(text.utf8))
        #expect(fromCharacter == Array(text.utf8))
    }

    /// Scalars of text whose scalars are its Characters are compared with
    /// ASCII and Latin-1 characters as scalars; only the listed scalars equal
    /// one of those as a Character without being it.
    @Test func onlyTheListedScalarsEqualAnotherLatin1CharacterAsCharacters() {
        let latin1 = Set((0x20...0xFF).compactMap(Unicode.Scalar.init(_:)).map(Character.init))
        let equalToOther = allScalars.filter { scalar in
            scalar.value > 0xFF && latin1.contains(Character(scalar))
        }
        #expect(equalToOther.map(\.value) == [0x037E, 0x0387, 0x1FEF, 0x1FFD, 0x212A, 0x212B])
        #expect(equalToOther.allSatisfy { $0.equalsLatin1AsCharacter })
    }

    /// Typographic punctuation ingest compares scalars with has no other
    /// spelling as a Character either.
    @Test func typographicPunctuationHasNoOtherSpelling() {
        let punctuation = Set("’‘“”–—•·›»…©".map { $0 })
        let equalToOther = allScalars.filter { scalar in
            punctuation.contains(Character(scalar)) && !"’‘“”–—•·›»…©".unicodeScalars.contains(scalar)
        }
        #expect(equalToOther.map(\.value) == [0x0387])  // ano teleia: the middle dot, listed above
    }

    @Test(arguments: [
        ("Russia says goal accomplished", true, true),
        ("", true, true),
        ("line\r\nbreak", false, false),
        ("lone \r return", false, true),
        ("Москва и Дамаск — 8 %", false, true),
        ("déjà vu", false, true),
        ("de\u{301}ja\u{300} vu", false, false),
        ("a \u{0301}b", false, false),
        ("\u{0600} ٣", false, false),
        ("thumbs 👍🏽", false, false),
        ("flags 🇸🇾", false, false),
        ("Greek question mark\u{037E}", false, false),
        ("middle dot \u{0387}", false, false),
        ("Kelvin \u{212A}", false, false),
    ])
    func scalarsAreCharactersWhereEachCharacterIsOneOrdinaryScalar(_ text: String, _ plainASCII: Bool, _ expected: Bool) {
        #expect(text.isPlainASCII == plainASCII)
        #expect(text.scalarsAreCharacters == expected)
        #expect(text[...].scalarsAreCharacters == expected)
    }

    @Test(arguments: [
        ("  a b  ", " ", "a b"),
        ("a b", " ", "a b"),
        ("...", ".", ""),
        ("", " ", ""),
        (" ,Holder. ", " ,.", "Holder"),
        ("x\u{301} ", " ", "x\u{301}"),
        ("\u{301}x", " ", "\u{301}x"),
        (" \u{301}x ", " ", " \u{301}x"),  // a space with a combining mark is no space
        ("Déjà, ", " ,", "Déjà"),
        ("«quoted» ", " «»", "quoted"),
        ("a\r\n", "\n", "a\r\n"),  // CR LF is one Character, not a line feed
    ])
    func trimmingRemovesTheGivenCharactersAtTheEnds(_ text: String, _ characters: String, _ expected: String) {
        #expect(text.trimming(characters) == expected)
        #expect(text[...].trimming(characters) == expected)
    }
}
