import DossierCore
import Foundation
@testable import DossierIngest

/// Ingest's text helpers work on bytes and scalars where the text allows, and
/// must give exactly what the Character-by-Character code they replace gave.
/// That code is kept here as the oracle; results are compared byte for byte
/// (`String`'s `==` would call canonically equivalent spellings equal).
enum Oracle {
    static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    static func collapsingSpaces(_ line: Substring) -> String {
        line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    static func key(_ text: String) -> String {
        let straightened = String(text.lowercased().map { $0 == "’" || $0 == "‘" ? "'" : $0 })
        let trimmed = straightened.drop { !$0.isLetter && !$0.isNumber }
        var end = trimmed.endIndex
        while end > trimmed.startIndex, !trimmed[trimmed.index(before: end)].isLetter,
              !trimmed[trimmed.index(before: end)].isNumber {
            end = trimmed.index(before: end)
        }
        return String(trimmed[..<end])
    }

    static func wordCount(_ text: String) -> Int {
        var count = 0
        var countedThisToken = false
        for character in text {
            if character.isWhitespace {
                countedThisToken = false
            } else if !countedThisToken && (character.isLetter || character.isNumber) {
                count += 1
                countedThisToken = true
            }
        }
        return count
    }

    static func trimming(_ text: String, _ characters: String) -> String {
        let unwanted = Set(characters)
        guard let first = text.firstIndex(where: { !unwanted.contains($0) }),
              let last = text.lastIndex(where: { !unwanted.contains($0) }) else { return "" }
        return String(text[first...last])
    }

    static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar.value {
            case 0x0D: scalars.append("\n")
            case 0x0A: if !previousWasCR { scalars.append("\n") }
            case 0x09, 0x0B, 0x0C, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                scalars.append(" ")
            case 0x200B, 0x2060, 0xFEFF, 0xAD: continue
            case 0x01...0x08, 0x0E...0x1F, 0x7F...0x9F: continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    static func split(_ text: String, at separators: [String]) -> [String] {
        separators.reduce([text]) { pieces, separator in pieces.flatMap { $0.components(separatedBy: separator) } }
    }

    static func socialWordsOnly(_ key: String) -> Bool {
        let words = key.split { !$0.isLetter && $0 != "+" && $0 != "-" }
        return !words.isEmpty && words.allSatisfy { IngestRules.socialWords.contains(String($0)) }
    }

    static func escape(_ line: String) -> String {
        let characters = Array(line)
        let keptDelimiters = pairedEmphasis(in: characters)
        var output = ""
        for (index, character) in characters.enumerated() {
            if keptDelimiters.contains(index) {
                output.append(character)
                continue
            }
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<":
                output.append("\\")
            case "&" where startsCharacterReference(characters, at: index):
                output.append("\\")
            case "#", ">", "-", "+", "=", "~", "|":
                if index == 0 { output.append("\\") }
            case ".", ")":
                if isListMarker(characters, at: index) { output.append("\\") }
            default:
                break
            }
            output.append(character)
        }
        return output
    }

    private static func pairedEmphasis(in characters: [Character]) -> Set<Int> {
        var kept: Set<Int> = []
        var index = 0
        while index < characters.count {
            guard characters[index] == "*" else { index += 1; continue }
            var runEnd = index
            while runEnd < characters.count, characters[runEnd] == "*" { runEnd += 1 }
            let length = runEnd - index
            if length <= 2, runEnd < characters.count, !characters[runEnd].isWhitespace,
               let closer = findCloser(length: length, in: characters, openerEnd: runEnd) {
                kept.formUnion(index..<runEnd)
                kept.formUnion(closer..<closer + length)
                index = closer + length
            } else {
                index = runEnd
            }
        }
        return kept
    }

    private static func findCloser(length: Int, in characters: [Character], openerEnd: Int) -> Int? {
        var index = openerEnd + 1
        while index < characters.count {
            guard characters[index] == "*" else { index += 1; continue }
            var runEnd = index
            while runEnd < characters.count, characters[runEnd] == "*" { runEnd += 1 }
            if runEnd - index == length && !characters[index - 1].isWhitespace { return index }
            index = runEnd
        }
        return nil
    }

    private static func startsCharacterReference(_ characters: [Character], at index: Int) -> Bool {
        var cursor = index + 1
        while cursor < characters.count, cursor - index <= 32 {
            let character = characters[cursor]
            if character == ";" { return cursor > index + 1 }
            guard character.isLetter || character.isNumber || character == "#" else { return false }
            cursor += 1
        }
        return false
    }

    private static func isListMarker(_ characters: [Character], at index: Int) -> Bool {
        guard index > 0, index <= 9, characters[..<index].allSatisfy(\.isASCIIDigit) else { return false }
        return index + 1 == characters.count || characters[index + 1] == " "
    }
}

/// Hand-picked lines, then lines made at random of pieces that have tripped
/// byte-level text code: combining marks after spaces and quotes, prepended
/// marks, scalars equal to ASCII as Characters, CR LF, case mappings that
/// grow, emoji sequences, Markdown syntax.
enum Corpus {
    static let pieces = [
        "a", "Z", "q", "7", "1986", " ", "  ", ".", ",", ":", "-", "*", "**", "_", "`", "[", "]", "<", "&", "&amp;",
        "&#8217;", ";", "#", ">", "+", "=", "~", "|", ")", "(", "'", "é", "e\u{301}", "\u{301}", " \u{301}", "İ",
        "ß", "ẞ", "ΟΔΟΣ", "ά", "\u{1F71}", "Москва", "دمشق", "٣", "\u{600}", "’", "‘", "“", "”", "—", "–", "»",
        "›", "·", "\u{387}", "\u{37E}", "\u{1FEF}", "\u{212A}", "\u{212B}", "👍🏽", "🇸🇾", "\r", "\r\n", "\t", "\u{A0}",
        "©", " / ", " | ", " - ", " by ", " BY ", "By ", "Read more", "**Tags**", "Tags:", "copyright", "\u{200B}",
        "\u{FEFF}", "\u{85}", "\u{2028}", "\u{1}", "share", "email", "google+",
    ]

    static let handPicked = [
        "", " ", "Russia says goal of defeating Daesh in Syria 'accomplished'", "  leading and trailing  ",
        "By AFP - Dec 08,2017 - Last updated at Dec 08,2017", "Home / Uncategorized / A headline",
        "Main » Middle East » Omar Jartavjar rise turn", "Politics › Middle East › Syria", "“Putin’s ‘victory’ claim”",
        "Café Society", "Cafe\u{301} Society", "Home\u{301}", "İSTANBUL ŞIRNAK", "ΟΔΟΣ ΚΑΙ", "1986. A year", "3) Three",
        "*unclosed emphasis and ** double", "**bold** and *it* and ***triple*** and * spaced *", "a &amp; b &x; c &",
        "\\backslash and <angle>", "Share Tweet Email", "12 shares", "Greek \u{387} dot", "a \u{600} b",
        "line\r\nbreak", "Москва и Дамаск, ٣ أيام", "we\u{2019}re", "\u{0301}leading mark",
    ]

    /// `count` lines of up to `maximumPieces` pieces, the same on every run.
    static func random(_ count: Int, maximumPieces: Int = 12, extraPieces: [String] = []) -> [String] {
        let pieces = pieces + extraPieces
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in (0..<next(maximumPieces + 1)).map { _ in pieces[next(pieces.count)] }.joined() }
    }

    static let lines = handPicked + random(3000)
}

/// The text's UTF-8, to compare byte for byte.
func bytes(_ text: some StringProtocol) -> [UInt8] { Array(text.utf8) }
