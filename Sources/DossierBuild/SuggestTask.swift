import DossierAnalyse
import DossierCore
import DossierIngest
import DossierLoad
import Foundation

/// `dossier suggest`: entities and aliases the curator has not described,
/// written so each can be pasted into an entity file.
public struct SuggestTask {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// The suggestions as text, and the content's problems.
    public func run() async -> (String, [Diagnostic]) {
        let dossier = await Analyse.run(await Ingest.run(ContentLoader(root: root).load()))
        let text = Self.text(Suggest.run(dossier), entities: dossier.entities.map(\.entity))
        return (text, dossier.diagnostics)
    }

    /// The report: each likely entity as a ready entity file under the path
    /// it would have, each likely alias as a list item under its entity's
    /// file, with counts and an example sentence in YAML comments.
    public static func text(_ suggestions: Suggestions, entities: [Entity]) -> String {
        guard !suggestions.entities.isEmpty || !suggestions.aliases.isEmpty else {
            return "# Every recurring name is covered by an entity; no alias to suggest.\n"
        }
        var lines: [String] = []
        func describe(_ suggestion: Suggestion) {
            let found = "\(counted(suggestion.mentions, "mention")) in \(counted(suggestion.articles.count, "article"))"
            lines.append("#   \(found), e.g. in \(suggestion.exampleArticle):")
            lines.append("#   \(excerpt(suggestion.example, around: suggestion.phrase))")
        }
        if !suggestions.entities.isEmpty {
            lines.append("# Likely entities no file describes, in the most articles first.")
            lines.append("# Save a block as the file named above it, then set its kind")
            lines.append("# (person, organization, group, place or other).")
            var taken = Set(entities.map(\.slug))
            for suggestion in suggestions.entities {
                let slug = Slug.unique(Slug.make(from: suggestion.phrase), avoiding: taken)
                taken.insert(slug)
                lines.append("")
                lines.append("# content/entities/\(slug).md")
                describe(suggestion)
                lines += ["---", "name: \(suggestion.phrase.jsonQuoted(escapingLessThan: false))", "kind: other"]
                if !suggestion.variants.isEmpty {
                    lines.append("aliases:")
                    lines += suggestion.variants.map { "  - \($0.jsonQuoted(escapingLessThan: false))" }
                }
                lines.append("---")
            }
        }
        if !suggestions.aliases.isEmpty {
            if !lines.isEmpty { lines.append("") }
            lines.append("# Likely aliases: spellings of a described entity's name (same transliteration key).")
            lines.append("# Add each to the 'aliases:' of the file named above it.")
            let paths = Dictionary(entities.map { ($0.slug, $0.path) }, uniquingKeysWith: { first, _ in first })
            for suggestion in suggestions.aliases {
                lines.append("")
                lines.append("# \(paths[suggestion.entity ?? ""] ?? "?") (key \(suggestion.key ?? "?"))")
                describe(suggestion)
                lines.append("  - \(suggestion.phrase.jsonQuoted(escapingLessThan: false))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The sentence, cut at spaces to about 100 characters around `phrase`.
    static func excerpt(_ sentence: String, around phrase: String) -> String {
        let words = sentence.split(separator: " ")
        guard sentence.count > 100, let found = sentence.range(of: phrase),
              var first = words.firstIndex(where: { $0.endIndex > found.lowerBound }) else { return sentence }
        var last = first
        var length = words[first].count
        var growLeft = true
        while length < 100 && (first > 0 || last < words.count - 1) {
            if growLeft && first > 0 || last == words.count - 1 {
                first -= 1
                length += words[first].count + 1
            } else {
                last += 1
                length += words[last].count + 1
            }
            growLeft.toggle()
        }
        return (first > 0 ? "… " : "") + words[first...last].joined(separator: " ") + (last < words.count - 1 ? " …" : "")
    }
}
