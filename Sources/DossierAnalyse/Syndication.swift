/// One article's text as the syndication finder sees it.
public struct SyndicationText: Sendable {
    /// The article's slug.
    public var article: String
    /// The outlet that published it; `nil` (unknown) never equals another article's outlet.
    public var outlet: String?
    /// Each paragraph's sentences, in order.
    public var paragraphs: [[String]]

    public init(article: String, outlet: String?, paragraphs: [[String]]) {
        self.article = article
        self.outlet = outlet
        self.paragraphs = paragraphs
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
/// number of sentence pairs. Matching sentences are clustered, and clusters
/// of consecutive sentences shared by the same articles become one passage.
public enum Syndication {
    /// Words in a shingle.
    public static let shingleLength = 5
    /// A sentence needs this many words to start a match; shorter ones
    /// ("he said") are everywhere, and only join a run next to a match.
    public static let minimumWords = 8
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
        return passages(from: clusters(of: matches, in: table), table: table, texts: texts)
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
                      !table.isLong(neighbour.first) || !table.isLong(neighbour.second),
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
    static func passages(from clusters: [[Int]], table: SentenceTable, texts: [SyndicationText]) -> [Passage] {
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
                index == 0 || table.articleOf[cluster[index - 1]] != table.articleOf[sentence]
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
                let start = table.indexInParagraph[first]
                return PassageCopy(article: texts[table.articleOf[first]].article, paragraph: table.paragraphOf[first],
                                   sentences: start..<start + run.length)
            }
            let origin = copies[0]
            let text = texts[table.articleOf[run.firstSentences[0]]].paragraphs[origin.paragraph][origin.sentences]
                .joined(separator: " ")
            return Passage(text: text, copies: copies, match: run.verbatim ? .verbatim : .edited)
        }
    }
}

/// Two sentences by number, the earlier first.
struct SentencePair: Hashable {
    var first: Int
    var second: Int
}

/// Every sentence of the input, numbered in reading order (article, then
/// paragraph, then sentence), with its word tokens and distinct shingles.
struct SentenceTable {
    var articleOf: [Int] = []
    var paragraphOf: [Int] = []
    var indexInParagraph: [Int] = []
    /// Per article: its outlet's number, or a number of its own if unknown.
    var outletOf: [Int] = []
    /// Token hashes of all sentences; sentence `s` has `tokenStarts[s]..<tokenStarts[s + 1]`.
    var tokens: [UInt64] = []
    var tokenStarts: [Int] = [0]
    /// Each sentence's distinct shingle hashes, sorted, laid out like `tokens`.
    var shingles: [UInt64] = []
    var shingleStarts: [Int] = [0]

    init(_ texts: [SyndicationText]) {
        var outletNumbers: [String: Int] = [:]
        var sentenceShingles: [UInt64] = []
        for (article, text) in texts.enumerated() {
            if let outlet = text.outlet {
                let number = outletNumbers[outlet] ?? outletNumbers.count
                outletNumbers[outlet] = number
                outletOf.append(number)
            } else {
                outletOf.append(-1 - article)
            }
            for (paragraph, sentences) in text.paragraphs.enumerated() {
                for (index, sentence) in sentences.enumerated() {
                    articleOf.append(article)
                    paragraphOf.append(paragraph)
                    indexInParagraph.append(index)
                    let start = tokens.count
                    Hashing.appendTokens(of: sentence, to: &tokens)
                    tokenStarts.append(tokens.count)

                    sentenceShingles.removeAll(keepingCapacity: true)
                    if tokens.count - start >= Syndication.shingleLength {
                        for first in start...(tokens.count - Syndication.shingleLength) {
                            sentenceShingles.append(Hashing.shingle(tokens[first..<first + Syndication.shingleLength]))
                        }
                    }
                    sentenceShingles.sort()
                    var previous: UInt64?
                    for shingle in sentenceShingles where shingle != previous {
                        shingles.append(shingle)
                        previous = shingle
                    }
                    shingleStarts.append(shingles.count)
                }
            }
        }
    }

