import DossierCore

/// Makes a line of plain text safe to use as CommonMark, so that it renders
/// exactly as written: characters that Markdown would read as syntax are
/// backslash-escaped, except emphasis the text already carries (`*word*`,
/// `**word**`), which is kept. Underscores are always escaped: in scraped
/// text they are far more often part of names (`snake_case`, handles).
enum MarkdownEscaping {
    static func escape(_ line: String) -> String {
        let characters = Array(line)
        let keptDelimiters = pairedEmphasis(in: characters)
        var output = ""
        output.reserveCapacity(line.utf8.count + 8)
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

    /// Indices of `*` and `**` runs that open and close emphasis: an opener
    /// is followed by a non-space, its closer (a run of the same length)
    /// preceded by one.
    static func pairedEmphasis(in characters: [Character]) -> Set<Int> {
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
            guard character.isLetterOrNumber || character == "#" else { return false }
            cursor += 1
        }
        return false
    }

    /// `1986. ` or `3) ` at the start of a line would begin an ordered list.
    private static func isListMarker(_ characters: [Character], at index: Int) -> Bool {
        guard index > 0, index <= 9, characters[..<index].allSatisfy(\.isASCIIDigit) else { return false }
        return index + 1 == characters.count || characters[index + 1] == " "
    }
}
