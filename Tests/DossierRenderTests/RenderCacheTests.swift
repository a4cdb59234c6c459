@testable import DossierRender
import MustacheTemplates
import Testing

@Test func fingerprintIgnoresTheOrderOfFields() {
    var first: TemplateObject = [:]
    for key in (0..<50).map({ "key\($0)" }) { first[key] = .string(key) }
    var second: TemplateObject = [:]
    for key in (0..<50).reversed().map({ "key\($0)" }) { second[key] = .string(key) }
    #expect(ContextFingerprint.of(template: "t", context: ["page": .object(first)])
            == ContextFingerprint.of(template: "t", context: ["page": .object(second)]))
}

@Test func fingerprintTellsApartWhatRendersDifferently() {
    let context: TemplateValue = ["title": "Café", "items": [1, 2], "flag": true]
    let fingerprint = ContextFingerprint.of(template: "page", context: context)
    let others: [TemplateValue] = [
        ["title": "Cafe\u{301}", "items": [1, 2], "flag": true],  // the same text to Swift's ==, other bytes
        ["title": "Café", "items": [2, 1], "flag": true],
        ["title": "Café", "items": [1, 2], "flag": false],
        ["title": "Café", "items": [1, 2], "flag": "true"],
        ["title": "Café", "items": [1, 2]],
        ["name": "Café", "items": [1, 2], "flag": true],
    ]
    for other in others {
        #expect(ContextFingerprint.of(template: "page", context: other) != fingerprint)
    }
    #expect(ContextFingerprint.of(template: "other", context: context) != fingerprint)
    #expect(ContextFingerprint.of(template: "page", context: context) == fingerprint)
}
