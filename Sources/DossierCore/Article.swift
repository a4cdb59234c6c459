/// What is known about an article besides its text: the front matter of an
/// article file, or what ingest read from a raw file's header and tail.
public struct ArticleMetadata: Hashable, Sendable {
    public var title: String
    public var date: CalendarDate?
    public var outlet: String?
    public var author: String?
    public var dateline: String?
    public var url: String?
    /// The raw file this article comes from, as `raw/<file>`.
    public var source: String?

    public init(title: String, date: CalendarDate? = nil, outlet: String? = nil, author: String? = nil,
                dateline: String? = nil, url: String? = nil, source: String? = nil) {
        self.title = title
        self.date = date
        self.outlet = outlet
        self.author = author
        self.dateline = dateline
        self.url = url
        self.source = source
    }
}

/// An article of the dossier: metadata and a Markdown body, under a slug
/// that names its page (`articles/<slug>.html`).
public struct Article: Hashable, Sendable {
    public var slug: String
    public var metadata: ArticleMetadata
    /// The body, as CommonMark.
    public var body: String
    /// The file the article was read from, relative to the dossier's root
    /// (`content/raw/…` or `content/articles/…`).
    public var path: String
    /// The line of `path` on which the body starts, for locating problems.
    public var bodyLine: Int

    public init(slug: String, metadata: ArticleMetadata, body: String, path: String, bodyLine: Int = 1) {
        self.slug = slug
        self.metadata = metadata
        self.body = body
        self.path = path
        self.bodyLine = bodyLine
    }
}

/// The dossier's settings, from `content/dossier.yml`.
public struct DossierConfig: Hashable, Sendable {
    public var title: String
    public var description: String?
    /// The absolute URL the site is published under, if known.
    public var baseURL: String?
    /// The language of the content, as a BCP 47 tag (default `en`).
    public var language: String

    public init(title: String, description: String? = nil, baseURL: String? = nil, language: String = "en") {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
    }

    /// The absolute address of a site path (`articles/x.html`) under
    /// `baseURL`; nil when the dossier does not say where it is published.
    public func absoluteURL(_ path: String) -> String? {
        baseURL.map { $0.hasSuffix("/") ? $0 + path : $0 + "/" + path }
    }
}
