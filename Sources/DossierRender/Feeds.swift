import DossierAnalyse
import DossierCore

/// `feed.xml` and `sitemap.xml`, for feed readers and search engines.
/// Both are made from the dossier alone: a date in them is an article's
/// date, never the time of the build.
public enum Feeds {
    /// How many articles the feed holds, newest first: feed readers poll
    /// the feed, so it stays small however long the dossier grows.
    static let feedLimit = 100

    /// An Atom feed of the newest articles, then undated ones. Links are absolute when the
    /// dossier has a `base_url` and relative to the feed otherwise; ids are
    /// the absolute page addresses, or `urn:dossier:` names without one.
    static func atom(_ dossier: AnalysedDossier) -> [UInt8] {
        let config = dossier.config
        // Articles are in reading order, dated ones first: the newest are at the end of those.
        let articles = dossier.articles.indices
        let isDated = { dossier.articles[$0].article.metadata.date != nil }
        let newest = (articles.reversed().lazy.filter(isDated) + articles.lazy.filter { !isDated($0) }).prefix(feedLimit)
        let updated = dossier.articles.lazy.compactMap { $0.article.metadata.date }.max()
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(config.language.markupEscaped)">
            <title>\(config.title.markupEscaped)</title>

            """
        if let description = config.description { xml += "<subtitle>\(description.markupEscaped)</subtitle>\n" }
        xml += """
            <id>\(identifier("", config: config).markupEscaped)</id>
            <link rel="alternate" type="text/html" href="\(address("index.html", config: config).markupEscaped)"/>
            <link rel="self" type="application/atom+xml" href="\(address("feed.xml", config: config).markupEscaped)"/>
            <updated>\(timestamp(updated))</updated>
            <author><name>\(config.title.markupEscaped)</name></author>
            <generator>Dossier</generator>

            """
        for position in newest {
            let analysed = dossier.articles[position]
            let metadata = analysed.article.metadata
            let path = SiteRenderer.pagePath(ofArticle: analysed.article.slug)
            xml += """
                <entry>
                <title>\(metadata.title.markupEscaped)</title>
                <link rel="alternate" type="text/html" href="\(address(path, config: config).markupEscaped)"/>
                <id>\(identifier(path, config: config).markupEscaped)</id>

                """
            if let date = metadata.date { xml += "<published>\(timestamp(date))</published>\n" }
            xml += "<updated>\(timestamp(metadata.date ?? updated))</updated>\n"
            if let by = metadata.author ?? metadata.outlet { xml += "<author><name>\(by.markupEscaped)</name></author>\n" }
            xml += "<summary>\(analysed.plainText.firstWords(60).markupEscaped)</summary>\n</entry>\n"
        }
        return Array((xml + "</feed>\n").utf8)
    }

    /// A sitemap of every page, with absolute addresses; nil without a
    /// `base_url`, which a sitemap cannot do without.
    static func sitemap(pages: [String], config: DossierConfig) -> [UInt8]? {
        guard config.baseURL != nil else { return nil }
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        for page in pages.sorted() {
            xml += "<url><loc>\(address(page, config: config).markupEscaped)</loc></url>\n"
        }
        return Array((xml + "</urlset>\n").utf8)
    }

    /// What the site leaves out for want of settings: without a `base_url`
    /// there is no sitemap, no canonical link and no absolute feed link.
    public static func warnings(for config: DossierConfig) -> [Diagnostic] {
        guard config.baseURL == nil else { return [] }
        return [.warning(SourceLocation(path: "content/dossier.yml", line: 1, column: 1),
                         "no base_url: sitemap.xml, canonical links and absolute feed links are left out until it is set")]
    }

    /// The address of a site path: absolute under `base_url`, else as it is.
    static func address(_ path: String, config: DossierConfig) -> String {
        config.absoluteURL(path) ?? path
    }

    /// A permanent, absolute identifier for a site path.
    static func identifier(_ path: String, config: DossierConfig) -> String {
        guard config.baseURL == nil else { return address(path, config: config) }
        let name = Slug.make(from: config.title, fallback: "dossier")
        return path.isEmpty ? "urn:dossier:\(name)" : "urn:dossier:\(name):\(path)"
    }

    /// Midnight UTC of `date`; the start of 1970 when there is no date at all.
    static func timestamp(_ date: CalendarDate?) -> String {
        "\(date?.description ?? "1970-01-01")T00:00:00Z"
    }

}

extension String {
    /// The first `limit` words of the text, one space between each, with
    /// ` …` when there are more. Words are what ASCII white space separates;
    /// reading bytes, and only as far as needed, keeps this cheap on the
    /// whole text of a large dossier (`search.json` holds all of it).
    func firstWords(_ limit: Int) -> String {
        var text = self
        return text.withUTF8 { bytes in
            // Words are copied whole: the kept text is never longer than the text and ` …`.
            String(unsafeUninitializedCapacity: bytes.count + 4) { kept in
                var (index, count, words) = (0, 0, 0)
                func keep(_ piece: UnsafeBufferPointer<UInt8>) {
                    count += UnsafeMutableBufferPointer(rebasing: kept[count...]).initialize(fromContentsOf: piece)
                }
                func keep(_ piece: StaticString) {
                    keep(UnsafeBufferPointer(start: piece.utf8Start, count: piece.utf8CodeUnitCount))
                }
                while true {
                    while index < bytes.count, isASCIISpace(bytes[index]) { index += 1 }
                    guard index < bytes.count else { return count }
                    if words == limit {
                        keep(" …")
                        return count
                    }
                    // Words with one space between them, as most are, are copied in one piece.
                    let start = index
                    while true {
                        while index < bytes.count, !isASCIISpace(bytes[index]) { index += 1 }
                        words += 1
                        guard words < limit, index + 1 < bytes.count, bytes[index] == 0x20, !isASCIISpace(bytes[index + 1]) else { break }
                        index += 1
                    }
                    if count > 0 { keep(" ") }
                    keep(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                }
            }
        }
    }
}
