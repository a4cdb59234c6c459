import DossierCore
import DossierLoad

/// What ingest did with one line of a raw file, for `normalize --explain`.
public struct IngestDecision: Hashable, Sendable {
    public enum Action: Hashable, Sendable {
        /// The whole line was left out of the article.
        case dropped
        /// The line (or part of it) became metadata: field and value.
        case metadata(field: String, value: String)
        /// Part of the line was cut; the rest stays in the body.
        case trimmed(removed: String)
    }

    public var line: Int
    public var rule: String
    public var action: Action
    /// The line's text before the rule acted.
    public var text: String
}

/// The article ingest made from a raw file: metadata, a Markdown body and
/// every decision behind them.
public struct Normalization: Hashable, Sendable {
    public var metadata: ArticleMetadata
    public var body: String
    /// The raw file's line on which the body starts.
    public var bodyLine: Int
    public var decisions: [IngestDecision]
    /// Warnings about the file (encoding, missing title).
    public var diagnostics: [Diagnostic]
    /// The raw file's text as decoded, before any rule ran.
    public var sourceText: String
}

/// Turns a raw article, as scraped from the web, into clean metadata and
/// Markdown. A pure function of the file's bytes: it reads nothing else and
/// writes nothing.
public enum Normalizer {
    /// Normalises `file`; nil (with a warning) when the file holds no article.
    public static func normalize(_ file: RawFile) -> (Normalization?, [Diagnostic]) {
        let location = SourceLocation(path: file.path)
        switch TextDecoding.decode(file.bytes) {
        case .skipped(let reason):
            return (nil, [.warning(location, "skipped: \(reason)")])
        case .text(let text, let warnings):
            var result = normalize(text: text, path: file.path, source: file.reference)
            result.diagnostics = warnings.map { .warning(location, $0) } + result.diagnostics
            return (result, result.diagnostics)
        }
    }

    /// Normalises already decoded text.
    static func normalize(text: String, path: String, source: String) -> Normalization {
        var pass = NormalizationPass(path: path)
        pass.run(lines: HTMLRemnants.strip(text).lines)
        return pass.result(source: source, sourceText: text)
    }
}

/// One run of the normaliser over a file's lines: a small state machine
/// that walks the header (before and after the title), the body and the tail.
private struct NormalizationPass {
    enum Zone { case beforeTitle, afterTitle, body }

    let path: String
    var zone = Zone.beforeTitle
    var inTail = false
    var metadata = ArticleMetadata(title: "")
    var titleKey = "" {
        didSet { titleKeyIsASCII = titleKey.isPlainASCII }
    }
    var titleKeyIsASCII = true
    var lastBreadcrumbSegment: String?
    var decisions: [IngestDecision] = []
    var diagnostics: [Diagnostic] = []
    /// Kept body lines, with blank lines (nil) where paragraphs end.
    var body: [(number: Int, text: String)?] = []
    var firstBodyLine: Int?

    init(path: String) {
        self.path = path
    }

    mutating func run(lines: [Substring]) {
        for (index, rawText) in lines.enumerated() {
            let text = rawText.collapsingSpaces
            if text.isEmpty {
                if body.last != nil { body.append(nil) }
                continue
            }
            handle(RawLine(number: index + 1, text: text))
        }
    }

    mutating func handle(_ line: RawLine) {
        // The rules are read in place, by index: a copy of each for every line would retain all it holds.
        let rules = IngestRules.anywhere
        if let index = rules.indices.first(where: { line.words <= rules[$0].maximumWords && rules[$0].matches(line) }) {
            let rule = rules[index]
            drop(line, rule.name)
            if rule.name == "copyright" { creditOutlet(from: line) }
            if rule.startsTail && zone == .body { inTail = true }
            return
        }
        if !titleKey.isEmpty, mayRepeatTitle(line), line.key.lettersAndNumbers == titleKey {
            return drop(line, "repeated-title")
        }
        if inTail && !line.isProse { return drop(line, "tail-list") }

        switch zone {
        case .beforeTitle:
            if let segments = breadcrumb(line) {
                lastBreadcrumbSegment = segments.last
                drop(line, "breadcrumb")
            } else if NewsDate.parseDateLine(line.text) != nil {
                drop(line, "scrape-date")
            } else if readByline(line) {
                return
            } else if isTitleCandidate(line) {
                setTitle(line)
            } else {
                fallBackTitle(before: line)
                keep(line)
            }
        case .afterTitle:
            if readByline(line) { return }
            if let (date, author) = NewsDate.parseDateLine(line.text) {
                setMetadata(line, "date-line", "date", date.description) { $0.date = $0.date ?? date }
                if let author = author.flatMap(personName) {
                    setMetadata(line, "date-line", "author", author) { $0.author = $0.author ?? author }
                }
            } else if breadcrumb(line) != nil {
                drop(line, "breadcrumb")
            } else {
                keep(line)
            }
        case .body:
            keep(line)
        }
    }

