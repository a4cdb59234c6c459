import DossierCore

// What ingest does to every line of every raw file, made fast: each helper
// gives exactly what the Character-by-Character operation in its comment
// gives, but works on bytes or Unicode scalars where the text allows (see
// `scalarsAreCharacters`).

extension String {
    /// The text's lines: `split(separator: "\n", omittingEmptySubsequences:
    /// false)`. A line feed is a Character of its own except right after a
    /// carriage return: cleaning leaves none, but a decoded `&#13;` can.
    var lines: [Substring] {
        guard !containsByte(UInt8(ascii: "\r")) else { return split(separator: "\n", omittingEmptySubsequences: false) }
        var lines: [Substring] = []
        var lineStart = startIndex
        for offset in byteOffsets(of: UInt8(ascii: "\n")) {
            let lineEnd = utf8.index(startIndex, offsetBy: offset)
            lines.append(self[lineStart..<lineEnd])
            lineStart = utf8.index(after: lineEnd)
        }
        lines.append(self[lineStart...])
        return lines
    }

    /// `lowercased()`: each scalar's lowercase mapping. The standard library
    /// looks every scalar up in the Unicode tables as soon as one is not
    /// ASCII; this lowers ASCII letters without them.
    var lowercasedByScalar: String {
        if isPlainASCII { return lowercased() }  // which has a path for ASCII
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if scalar.isASCII {
                bytes.append(asciiLowercased(UInt8(scalar.value)))
            } else {
                bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text's letters and numbers, in order: `filter(\.isLetterOrNumber)`.
    var lettersAndNumbers: String {
        guard scalarsAreCharacters else { return filter { $0.isLetterOrNumber } }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for scalar in unicodeScalars where scalar.isLetterOrNumber { scalar.appendUTF8(to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Substring {
    /// The line's pieces between spaces joined by single spaces, which
    /// trims it and collapses runs of spaces: `split(separator:
    /// " ").joined(separator: " ")`. A space byte is not always a Character
    /// `" "` (a combining mark may follow it), but it is where the line's
    /// scalars are its Characters.
    var collapsingSpaces: String {
        // Without a space at either end or two in a row, there are no empty
        // pieces, and joining the pieces gives the line back.
        let space = UInt8(ascii: " ")
        if utf8.first != space, utf8.last != space, !containsRepeatedByte(space) { return String(self) }
        let pieces = scalarsAreCharacters
            ? utf8.split(separator: space).map { Substring($0) }
            : split(separator: " ")
        return pieces.joined(separator: " ")
    }
}
