import DossierCore
import Foundation
import Testing

@Suite struct SlugTests {
    /// Slugs skip transliteration for ASCII titles: the transforms must leave
    /// ASCII as it is.
    @Test func transliterationLeavesASCIIAsItIs() {
        let ascii = String((0x20...0x7E).map { Character(Unicode.Scalar(UInt8($0))) })
        let folded = ascii.applyingTransform(.toLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false)
        #expect(folded == ascii)
        #expect(Slug.make(from: "Russia's 'goal' in Syria: accomplished?") == "russias-goal-in-syria-accomplished")
        #expect(Slug.make(from: "Déjà vu in Dayr az-Zawr") == "deja-vu-in-dayr-az-zawr")
    }
}