    /// False when the line's letters and numbers cannot be the title's, which
    /// saves gathering them: when the title's are ASCII, they can equal them
    /// only byte for byte, and so start with the first byte of the line's key
    /// (a letter or number) and are no longer than the key.
    func mayRepeatTitle(_ line: RawLine) -> Bool {
        guard titleKeyIsASCII else { return true }
        return line.key.utf8.first == titleKey.utf8.first && line.key.utf8.count >= titleKey.utf8.count
    }

    // MARK: Header

    func breadcrumb(_ line: RawLine) -> [String]? {
        let segments = Self.breadcrumbSeparators.split(line.text).map { $0.trimming(" ") }.filter { !$0.isEmpty }
        guard segments.count >= 2, let first = segments.first, first.wordCount <= 3,
              segments.dropLast().allSatisfy({ $0.wordCount <= 6 }) else { return nil }
        return segments.count >= 3 || Self.navigation.contains(RawLine.key(for: first)) ? segments : nil
    }

    static let breadcrumbSeparators = Separators([" / ", " » ", " › ", " > ", " >> ", "»", "›"])

    static let navigation: Set<String> = ["home", "main", "news", "homepage", "index", "start", "front page"]

    func isTitleCandidate(_ line: RawLine) -> Bool {
        line.words >= 1 && line.words <= 30 && !(line.text.hasSuffix(".") && line.words > 12)
    }

    mutating func setTitle(_ line: RawLine) {
        var title = line.text
        if let cut = siteNameSuffix(title) {
            decisions.append(IngestDecision(line: line.number, rule: "site-name-suffix",
                                            action: .trimmed(removed: String(title[cut...])), text: line.text))
            title = String(title[..<cut])
        }
        setMetadata(line, "title", "title", title) { $0.title = title }
        titleKey = RawLine.key(for: title).lettersAndNumbers
        zone = .afterTitle
    }

    /// Where a ` | Site Name` suffix starts: the part after the last pipe,
    /// unless cutting it leaves fewer than three words.
    func siteNameSuffix(_ title: String) -> String.Index? {
        // Foundation's search is slow; it can only find a pipe whose bytes are there.
        guard title.firstByteRange(of: " | ") != nil, let pipe = title.range(of: " | ", options: .backwards) else { return nil }
        return title[..<pipe.lowerBound].wordCount >= 3 ? pipe.lowerBound : nil
    }

    /// The file has no headline line: the title comes from the breadcrumb's
    /// last segment, or else from the first words of the text.
    mutating func fallBackTitle(before line: RawLine) {
        let title = lastBreadcrumbSegment ?? line.text.split(separator: " ").prefix(12).joined(separator: " ")
            .trimming(",;:") + (line.words > 12 ? "…" : "")
        metadata.title = title
        titleKey = RawLine.key(for: title).lettersAndNumbers
        diagnostics.append(.warning(SourceLocation(path: path, line: line.number),
                                    "no headline found; the title is '\(title)' (set it in a curated article)"))
        zone = .body
    }

