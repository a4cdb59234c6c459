import DossierCore
import Foundation

extension StringProtocol {
    /// The range of the first occurrence of `needle`, matched byte for byte
    /// in UTF-8 (with `ignoringASCIICase`, ASCII letters match in either
    /// case). Ingest looks for a few dozen markers in every line of every raw
    /// file; `firstRange(of:)`, which compares Characters, made that a large
    /// share of a build. The two agree except where a combining mark follows
    /// the match, which would make `firstRange(of:)` miss it.
    func firstByteRange(of needle: String, ignoringASCIICase: Bool = false) -> Range<Index>? {
        var needle = needle
        let found = needle.withUTF8 { pattern in
            let search = { (text: UnsafeBufferPointer<UInt8>) in
                firstOffset(of: pattern, in: text, ignoringASCIICase: ignoringASCIICase)
            }
            return utf8.withContiguousStorageIfAvailable(search) ?? Array(utf8).withUnsafeBufferPointer(search)
        }
        guard let offset = found else { return nil }
        let lower = utf8.index(startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }
}

extension StringProtocol {
    /// Whether the text holds `byte`: one pass without branches, which the
    /// compiler vectorises.
    func containsByte(_ byte: UInt8) -> Bool {
        let search = { (bytes: UnsafeBufferPointer<UInt8>) in
            var found: UInt8 = 0
            for each in bytes { found |= each == byte ? 1 : 0 }
            return found != 0
        }
        return utf8.withContiguousStorageIfAvailable(search) ?? Array(utf8).withUnsafeBufferPointer(search)
    }

    /// Whether the text holds `byte` twice in a row: one pass without
    /// branches, which the compiler vectorises.
    func containsRepeatedByte(_ byte: UInt8) -> Bool {
        let search = { (bytes: UnsafeBufferPointer<UInt8>) in
            var found: UInt8 = 0
            for index in bytes.indices.dropFirst() {
                found |= (bytes[index - 1] == byte ? 1 : 0) & (bytes[index] == byte ? 1 : 0)
            }
            return found != 0
        }
        return utf8.withContiguousStorageIfAvailable(search) ?? Array(utf8).withUnsafeBufferPointer(search)
    }

    /// The offsets of `byte` in the text's UTF-8, in order.
    func byteOffsets(of byte: UInt8) -> [Int] {
        let search = { (bytes: UnsafeBufferPointer<UInt8>) in bytes.indices.filter { bytes[$0] == byte } }
        return utf8.withContiguousStorageIfAvailable(search) ?? Array(utf8).withUnsafeBufferPointer(search)
    }
}

/// Separators to split text at, one after the other: what splitting with
/// `components(separatedBy:)` at each in turn gives. Foundation compares
/// Characters, slowly. Where the text's scalars are its Characters, which
/// its pieces' are too, a separator's Characters match where its bytes do (no
/// scalar that equals another as a Character is left in such text): the text
/// is split byte by byte, and not at all when none of the separators' bytes
/// are in it.
struct Separators: Sendable {
    let separators: [String]
    private let needles: ByteNeedles

    init(_ separators: [String]) {
        self.separators = separators
        needles = ByteNeedles(separators)
    }

