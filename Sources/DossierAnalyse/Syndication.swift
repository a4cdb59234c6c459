import Dispatch
import DossierCore
import Foundation

/// One article's text as the syndication finder sees it: its sentences,
/// each with the hashes it is compared by. It is made once, when the
/// article is analysed, and kept with the article's analysis.
public struct SyndicationText: Sendable {
    /// The article's slug.
    public var article: String
    /// The outlet that published it; `nil` (unknown) never equals another article's outlet.
    public var outlet: String?
    /// The sentences' UTF-8 text, one after another.
    private var text: [UInt8] = []
    /// The sentences in reading order; their `article` is 0 here.
    var sentences: [Sentence] = []
    /// Each sentence's distinct shingle hashes, sorted, one sentence after another.
    var shingles: [UInt64] = []

    /// An article whose paragraphs are given as lists of sentences.
    public init(article: String, outlet: String?, paragraphs: [[String]]) {
        self.init(article: article, outlet: outlet, byteCount: paragraphs.joined().reduce(0) { $0 + $1.utf8.count })
        var words: [UInt64] = []
        for (paragraph, sentenceTexts) in paragraphs.enumerated() {
            for (index, var sentence) in sentenceTexts.enumerated() {
                sentence.withUTF8 { append($0, paragraph: paragraph, index: index, words: &words) }
            }
        }
        finish()
    }

    /// An article whose paragraphs analysis has read, with their sentences.
    init(article: String, outlet: String?, paragraphs: [ParagraphText]) {
        self.init(article: article, outlet: outlet,
                  byteCount: paragraphs.reduce(0) { total, paragraph in paragraph.sentences.reduce(total) { $0 + $1.count } })
        var words: [UInt64] = []
        for (paragraph, text) in paragraphs.enumerated() {
            text.bytes.withUnsafeBufferPointer { bytes in
                for (index, range) in text.sentences.enumerated() {
                    append(UnsafeBufferPointer(rebasing: bytes[range]), paragraph: paragraph, index: index, words: &words)
                }
            }
        }
        finish()
    }

    private init(article: String, outlet: String?, byteCount: Int) {
        self.article = article
        self.outlet = outlet
        text.reserveCapacity(byteCount)
    }

    /// Each paragraph's sentences, in order, numbered as given (paragraphs
    /// after the last one with a sentence are not listed).
    public var paragraphs: [[String]] {
        var paragraphs: [[String]] = []
        for number in sentences.indices {
            let paragraph = Int(sentences[number].paragraph)
            while paragraphs.count <= paragraph { paragraphs.append([]) }
            paragraphs[paragraph].append(sentence(number))
        }
        return paragraphs
    }

    /// The text of sentence `number` of this article.
    func sentence(_ number: Int) -> String {
        String(decoding: text[sentences[number].textRange], as: UTF8.self)
    }

    /// The word hashes of sentence `number`, read again from its text.
    func words(ofSentence number: Int) -> [UInt64] {
        var words: [UInt64] = []
        text.withUnsafeBufferPointer { Hashing.appendWordHashes(of: UnsafeBufferPointer(rebasing: $0[sentences[number].textRange]), to: &words) }
        return words
    }

    /// Adds a sentence: its text, its words' hash and its distinct shingles.
    /// `words` is room to work in, kept between sentences.
    private mutating func append(_ sentence: UnsafeBufferPointer<UInt8>, paragraph: Int, index: Int, words: inout [UInt64]) {
        words.removeAll(keepingCapacity: true)
        Hashing.appendWordHashes(of: sentence, to: &words)
        let start = shingles.count
        var end = Syndication.shingleLength
        while end <= words.count && words.count <= Syndication.maximumWords {
            shingles.append(Hashing.hash(of: words[(end - Syndication.shingleLength)..<end]))
            end += 1
        }
        shingles[start...].sort()
        var kept = start  // the sentence's distinct shingles move to the front of its part
        for position in start..<shingles.count where kept == start || shingles[position] != shingles[kept - 1] {
            shingles[kept] = shingles[position]
            kept += 1
        }
        shingles.removeSubrange(kept...)
        let textStart = text.count
        text.append(contentsOf: sentence)
        sentences.append(Sentence(article: 0, paragraph: Int32(paragraph), index: Int32(index), wordCount: Int32(words.count),
                                  wordsHash: Hashing.hash(of: words[...]), shingles: Int32(start)..<Int32(kept),
                                  text: Int32(textStart)..<Int32(text.count)))
    }

