import DossierAnalyse
import DossierCore
import DossierIngest
@testable import DossierRender
import Foundation
import Testing

private let articles = [
    article("beta", "Beta </script> \"title\"", date: "2017-12-08", outlet: "Outlet B", author: "B. Writer",
            source: "raw/beta.txt", body: "Five words in this body."),
    article("alpha", "Alpha", body: "Two words."),
    article("gamma", "Gamma", date: "2017-12-08", body: "One."),
]

/// dossier.json of `articles`, parsed.
private func dossierJSON() async throws -> [String: Any] {
    let text = try #require(try await renderSite(articles, config: DossierConfig(title: "T", description: "D"))["dossier.json"])
    return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Test func dossierJSONHasTheDocumentedTopLevel() async throws {
    let json = try await dossierJSON()
    #expect(json["title"] as? String == "T")
    #expect(json["description"] as? String == "D")
    #expect((json["articles"] as? [Any])?.count == 3)
}

@Test func dossierJSONListsArticlesByDateThenSlugUndatedLast() async throws {
    let list = try #require(try await dossierJSON()["articles"] as? [[String: Any]])
    #expect(list.map { $0["slug"] as? String } == ["beta", "gamma", "alpha"])
    for entry in list {
        #expect(Set(entry.keys) == ["slug", "title", "date", "outlet", "author", "source", "url", "words", "entities", "claims"])
    }
}

@Test func dossierJSONArticleValues() async throws {
    let list = try #require(try await dossierJSON()["articles"] as? [[String: Any]])
    let beta = try #require(list.first)
    #expect(beta["title"] as? String == "Beta </script> \"title\"")
    #expect(beta["date"] as? String == "2017-12-08")
    #expect(beta["outlet"] as? String == "Outlet B")
    #expect(beta["author"] as? String == "B. Writer")
    #expect(beta["source"] as? String == "raw/beta.txt")
    #expect(beta["url"] as? String == "articles/beta.html")
    #expect(beta["words"] as? Int == 5)
    #expect((beta["entities"] as? [Any])?.isEmpty == true)
    #expect((beta["claims"] as? [Any])?.isEmpty == true)

    let alpha = try #require(list.last)
    for key in ["date", "outlet", "author", "source"] {
        #expect(alpha[key] is NSNull, "\(key) of an article without it is not null")
    }
    #expect(alpha["url"] as? String == "articles/alpha.html")
    #expect(alpha["words"] as? Int == 2)
}

@Test func dossierJSONListsAnEntitysMentionsBySlugWithTheirCounts() async throws {
    // Reading order (by date) is zeta, alpha, mid; slug order alpha, mid, zeta.
    let named = [
        article("zeta", "Zeta", date: "2017-01-01", body: "Syria again."),
        article("alpha", "Alpha", date: "2017-06-01", body: "Syria, and Syria."),
        article("mid", "Mid", date: "2018-01-01", body: "In Syria."),
    ]
    let text = try #require(try await renderSite(named, entities: [Entity(slug: "syria", name: "Syria", kind: .place)])["dossier.json"])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect((json["articles"] as? [[String: Any]])?.map { $0["slug"] as? String } == ["zeta", "alpha", "mid"])
    let entity = try #require((json["entities"] as? [[String: Any]])?.first)
    let mentions = try #require(entity["mentions"] as? [[String: Any]])
    #expect(mentions.map { $0["article"] as? String } == ["alpha", "mid", "zeta"])
    #expect(mentions.map { $0["count"] as? Int } == [2, 1, 1])
}

@Test func dossierJSONIsSafeToInlineInHTML() async throws {
    let text = try #require(try await renderSite(articles)["dossier.json"])
    #expect(!text.contains("<"))
    #expect(text.hasSuffix("}\n"))
}

@Test func missingDescriptionIsNull() async throws {
    let text = try #require(try await renderSite(articles)["dossier.json"])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(json["description"] is NSNull)
}

@Test(arguments: [
    ("plain", #""plain""#),
    ("say \"hi\"", #""say \"hi\"""#),
    (#"C:\path"#, #""C:\\path""#),
    ("a\nb\rc\td", #""a\nb\rc\td""#),
    ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#),
    ("</script>", #""\u003c/script>""#),
    ("\u{2028}\u{2029}", #""\u2028\u2029""#),
    ("é ✓ 😀", "\"é ✓ 😀\""),
])
func quotedEscapesWhatJSONAndHTMLNeed(_ input: String, _ expected: String) {
    #expect(input.jsonQuoted(escapingLessThan: true) == expected)
}

@Test func quotedStringsReadBackUnchanged() throws {
    let nasty = "\"\\/<>&'\u{0}\u{7}\u{1B}\u{7F}\n\r\t\u{2028}é😀"
    let parsed = try JSONSerialization.jsonObject(with: Data("[\(nasty.jsonQuoted(escapingLessThan: true))]".utf8)) as? [String]
    #expect(parsed == [nasty])
}

@Test func quotingEscapesExactlyTheASCIIThatJSONAndHTMLNeedEscaped() throws {
    for scalar in (0...127).compactMap(Unicode.Scalar.init) {
        let text = "a\(Character(scalar))b"
        let quoted = text.jsonQuoted(escapingLessThan: true)
        let needsEscape = scalar.value < 0x20 || scalar.value == 0x7F || "\"\\<".unicodeScalars.contains(scalar)
        #expect((quoted != "\"\(text)\"") == needsEscape, "U+\(String(scalar.value, radix: 16))")
        let parsed = try JSONSerialization.jsonObject(with: Data("[\(quoted)]".utf8)) as? [String]
        #expect(parsed == [text], "U+\(String(scalar.value, radix: 16))")
    }
}

@Test func jsonTextKeepsKeyOrderAndEmptyContainers() {
    func write(_ json: inout JSONWriter) {
        json.object { json in
            json.member("b", 1)
            json.member("a", [String]())
            json.key("c")
            json.array { json in
                json.null()
                json.string("x")
                json.object { _ in }
            }
            json.key("d")
            json.decimal(2.5)
        }
    }
    #expect(JSONWriter.text(write) == """
        {
          "b": 1,
          "a": [],
          "c": [
            null,
            "x",
            {}
          ],
          "d": 2.5
        }
        """)
    #expect(String(decoding: JSONWriter.bytes(pretty: false, endingLine: true, write), as: UTF8.self)
            == "{\"b\":1,\"a\":[],\"c\":[null,\"x\",{}],\"d\":2.5}\n")
}

/// A data file handed over in pieces (as `dossier build` stages it) is the
/// same bytes as the file made whole, in pieces of about the size asked.
@Test func dataFilesInPiecesAreTheWholeFile() async throws {
    let dossier = await Analyse.run(IngestedContent(config: DossierConfig(title: "T"), articles: articles))
    let files = DataFile.all(of: dossier)
    #expect(files.map(\.path) == ["dossier.json", "search.json"])
    for file in files {
        var pieces: [[UInt8]] = []
        file.write(inPiecesOf: 64) { pieces.append(Array($0)) }
        #expect(Array(pieces.joined()) == file.file.contents)
        #expect(pieces.count > 3, "\(file.path) in \(pieces.count) pieces")
        #expect(pieces.dropLast().allSatisfy { $0.count >= 64 && $0.count < 300 }, "\(pieces.map(\.count))")
    }
}
