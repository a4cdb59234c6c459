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

/// The front matter keys of a claim file (DESIGN: "Claim front matter").
struct ClaimFrontMatter: FrontMatterSchema {
    var claim: String
    var claimant: OneOrMany?
    var date: String?
    var verdict: String?
    var quotes: [String]?
    var disputed_by: [String]?
    var related: [String]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case claim, claimant, date, verdict, quotes, disputed_by, related
    }
}

/// A value written as one string or as a list of strings (`claimant: russia`
/// or `claimant: [russia, syria]`).
struct OneOrMany: Decodable {
    var values: [String]

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let one = try? container.decode(String.self) {
            values = [one]
        } else {
            values = try container.decode([String].self)
        }
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
        let baseURL = decoded.base_url?.trimmed.nonEmpty
        if let baseURL, !baseURL.isWebURL {
            return (nil, [.error(document.location(ofValueFor: "base_url"),
                                 "'base_url' must be an http:// or https:// address, like https://example.org/dossier/")])
        }
        let config = DossierConfig(title: title, description: decoded.description?.trimmed.nonEmpty,
                                   baseURL: baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" },
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
        let date = day(decoded.date, in: document, issues: &issues)
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

    /// Parses a claim file; its slug is its file name without `.md`. Whether
    /// its claimants and related claims exist is checked once all files are
    /// loaded (``ContentFile/resolveClaimReferences(_:entities:)``).
    public static func claim(_ text: String, path: String, slug: String) -> (Claim?, [Diagnostic]) {
        let (parsed, problems) = markdownFile(text, path: path, schema: ClaimFrontMatter.self,
                                              needs: "a claim needs front matter with at least a 'claim'")
        guard let (decoded, document, split) = parsed else { return (nil, problems) }

        var issues: [Diagnostic] = []
        let statement = decoded.claim.trimmed
        if statement.isEmpty { issues.append(.error(document.location(ofValueFor: "claim"), "'claim' must not be empty")) }
        let date = day(decoded.date, in: document, issues: &issues)
        let claimants = slugs(decoded.claimant?.values, key: "claimant", in: document, issues: &issues)
        let related = slugs(decoded.related, key: "related", in: document, issues: &issues)
        let quotes = phrases(decoded.quotes, key: "quotes", in: document, issues: &issues)
        let disputedBy = phrases(decoded.disputed_by, key: "disputed_by", in: document, issues: &issues)
        guard !issues.containsErrors else { return (nil, issues) }

        let claim = Claim(slug: slug, statement: statement, claimants: claimants.map(\.slug), date: date,
                          verdict: decoded.verdict?.trimmed.nonEmpty, quotes: quotes, disputedBy: disputedBy,
                          related: related.map(\.slug), analysis: split.body, path: path,
                          claimantLocations: claimants.map(\.location), relatedLocations: related.map(\.location))
        return (claim, issues)
    }

    /// Claimants that are not entities and related slugs that are not
    /// claims: each is an error at its line and is dropped, so the claim
    /// still builds.
    public static func resolveClaimReferences(_ claims: [Claim], entities: [Entity]) -> ([Claim], [Diagnostic]) {
        let entitySlugs = Set(entities.map(\.slug))
        let claimSlugs = Set(claims.map(\.slug))
        var problems: [Diagnostic] = []
        let resolved = claims.map { claim in
            var claim = claim
            let claimants = zip(claim.claimants, claim.claimantLocations).filter { slug, location in
                if entitySlugs.contains(slug) { return true }
                problems.append(.error(location, "unknown claimant '\(slug)': no content/entities/\(slug).md"))
                return false
            }
            let related = zip(claim.related, claim.relatedLocations).filter { slug, location in
                if slug == claim.slug {
                    problems.append(.error(location, "a claim cannot be related to itself"))
                    return false
                }
                if claimSlugs.contains(slug) { return true }
                problems.append(.error(location, "unknown related claim '\(slug)': no content/claims/\(slug).md"))
                return false
            }
            claim.claimants = claimants.map(\.0)
            claim.claimantLocations = claimants.map(\.1)
            claim.related = related.map(\.0)
            claim.relatedLocations = related.map(\.1)
            return claim
        }
        return (resolved, problems)
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

    /// The optional `YYYY-MM-DD` day under `key`.
    private static func day(_ text: String?, in document: FrontMatterDocument, issues: inout [Diagnostic]) -> CalendarDate? {
        guard let text = text?.trimmed.nonEmpty else { return nil }
        if let date = CalendarDate(iso: text) { return date }
        issues.append(.error(document.location(ofValueFor: "date"), "'date' must be a day written YYYY-MM-DD, found '\(text)'"))
        return nil
    }

    /// The slugs listed under `key`, each with its location; one that is not
    /// a slug is an error, one listed twice a warning.
    private static func slugs(_ values: [String]?, key: String, in document: FrontMatterDocument,
                              issues: inout [Diagnostic]) -> [(slug: String, location: SourceLocation)] {
        var kept: [(slug: String, location: SourceLocation)] = []
        for (index, value) in (values ?? []).enumerated() {
            let location = document.location(ofValueFor: key, item: index)
            let slug = value.trimmed
            if !Slug.isValid(slug) {
                issues.append(.error(location, "'\(key)' must list slugs (file names without .md), found '\(value)'"))
            } else if kept.contains(where: { $0.slug == slug }) {
                issues.append(.warning(location, "'\(slug)' is listed twice"))
            } else {
                kept.append((slug, location))
            }
        }
        return kept
    }

    /// The phrases listed under `key`, trimmed; an empty one is an error.
    private static func phrases(_ values: [String]?, key: String, in document: FrontMatterDocument,
                                issues: inout [Diagnostic]) -> [ClaimPhrase] {
        var kept: [ClaimPhrase] = []
        for (index, value) in (values ?? []).enumerated() {
            let location = document.location(ofValueFor: key, item: index)
            if let phrase = value.trimmed.nonEmpty {
                kept.append(ClaimPhrase(phrase, at: location))
            } else {
                issues.append(.error(location, "a phrase in '\(key)' must not be empty"))
            }
        }
        return kept
    }

    /// Whether `source` has the form `raw/<file>.txt` with no folder parts.
    static func isRawReference(_ source: String) -> Bool {
        guard source.hasPrefix("raw/"), source.hasSuffix(".txt") else { return false }
        let name = source.dropFirst(4)
        return !name.contains("/") && !name.hasPrefix(".")
    }
}