    /// Gives back the room the lists grew into: an analysis is kept while
    /// the article is, and each of thousands of articles holds these.
    private mutating func finish() {
        shingles.releaseSpareCapacity()
        sentences.releaseSpareCapacity()
    }
}

/// Where one copy of a passage stands.
public struct PassageCopy: Hashable, Sendable {
    public var article: String
    public var paragraph: Int
    /// Sentence indices within that paragraph.
    public var sentences: Range<Int>

    public init(article: String, paragraph: Int, sentences: Range<Int>) {
        self.article = article
        self.paragraph = paragraph
        self.sentences = sentences
    }
}

/// How closely the copies of a passage follow its origin.
public enum PassageMatch: String, Sendable {
    /// The same words up to case and punctuation, or nearly (shingle containment ≥ 0.8).
    case verbatim
    /// A near-verbatim, lightly edited copy.
    case edited
}

/// A run of sentences that articles of different outlets share.
public struct Passage: Equatable, Sendable {
    /// The origin copy's sentences joined by " ".
    public var text: String
    /// The origin copy first (the first article in input order), then the
    /// others in input order; at most one copy per article.
    public var copies: [PassageCopy]
    /// `verbatim` only if every copy is verbatim to the origin.
    public var match: PassageMatch

    public init(text: String, copies: [PassageCopy], match: PassageMatch) {
        self.text = text
        self.copies = copies
        self.match = match
    }
}

/// Finds passages shared verbatim or near-verbatim between articles of
/// different outlets (wire copy, syndication, lightly edited rewrites).
///
/// Sentences are the unit. Two sentences of articles of different outlets
/// match when the 5-word shingles of the one with fewer shingles are at
/// least half contained in the other's, or when they share a run of at
/// least 15 words. Candidates come from an inverted index of hashed shingles,
/// so the cost grows with the number of shared shingles, not with the
/// number of sentence pairs; shingles too common to tell reuse from
/// boilerplate or stock phrases link nothing. Matching sentences are
/// clustered, and clusters of consecutive sentences shared by the same
/// articles become one passage.
public enum Syndication {
    /// Words in a shingle.
    public static let shingleLength = 5
    /// A sentence needs this many words to start a match; shorter ones
    /// ("he said") are everywhere, and only join a run next to a match.
    public static let minimumWords = 8
    /// A sentence of more words than this starts no match: news sentences
    /// are far shorter, and a "sentence" this long (a page with no full
    /// stops) would be compared word by word with every sentence it shares
    /// a phrase with.
    public static let maximumWords = 250
    /// Containment at which two sentences match as an edited copy…
    public static let editedContainment = 0.5
    /// …and as a verbatim one.
    public static let verbatimContainment = 0.8
    /// A shared run of this many words makes a match whatever the containment.
    public static let minimumSharedRun = 15
    /// With this many articles or more, a shingle in more than half of them
    /// is boilerplate and links nothing.
    public static let minimumArticlesForBoilerplate = 10

    /// A shingle found in more sentences than this links nothing (passim's
    /// UPPER): at least 100 sentences, and one in a hundred articles in
    /// larger inputs, so a wire paragraph reprinted widely is still found.
    /// Every pair of sentences sharing a shingle is a candidate, so the cap
    /// also bounds the work one common phrase can cause.
    public static func maximumSentencesPerShingle(articleCount: Int) -> Int {
        max(100, articleCount / 100)
    }

