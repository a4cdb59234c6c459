import DossierCore

/// A line of a raw file as the rules see it.
struct RawLine {
    /// 1-based line number in the raw file.
    let number: Int
    /// The text, trimmed, with runs of spaces collapsed.
    let text: String
    /// The text lower-cased, with punctuation and symbols at both ends removed
    /// and curly quotes made straight: what phrase lists are compared with.
    let key: String
    /// The words, or `wordsCounted + 1` for a line with more.
    let words: Int

    /// How far a line's words are counted: past the most any rule asks
    /// about (60), and no further, for the paragraphs of a hundred words and more.
    static let wordsCounted = 61

    init(number: Int, text: String) {
        self.number = number
        self.text = text
        self.key = RawLine.key(for: text)
        self.words = text.wordCount(upTo: Self.wordsCounted)
    }

    /// Whether the line reads as a sentence: it ends as sentences end.
    var isProse: Bool {
        guard let last = text.last else { return false }
        return ".!?\"”’'…)".contains(last) && words >= 4
    }

    static func key(for text: String) -> String {
        if let key = asciiKey(text) { return key }
        let lowered = text.lowercasedByScalar
        return lowered.scalarsAreCharacters ? key(lowered, units: lowered.unicodeScalars) : key(lowered, units: lowered)
    }

    /// The key of ASCII text (where no Character is a letter or number but
    /// a byte that is one, and none is a curly quote), from the bytes
    /// themselves: a check that all are ASCII, a search from each end, and
    /// one copy of what is kept. Every line of every raw file has a key,
    /// paragraphs included. Nil for other text.
    private static func asciiKey(_ text: String) -> String? {
        guard text.isPlainASCII else { return nil }
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: isASCIILetterOrDigit), let last = bytes.lastIndex(where: isASCIILetterOrDigit)
            else { return "" }
            let kept = UnsafeBufferPointer(rebasing: bytes[first...last])
            return String(unsafeUninitializedCapacity: kept.count) { key in
                for (offset, byte) in kept.enumerated() { key[offset] = asciiLowercased(byte) }
                return kept.count
            }
        }
    }

    /// `lowered` without the units that are neither letters nor numbers at
    /// either end, and with its curly single quotes made straight.
    private static func key<Units: BidirectionalCollection>(_ lowered: String, units: Units) -> String
        where Units.Element: TextUnit, Units.Index == String.Index {
        guard let first = units.firstIndex(where: { $0.isLetterOrNumber }),
              let last = units.lastIndex(where: { $0.isLetterOrNumber }) else { return "" }
        let end = units.index(after: last)
        guard !lowered.isPlainASCII, curlySingleQuotes.occur(in: lowered) else { return String(lowered[first..<end]) }
        var key = ""
        var copied = first
        for index in units.indices[first..<end] where units[index] == "’" || units[index] == "‘" {
            key += lowered[copied..<index] + "'"
            copied = units.index(after: index)
        }
        return key + lowered[copied..<end]
    }
}

private let curlySingleQuotes = ByteNeedles(["’", "‘"])

/// A named rule that drops a whole line wherever it stands. Rules are data:
/// each has a name that `dossier normalize --explain` cites, a summary for
/// the docs, the longest line it looks at, and whether what it drops marks
/// the start of a page's tail (after which headline-like lines are dropped).
struct LineRule: Sendable {
    let name: String
    let summary: String
    let maximumWords: Int
    let startsTail: Bool
    let matches: @Sendable (RawLine) -> Bool

    init(_ name: String, _ summary: String, maximumWords: Int = 12, startsTail: Bool = false,
         matches: @escaping @Sendable (RawLine) -> Bool) {
        self.name = name
        self.summary = summary
        self.maximumWords = maximumWords
        self.startsTail = startsTail
        self.matches = matches
    }

    /// A rule that drops lines whose key is one of `phrases`, or starts with
    /// one of `prefixes`.
    init(_ name: String, _ summary: String, phrases: Set<String>, prefixes: [String] = [],
         maximumWords: Int = 12, startsTail: Bool = false) {
        let keys = KeyPhrases(phrases: phrases, prefixes: prefixes)
        self.init(name, summary, maximumWords: maximumWords, startsTail: startsTail) { line in keys.match(line.key) }
    }
}

