extension StringProtocol {
    /// The text without the given characters at either end.
    func trimming(_ characters: String) -> String {
        let unwanted = Set(characters)
        guard let first = firstIndex(where: { !unwanted.contains($0) }),
              let last = lastIndex(where: { !unwanted.contains($0) }) else { return "" }
        return String(self[first...last])
    }

    /// The number of words, counted as runs of letters or digits.
    var wordCount: Int {
        var count = 0
        var inWord = false
        for character in self {
            let isWordCharacter = character.isLetter || character.isNumber
            if isWordCharacter && !inWord { count += 1 }
            inWord = isWordCharacter
        }
        return count
    }
}
