import DossierCore
import MustacheTemplates

/// A theme: Mustache templates and assets, keyed by their path inside a
/// Templates/ folder (`article.mustache`, `partials/header.mustache`,
/// `assets/style.css`).
public struct Theme: Sendable {
    public var files: [String: [UInt8]]

    public init(files: [String: [UInt8]]) {
        self.files = files
    }

    /// This theme with `overrides` replacing files of the same path.
    public func overridden(by overrides: [String: [UInt8]]) -> Theme {
        Theme(files: files.merging(overrides) { _, override in override })
    }

    /// The templates every theme must have, by name (path without `.mustache`).
    public static let requiredTemplates = ["base", "index", "articles", "article", "raw", "entities", "entity", "claims", "claim", "sources", "figures", "search"]

    /// The theme's templates parsed into a library. A template that does
    /// not parse, or a required one that is missing, is an error located
    /// in `Templates/`.
    func library() -> (TemplateLibrary?, [Diagnostic]) {
        var library = TemplateLibrary()
        var problems: [Diagnostic] = []
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".mustache") {
            let location = "Templates/\(path)"
            guard let text = String(validating: bytes, as: UTF8.self) else {
                problems.append(.error(SourceLocation(path: location), "not valid UTF-8"))
                continue
            }
            do {
                library.add(try Template(text), named: String(path.dropLast(".mustache".count)))
            } catch {
                problems.append(.error(SourceLocation(path: location, line: error.line, column: error.column),
                                       "template does not parse: \(error.message)"))
            }
        }
        for name in Theme.requiredTemplates where files["\(name).mustache"] == nil {
            problems.append(.error(SourceLocation(path: "Templates/\(name).mustache"), "missing: every theme needs this template"))
        }
        return (problems.containsErrors ? nil : library, problems)
    }

    /// The files under `assets/`, copied to the site as they are.
    var assets: [SiteFile] {
        files.filter { $0.key.hasPrefix("assets/") }.sorted { $0.key < $1.key }
            .map { SiteFile(path: $0.key, contents: $0.value) }
    }
}
