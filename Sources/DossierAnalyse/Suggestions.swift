import DossierCore

/// A name the articles use that may deserve an entity file or an alias.
public struct Suggestion: Sendable, Hashable {
    /// The phrase as written in the articles.
    public var phrase: String
    /// For an entity suggestion: other spellings of the same name found in
    /// the articles (same transliteration key), to list as aliases.
    public var variants: [String] = []
    public var mentions: Int
    /// The slugs of the articles that use it, in reading order.
    public var articles: [String]
    /// The first sentence that uses it, and the article it is in.
    public var example: String
    public var exampleArticle: String
    /// For an alias suggestion: the entity whose name has the same
    /// transliteration key, and the key.
    public var entity: String?
    public var key: String?
}

/// What `dossier suggest` proposes to the curator.
public struct Suggestions: Sendable {
    /// Capitalised phrases that recur across articles and that no entity
    /// covers, most widespread first.
    public var entities: [Suggestion]
    /// Uncovered phrases that spell an existing entity's name differently.
    public var aliases: [Suggestion]
}

/// Finds likely entities and aliases the curator has not described.
///
/// A candidate is a run of capitalised words (joined by `of`, `for`, `de`,
/// `al-` and the like) that no entity mention covers. Titles (`President`),
/// day and month names, a lone word at the start of a sentence or right
/// after a mention (`Deir Ezzor Province`), and lone adjectives of
/// nationality or language (`Syrian`, `Kurdish`, `Arabic`) are left out.
public enum Suggest {
    /// A candidate is suggested as an entity when this many articles use it.
    public static let minimumArticles = 2
    /// Shorter transliteration keys collide too often to suggest an alias.
    public static let minimumKeyLength = 4

    public static func run(_ dossier: AnalysedDossier) -> Suggestions {
        var keys: [String: String] = [:]
        for analysed in dossier.entities {
            for name in analysed.entity.names {
                let key = TransliterationKey.of(name)
                if key.count >= minimumKeyLength, keys[key] == nil { keys[key] = analysed.entity.slug }
            }
        }
        var aliases: [Suggestion] = []
        var unknown: [Suggestion] = []
        for var suggestion in uncoveredPhrases(dossier) {
            let key = TransliterationKey.of(suggestion.phrase)
            if key.count >= minimumKeyLength, let entity = keys[key] {
                suggestion.entity = entity
                suggestion.key = key
                aliases.append(suggestion)
            } else {
                unknown.append(suggestion)
            }
        }
        let position = Dictionary(uniqueKeysWithValues: dossier.articles.enumerated().map { ($1.article.slug, $0) })
        let entities = groupSpellings(unknown, readingOrder: position).filter { $0.articles.count >= minimumArticles }
            .sorted { ($1.articles.count, $1.mentions, $0.phrase) < ($0.articles.count, $0.mentions, $1.phrase) }
        aliases.sort { ($0.entity!, $0.phrase) < ($1.entity!, $1.phrase) }
        return Suggestions(entities: entities, aliases: aliases)
    }

    /// Every candidate phrase no mention covers, in the order first seen,
    /// with its counts and first sentence.
    static func uncoveredPhrases(_ dossier: AnalysedDossier) -> [Suggestion] {
        let index = EntityIndex(entities: dossier.entities.map(\.entity))
        let knownNames = Set(dossier.entities.flatMap(\.entity.names))
        var found: [String: Suggestion] = [:]
        var order: [String] = []
        for article in dossier.articles {
            let slug = article.article.slug
            for block in article.plainText.split(separator: "\n\n") {
                let bytes = Array(block.utf8)
                let covered = index.mentions(inPlainText: bytes).map(\.range)
                for (phrase, sentence) in CapitalisedPhrases.find(in: bytes, covered: covered, knownNames: knownNames) {
                    if found[phrase] == nil {
                        order.append(phrase)
                        found[phrase] = Suggestion(phrase: phrase, mentions: 0, articles: [], example: sentence,
                                                   exampleArticle: slug)
                    }
                    found[phrase]!.mentions += 1
                    if found[phrase]!.articles.last != slug { found[phrase]!.articles.append(slug) }
                }
            }
        }
        return order.map { found[$0]! }
    }