    var count: Int { articleOf.count }

    func tokens(of sentence: Int) -> ArraySlice<UInt64> { tokens[tokenStarts[sentence]..<tokenStarts[sentence + 1]] }

    func shingles(of sentence: Int) -> ArraySlice<UInt64> {
        shingles[shingleStarts[sentence]..<shingleStarts[sentence + 1]]
    }

    /// Whether `sentence` has enough words to start a match.
    func isLong(_ sentence: Int) -> Bool {
        tokenStarts[sentence + 1] - tokenStarts[sentence] >= Syndication.minimumWords
    }

    /// Whether `other` is a sentence in the same paragraph as `sentence`.
    func sameParagraph(_ sentence: Int, _ other: Int) -> Bool {
        other >= 0 && other < count && articleOf[other] == articleOf[sentence]
            && paragraphOf[other] == paragraphOf[sentence]
    }

    func sameOutlet(_ sentence: Int, _ other: Int) -> Bool {
        outletOf[articleOf[sentence]] == outletOf[articleOf[other]]
    }

    /// How two sentences match, if they do: verbatim when their tokens are
    /// equal or shingle containment reaches 0.8, edited from 0.5 or with a
    /// shared run of 15 words. Containment is of the sentence with fewer
    /// shingles in the other.
    func match(_ sentence: Int, _ other: Int) -> PassageMatch? {
        let words = tokens(of: sentence), otherWords = tokens(of: other)
        if !words.isEmpty, words.elementsEqual(otherWords) { return .verbatim }
        let fewer = min(shingleStarts[sentence + 1] - shingleStarts[sentence],
                        shingleStarts[other + 1] - shingleStarts[other])
        guard fewer > 0 else { return nil }
        let shared = Self.commonCount(shingles(of: sentence), shingles(of: other))
        let containment = Double(shared) / Double(fewer)
        if containment >= Syndication.verbatimContainment { return .verbatim }
        if containment >= Syndication.editedContainment { return .edited }
        // A shared run of 15 words holds 11 shared shingles (unless it repeats itself).
        let runShingles = Syndication.minimumSharedRun - Syndication.shingleLength + 1
        if shared >= runShingles, Self.longestCommonRun(words, otherWords) >= Syndication.minimumSharedRun {
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

    /// The length of the longest run of equal consecutive tokens.
    static func longestCommonRun(_ a: ArraySlice<UInt64>, _ b: ArraySlice<UInt64>) -> Int {
        // runEndingAt[j + 1]: the run ending at the current token of `a` and token j of `b`.
        var previous = [Int](repeating: 0, count: b.count + 1)
        var runEndingAt = previous
        var longest = 0
        for token in a {
            for (j, other) in b.enumerated() {
                runEndingAt[j + 1] = token == other ? previous[j] + 1 : 0
                longest = max(longest, runEndingAt[j + 1])
            }
            swap(&previous, &runEndingAt)
        }
        return longest
    }
}

/// Hashes of words and shingles: 64-bit FNV-1a, fixed (unlike `Hasher`),
/// so results never depend on the process.
enum Hashing {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// Appends the hash of each word of `sentence`: a lower-cased run of
    /// Unicode letters, marks and digits. Everything else, apostrophes
    /// included, separates words.
    static func appendTokens(of sentence: String, to tokens: inout [UInt64]) {
        var hash = offsetBasis
        var inWord = false
        for scalar in sentence.unicodeScalars {
            if scalar.isASCII {
                var byte = UInt8(scalar.value)
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte += 0x20
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
                default:
                    if inWord { tokens.append(hash) }
                    hash = offsetBasis
                    inWord = false
                    continue
                }
                hash = (hash ^ UInt64(byte)) &* prime
                inWord = true
            } else if isWordScalar(scalar) {
                let properties = scalar.properties
                let lower = properties.changesWhenLowercased ? properties.lowercaseMapping : String(scalar)
                for byte in lower.utf8 { hash = (hash ^ UInt64(byte)) &* prime }
                inWord = true
            } else {
                if inWord { tokens.append(hash) }
                hash = offsetBasis
                inWord = false
            }
        }
        if inWord { tokens.append(hash) }
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

    /// FNV-1a over the token hashes, each taken as one 64-bit word.
    static func shingle(_ tokens: ArraySlice<UInt64>) -> UInt64 {
        tokens.reduce(offsetBasis) { ($0 ^ $1) &* prime }
    }
}

/// Which sentences share each shingle, for the shingles that can link
/// sentences of different articles: found in at least two articles, in no
/// more sentences than the cap, and not boilerplate.
struct ShingleIndex {
    /// The sentences of each shingle, in order; shingle `k` has `lists[k]`.
    var members: [Int] = []
    var lists: [Range<Int>] = []
    /// The shingles of each sentence, laid out like `SentenceTable.tokens`.
    var listsOfSentence: [Int] = []
    var listStarts: [Int]

    init(_ table: SentenceTable, articleCount: Int) {
        let postings = Self.postingsByShingle(table)
        let cap = Syndication.maximumSentencesPerShingle(articleCount: articleCount)
        var start = 0
        while start < postings.count {
            var end = start + 1
            var articles = 1
            while end < postings.count, postings[end].shingle == postings[start].shingle {
                if table.articleOf[postings[end].sentence] != table.articleOf[postings[end - 1].sentence] { articles += 1 }
                end += 1
            }
            let boilerplate = articleCount >= Syndication.minimumArticlesForBoilerplate && articles * 2 > articleCount
            if articles > 1, end - start <= cap, !boilerplate {
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

    /// Every (shingle, sentence) of the table, sorted by shingle, then
    /// sentence: a counting sort on the shingle's top bits, then small sorts.
    static func postingsByShingle(_ table: SentenceTable) -> [Posting] {
        let total = table.shingles.count
        // About 32 postings per bucket.
        let bits = max(1, min(24, Int.bitWidth - (total / 32).leadingZeroBitCount))
        let shift = UInt64(64 - bits)
        var bucketStarts = [Int](repeating: 0, count: (1 << bits) + 1)
        for shingle in table.shingles { bucketStarts[Int(shingle >> shift) + 1] += 1 }
        for bucket in 0..<(1 << bits) { bucketStarts[bucket + 1] += bucketStarts[bucket] }

        var postings = [Posting](repeating: Posting(shingle: 0, sentence: 0), count: total)
        var next = bucketStarts
        for sentence in 0..<table.count {
            for shingle in table.shingles(of: sentence) {
                let bucket = Int(shingle >> shift)
                postings[next[bucket]] = Posting(shingle: shingle, sentence: sentence)
                next[bucket] += 1
            }
        }
        for bucket in 0..<(1 << bits) where bucketStarts[bucket + 1] - bucketStarts[bucket] > 1 {
            postings[bucketStarts[bucket]..<bucketStarts[bucket + 1]].sort {
                ($0.shingle, $0.sentence) < ($1.shingle, $1.sentence)
            }
        }
        return postings
    }

    /// The pairs of long sentences of different outlets that share a shingle
    /// and match, each once, earlier sentence first.
    func matchingPairs(in table: SentenceTable) -> [SentencePair] {
        var pairs: [SentencePair] = []
        // lastCandidateOf[b] == a: b is already a candidate for sentence a.
        var lastCandidateOf = [Int](repeating: -1, count: table.count)
        var candidates: [Int] = []
        for sentence in 0..<table.count where table.isLong(sentence) {
            candidates.removeAll(keepingCapacity: true)
            for list in listsOfSentence[listStarts[sentence]..<listStarts[sentence + 1]] {
                for other in members[lists[list]] where other > sentence && lastCandidateOf[other] != sentence {
                    lastCandidateOf[other] = sentence
                    if table.isLong(other), !table.sameOutlet(sentence, other) { candidates.append(other) }
                }
            }
            for other in candidates where table.match(sentence, other) != nil {
                pairs.append(SentencePair(first: sentence, second: other))
            }
        }
        return pairs
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
