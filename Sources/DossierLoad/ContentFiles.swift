import DossierCore

/// The keys of `content/dossier.yml`.
struct ConfigFrontMatter: FrontMatterSchema {
    var title: String
    var description: String?
    var base_url: String?
    var language: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, description, base_url, language
    }
}

/// The front matter keys of an article file (DESIGN: "Article front matter").
struct ArticleFrontMatter: FrontMatterSchema {
    var title: String
    var date: String?
    var outlet: String?
    var author: String?
    var dateline: String?
    var url: String?
    var source: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, date, outlet, author, dateline, url, source
    }
}

/// The front matter keys of an entity file (DESIGN: "Entity front matter").
struct EntityFrontMatter: FrontMatterSchema {
    var name: String
    var kind: String?
    var aliases: [String]?
    var description: String?
    var same_as: [String]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, kind, aliases, description, same_as
    }
}

/// An article a curator wrote or corrected, from `content/articles/<slug>.md`.
public struct CuratedArticle: Hashable, Sendable {
    public var article: Article

    public init(article: Article) {
        self.article = article
    }
}

/// Parsers for the content files, as pure functions of their text.
public enum ContentFile {
    /// Parses `content/dossier.yml`.
    public static func config(_ text: String, path: String) -> (DossierConfig?, [Diagnostic]) {
        let (document, problems) = FrontMatterDocument.parse(text, path: path, firstLine: 1)
        guard let document else { return (nil, problems) }
        let (decoded, decodeProblems) = document.decode(ConfigFrontMatter.self)
        guard let decoded else { return (nil, problems + decodeProblems) }
        let title = decoded.title.trimmed
        guard !title.isEmpty else {
            return (nil, [.error(document.location(ofValueFor: "title"), "'title' must not be empty")])
        }
        let config = DossierConfig(title: title, description: decoded.description?.trimmed.nonEmpty,
                                   baseURL: decoded.base_url?.trimmed.nonEmpty,
                                   language: decoded.language?.trimmed.nonEmpty ?? "en")
        return (config, [])
    }

    /// Parses a curated article file; its slug is its file name without `.md`.
    public static func article(_ text: String, path: String, slug: String) -> (CuratedArticle?, [Diagnostic]) {
        let (parsed, problems) = markdownFile(text, path: path, schema: ArticleFrontMatter.self,
                                              needs: "an article needs front matter with at least a 'title'")
        guard let (decoded, document, split) = parsed else { return (nil, problems) }

        var issues: [Diagnostic] = []
        let title = decoded.title.trimmed
        if title.isEmpty { issues.append(.error(document.location(ofValueFor: "title"), "'title' must not be empty")) }
        var date: CalendarDate?
        if let text = decoded.date?.trimmed.nonEmpty {
            date = CalendarDate(iso: text)
            if date == nil {
                issues.append(.error(document.location(ofValueFor: "date"), "'date' must be a day written YYYY-MM-DD, found '\(text)'"))
            }
        }
        if let source = decoded.source?.trimmed.nonEmpty, !isRawReference(source) {
            issues.append(.error(document.location(ofValueFor: "source"), "'source' must name a raw file as raw/<file>.txt, found '\(source)'"))
        }
        guard issues.isEmpty else { return (nil, issues) }

        let metadata = ArticleMetadata(
            title: title, date: date, outlet: decoded.outlet?.trimmed.nonEmpty,
            author: decoded.author?.trimmed.nonEmpty, dateline: decoded.dateline?.trimmed.nonEmpty,
            url: decoded.url?.trimmed.nonEmpty, source: decoded.source?.trimmed.nonEmpty)
        let article = Article(slug: slug, metadata: metadata, body: split.body, path: path, bodyLine: split.bodyLine)
        return (CuratedArticle(article: article), [])
    }