    /// Reads `By NAME - DATE`, `By NAME | OUTLET` and the like.
    mutating func readByline(_ line: RawLine) -> Bool {
        guard line.words <= 20, let rest = BylineOpening.rest(of: line.text).map(String.init) else { return false }
        guard rest.first?.isUppercase == true else { return false }
        var parts = NewsDate.splitParts(rest)
        if parts.count == 1 { parts = Self.commas.split(rest).map { $0.trimming(" ") } }
        var recorded = false
        for part in parts {
            if let date = NewsDate.parse(NewsDate.removingPrefix(part)) {
                if metadata.date == nil {
                    setMetadata(line, "byline", "date", date.description) { $0.date = date }
                    recorded = true
                }
            } else if let agency = NewsAgency.canonicalName(part) {
                if metadata.outlet == nil {
                    setMetadata(line, "byline", "outlet", agency) { $0.outlet = agency }
                    recorded = true
                }
            } else if metadata.author == nil, let name = personName(part) {
                setMetadata(line, "byline", "author", name) { $0.author = name }
                recorded = true
            } else if metadata.outlet == nil {
                setMetadata(line, "byline", "outlet", part) { $0.outlet = part }
                recorded = true
            }
        }
        if !recorded { drop(line, "byline") }
        return true
    }

    /// A byline's name, unless it is a generic role (`editor`, `admin`).
    func personName(_ text: String) -> String? {
        let name = text.trimming(" .,")
        return name.isEmpty || Self.genericNames.contains(name.lowercased()) ? nil : name
    }

    static let commas = Separators([", "])

    static let genericNames: Set<String> = ["editor", "admin", "administrator", "staff", "webmaster", "web desk",
                                            "news desk", "newsdesk", "staff writer", "staff reporter",
                                            "our correspondent", "desk"]

    /// An agency or owner named in a copyright line becomes the outlet when
    /// none is known: `Copyright 2017 The Associated Press` gives `AP`.
    mutating func creditOutlet(from line: RawLine) {
        guard metadata.outlet == nil, let match = line.text.firstMatch(of: copyrightHolder) else { return }
        let holder = String(match.1).trimming(" .,")
        guard holder.wordCount <= 6, holder.first?.isUppercase == true else { return }
        let outlet = NewsAgency.canonicalName(holder) ?? holder
        setMetadata(line, "agency-credit", "outlet", outlet) { $0.outlet = outlet }
    }

    // MARK: Body

    mutating func keep(_ line: RawLine) {
        zone = .body
        var text = line.text
        if firstBodyLine == nil {
            firstBodyLine = line.number
            text = removeDateline(from: text, line: line)
        }
        text = cutInlineChrome(text, line: line)
        body.append((line.number, text))
    }

    mutating func removeDateline(from text: String, line: RawLine) -> String {
        // Both kinds start with a capital and end with a dash or colon, and
        // an agency's names it in brackets. A place in capitals goes on with
        // a capital, an apostrophe, a dot or a hyphen; an agency's with a
        // small letter, as most sentences do. The expressions are slow to
        // say a text has no dateline.
        let bytes = text.utf8.prefix(2)
        guard bytes.count == 2, let first = bytes.first, let second = bytes.last, isCapital(first),
              datelineEnds.occur(in: text) else { return text }
        let found: (place: Substring, agency: Substring?, end: String.Index)
        // Each reading of a match's `output` makes its captures anew: it is read once.
        if isCapital(second) || placeContinuations.contains(second), let match = text.prefixMatch(of: dateline) {
            let output = match.output
            found = (output.place, output.agency, match.range.upperBound)
        } else if second &- UInt8(ascii: "a") < 26, text.containsByte(UInt8(ascii: "(")),
                  let match = text.prefixMatch(of: agencyDateline) {
            let output = match.output
            found = (output.place, output.agency, match.range.upperBound)
        } else {
            return text
        }
        let place = found.place.trimming(" ,")
        setMetadata(line, "dateline", "dateline", place) { $0.dateline = place }
        if let agency = found.agency.flatMap({ NewsAgency.canonicalName(String($0)) }), metadata.outlet == nil {
            setMetadata(line, "agency-credit", "outlet", agency) { $0.outlet = agency }
        }
        return String(text[found.end...])
    }

    /// Cuts a tag list or a teaser that follows a paragraph's last sentence.
    mutating func cutInlineChrome(_ text: String, line: RawLine) -> String {
        // Cuts only shorten the text: a marker not in it now never will be.
        guard inlineMarkerNeedles.occur(in: text) else { return text }
        var text = text
        for (rule, markers) in inlineMarkers {
            for marker in markers {
                guard let range = text.firstByteRange(of: marker) else { continue }
                let before = text[..<range.lowerBound].trimming(" ")
                let after = text[range.lowerBound...]
                guard let last = before.last, ".!?\"”’)".contains(last), after.wordCount <= 25,
                      !after.dropLast().contains(". ") else { continue }
                decisions.append(IngestDecision(line: line.number, rule: rule,
                                                action: .trimmed(removed: String(after)), text: line.text))
                text = before
            }
        }
        return text
    }