/// Keys that are one of a set of phrases or start with one of a list of
/// prefixes, all lower-case ASCII. A key is one, or starts with one, only
/// if it starts with the same byte, which rules most keys out at once; the
/// others are compared in place, as every line of every raw file is tried.
struct KeyPhrases: Sendable {
    private let phrases: Set<String>
    private let prefixes: [String]
    /// For each byte value, whether a phrase or prefix starts with it.
    private let isInitial: [Bool]

    init(phrases: Set<String> = [], prefixes: [String] = []) {
        self.phrases = phrases
        self.prefixes = prefixes
        let initials = Set((phrases + prefixes).compactMap(\.utf8.first))
        isInitial = (0...255).map { initials.contains(UInt8($0)) }
    }

    /// Labels of a list or teaser line: a key that is the label, or starts
    /// with it and a space or a colon.
    init(labels: [String]) {
        self.init(phrases: Set(labels), prefixes: labels.flatMap { [$0 + " ", $0 + ":"] })
    }

    func match(_ key: String) -> Bool {
        guard let initial = key.utf8.first, isInitial[Int(initial)] else { return false }
        return phrases.contains(key) || prefixes.indices.contains { key.hasPrefix(prefixes[$0]) }
    }
}

/// The names and summaries of every rule, in the order they are tried; the
/// line rules themselves are `IngestRules.anywhere`.
public enum IngestRules {
    /// Rules that drop a line wherever it stands in the file. A rule with a
    /// regular expression first checks something cheap that every match has
    /// (a byte, a first digit): the expressions are slow to say no.
    static let anywhere: [LineRule] = [
        LineRule("site-chrome", "site-wide navigation lines: Latest news, Main », You are here, Home, Menu",
                 phrases: ["latest news", "breaking news", "you are here", "home", "main", "menu", "main menu",
                           "skip to content", "skip to main content", "search", "trending", "trending now",
                           "top stories", "most read", "most popular", "sections", "log in", "sign in", "login",
                           "register", "back to top", "toggle navigation", "open menu", "close menu", "navigation"]),
        LineRule("share-and-print", "share buttons, print and PDF links: Share, Tweet, Email, PDF, Share on Facebook",
                 maximumWords: 10) { line in
            (line.key.scalarsAreCharacters ? allSocialWords(line.key.unicodeScalars, of: line.key)
                                           : allSocialWords(line.key, of: line.key))
                || sharePrefixes.match(line.key)
        },
        LineRule("advertisement", "advertising labels: Advertisement, Sponsored, Story continues below advertisement",
                 phrases: ["advertisement", "advertising", "ad", "ads", "sponsored", "sponsored content", "promoted",
                           "story continues below advertisement", "advertisement - scroll to continue",
                           "article continues below", "continue reading below", "scroll to continue with content"]),
        LineRule("votes-and-counters", "vote buttons and counters: up, 55 users have voted., 12 comments, 3.4k shares",
                 maximumWords: 8) { line in
            voteWidgets.contains(line.key) || line.key.first?.isNumber == true && line.key.wholeMatch(of: counter) != nil
        },
        LineRule("comments", "comment forms: Leave a Reply, Post a comment, Your email address will not be published",
                 phrases: ["leave a reply", "leave a comment", "comments", "comment", "post a comment", "add comment",
                           "add a comment", "join the discussion", "show comments", "view comments", "have your say",
                           "reader comments", "cancel reply", "discussion"],
                 prefixes: ["your email address will not be published", "required fields are marked",
                            "you must be logged in to post"],
                 maximumWords: 20, startsTail: true),
        LineRule("related-articles", "related-content headers: Related Articles, More stories, You may also like",
                 phrases: ["related articles", "related", "related stories", "related posts", "related news",
                           "related content", "related coverage", "related topics", "more stories", "more on this",
                           "more on this story", "you may also like", "you might also like", "recommended",
                           "recommended for you", "read next", "more news", "latest stories", "popular stories",
                           "what to read next", "further reading"],
                 startsTail: true),
        LineRule("source-link", "scraper source links: Source link, Original source",
                 phrases: ["source link", "source", "original source", "original article", "view original"],
                 startsTail: true),
        LineRule("newsletter", "newsletter blurbs: Newsletter, Get top stories ... emailed to you, Sign up for ...",
                 maximumWords: 25, startsTail: true) { line in
            newsletterPhrases.occur(in: line.key)
        },
        LineRule("cookie-notice", "cookie consent notices", maximumWords: 60) { line in
            line.key.firstByteRange(of: "cookie") != nil && cookieConsentWords.occur(in: line.key)
        },
        LineRule("tag-list", "tag and topic lists: Tags: Syria, Russia; Filed under ...", maximumWords: 30) { line in
            tagLabels.match(line.key) && !line.text.hasSuffix(".")
        },
        LineRule("read-more", "teasers for other stories: Read more ..., Read also ..., See also ...",
                 maximumWords: 25) { line in
            readMoreLabels.match(line.key)
        },
        LineRule("credits", "reporting and editing credits: (Reporting by ...; Editing by ...)", maximumWords: 40) { line in
            line.key.firstByteRange(of: " by") != nil && line.key.prefixMatch(of: credit) != nil
        },
        LineRule("copyright", "copyright and credit lines: Copyright 2017 The Associated Press. All rights reserved.",
                 maximumWords: 60) { line in
            line.text.firstByteRange(of: "©") != nil && line.text.contains("©")
                || line.key.firstByteRange(of: "all rights reserved") != nil
                || (line.key.hasPrefix("copyright") || line.key.hasPrefix("(c)")) && line.key.prefixMatch(of: copyrightNotice) != nil
        },
        LineRule("photo-caption", "photo captions and credits: ... (Reuters photo), Photo: ..., Image copyright ...",
                 maximumWords: 50) { line in
            mayEndInPhotoCredit(line) && line.text.firstMatch(of: photoCredit) != nil
                || photoPrefixes.match(line.key)
                || line.key.first?.isNumber == true && line.key.firstByteRange(of: " of ") != nil
                    && line.key.wholeMatch(of: slideCounter) != nil
        },
    ]

