extension String {
    /// The range of the first occurrence of `needle`, matched byte for byte
    /// in UTF-8. Ingest looks for a few dozen markers in every line of every
    /// raw file; `firstRange(of:)`, which compares Characters, made that a
    /// large share of a build. The two agree except where a combining mark
    /// follows the match, which would make `firstRange(of:)` miss it.
    func firstByteRange(of needle: String) -> Range<Index>? {
        var needle = needle
        let searched = utf8.withContiguousStorageIfAvailable { text in
            needle.withUTF8 { pattern -> Int? in
                guard let first = pattern.first, pattern.count <= text.count else { return nil }
                var start = 0
                while start <= text.count - pattern.count {
                    if text[start] == first, (1..<pattern.count).allSatisfy({ text[start + $0] == pattern[$0] }) {
                        return start
                    }
                    start += 1
                }
                return nil
            }
        }
        guard let searched else { return firstRange(of: needle) }  // not stored contiguously
        guard let offset = searched else { return nil }
        let lower = utf8.index(startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }
}