    /// Parses an entity file; its slug is its file name without `.md`.
    public static func entity(_ text: String, path: String, slug: String) -> (Entity?, [Diagnostic]) {
        let (parsed, problems) = markdownFile(text, path: path, schema: EntityFrontMatter.self,
                                              needs: "an entity needs front matter with at least a 'name'")
        guard let (decoded, document, split) = parsed else { return (nil, problems) }

        var issues: [Diagnostic] = []
        let name = decoded.name.trimmed
        if name.isEmpty { issues.append(.error(document.location(ofValueFor: "name"), "'name' must not be empty")) }
        var kind = EntityKind.other
        if let text = decoded.kind?.trimmed.nonEmpty {
            if let known = EntityKind(rawValue: text) {
                kind = known
            } else {
                let kinds = EntityKind.allCases.map(\.rawValue).joined(separator: ", ")
                issues.append(.error(document.location(ofValueFor: "kind"), "unknown kind '\(text)' (expected one of: \(kinds))"))
            }
        }
        var aliases: [String] = []
        var aliasLocations: [SourceLocation] = []
        for (index, alias) in (decoded.aliases ?? []).enumerated() {
            let location = document.location(ofValueFor: "aliases", item: index)
            let alias = alias.trimmed
            if alias.isEmpty {
                issues.append(.error(location, "an alias must not be empty"))
            } else if alias == name {
                issues.append(.warning(location, "'\(alias)' is the name already; aliases are the other names"))
            } else if aliases.contains(alias) {
                issues.append(.warning(location, "'\(alias)' is listed twice"))
            } else {
                aliases.append(alias)
                aliasLocations.append(location)
            }
        }
        var sameAs: [String] = []
        for (index, url) in (decoded.same_as ?? []).enumerated() {
            let url = url.trimmed
            if url.isWebURL {
                sameAs.append(url)
            } else {
                issues.append(.error(document.location(ofValueFor: "same_as", item: index), "'same_as' must list http(s) URLs, found '\(url)'"))
            }
        }
        guard !issues.containsErrors else { return (nil, issues) }

        let entity = Entity(slug: slug, name: name, kind: kind, aliases: aliases,
                            description: decoded.description?.trimmed.nonEmpty, sameAs: sameAs,
                            notes: split.body, path: path, nameLocation: document.location(ofValueFor: "name"),
                            aliasLocations: aliasLocations)
        return (entity, issues)
    }

    /// Names claimed by more than one entity. Each name keeps its first
    /// owner in slug order; a later claim is an error at the later file's
    /// line and is dropped from that entity, so the rest still builds.
    public static func resolveNameConflicts(_ entities: [Entity]) -> ([Entity], [Diagnostic]) {
        var owners: [String: String] = [:]
        var problems: [Diagnostic] = []
        let resolved = entities.sorted { $0.slug < $1.slug }.map { entity in
            var entity = entity
            if let owner = owners[entity.name] {
                problems.append(.error(entity.nameLocation, "'\(entity.name)' is already claimed by content/entities/\(owner).md"))
            } else {
                owners[entity.name] = entity.slug
            }
            var kept: [(String, SourceLocation)] = []
            for (alias, location) in zip(entity.aliases, entity.aliasLocations) {
                if let owner = owners[alias] {
                    let whose = owner == entity.slug ? "this entity" : "content/entities/\(owner).md"
                    problems.append(.error(location, "alias '\(alias)' is already claimed by \(whose)"))
                } else {
                    owners[alias] = entity.slug
                    kept.append((alias, location))
                }
            }
            entity.aliases = kept.map(\.0)
            entity.aliasLocations = kept.map(\.1)
            return entity
        }
        return (resolved, problems)
    }

    /// A Markdown file with required front matter, decoded into `schema`.
    private static func markdownFile<Schema: FrontMatterSchema>(
        _ text: String, path: String, schema: Schema.Type, needs: String
    ) -> ((Schema, FrontMatterDocument, FrontMatterSplit)?, [Diagnostic]) {
        let (split, splitProblems) = FrontMatterSplit.split(text, path: path)
        guard let yaml = split.yaml else {
            let missing = Diagnostic.error(SourceLocation(path: path), "\(needs) (a '---' block at the top)")
            return (nil, splitProblems.isEmpty ? [missing] : splitProblems)
        }
        let (document, parseProblems) = FrontMatterDocument.parse(yaml, path: path, firstLine: split.yamlLine)
        guard let document else { return (nil, parseProblems) }
        let (decoded, problems) = document.decode(schema)
        guard let decoded else { return (nil, problems) }
        return ((decoded, document, split), problems)
    }

    /// Whether `source` has the form `raw/<file>.txt` with no folder parts.
    static func isRawReference(_ source: String) -> Bool {
        guard source.hasPrefix("raw/"), source.hasSuffix(".txt") else { return false }
        let name = source.dropFirst(4)
        return !name.contains("/") && !name.hasPrefix(".")
    }
}
