import Foundation

/// A key under which spellings of one transliterated name coincide:
/// "Deir Ezzor", "Deir el-Zour", "Deir ez-Zor" and "Dayr az-Zawr" all give
/// `drzr`, "Bashar al-Assad" and "Bashar Assad" both `bshrsd`.
///
/// The name is folded to lower-case ASCII; apostrophes go; the Arabic
/// article goes, whether separate (`al-`, `el `, `ez-`) or fused and
/// assimilated (`Ezzor` → `zor`); `ay` becomes `ei`, `aw` `o` and `ou` `u`;
/// then vowels (and `y`) are removed and doubled letters collapsed. Short
/// keys collide easily, so they only ever propose, never merge.
public enum TransliterationKey {
    public static func of(_ name: String) -> String {
        let folded = String(String.UnicodeScalarView(
            name.decomposedStringWithCompatibilityMapping.unicodeScalars.filter(\.isASCII))).lowercased()
        let parts = folded.split { !($0.isLetter || $0.isNumber || $0 == "'") }.map { $0.filter { $0 != "'" } }
        var key = ""
        for (index, part) in parts.enumerated() {
            if index < parts.count - 1 && isSeparateArticle(part) { continue }
            key += respell(withoutFusedArticle(part))
        }
        var collapsed = ""
        for character in key where !"aeiouy".contains(character) && character != collapsed.last {
            collapsed.append(character)
        }
        return collapsed
    }

    /// `al`, `el`, `ad`, `as`, `ash`, `ez`, ...: the Arabic article, written apart.
    static func isSeparateArticle(_ part: String) -> Bool {
        guard let first = part.first, first == "a" || first == "e" else { return false }
        return ["l", "d", "r", "s", "sh", "t", "z", "n"].contains(String(part.dropFirst()))
    }

    /// `ezzor` → `zor`, `ad-dawla` already split: an article fused to its word by a doubled letter.
    static func withoutFusedArticle(_ part: String) -> String {
        let letters = Array(part)
        guard letters.count > 3, letters[0] == "a" || letters[0] == "e", "dtrszn".contains(letters[1]),
              letters[2] == letters[1] else { return part }
        return String(letters.dropFirst(2))
    }

    static func respell(_ part: String) -> String {
        var result = ""
        var letters = Array(part)[...]
        while let letter = letters.first {
            let next = letters.dropFirst().first
            switch (letter, next) {
            case ("a", "y"): result += "ei"; letters = letters.dropFirst(2)
            case ("a", "w"): result += "o"; letters = letters.dropFirst(2)
            case ("o", "u"): result += "u"; letters = letters.dropFirst(2)
            default: result.append(letter); letters = letters.dropFirst()
            }
        }
        return result
    }
}