    /// Passages shared between articles of different outlets, in the order
    /// of their origin copy (article input order, then paragraph, then
    /// sentence). `texts` are in reading order (oldest first).
    public static func passages(in texts: [SyndicationText]) -> [Passage] {
        let table = SentenceTable(texts)
        let index = ShingleIndex(table, articleCount: texts.count)
        var matches = index.matchingPairs(in: table)
        joinShortNeighbours(&matches, in: table)
        return passages(from: clusters(of: matches, in: table), in: table)
    }

    /// Adds to `matches` the pairs of sentences next to a match, on the same
    /// side in the same paragraphs, of which at least one is too short to
    /// start a match, when the pair itself matches.
    static func joinShortNeighbours(_ matches: inout [SentencePair], in table: SentenceTable) {
        var joined: Set<SentencePair> = []
        var pending = matches
        while let pair = pending.popLast() {
            for step in [-1, 1] {
                let neighbour = SentencePair(first: pair.first + step, second: pair.second + step)
                guard table.sameParagraph(pair.first, neighbour.first), table.sameParagraph(pair.second, neighbour.second),
                      !table[neighbour.first].isLong || !table[neighbour.second].isLong,
                      table.match(neighbour.first, neighbour.second) != nil,
                      joined.insert(neighbour).inserted
                else { continue }
                matches.append(neighbour)
                pending.append(neighbour)
            }
        }
    }

    /// The connected groups of matching sentences, each in sentence order,
    /// the groups ordered by their first sentence.
    static func clusters(of matches: [SentencePair], in table: SentenceTable) -> [[Int]] {
        var groups = UnionFind(count: table.count)
        var matched = [Bool](repeating: false, count: table.count)
        for pair in matches {
            groups.union(pair.first, pair.second)
            matched[pair.first] = true
            matched[pair.second] = true
        }
        // The root of a group is its smallest sentence, met first here.
        var clusterOfRoot = [Int](repeating: -1, count: table.count)
        var clusters: [[Int]] = []
        for sentence in 0..<table.count where matched[sentence] {
            let root = groups.root(of: sentence)
            if clusterOfRoot[root] < 0 {
                clusterOfRoot[root] = clusters.count
                clusters.append([])
            }
            clusters[clusterOfRoot[root]].append(sentence)
        }
        return clusters
    }

    /// Merges clusters into passages: a cluster extends the previous passage
    /// when it has the same articles and each of its copies is the sentence
    /// right after that article's copy, in the same paragraph.
    static func passages(from clusters: [[Int]], in table: SentenceTable) -> [Passage] {
        /// A passage under construction: each copy's first sentence, the length.
        struct Run {
            var firstSentences: [Int]
            var length: Int
            var verbatim: Bool
        }
        var runs: [Run] = []
        for cluster in clusters {
            // An article's first copy only; sentences of one article are consecutive.
            let copies = cluster.enumerated().filter { index, sentence in
                index == 0 || table[cluster[index - 1]].article != table[sentence].article
            }.map(\.element)
            let verbatim = copies.dropFirst().allSatisfy { table.match(copies[0], $0) == .verbatim }
            if let last = runs.last, last.firstSentences.count == copies.count,
               zip(last.firstSentences, copies).allSatisfy({ first, copy in
                   copy == first + last.length && table.sameParagraph(first, copy)
               }) {
                runs[runs.count - 1].length += 1
                runs[runs.count - 1].verbatim = last.verbatim && verbatim
            } else {
                runs.append(Run(firstSentences: copies, length: 1, verbatim: verbatim))
            }
        }
        return runs.map { run in
            let copies = run.firstSentences.map { first in
                let sentence = table[first]
                return PassageCopy(article: table.texts[Int(sentence.article)].article, paragraph: Int(sentence.paragraph),
                                   sentences: Int(sentence.index)..<Int(sentence.index) + run.length)
            }
            let origin = run.firstSentences[0]
            let text = (origin..<origin + run.length).map(table.text(of:)).joined(separator: " ")
            return Passage(text: text, copies: copies, match: run.verbatim ? .verbatim : .edited)
        }
    }
}

/// Two sentences by number, the earlier first.
struct SentencePair: Hashable {
    var first: Int
    var second: Int
}

