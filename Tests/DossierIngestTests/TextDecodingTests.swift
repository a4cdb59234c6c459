import Testing
@testable import DossierIngest

@Suite struct TextDecodingTests {
    func text(_ bytes: [UInt8]) -> (String, [String])? {
        if case .text(let text, let warnings) = TextDecoding.decode(bytes) { return (text, warnings) }
        return nil
    }

    @Test func utf8WithBOMLosesTheBOM() throws {
        let (decoded, warnings) = try #require(text([0xEF, 0xBB, 0xBF] + Array("Déjà vu".utf8)))
        #expect(decoded == "Déjà vu")
        #expect(warnings.isEmpty)
    }

    @Test(arguments: [true, false])
    func utf16WithBOM(bigEndian: Bool) throws {
        let units = Array("Deir ez-Zor — “8 %”".utf16)
        let bytes = (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) + units.flatMap { unit -> [UInt8] in
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            return bigEndian ? [high, low] : [low, high]
        }
        #expect(try #require(text(bytes)).0 == "Deir ez-Zor — “8 %”")
    }

    @Test func invalidUTF8IsReadAsWindows1252WithAWarning() throws {
        let bytes: [UInt8] = Array("line one\n".utf8) + [0x93] + Array("quoted".utf8) + [0x94, 0x20, 0x96, 0x20, 0xE9]
        let (decoded, warnings) = try #require(text(bytes))
        #expect(decoded == "line one\n“quoted” – é")
        #expect(warnings == ["not valid UTF-8 (first at line 2, column 1); read as Windows-1252"])
    }

    @Test func emptyAndBinaryFilesAreSkipped() {
        #expect(TextDecoding.decode([]) == .skipped(reason: "empty file"))
        #expect(TextDecoding.decode(Array(" \n\r\n \t".utf8)) == .skipped(reason: "empty file"))
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]
        #expect(TextDecoding.decode(png) == .skipped(reason: "binary file, not text"))
    }

    @Test func aFileOfManyControlBytesIsBinaryButTabsAndLineEndsAreText() throws {
        // Two NUL bytes in a hundred make it binary, as do eleven other control bytes; ten do not.
        let text = Array(String(repeating: "x", count: 89).utf8)
        #expect(TextDecoding.decode(text + [0, 0] + [UInt8](repeating: 0x78, count: 9)) == .skipped(reason: "binary file, not text"))
        #expect(TextDecoding.decode(text + [UInt8](repeating: 0x1B, count: 11)) == .skipped(reason: "binary file, not text"))
        let (decoded, _) = try #require(self.text(text + [UInt8](repeating: 0x1B, count: 10) + [0x78]))
        #expect(decoded == String(repeating: "x", count: 90))
        let layout = Array(String(repeating: "a\t\n\r\u{C}", count: 30).utf8)
        #expect(try #require(self.text(layout)).0.hasPrefix("a \n\n a"))
    }

    @Test func aStrayNULIsRemovedWithAWarning() throws {
        let bytes = Array(String(repeating: "A long enough line of text. ", count: 10).utf8) + [0] + Array("end".utf8)
        let (decoded, warnings) = try #require(text(bytes))
        #expect(!decoded.contains("\u{0}"))
        #expect(decoded.hasSuffix("text. end"))
        #expect(warnings == ["NUL bytes removed"])
    }

    @Test func lineEndsAndOddSpacesAreUnified() throws {
        let (decoded, _) = try #require(text(Array("a\r\nb\rc\nd\u{A0}e\u{2009}f\u{200B}g\th".utf8)))
        #expect(decoded == "a\nb\nc\nd e fg h")
    }
}

@Suite struct HTMLRemnantsTests {
    @Test func scriptAndStyleAreDroppedWithTheirContent() {
        let text = "Before<script type=\"text/javascript\">alert('x')\nmore()</script>after <style>p{}</style>end"
        #expect(HTMLRemnants.strip(text) == "Before\nafter end")
    }

    @Test func tagsAreRemovedKeepingTheirText() {
        #expect(HTMLRemnants.strip("Read <u>agreed</u> <a href='x'>here</a><br/>now") == "Read agreed here now")
        #expect(HTMLRemnants.strip("<p>One</p><p>Two</p>") == " One  Two ")
    }

    @Test func proseWithAngleBracketsIsKept() {
        #expect(HTMLRemnants.strip("if a < b and c > d, <Daesh> stays") == "if a < b and c > d, <Daesh> stays")
    }

    @Test func referencesAreDecodedOnce() {
        #expect(HTMLRemnants.strip("Tom &amp; Jerry &ndash; &#8220;hi&#x201D; &amp;lt;b&amp;gt; &bogus; & more")
                    == "Tom & Jerry – “hi” &lt;b&gt; &bogus; & more")
    }

    @Test func unclosedScriptDropsTheRestButKeepsLineCount() {
        let stripped = HTMLRemnants.strip("Title\n<script>\nvar a\nvar b")
        #expect(stripped == "Title\n\n\n")
    }

    @Test func commentsAreRemoved() {
        #expect(HTMLRemnants.strip("a<!-- hidden\n -->b") == "a\nb")
    }
}
