import DossierCore
import Testing

@Test(arguments: [
    ("Russia's US-led coalition", 3),
    ("— 12 —", 1),
    ("déjà\u{00A0}vu", 2),
    ("e\u{0301}te\u{0301} ok", 2),
    ("\t\nline\r\nbreaks\u{2028}here", 3),
    ("Москва и Дамаск, ٣ أيام", 5),
    ("", 0),
    ("...", 0),
])
func wordsAreTokensWithALetterOrDigit(_ text: String, _ expected: Int) {
    #expect(text.wordCount == expected)
}