/// Where a sentence stands, what its words are, and where its shingles
/// and text are in its article's `SyndicationText`. Numbers are 32 bits
/// wide: a dossier holds hundreds of thousands of these at once.
struct Sentence: Sendable {
    /// The article's position in the input (0 within the article's own list).
    var article: Int32
    var paragraph: Int32
    /// Its index in the paragraph.
    var index: Int32
    var wordCount: Int32
    /// A hash of all its words, in order, to tell identical sentences.
    var wordsHash: UInt64
    /// Its distinct shingles' hashes, sorted.
    var shingles: Range<Int32>
    var text: Range<Int32>

    var textRange: Range<Int> { Int(text.lowerBound)..<Int(text.upperBound) }
    var shingleRange: Range<Int> { Int(shingles.lowerBound)..<Int(shingles.upperBound) }
    var shingleCount: Int { shingles.count }

    /// Whether it has enough words to start a match.
    var isLong: Bool { wordCount >= Syndication.minimumWords }
}

/// Every sentence of the input, numbered in reading order (article, then
/// paragraph, then sentence). Shingles and text stay with each article.
struct SentenceTable: Sendable {
    var texts: [SyndicationText]
    var sentences: [Sentence] = []
    /// Where each article's sentences start in `sentences`.
    private var firstSentence: [Int] = []
    /// Per article: its outlet's number, or a number of its own if unknown.
    var outletOf: [Int] = []

    init(_ texts: [SyndicationText]) {
        self.texts = texts
        var outletNumbers: [String: Int] = [:]
        outletOf = texts.enumerated().map { article, text in
            guard let outlet = text.outlet else { return -1 - article }
            if let number = outletNumbers[outlet] { return number }
            outletNumbers[outlet] = outletNumbers.count
            return outletNumbers.count - 1
        }
        sentences.reserveCapacity(texts.reduce(0) { $0 + $1.sentences.count })
        for (article, text) in texts.enumerated() {
            firstSentence.append(sentences.count)
            sentences += text.sentences.lazy.map { sentence in
                var sentence = sentence
                sentence.article = Int32(article)
                return sentence
            }
        }
    }

    var count: Int { sentences.count }

    /// How many shingles the sentences have in all.
    var shingleCount: Int { texts.reduce(0) { $0 + $1.shingles.count } }

    subscript(_ sentence: Int) -> Sentence { sentences[sentence] }

    func shingles(of sentence: Int) -> ArraySlice<UInt64> {
        let sentence = sentences[sentence]
        return texts[Int(sentence.article)].shingles[sentence.shingleRange]
    }

    /// The word hashes of `sentence`, read again from its text.
    func words(of sentence: Int) -> [UInt64] {
        let article = Int(sentences[sentence].article)
        return texts[article].words(ofSentence: sentence - firstSentence[article])
    }

    /// The text of `sentence`.
    func text(of sentence: Int) -> String {
        let article = Int(sentences[sentence].article)
        return texts[article].sentence(sentence - firstSentence[article])
    }

    /// Whether `other` is a sentence in the same paragraph as `sentence`.
    func sameParagraph(_ sentence: Int, _ other: Int) -> Bool {
        other >= 0 && other < count && sentences[other].article == sentences[sentence].article
            && sentences[other].paragraph == sentences[sentence].paragraph
    }

    func sameOutlet(_ sentence: Int, _ other: Int) -> Bool {
        outletOf[Int(sentences[sentence].article)] == outletOf[Int(sentences[other].article)]
    }

    /// Whether two sentences sharing no more than `shared` shingles could
    /// match: a cheap test before ``match(_:_:)``.
    func mayMatch(_ sentence: Int, _ other: Int, sharingAtMost shared: Int) -> Bool {
        let fewer = min(sentences[sentence].shingleCount, sentences[other].shingleCount)
        return Double(shared) >= Syndication.editedContainment * Double(fewer) || shared >= Self.runShingles
    }

    /// The shingles in a shared run of 15 words (unless it repeats itself).
    static let runShingles = Syndication.minimumSharedRun - Syndication.shingleLength + 1

