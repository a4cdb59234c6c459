/// A phrase of a claim file and where the curator wrote it, so a phrase
/// that matches nothing can be reported at its line.
public struct ClaimPhrase: Hashable, Sendable {
    public var text: String
    public var location: SourceLocation

    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
    }
}

/// A statement the curator follows through the coverage, from
/// `content/claims/<slug>.md`: who made it, the phrases whose sentences
/// carry it (`quotes`) or contest it (`disputed_by`), and the curator's
/// verdict and analysis.
public struct Claim: Hashable, Sendable {
    public var slug: String
    /// The statement, in the curator's words.
    public var statement: String
    /// The slugs of the entities who made the claim.
    public var claimants: [String]
    public var date: CalendarDate?
    /// The curator's rating, in their own words ("False", "Contested").
    public var verdict: String?
    public var quotes: [ClaimPhrase]
    public var disputedBy: [ClaimPhrase]
    /// The slugs of related claims.
    public var related: [String]
    /// The curator's analysis, as CommonMark.
    public var analysis: String
    /// The file the claim was read from, relative to the dossier's root.
    public var path: String
    /// Where each claimant and related slug stands in the file, for messages.
    public var claimantLocations: [SourceLocation]
    public var relatedLocations: [SourceLocation]

    public init(slug: String, statement: String, claimants: [String] = [], date: CalendarDate? = nil,
                verdict: String? = nil, quotes: [ClaimPhrase] = [], disputedBy: [ClaimPhrase] = [],
                related: [String] = [], analysis: String = "", path: String? = nil,
                claimantLocations: [SourceLocation]? = nil, relatedLocations: [SourceLocation]? = nil) {
        let path = path ?? "content/claims/\(slug).md"
        self.slug = slug
        self.statement = statement
        self.claimants = claimants
        self.date = date
        self.verdict = verdict
        self.quotes = quotes
        self.disputedBy = disputedBy
        self.related = related
        self.analysis = analysis
        self.path = path
        self.claimantLocations = claimantLocations ?? claimants.map { _ in SourceLocation(path: path) }
        self.relatedLocations = relatedLocations ?? related.map { _ in SourceLocation(path: path) }
    }
}