    /// Merges the spellings of one name: phrases with the same
    /// transliteration key, and a phrase that ends exactly one longer name
    /// ("Putin" of "Vladimir Putin", "de Mistura" of "Staffan de Mistura").
    /// The spelling of most words, then the most used, names the group; the
    /// others become its variants.
    static func groupSpellings(_ phrases: [Suggestion], readingOrder position: [String: Int]) -> [Suggestion] {
        var spellings: [String: [Suggestion]] = [:]
        var groups: [String] = []
        for suggestion in phrases {
            let key = TransliterationKey.of(suggestion.phrase)
            let group = key.count >= minimumKeyLength ? key : "=" + suggestion.phrase
            if spellings[group] == nil { groups.append(group) }
            spellings[group, default: []].append(suggestion)
        }
        var endings: [String: Set<String>] = [:]
        for group in groups {
            for phrase in spellings[group]!.map(\.phrase) {
                let words = phrase.split(separator: " ")
                for count in 1..<max(1, words.count) { endings[words.suffix(count).joined(separator: " "), default: []].insert(group) }
            }
        }
        for group in groups.sorted(by: { ($0.count, $0) < ($1.count, $1) }) {
            guard let phrases = spellings[group]?.map(\.phrase) else { continue }
            let owners = Set(phrases.flatMap { endings[$0] ?? [] })
            guard owners.count == 1, let owner = owners.first, owner != group, spellings[owner] != nil else { continue }
            spellings[owner]! += spellings[group]!
            spellings[group] = nil
        }
        func words(_ phrase: String) -> Int { phrase.split(separator: " ").count }
        return groups.compactMap { group in
            guard let found = spellings[group] else { return nil }
            let variants = found.sorted {
                (words($1.phrase), $1.mentions, $0.phrase) < (words($0.phrase), $0.mentions, $1.phrase)
            }
            var merged = variants[0]
            merged.variants = variants.dropFirst().map(\.phrase)
            merged.mentions = variants.reduce(0) { $0 + $1.mentions }
            merged.articles = Set(variants.flatMap(\.articles)).sorted { position[$0]! < position[$1]! }
            return merged
        }
    }
}

/// Runs of capitalised words in a block of plain text.
enum CapitalisedPhrases {
    /// Lower-case particles that may start a name (`de Mistura`) or stand inside one.
    static let particles: Set<String> = ["de", "del", "la", "le", "al", "el", "bin", "ibn", "von", "van", "du", "da"]
    /// Lower-case words that may stand inside a name.
    static let connectors: Set<String> = particles.union(["of", "for", "the"])
    /// Words that start sentences, never part of a name at its edge.
    static let functionWords: Set<String> = [
        "A", "After", "All", "Also", "Although", "Among", "An", "And", "As", "At", "Before", "Both", "But", "By",
        "During", "Each", "For", "From", "He", "Her", "Here", "His", "How", "I", "If", "In", "It", "Its", "Last",
        "Many", "Meanwhile", "Most", "Next", "Of", "On", "Or", "Over", "She", "Since", "Some", "That", "The", "Their",
        "Then", "There", "These", "They", "This", "Those", "Though", "To", "Under", "We", "What", "When", "Where",
        "While", "Who", "Why", "With",
    ]
    /// Titles before a name: `President Vladimir Putin`.
    static let titles: Set<String> = [
        "Ambassador", "Col", "Colonel", "Commander", "Dr", "Envoy", "Gen", "General", "Head", "Leader", "Lieutenant",
        "Minister", "Mr", "Mrs", "Ms", "President", "Secretary", "Sir", "Spokesman", "Spokeswoman",
    ]
    /// Words that make a title (`Defense Minister`) but also start names (`Defense Ministry`).
    static let titleModifiers: Set<String> = ["Chief", "Defence", "Defense", "Deputy", "Foreign", "Prime", "Senior", "Vice"]