    func split(_ text: String) -> [String] {
        guard text.scalarsAreCharacters else {
            return separators.reduce([text]) { pieces, separator in pieces.flatMap { $0.components(separatedBy: separator) } }
        }
        guard needles.occur(in: text) else { return [text] }
        return separators.reduce([text]) { pieces, separator in pieces.flatMap { $0.bytePieces(separatedBy: separator) } }
    }
}

extension String {
    /// The pieces of the text between the occurrences of `separator`'s bytes.
    fileprivate func bytePieces(separatedBy separator: String) -> [String] {
        var (text, separator) = (self, separator)
        return text.withUTF8 { bytes in
            separator.withUTF8 { separator in
                var pieces: [String] = []
                var start = 0
                while let offset = firstOffset(of: separator, in: UnsafeBufferPointer(rebasing: bytes[start...]), ignoringASCIICase: false) {
                    pieces.append(String(decoding: bytes[start..<(start + offset)], as: UTF8.self))
                    start += offset + separator.count
                }
                pieces.append(String(decoding: bytes[start...], as: UTF8.self))
                return pieces
            }
        }
    }
}

/// Strings to look for in a text in one pass, byte for byte as
/// `firstByteRange(of:)` finds them: whether any occurs, without a pass per
/// string.
struct ByteNeedles: Sendable {
    /// The needles' bytes after the first, by their first byte.
    private let needlesByFirstByte: [[[UInt8]]]
    /// 1 for a pair of bytes (the first times 256 plus the second) that
    /// starts a needle, or whose first byte is a needle by itself.
    private let startsNeedle: [UInt8]
    /// 1 for a byte that is a needle by itself, which may also be a text's last.
    private let isNeedle: [UInt8]

    init(_ strings: [String]) {
        var needlesByFirstByte = [[[UInt8]]](repeating: [], count: 256)
        var startsNeedle = [UInt8](repeating: 0, count: 256 * 256)
        var isNeedle = [UInt8](repeating: 0, count: 256)
        for needle in strings.map({ Array($0.utf8) }) where !needle.isEmpty {
            let first = Int(needle[0])
            needlesByFirstByte[first].append(Array(needle.dropFirst()))
            if needle.count == 1 {
                isNeedle[first] = 1
                for second in 0..<256 { startsNeedle[first << 8 | second] = 1 }
            } else {
                startsNeedle[first << 8 | Int(needle[1])] = 1
            }
        }
        self.needlesByFirstByte = needlesByFirstByte
        self.startsNeedle = startsNeedle
        self.isNeedle = isNeedle
    }

    func occur(in text: some StringProtocol) -> Bool {
        // Closures that call a method, not a closure kept in a constant:
        // that would hold a copy of the needles, retained and released on
        // every call, and the rules' needles are read from both cores at once.
        text.utf8.withContiguousStorageIfAvailable { occur(in: $0) } ?? Array(text.utf8).withUnsafeBufferPointer { occur(in: $0) }
    }

    private func occur(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = bytes.last else { return false }
        return startsNeedle.withUnsafeBufferPointer { startsNeedle in
            // A first pass without branches, over pairs of bytes, rules
            // out most texts quickly: a needle's first byte alone (a
            // capital, often) is common, its first two are not.
            var starts = isNeedle[Int(last)]
            for index in bytes.indices.dropLast() { starts |= startsNeedle[Int(bytes[index]) << 8 | Int(bytes[index + 1])] }
            guard starts != 0 else { return false }
            if isNeedle[Int(last)] != 0 { return true }
            for start in bytes.indices.dropLast() where startsNeedle[Int(bytes[start]) << 8 | Int(bytes[start + 1])] != 0 {
                let rest = bytes[(start + 1)...]
                if needlesByFirstByte[Int(bytes[start])].contains(where: { rest.starts(with: $0) }) { return true }
            }
            return false
        }
    }
}

/// Where `pattern` first occurs in `text`, as a byte offset.
private func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>,
                         ignoringASCIICase: Bool) -> Int? {
    ignoringASCIICase
        ? firstOffset(of: pattern, in: text) { asciiLowercased($0) }
        : firstOffset(of: pattern, in: text) { $0 }
}

/// Where `pattern` first occurs in `text`, bytes of both compared as `fold` makes them.
@inline(__always)
private func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>,
                         fold: (UInt8) -> UInt8) -> Int? {
    guard let first = pattern.first.map(fold), pattern.count <= text.count else { return nil }
    for start in 0...(text.count - pattern.count) where fold(text[start]) == first {
        var matched = 1
        while matched < pattern.count, fold(text[start + matched]) == fold(pattern[matched]) { matched += 1 }
        if matched == pattern.count { return start }
    }
    return nil
}

/// Whether the byte is an ASCII letter or digit.
func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
    (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
}