    /// How two sentences match, if they do: verbatim when their words are
    /// equal or shingle containment reaches 0.8, edited from 0.5 or with a
    /// shared run of 15 words. Containment is of the sentence with fewer
    /// shingles in the other.
    func match(_ sentence: Int, _ other: Int) -> PassageMatch? {
        let one = sentences[sentence], two = sentences[other]
        if one.wordCount > 0, one.wordCount == two.wordCount, one.wordsHash == two.wordsHash { return .verbatim }
        let fewer = min(one.shingleCount, two.shingleCount)
        guard fewer > 0 else { return nil }
        let shared = Self.commonCount(shingles(of: sentence), shingles(of: other))
        let containment = Double(shared) / Double(fewer)
        if containment >= Syndication.verbatimContainment { return .verbatim }
        if containment >= Syndication.editedContainment { return .edited }
        if shared >= Self.runShingles, Self.shareRun(words(of: sentence), words(of: other), of: Syndication.minimumSharedRun) {
            return .edited
        }
        return nil
    }

    /// The number of values two sorted, distinct lists share.
    static func commonCount(_ a: ArraySlice<UInt64>, _ b: ArraySlice<UInt64>) -> Int {
        var i = a.startIndex, j = b.startIndex, common = 0
        while i < a.endIndex, j < b.endIndex {
            if a[i] < b[j] {
                i += 1
            } else if a[i] > b[j] {
                j += 1
            } else {
                common += 1
                i += 1
                j += 1
            }
        }
        return common
    }

    /// Whether `a` and `b` have a run of `length` equal consecutive words
    /// in common. Each window of `length` words of the shorter is hashed
    /// once and each of the longer looked up, so two long sentences (a
    /// page with no full stops is one) cost the sum of their lengths, not
    /// the product.
    static func shareRun(_ a: [UInt64], _ b: [UInt64], of length: Int) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard length > 0, short.count >= length else { return false }
        var windows: [UInt64: [Int]] = [:]  // where each window of `short` starts, by its hash
        for start in 0...(short.count - length) {
            windows[Hashing.hash(of: short[start..<(start + length)]), default: []].append(start)
        }
        for start in 0...(long.count - length) {
            let window = long[start..<(start + length)]
            if let starts = windows[Hashing.hash(of: window)],
               starts.contains(where: { short[$0..<($0 + length)].elementsEqual(window) }) {
                return true
            }
        }
        return false
    }
}

/// Hashes of words and shingles: 64-bit FNV-1a, fixed (unlike `Hasher`),
/// so results never depend on the process.
enum Hashing {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// Appends the hash of each word of a sentence's UTF-8 `bytes`: a
    /// lower-cased run of Unicode letters, marks and digits. Everything
    /// else, apostrophes included, separates words.
    static func appendWordHashes(of bytes: UnsafeBufferPointer<UInt8>, to words: inout [UInt64]) {
        var word = WordHash()
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                word.add(byte)
                index += 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                word.add(byte + 0x20)
                index += 1
            case ..<0x80:
                word.end(appendingTo: &words)
                index += 1
            default:
                let (scalar, length) = decodeScalar(bytes, at: index)
                if isWordScalar(scalar) {
                    let properties = scalar.properties
                    let lower = properties.changesWhenLowercased ? properties.lowercaseMapping : String(scalar)
                    for byte in lower.utf8 { word.add(byte) }
                } else {
                    word.end(appendingTo: &words)
                }
                index += length
            }
        }
        word.end(appendingTo: &words)
    }

    /// The FNV-1a hash of the word being read.
    struct WordHash {
        var hash = offsetBasis
        var isEmpty = true

        mutating func add(_ byte: UInt8) {
            hash = (hash ^ UInt64(byte)) &* prime
            isEmpty = false
        }

        /// Appends the word's hash, if any, and starts the next word.
        mutating func end(appendingTo words: inout [UInt64]) {
            if !isEmpty { words.append(hash) }
            self = WordHash()
        }
    }

    /// The scalar whose (valid) UTF-8 encoding starts with the non-ASCII
    /// byte at `index`, and the encoding's length.
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0x7F >> length)
        for continuation in bytes[(index + 1)..<(index + length)] { value = value << 6 | UInt32(continuation & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            true
        default:
            false
        }
    }

    /// FNV-1a over word hashes, each taken as one 64-bit word: a
    /// shingle's hash, or a whole sentence's.
    static func hash(of words: ArraySlice<UInt64>) -> UInt64 {
        words.reduce(offsetBasis) { ($0 ^ $1) &* prime }
    }
}