    // MARK: Bookkeeping

    mutating func drop(_ line: RawLine, _ rule: String) {
        decisions.append(IngestDecision(line: line.number, rule: rule, action: .dropped, text: line.text))
    }

    mutating func setMetadata(_ line: RawLine, _ rule: String, _ field: String, _ value: String,
                              _ apply: (inout ArticleMetadata) -> Void) {
        apply(&metadata)
        decisions.append(IngestDecision(line: line.number, rule: rule, action: .metadata(field: field, value: value),
                                        text: line.text))
    }

    func result(source: String, sourceText: String) -> Normalization {
        var metadata = metadata
        metadata.source = source
        var paragraphs: [String] = []
        var current: [String] = []
        for entry in body + [nil] {
            if let entry {
                current.append(MarkdownEscaping.escape(entry.text))
            } else if !current.isEmpty {
                paragraphs.append(current.joined(separator: "\n"))
                current = []
            }
        }
        return Normalization(metadata: metadata, body: paragraphs.joined(separator: "\n\n") + (paragraphs.isEmpty ? "" : "\n"),
                             bodyLine: firstBodyLine ?? 1, decisions: decisions, diagnostics: diagnostics,
                             sourceText: sourceText)
    }
}

private let inlineMarkers: [(rule: String, markers: [String])] = [
    ("inline-tag-list", ["**Trends**", "**Tags**", "**Topics**", "Trends:", "Tags:", "Topics:", "Filed under:"]),
    ("inline-read-more", ["Read more", "READ MORE", "Read More", "Read also", "Also read", "See also"]),
]

private let inlineMarkerNeedles = ByteNeedles(inlineMarkers.flatMap(\.markers))

/// How a byline starts: `By`, `Written by`, `Words by`, `Posted by` or
/// `Reported by`, in any case, then white space.
enum BylineOpening {
    /// What follows the opening of `text`; nil when it has none. Compared
    /// byte by byte: no scalar but an ASCII letter is one of their letters
    /// ignoring case.
    static func rest(of text: String) -> Substring? {
        for opening in openings {
            let utf8 = text.utf8
            guard utf8.count > opening.count, zip(utf8, opening).allSatisfy({ asciiLowercased($0) == $1 }) else { continue }
            let rest = text[utf8.index(utf8.startIndex, offsetBy: opening.count)...]
            guard rest.first?.isWhitespace == true else { continue }
            return rest.drop { $0.isWhitespace }
        }
        return nil
    }

    /// The openings, lower-case.
    private static let openings = ["by", "written by", "words by", "posted by", "reported by"].map { Array($0.utf8) }
}

private let datelineEnds = ByteNeedles(["-", "–", "—", ":"])

private func isCapital(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "A") < 26 }

/// The first bytes of what may follow a place's first capital in `dateline`: `'`, `’`, `.`, `-`.
private let placeContinuations: Set<UInt8> = [UInt8(ascii: "'"), 0xE2, UInt8(ascii: "."), UInt8(ascii: "-")]


nonisolated(unsafe) private let copyrightHolder =
    #/(?i)(?:copyright|©|\(c\))\s*(?:\d{4}\s*(?:[-–]\s*\d{4}\s*)?)?,?\s*([^.,;]+?)\s*(?:[.,;]|all rights reserved|$)/#

nonisolated(unsafe) private let dateline = #/
    (?<place>[A-Z][A-Z'’.\-]+(?:[ ,]+[A-Z][A-Za-z'’.\-]+){0,3}?)
    (?:,\s*[A-Z][a-z]{2,8}\.?\s\d{1,2})?
    \s*(?:\((?<agency>[A-Za-z .&\-]+)\))?
    \s*[-–—:]{1,2}\s+
    /#

nonisolated(unsafe) private let agencyDateline = #/
    (?<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})
    \s*\((?<agency>AFP|Reuters|AP|Associated\ Press|dpa|Xinhua|UPI|EFE|ANSA|TASS|Anadolu)\)
    \s*[-–—:]{1,2}\s+
    /#
