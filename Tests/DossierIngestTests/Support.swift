import CommonMark
import DossierCore
import DossierLoad
import Foundation
@testable import DossierIngest

/// Normalises `text` as if it were the raw file `test.txt`.
func normalize(_ text: String) -> Normalization {
    let (result, _) = Normalizer.normalize(RawFile(name: "test.txt", path: "content/raw/test.txt", bytes: Array(text.utf8)))
    return result!
}

/// What a reader sees of a Markdown body: cmark's plain text.
func renderedText(_ markdown: String) -> String {
    MarkdownDocument(parsing: markdown).plainText()
}

/// A raw article with a headline and a real first paragraph around `lines`.
func article(_ lines: String...) -> String {
    (["A headline about the war", "", "The first paragraph of the story says what happened on the ground today."]
        + lines.flatMap { ["", $0] }).joined(separator: "\n")
}

/// The seed files, as committed in content/raw/.
enum Seeds {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../content/raw").standardizedFileURL

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    }

    static func file(_ name: String) -> RawFile {
        let bytes = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) ?? Data()
        return RawFile(name: name, path: "content/raw/\(name)", bytes: [UInt8](bytes))
    }

    static func normalization(_ name: String) -> Normalization {
        Normalizer.normalize(file(name)).0!
    }

    static func text(_ name: String) -> String {
        String(decoding: file(name).bytes, as: UTF8.self)
    }
}