/// Which sentences share each shingle, for the shingles that can link
/// sentences of different articles: found in at least two articles, in no
/// more sentences than the cap, and not boilerplate.
struct ShingleIndex {
    /// The sentences of each shingle, in order; shingle `k` has `lists[k]`.
    var members: [Int] = []
    var lists: [Range<Int>] = []
    /// The shingles of each sentence: sentence `s` has
    /// `listsOfSentence[listStarts[s]..<listStarts[s + 1]]`.
    var listsOfSentence: [Int]
    var listStarts: [Int]
    /// Per sentence: how many of its shingles were left out for being too
    /// common, and so may be shared with a candidate without being counted.
    var commonShingles: [Int]

    init(_ table: SentenceTable, articleCount: Int) {
        let postings = Self.postingsByShingle(table)
        let cap = Syndication.maximumSentencesPerShingle(articleCount: articleCount)
        commonShingles = [Int](repeating: 0, count: table.count)
        var start = 0
        while start < postings.count {
            var end = start + 1
            var articles = 1
            while end < postings.count, postings[end].shingle == postings[start].shingle {
                if table[postings[end].sentence].article != table[postings[end - 1].sentence].article { articles += 1 }
                end += 1
            }
            let boilerplate = articleCount >= Syndication.minimumArticlesForBoilerplate && articles * 2 > articleCount
            if end - start > cap || boilerplate {
                for posting in postings[start..<end] { commonShingles[posting.sentence] += 1 }
            } else if articles > 1 {
                lists.append(members.count..<members.count + end - start)
                members.append(contentsOf: postings[start..<end].lazy.map(\.sentence))
            }
            start = end
        }

        var counts = [Int](repeating: 0, count: table.count + 1)
        for sentence in members { counts[sentence + 1] += 1 }
        for sentence in 0..<table.count { counts[sentence + 1] += counts[sentence] }
        listStarts = counts
        listsOfSentence = [Int](repeating: 0, count: members.count)
        var next = counts
        for (shingle, list) in lists.enumerated() {
            for sentence in members[list] {
                listsOfSentence[next[sentence]] = shingle
                next[sentence] += 1
            }
        }
    }

    /// A sentence that has a shingle.
    struct Posting {
        var shingle: UInt64
        var sentence: Int
    }

    /// The (shingle, sentence) pairs of the table whose shingle may be in
    /// more than one sentence, sorted by shingle, then sentence.
    ///
    /// Most shingles occur once. Two bits per slot of a table keyed by the
    /// shingle's top bits tell slots seen once from slots seen again, and
    /// only shingles in the latter are sorted: a counting sort on their top
    /// bits, then small sorts.
    static func postingsByShingle(_ table: SentenceTable) -> [Posting] {
        // At least 8 slots per shingle, so few single shingles share a slot.
        let slotBits = max(6, Int.bitWidth - (table.shingleCount * 8).leadingZeroBitCount)
        var seen = [UInt64](repeating: 0, count: 1 << (slotBits - 6))
        var seenAgain = seen
        func slot(_ shingle: UInt64) -> (word: Int, bit: UInt64) {
            let slot = Int(shingle >> UInt64(64 - slotBits))
            return (slot >> 6, 1 << UInt64(slot & 63))
        }
        for shingle in table.texts.lazy.flatMap(\.shingles) {
            let (word, bit) = slot(shingle)
            if seen[word] & bit == 0 { seen[word] |= bit } else { seenAgain[word] |= bit }
        }
        var repeated: [Posting] = []
        for number in 0..<table.count {
            for shingle in table.shingles(of: number) {
                let (word, bit) = slot(shingle)
                if seenAgain[word] & bit != 0 { repeated.append(Posting(shingle: shingle, sentence: number)) }
            }
        }

        // About 32 postings per bucket.
        let bucketBits = max(1, min(24, Int.bitWidth - (repeated.count / 32).leadingZeroBitCount))
        func bucket(_ posting: Posting) -> Int { Int(posting.shingle >> UInt64(64 - bucketBits)) }
        var bucketStarts = [Int](repeating: 0, count: (1 << bucketBits) + 1)
        for posting in repeated { bucketStarts[bucket(posting) + 1] += 1 }
        for bucket in 0..<(1 << bucketBits) { bucketStarts[bucket + 1] += bucketStarts[bucket] }
        var postings = repeated
        var next = bucketStarts
        for posting in repeated {
            postings[next[bucket(posting)]] = posting
            next[bucket(posting)] += 1
        }
        for bucket in 0..<(1 << bucketBits) where bucketStarts[bucket + 1] - bucketStarts[bucket] > 1 {
            postings[bucketStarts[bucket]..<bucketStarts[bucket + 1]].sort {
                ($0.shingle, $0.sentence) < ($1.shingle, $1.sentence)
            }
        }
        return postings
    }