    static let calendarWords: Set<String> = [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    struct Word {
        var range: Range<Int>
        var text: String
        var capitalised: Bool
        var possessive: Bool
    }

    /// Each candidate phrase in `text` with the sentence it stands in.
    static func find(in text: [UInt8], covered: [Range<Int>], knownNames: Set<String>) -> [(String, String)] {
        var phrases: [(String, String)] = []
        for sentence in Sentences.ranges(in: text) {
            let sentenceText = String(decoding: text[sentence], as: UTF8.self)
            var run: [Word] = []
            var runStartsSentence = false
            func flush() {
                defer { run = [] }
                func isTitle(_ word: Word) -> Bool { titles.contains(word.text) || titleModifiers.contains(word.text) }
                while let last = run.last, !last.capitalised || functionWords.contains(last.text) || isTitle(last) {
                    run.removeLast()
                }
                var startsSentence = runStartsSentence
                // "Later the Syrian Observatory": a sentence's first word is not part of a name it precedes.
                if startsSentence, run.count > 2, !run[1].capitalised, !particles.contains(run[1].text) {
                    run.removeFirst(2)
                    startsSentence = false
                }
                while let first = run.first, functionWords.contains(first.text) || titles.contains(first.text)
                        || (titleModifiers.contains(first.text) && run.count > 1 && isTitle(run[1])) {
                    run.removeFirst()
                    startsSentence = false
                }
                guard let first = run.first, let last = run.last else { return }
                if run.count == 1 {
                    let followsMention = covered.contains { first.range.lowerBound == $0.upperBound + 1 }
                    if startsSentence || followsMention || isNationality(first.text, knownNames: knownNames) { return }
                }
                phrases.append((String(decoding: text[first.range.lowerBound..<last.range.upperBound], as: UTF8.self),
                                sentenceText))
            }
            let words = self.words(in: text, range: sentence)
            for (position, word) in words.enumerated() {
                let touching = run.last.map { text[$0.range.upperBound..<word.range.lowerBound].elementsEqual([0x20]) } ?? false
                if covered.contains(where: { $0.overlaps(word.range) }) || calendarWords.contains(word.text) {
                    flush()
                    continue
                }
                if word.capitalised {
                    // "Chief of Staff General Valery Gerasimov": a title before a full name starts a new run.
                    let beforeFullName = titles.contains(word.text) && words.dropFirst(position + 1).prefix(2)
                        .filter(\.capitalised).count == 2
                    if !touching || run.last!.possessive || beforeFullName { flush() }
                    if run.isEmpty { runStartsSentence = position == 0 }
                    run.append(word)
                } else if connectors.contains(word.text), touching, !run.last!.possessive {
                    run.append(word)
                } else if particles.contains(word.text) {
                    flush()
                    runStartsSentence = false
                    run.append(word)
                } else {
                    flush()
                }
            }
            flush()
        }
        return phrases
    }

    /// The words of `range`: runs of letters and digits, with inner hyphens
    /// and apostrophes; a possessive `'s` is cut off and remembered.
    static func words(in text: [UInt8], range: Range<Int>) -> [Word] {
        var words: [Word] = []
        var offset = range.lowerBound
        var start: Int?
        func isJoiner(_ scalar: Unicode.Scalar) -> Bool { scalar == "-" || scalar == "'" || scalar == "’" }
        while offset <= range.upperBound {
            let scalar = offset < range.upperBound ? WordBoundary.scalar(at: offset, in: text) : " "
            let width = offset < range.upperBound ? UTF8.width(scalar) : 1
            let isWord = WordBoundary.isWord(scalar)
            let joins = isJoiner(scalar) && start != nil && offset + width < range.upperBound
                && WordBoundary.isWord(WordBoundary.scalar(at: offset + width, in: text))
            if isWord || joins {
                if start == nil { start = offset }
            } else if let wordStart = start {
                words.append(word(String(decoding: text[wordStart..<offset], as: UTF8.self), at: wordStart))
                start = nil
            }
            offset += width
        }
        return words
    }

    static func word(_ raw: String, at start: Int) -> Word {
        var text = raw
        var possessive = false
        for suffix in ["'s", "’s"] where text.hasSuffix(suffix) {
            text = String(text.dropLast(2))
            possessive = true
        }
        let parts = text.split(separator: "-")
        let capitalised: Bool
        if let last = parts.last, parts.count > 1, last.first?.isLowercase == true {
            capitalised = false  // US-led, Russian-backed: a compound adjective
        } else if let first = text.unicodeScalars.first, first.properties.isUppercase {
            capitalised = true
        } else {
            capitalised = parts.count > 1 && parts.last?.first?.isUppercase == true  // al-Jarthi, el-Zour
        }
        return Word(range: start..<(start + text.utf8.count), text: text, capitalised: capitalised, possessive: possessive)
    }

    /// `Syrian`, `Kurdish`, `Iraqi`: an adjective of nationality, not a name.
    static func isNationality(_ word: String, knownNames: Set<String>) -> Bool {
        if ["ian", "ean", "ish", "ese", "ic"].contains(where: word.hasSuffix) { return true }
        return (word.hasSuffix("n") || word.hasSuffix("i")) && knownNames.contains(String(word.dropLast()))
    }
}