    /// Rules that act on the header, the tail and inside paragraphs; they
    /// are applied by `Normalizer`, and listed here for `--explain` and docs.
    public static let structural: [(name: String, summary: String)] = [
        ("breadcrumb", "navigation trails above the headline: Home / Uncategorized / ..., Politics › Middle East › ..."),
        ("scrape-date", "a date printed above the headline: the day the page was saved, not the article's date"),
        ("title", "the headline: the first header line that is not chrome; becomes the title"),
        ("site-name-suffix", "a site name after the headline: ' | Breaking News Online'"),
        ("repeated-title", "the headline printed again, anywhere in the file"),
        ("byline", "By AFP - Dec 08,2017; By Sam Ortiz | The Guardian: author, outlet and date"),
        ("date-line", "a header line that gives the date: 08 December 2017, 08/12/2017, Published on 2016-04-02"),
        ("dateline", "a place (and agency) opening the first paragraph: BEIRUT –, MOSCOW (Reuters) -"),
        ("tail-list", "headline-like lines after a tail marker (Related Articles, Leave a Reply, Source link, ...)"),
        ("inline-tag-list", "a tag list after the last sentence of a paragraph: **Trends** Russian op in Syria, Syria war"),
        ("inline-read-more", "a teaser after the last sentence of a paragraph: Read more Russia supporting ..."),
        ("agency-credit", "an agency named in a copyright or dateline becomes the outlet when none is known"),
    ]

    /// Every rule's name and summary, in the order they are documented.
    public static var all: [(name: String, summary: String)] {
        anywhere.map { ($0.name, $0.summary) } + structural
    }

    static let socialWords: Set<String> = [
        "share", "shares", "tweet", "email", "e-mail", "mail", "print", "pdf", "facebook", "twitter", "whatsapp",
        "linkedin", "pinterest", "reddit", "telegram", "tumblr", "flipboard", "pocket", "messenger", "copy", "link",
        "google+", "vk", "x", "save", "sms", "bluesky", "threads",
    ]

    static let newsletterPhrases = ByteNeedles([
        "newsletter", "emailed to you", "sign up for", "subscribe to", "in your inbox", "to your inbox", "get top stories",
        "subscribe now",
    ])

    static let cookieConsentWords = ByteNeedles(["use", "accept", "policy", "consent", "browsing", "agree"])