    /// The pairs of long sentences of different outlets that share a shingle
    /// and match, each once, earlier sentence first.
    func matchingPairs(in table: SentenceTable) -> [SentencePair] {
        Parallel.map(Parallel.chunks(of: table.count)) { sentences in
            matchingPairs(in: table, startingAt: sentences)
        }.flatMap { $0 }
    }

    /// The matching pairs whose first sentence is in `sentences`.
    func matchingPairs(in table: SentenceTable, startingAt sentences: Range<Int>) -> [SentencePair] {
        var pairs: [SentencePair] = []
        // The indexed shingles each candidate shares with the current sentence.
        var sharedShingles = [Int](repeating: 0, count: table.count)
        var candidates: [Int] = []
        for sentence in sentences where table[sentence].isLong {
            for list in listsOfSentence[listStarts[sentence]..<listStarts[sentence + 1]] {
                for other in members[lists[list]] where other > sentence {
                    if sharedShingles[other] == 0 { candidates.append(other) }
                    sharedShingles[other] += 1
                }
            }
            for other in candidates {
                let sharedAtMost = sharedShingles[other] + min(commonShingles[sentence], commonShingles[other])
                sharedShingles[other] = 0
                if table[other].isLong, !table.sameOutlet(sentence, other),
                   table.mayMatch(sentence, other, sharingAtMost: sharedAtMost),
                   table.match(sentence, other) != nil {
                    pairs.append(SentencePair(first: sentence, second: other))
                }
            }
            candidates.removeAll(keepingCapacity: true)
        }
        return pairs
    }
}

/// Work split across cores with Dispatch.
enum Parallel {
    static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// `0..<count` cut into a few ranges per core, so uneven ones even out.
    static func chunks(of count: Int) -> [Range<Int>] {
        let size = max(1, (count + 4 * cores - 1) / (4 * cores))
        return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }

    /// `work` done on every input at once, as many at a time as Dispatch
    /// allows; the results in the order of the inputs.
    static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ work: @Sendable (Input) -> Output) -> [Output] {
        var outputs = [Output?](repeating: nil, count: inputs.count)
        outputs.withUnsafeMutableBufferPointer { buffer in
            // Each part writes only its own element.
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: inputs.count) { part in buffer[part] = work(inputs[part]) }
        }
        return outputs.map { $0! }
    }
}

/// Disjoint sets of sentences; each set's root is its smallest member.
struct UnionFind {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func root(of element: Int) -> Int {
        var element = element
        while parent[element] != element {
            parent[element] = parent[parent[element]]
            element = parent[element]
        }
        return element
    }

    mutating func union(_ a: Int, _ b: Int) {
        let rootA = root(of: a), rootB = root(of: b)
        if rootA < rootB { parent[rootB] = rootA } else if rootB < rootA { parent[rootA] = rootB }
    }
}
