/// What an entity is, from an entity file's `kind:`.
public enum EntityKind: String, CaseIterable, Sendable, Comparable {
    case person, organization, group, place, other

    /// Kinds sort in the order of the cases: people first, other last.
    public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A person, organisation, place or other entity the curator describes in
/// `content/entities/<slug>.md`. Its name and aliases are the strings
/// found in the articles as its mentions.
public struct Entity: Hashable, Sendable {
    public var slug: String
    public var name: String
    public var kind: EntityKind
    /// Other names, as written in the articles (the name is not repeated here).
    public var aliases: [String]
    /// One line saying what the entity is.
    public var description: String?
    /// URLs of the same entity elsewhere (Wikidata, Wikipedia).
    public var sameAs: [String]
    /// The curator's notes, as CommonMark.
    public var notes: String
    /// The file the entity was read from, relative to the dossier's root.
    public var path: String
    /// Where the name and each alias stand in the file, for messages.
    public var nameLocation: SourceLocation
    public var aliasLocations: [SourceLocation]

    public init(slug: String, name: String, kind: EntityKind = .other, aliases: [String] = [],
                description: String? = nil, sameAs: [String] = [], notes: String = "",
                path: String? = nil, nameLocation: SourceLocation? = nil, aliasLocations: [SourceLocation]? = nil) {
        let path = path ?? "content/entities/\(slug).md"
        self.slug = slug
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.description = description
        self.sameAs = sameAs
        self.notes = notes
        self.path = path
        self.nameLocation = nameLocation ?? SourceLocation(path: path)
        self.aliasLocations = aliasLocations ?? aliases.map { _ in SourceLocation(path: path) }
    }

    /// Every string that counts as a mention: the name, then the aliases.
    public var names: [String] { [name] + aliases }
}