    static let voteWidgets: Set<String> = [
        "up", "down", "upvote", "downvote", "vote", "votes", "like", "dislike", "rate this", "rate this article",
        "thumbs up", "thumbs down",
    ]

    static let tagLabels = KeyPhrases(labels: ["tags", "tagged", "topics", "filed under", "categories", "keywords", "trends"])

    static let readMoreLabels = KeyPhrases(labels: ["read more", "read also", "also read", "read next", "see also",
                                                    "continue reading", "read the full story"])

    static let sharePrefixes = KeyPhrases(prefixes: ["share this", "share on ", "click to share", "click to email",
                                                     "opens in new window", "download pdf", "print this", "email this"])

    /// Words one of which every photo credit in brackets has.
    static let photoWords = ByteNeedles(["photo", "picture", "image"])

    /// What every line that ends in a photo credit in brackets has, cheap
    /// to check: its text ends in `)` and white space (any character
    /// beyond ASCII is let through, as it may be white space), and its key
    /// names a photo. Most lines with brackets are paragraphs without one,
    /// and the expression looks for a credit from each position of the line.
    static func mayEndInPhotoCredit(_ line: RawLine) -> Bool {
        let last = line.text.utf8.lastIndex { !isASCIISpace($0) }
        guard let last, line.text.utf8[last] == UInt8(ascii: ")") || line.text.utf8[last] >= 0x80 else { return false }
        return photoWords.occur(in: line.key)
    }

    static let photoPrefixes = KeyPhrases(prefixes: ["photo:", "photo credit", "image:", "image copyright", "image caption",
                                                     "getty images", "enlarge this image", "file photo:", "pictured:"])

    /// Whether the key has words, and all are social words: the words
    /// `split(whereSeparator: separatesSocialWords)` gives, looked at in turn
    /// until one is not.
    static func allSocialWords<Units: Collection>(_ units: Units, of key: String) -> Bool
        where Units.Element: TextUnit, Units.Index == String.Index {
        var rest = units[...]
        var hasWords = false
        while let start = rest.firstIndex(where: { !separatesSocialWords($0) }) {
            let end = rest[start...].firstIndex(where: { separatesSocialWords($0) }) ?? rest.endIndex
            guard socialWords.contains(String(key[start..<end])) else { return false }
            hasWords = true
            rest = rest[end...]
        }
        return hasWords
    }

    /// What separates the words of a share line: anything but letters, `+`
    /// (Google+) and `-` (e-mail).
    static func separatesSocialWords(_ unit: some TextUnit) -> Bool {
        !unit.isLetter && unit != "+" && unit != "-"
    }

    nonisolated(unsafe) static let counter =
        #/\d[\d,.]*\s*k?\s*(?:users? have voted|people have voted|votes?|comments?|shares?|views?|likes?|reactions?|responses?|points?|reads?)|\d[\d,.]*/#

    nonisolated(unsafe) static let credit =
        #/\(?\s*(?:writing|reporting|additional reporting|editing|compiled|produced|edited|research) by\b/#

    nonisolated(unsafe) static let photoCredit =
        #/(?i)\((?:[\w .&-]+ )?(?:photo|photograph|picture|image|file photo)(?:\s*:[^)]*)?\)\s*$/#

    nonisolated(unsafe) static let copyrightNotice = #/(?:copyright|\(c\))\s*(?:©\s*)?\d{4}/#

    nonisolated(unsafe) static let slideCounter = #/\d+ of \d+/#
}

/// News agencies by the names they go by, and the short name used as outlet.
enum NewsAgency {
    static func canonicalName(_ name: String) -> String? {
        names[RawLine.key(for: name)]
    }

    static let names: [String: String] = [
        "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
        "ap": "AP", "the associated press": "AP", "associated press": "AP",
        "reuters": "Reuters", "thomson reuters": "Reuters",
        "dpa": "dpa", "deutsche presse-agentur": "dpa", "xinhua": "Xinhua",
        "upi": "UPI", "united press international": "UPI", "efe": "EFE", "ansa": "ANSA",
        "tass": "TASS", "ria novosti": "RIA Novosti", "interfax": "Interfax", "anadolu agency": "Anadolu Agency",
        "pa": "PA", "press association": "PA", "kyodo": "Kyodo", "yonhap": "Yonhap", "sana": "SANA",
    ]
}
