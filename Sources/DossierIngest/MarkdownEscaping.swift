import DossierCore

/// Makes a line of plain text safe to use as CommonMark, so that it renders
/// exactly as written: characters that Markdown would read as syntax are
/// backslash-escaped, except emphasis the text already carries (`*word*`,
/// `**word**`), which is kept. Underscores are always escaped: in scraped
/// text they are far more often part of names (`snake_case`, handles).
enum MarkdownEscaping {
    static func escape(_ line: String) -> String {
        guard line.scalarsAreCharacters else { return escape(Array(line)) }
        return needsNoEscape(line) ? line : escape(Array(line.unicodeScalars))
    }

    /// Whether `escape` would leave the line as it is: it holds none of the
    /// characters escaped wherever they are, and does not start with one
    /// escaped at the start or with a digit (of a list marker). Checked byte by
    /// byte, as it can be where the line's scalars are its Characters.
    private static func needsNoEscape(_ line: String) -> Bool {
        if let first = line.utf8.first,
           escapedAtStart.contains(first) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) {
            return false
        }
        return !escapedAnywhere.occur(in: line)
    }

    private static let escapedAnywhere = ByteNeedles(["\\", "`", "*", "_", "[", "]", "<", "&"])
    private static let escapedAtStart = Set("#>-+=~|".utf8)

    private static func escape<Unit: TextUnit>(_ units: [Unit]) -> String {
        let keptDelimiters = pairedEmphasis(in: units)
        var output: [UInt8] = []
        output.reserveCapacity(units.count + 8)
        for (index, unit) in units.enumerated() {
            if unit == "*" && keptDelimiters.contains(index) {  // kept delimiters are stars
                unit.appendUTF8(to: &output)
                continue
            }
            switch unit {
            case "\\", "`", "*", "_", "[", "]", "<":
                output.append(UInt8(ascii: "\\"))
            case "&" where startsCharacterReference(units, at: index):
                output.append(UInt8(ascii: "\\"))
            case "#", ">", "-", "+", "=", "~", "|":
                if index == 0 { output.append(UInt8(ascii: "\\")) }
            case ".", ")":
                if isListMarker(units, at: index) { output.append(UInt8(ascii: "\\")) }
            default:
                break
            }
            unit.appendUTF8(to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Indices of `*` and `**` runs that open and close emphasis: an opener
    /// is followed by a non-space, its closer (a run of the same length)
    /// preceded by one.
    static func pairedEmphasis<Unit: TextUnit>(in units: [Unit]) -> Set<Int> {
        var kept: Set<Int> = []
        var index = 0
        while index < units.count {
            guard units[index] == "*" else { index += 1; continue }
            var runEnd = index
            while runEnd < units.count, units[runEnd] == "*" { runEnd += 1 }
            let length = runEnd - index
            if length <= 2, runEnd < units.count, !units[runEnd].isWhitespace,
               let closer = findCloser(length: length, in: units, openerEnd: runEnd) {
                kept.formUnion(index..<runEnd)
                kept.formUnion(closer..<closer + length)
                index = closer + length
            } else {
                index = runEnd
            }
        }
        return kept
    }

    private static func findCloser<Unit: TextUnit>(length: Int, in units: [Unit], openerEnd: Int) -> Int? {
        var index = openerEnd + 1
        while index < units.count {
            guard units[index] == "*" else { index += 1; continue }
            var runEnd = index
            while runEnd < units.count, units[runEnd] == "*" { runEnd += 1 }
            if runEnd - index == length && !units[index - 1].isWhitespace { return index }
            index = runEnd
        }
        return nil
    }

    private static func startsCharacterReference<Unit: TextUnit>(_ units: [Unit], at index: Int) -> Bool {
        var cursor = index + 1
        while cursor < units.count, cursor - index <= 32 {
            let unit = units[cursor]
            if unit == ";" { return cursor > index + 1 }
            guard unit.isLetterOrNumber || unit == "#" else { return false }
            cursor += 1
        }
        return false
    }

    /// `1986. ` or `3) ` at the start of a line would begin an ordered list.
    private static func isListMarker<Unit: TextUnit>(_ units: [Unit], at index: Int) -> Bool {
        guard index > 0, index <= 9, units[..<index].allSatisfy({ $0.isASCIIDigit }) else { return false }
        return index + 1 == units.count || units[index + 1] == " "
    }
}
