import DossierAnalyse
import Foundation
import Testing

/// The figures in `text`.
private func figures(_ text: String) -> [Figure] {
    FigureExtractor.figures(in: Array(text.utf8))
}

/// The mentions of figures in `text`, as if from article `article`.
private func mentions(_ text: String, in article: String = "a") -> [FigureMention] {
    let bytes = Array(text.utf8)
    return FigureExtractor.mentions(in: bytes, sentences: Sentences.ranges(in: bytes), article: article)
}

private func exactly(_ value: Double) -> FigureInterval { .exactly(value) }
private func atLeast(_ value: Double) -> FigureInterval { FigureInterval(lower: value, upper: nil) }
private func above(_ value: Double) -> FigureInterval { FigureInterval(lower: value, lowerInclusive: false, upper: nil) }
private func upTo(_ value: Double) -> FigureInterval { FigureInterval(lower: 0, upper: value) }
private func below(_ value: Double) -> FigureInterval { FigureInterval(lower: 0, upper: value, upperInclusive: false) }
private func from(_ lower: Double, to upper: Double) -> FigureInterval { FigureInterval(lower: lower, upper: upper) }

/// A phrase and the one figure expected in it.
struct FigureRow: Sendable, CustomTestStringConvertible {
    var phrase: String
    var text: String
    var value: Double
    var interval: FigureInterval
    var isPercent = false
    var counted: String
    var key: String
    var period: FigurePeriod? = nil

    var testDescription: String { phrase }
}

private let rows: [FigureRow] = [
    // Digits, separators, decimals and scale words
    .init(phrase: "The conflict began in 2011 and over 340,000 people have been killed.", text: "over 340,000 people",
          value: 340_000, interval: above(340_000), counted: "people", key: "people"),
    .init(phrase: "More than 340,000 people have been killed", text: "More than 340,000 people",
          value: 340_000, interval: above(340_000), counted: "people", key: "people"),
    .init(phrase: "roughly 1.5 million refugees fled", text: "roughly 1.5 million refugees",
          value: 1_500_000, interval: from(1_350_000, to: 1_650_000), counted: "refugees", key: "refugee"),
    .init(phrase: "It cost 2 billion dollars.", text: "2 billion dollars",
          value: 2e9, interval: exactly(2e9), counted: "dollars", key: "dollar"),
    .init(phrase: "a force of 12 thousand troops", text: "12 thousand troops",
          value: 12_000, interval: exactly(12_000), counted: "troops", key: "troop"),
    .init(phrase: "said that 21 civilians died, including", text: "21 civilians",
          value: 21, interval: exactly(21), counted: "civilians", key: "civilian"),
    .init(phrase: "including 9 children.", text: "9 children",
          value: 9, interval: exactly(9), counted: "children", key: "children"),
    .init(phrase: "1 civilian was hurt", text: "1 civilian",
          value: 1, interval: exactly(1), counted: "civilian", key: "civilian"),
    .init(phrase: "5 casualties and", text: "5 casualties",
          value: 5, interval: exactly(5), counted: "casualties", key: "casualty"),
    // Number words
    .init(phrase: "ending almost seven years of bloodshed", text: "almost seven years",
          value: 7, interval: from(6.3, to: 7), counted: "years", key: "year"),
    .init(phrase: "ending nearly seven years of bloodshed", text: "nearly seven years",
          value: 7, interval: from(6.3, to: 7), counted: "years", key: "year"),
    .init(phrase: "Twenty-one soldiers were captured", text: "Twenty-one soldiers",
          value: 21, interval: exactly(21), counted: "soldiers", key: "soldier"),
    .init(phrase: "freed three hundred and five prisoners", text: "three hundred and five prisoners",
          value: 305, interval: exactly(305), counted: "prisoners", key: "prisoner"),
    .init(phrase: "two thousand troops", text: "two thousand troops",
          value: 2000, interval: exactly(2000), counted: "troops", key: "troop"),
    .init(phrase: "in a hundred villages", text: "a hundred villages",
          value: 100, interval: exactly(100), counted: "villages", key: "village"),
    .init(phrase: "about a dozen soldiers", text: "about a dozen soldiers",
          value: 12, interval: from(10.8, to: 13.2), counted: "soldiers", key: "soldier"),
    .init(phrase: "two dozen rockets", text: "two dozen rockets",
          value: 24, interval: exactly(24), counted: "rockets", key: "rocket"),
    // Vague plurals
    .init(phrase: "killed dozens of civilians", text: "dozens of civilians",
          value: 24, interval: atLeast(24), counted: "civilians", key: "civilian"),
    .init(phrase: "scores of prisoners", text: "scores of prisoners",
          value: 40, interval: atLeast(40), counted: "prisoners", key: "prisoner"),
    .init(phrase: "hundreds of families", text: "hundreds of families",
          value: 200, interval: atLeast(200), counted: "families", key: "family"),
    .init(phrase: "Thousands of people marched", text: "Thousands of people",
          value: 2000, interval: atLeast(2000), counted: "people", key: "people"),
    .init(phrase: "hundreds of thousands of refugees", text: "hundreds of thousands of refugees",
          value: 200_000, interval: atLeast(200_000), counted: "refugees", key: "refugee"),
    // Qualifiers
    .init(phrase: "killed at least 12 civilians in a village", text: "at least 12 civilians",
          value: 12, interval: atLeast(12), counted: "civilians", key: "civilian"),
    .init(phrase: "no fewer than 30 fighters", text: "no fewer than 30 fighters",
          value: 30, interval: atLeast(30), counted: "fighters", key: "fighter"),
    .init(phrase: "in excess of 1,500 troops", text: "in excess of 1,500 troops",
          value: 1500, interval: above(1500), counted: "troops", key: "troop"),
    .init(phrase: "as many as 40 aircraft", text: "as many as 40 aircraft",
          value: 40, interval: upTo(40), counted: "aircraft", key: "aircraft"),
    .init(phrase: "no more than 3 tanks", text: "no more than 3 tanks",
          value: 3, interval: upTo(3), counted: "tanks", key: "tank"),
    .init(phrase: "fewer than 100 soldiers", text: "fewer than 100 soldiers",
          value: 100, interval: below(100), counted: "soldiers", key: "soldier"),
    .init(phrase: "less than 2 million dollars", text: "less than 2 million dollars",
          value: 2e6, interval: below(2e6), counted: "dollars", key: "dollar"),
    .init(phrase: "an estimated 5,000 people", text: "an estimated 5,000 people",
          value: 5000, interval: from(4500, to: 5500), counted: "people", key: "people"),
    .init(phrase: "some 300 families", text: "some 300 families",
          value: 300, interval: from(270, to: 330), counted: "families", key: "family"),
    // Ranges
    .init(phrase: "between 10 and 12 civilians", text: "between 10 and 12 civilians",
          value: 10, interval: from(10, to: 12), counted: "civilians", key: "civilian"),
    .init(phrase: "10-12 civilians", text: "10-12 civilians",
          value: 10, interval: from(10, to: 12), counted: "civilians", key: "civilian"),
    .init(phrase: "10–12 civilians", text: "10–12 civilians",
          value: 10, interval: from(10, to: 12), counted: "civilians", key: "civilian"),
    .init(phrase: "10 to 12 civilians", text: "10 to 12 civilians",
          value: 10, interval: from(10, to: 12), counted: "civilians", key: "civilian"),
    .init(phrase: "between 1.5 and 2 million people", text: "between 1.5 and 2 million people",
          value: 1_500_000, interval: from(1_500_000, to: 2_000_000), counted: "people", key: "people"),
    // Percent
    .init(phrase: "IS still holds about eight percent of Deir Ezzor province.",
          text: "about eight percent of Deir Ezzor province", value: 8, interval: from(7.2, to: 8.8), isPercent: true,
          counted: "percent of Deir Ezzor province", key: "percent of deir ezzor province"),
    .init(phrase: "Daesh still held about 8 per cent of the Deir Ezzor province.",
          text: "about 8 per cent of the Deir Ezzor province", value: 8, interval: from(7.2, to: 8.8), isPercent: true,
          counted: "percent of Deir Ezzor province", key: "percent of deir ezzor province"),
    .init(phrase: "it still holds around 8 per cent of Deir Ezzor Province,” he said.",
          text: "around 8 per cent of Deir Ezzor Province", value: 8, interval: from(7.2, to: 8.8), isPercent: true,
          counted: "percent of Deir Ezzor Province", key: "percent of deir ezzor province"),
    .init(phrase: "close to 90% of the territory it once held", text: "close to 90% of the territory",
          value: 90, interval: from(81, to: 90), isPercent: true, counted: "percent of territory",
          key: "percent of territory"),
    .init(phrase: "30 pct of Democratic Republic of the Congo said", text: "30 pct of Democratic Republic of the Congo",
          value: 30, interval: exactly(30), isPercent: true, counted: "percent of Democratic Republic of the Congo",
          key: "percent of democratic republic of the congo"),
    .init(phrase: "Syria '100% Free of Islamic State'", text: "100%",
          value: 100, interval: exactly(100), isPercent: true, counted: "percent", key: "percent"),
    .init(phrase: "prices rose from 10 to 12 percent in March", text: "12 percent",
          value: 12, interval: exactly(12), isPercent: true, counted: "percent", key: "percent"),
    // Periods
    .init(phrase: "including 14 sorties of groups of long-range bombers that occurred in the past month.",
          text: "14 sorties", value: 14, interval: exactly(14), counted: "sorties", key: "sortie", period: .month),
    .init(phrase: "with jets staging up to 250 strikes daily.", text: "up to 250 strikes",
          value: 250, interval: upTo(250), counted: "strikes", key: "strike", period: .day),
    .init(phrase: "12 raids a day", text: "12 raids", value: 12, interval: exactly(12), counted: "raids", key: "raid",
          period: .day),
    .init(phrase: "30 flights per week", text: "30 flights", value: 30, interval: exactly(30), counted: "flights",
          key: "flight", period: .week),
    .init(phrase: "4 convoys were sent last month", text: "4 convoys", value: 4, interval: exactly(4),
          counted: "convoys", key: "convoy", period: .month),
    .init(phrase: "200 deaths annually", text: "200 deaths", value: 200, interval: exactly(200), counted: "deaths",
          key: "death", period: .year),
    .init(phrase: "2 strikes every day", text: "2 strikes", value: 2, interval: exactly(2), counted: "strikes",
          key: "strike", period: .day),
    .init(phrase: "8 convoys arrived this year", text: "8 convoys", value: 8, interval: exactly(8), counted: "convoys",
          key: "convoy", period: .year),
    .init(phrase: "3 raids came on the last day of talks", text: "3 raids", value: 3, interval: exactly(3),
          counted: "raids", key: "raid"),
    .init(phrase: "12 raids, a day after the talks.", text: "12 raids", value: 12, interval: exactly(12),
          counted: "raids", key: "raid"),
    .init(phrase: "12 raids were reported. Raids happen daily.", text: "12 raids", value: 12, interval: exactly(12),
          counted: "raids", key: "raid"),
]

@Suite struct FigureTests {
    // MARK: - Extraction

    @Test(arguments: rows) func normalisesAPhrase(_ row: FigureRow) throws {
        let found = figures(row.phrase)
        try #require(found.count == 1, "\(found.map(\.text))")
        let figure = found[0]
        #expect(figure.text == row.text)
        #expect(figure.value == row.value)
        #expect(figure.interval == row.interval, "\(figure.interval)")
        #expect(figure.isPercent == row.isPercent)
        #expect(figure.counted == row.counted)
        #expect(figure.key == row.key)
        #expect(figure.period == row.period)
        let bytes = Array(row.phrase.utf8)
        #expect(String(decoding: bytes[figure.range], as: UTF8.self) == row.text)
    }

    @Test(arguments: [
        "Deir Ezzor 24 said the attack was targeting the village of al-Jarthi.",
        "To win territorially against Daesh is one thing, he said.",
        "Russia's military mission in Syria's civil war in 2015 began",
        "since the conflict broke out in March 2011 with protests",
        "A handout picture taken on June 18, 2016 and provided by",
        "discussions on ending the 6-year-old war resumed",
        "The Syrian conflict began in 2011 and",
        "Sunday, 21 October 2018",
        "By AFP - Dec 08,2017 - Last updated at Dec. 8 2017",
        "08/12/2017",
        "on the 18th of the month",
        "B-52 bombers and COVID-19 cases",
        "aid worth $5 million arrived",
        "met at 10:30 in the 1990s",
        "Copyright 2017 The Associated Press.",
        "one of the 3 said, tens of people",
        "dozens said so",
        "It fell between 10 and",
        "12 to",
        "a 12-10 win for 30-20 civilians",
    ])
    func findsNothingIn(_ phrase: String) {
        #expect(figures(phrase).map(\.text) == [])
    }

    @Test func findsEveryFigureInOrderWithItsOwnPeriod() {
        let found = figures("Jets made 100 sorties daily and staged 5 raids a week. The Observatory counted 21 civilians.")
        #expect(found.map(\.text) == ["100 sorties", "5 raids", "21 civilians"])
        #expect(found.map(\.period) == [.day, .week, nil])
    }

    @Test func aMalformedByteIsACharacterOfItsOwn() {
        let found = FigureExtractor.figures(in: [0xE2, 0x80, 0x20] + Array("12 men".utf8))
        #expect(found.map(\.text) == ["12 men"])
        #expect(found.map(\.range) == [3..<9])
    }

    @Test func aMentionCarriesItsSentenceAndArticle() {
        let found = mentions("Strikes hit a village. Officials said 21 civilians died, including 9 children. Then",
                             in: "observatory")
        #expect(found.map(\.figure.text) == ["21 civilians", "9 children"])
        #expect(found.map(\.sentence) == Array(repeating: "Officials said 21 civilians died, including 9 children.", count: 2))
        #expect(found.allSatisfy { $0.article == "observatory" })
    }

    // MARK: - Intervals

    @Test func intervalsOverlapWhenTheyShareANumber() {
        #expect(atLeast(12).overlaps(exactly(21)))
        #expect(!exactly(12).overlaps(exactly(21)))
        #expect(from(7.2, to: 8.8).overlaps(exactly(8)))
        #expect(!from(7.2, to: 8.8).overlaps(exactly(30)))
        #expect(upTo(10).overlaps(atLeast(10)))
        #expect(!below(10).overlaps(atLeast(10)))
        #expect(!above(10).overlaps(upTo(10)))
        #expect(above(10).overlaps(below(11)))
        #expect(FigureInterval(lower: nil, upper: nil).overlaps(exactly(3)))
    }

    @Test func intervalsReadShortly() {
        #expect(exactly(21).description == "21")
        #expect(above(340_000).description == "> 340000")
        #expect(atLeast(12).description == "≥ 12")
        #expect(upTo(250).description == "≤ 250")
        #expect(below(5).description == "< 5")
        #expect(from(7.2, to: 8.8).description == "7.2–8.8")
        #expect(from(1_350_000, to: 1_650_000).description == "1350000–1650000")
        #expect(FigureInterval(lower: 1, lowerInclusive: false, upper: 2).description == "(1, 2]")
        #expect(FigureInterval(lower: nil, upper: 2, upperInclusive: false).description == "(−∞, 2)")
    }

    // MARK: - Groups

    @Test func theSameFigureInTwoArticlesAgrees() throws {
        let groups = FigureGroups.group([mentions("over 340,000 people have been killed", in: "one"),
                                         mentions("More than 340,000 people have been killed", in: "two")])
        let people = try #require(groups.only)
        #expect(people.slug == "people")
        #expect(people.what == "people")
        #expect(people.mentions.map(\.article) == ["one", "two"])
        #expect(people.status == .agree)
    }

    @Test func overlappingIntervalsDiffer() {
        let groups = FigureGroups.group([mentions("Strikes killed at least 12 civilians.", in: "ap"),
                                         mentions("The Observatory said that 21 civilians died.", in: "sohr")])
        #expect(groups.map(\.slug) == ["civilian"])
        #expect(groups.map(\.status) == [.differ])
    }

    @Test func disjointIntervalsConflict() {
        let civilians = FigureGroups.group([mentions("State media said 12 civilians died.")
            + mentions("The Observatory said 21 civilians died.")])
        #expect(civilians.map(\.status) == [.conflict])
        let territory = FigureGroups.group([mentions("IS holds about 8 percent of Deir Ezzor.")
            + mentions("IS holds 30 percent of Deir Ezzor.")])
        #expect(territory.map(\.status) == [.conflict])
    }

    @Test func conflictsAreFoundAmongManyOverlappingFigures() {
        // Every figure overlaps the first, but "at most 10" and "more than 20" do not overlap each other.
        let groups = FigureGroups.group([mentions("at least 5 tanks, up to 10 tanks, more than 20 tanks, 3 to 30 tanks")])
        #expect(groups.map(\.status) == [.conflict])
    }

    /// Each number word is found, whatever its length and letters: only
    /// words shaped like one of them are looked up.
    @Test func readsEveryWrittenNumberFromOneToNinetyNine() {
        let units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        let teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        var words = units + teens
        for ten in tens { words += [ten] + units.map { "\(ten)-\($0)" } }
        for (offset, word) in words.enumerated() {
            #expect(figures("\(word) soldiers were hurt").map(\.value) == [Double(offset + 1)], "\(word)")
            #expect(figures("\(word.capitalized) soldiers were hurt").map(\.value) == [Double(offset + 1)], "\(word)")
        }
    }

    @Test func figuresOverDifferentPeriodsAreDifferentMeasures() {
        let sorties = FigureGroups.group([
            mentions("It included 14 sorties of long-range bombers that occurred in the past month.")
                + mentions("Jets made 100 sorties and staged up to 250 strikes daily.")])
        #expect(sorties.map(\.slug) == ["sortie", "strike"])
        #expect(sorties.map(\.status) == [.differentMeasures, .agree])
        // A total next to a rate is a different measure too, even with the same number.
        let raids = FigureGroups.group([mentions("There were 5 raids.") + mentions("There were 5 raids a week.")])
        #expect(raids.map(\.status) == [.differentMeasures])
    }

    @Test func singularAndPluralShareAGroup() {
        let groups = FigureGroups.group([mentions("1 civilian died on Monday and 12 civilians on Tuesday.")])
        #expect(groups.map(\.slug) == ["civilian"])
        #expect(groups.first?.mentions.map(\.figure.text) == ["1 civilian", "12 civilians"])
        #expect(groups.first?.status == .conflict)
    }

    @Test func whatIsTheMostCommonSpellingAndTheFirstOnATie() {
        let tie = FigureGroups.group([mentions("about 8 percent of Deir Ezzor Province")
            + mentions("about 8 percent of Deir Ezzor province")])
        #expect(tie.map(\.what) == ["percent of Deir Ezzor Province"])
        let most = FigureGroups.group([mentions("about 8 percent of Deir Ezzor Province")
            + mentions("about 8 percent of Deir Ezzor province") + mentions("around 8 percent of Deir Ezzor province")])
        #expect(most.map(\.what) == ["percent of Deir Ezzor province"])
        #expect(most.map(\.slug) == ["percent-of-deir-ezzor-province"])
    }

    @Test func groupsAreSortedBySlugAndSlugsAreUnique() {
        let groups = FigureGroups.group([mentions(
            "9 children, 30 percent of al-Jarthi, 20 percent of al Jarthi, 4 tanks, 2 percent, 7 index")])
        #expect(groups.map(\.slug)
            == ["children", "index-2", "percent", "percent-of-al-jarthi", "percent-of-al-jarthi-2", "tank"])
        #expect(groups.map(\.what)
            == ["children", "index", "percent", "percent of al Jarthi", "percent of al-Jarthi", "tanks"])
    }

    @Test func valuesGatherTheMentionsThatStateTheSameInTheOrderTheyFirstAppear() throws {
        let group = try #require(FigureGroups.group([mentions("12 civilians died; at least 12 civilians fled")
            + mentions("12 civilians were hurt and twelve civilians left") + mentions("at least 12 civilians stayed")]).first)
        #expect(group.values.map { $0.map { group.mentions[$0].figure.text } }
            == [["12 civilians", "12 civilians", "twelve civilians"], ["at least 12 civilians", "at least 12 civilians"]])
        let rates = try #require(FigureGroups.group([mentions("There were 5 raids.") + mentions("There were 5 raids a week.")]).first)
        #expect(rates.values.count == 2, "a total and a rate are different values")
    }

    // MARK: - The seed articles

    /// The mentions of figures in every paragraph (a line) of the raw seed files.
    private func seedMentions() throws -> [FigureMention] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../content/raw").standardizedFileURL
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        try #require(names.count == 5)
        return try names.flatMap { name in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            return text.split(separator: "\n").flatMap { mentions(String($0), in: String(name.prefix(3))) }
        }
    }

    @Test func seedArticlesGiveTheExpectedFiguresAndNoDates() throws {
        let found = try seedMentions().map { "\($0.article) \($0.figure.text)" }
        #expect(found == [
            "000 100%", "000 100%", "000 almost seven years", "000 14 sorties",
            "000 about eight percent of Deir Ezzor province", "000 two directions",
            "000 over 340,000 people", "000 100%",
            "001 100 sorties", "001 up to 250 strikes", "001 around eight percent of Deir Ezzor Province",
            "001 More than 340,000 people",
            "003 two directions", "003 at least 12 civilians", "003 21 civilians", "003 9 children",
            "004 nearly seven years", "004 100 sorties", "004 up to 250 strikes",
            "004 about 8 per cent of the Deir Ezzor province",
            "004 around 8 per cent of Deir Ezzor Province", "004 More than 340,000 people", "004 55 users",
        ])
    }

    @Test func seedArticlesGroupAsACuratorWouldCompareThem() throws {
        let groups = Dictionary(uniqueKeysWithValues: FigureGroups.group([try seedMentions()]).map { ($0.slug, $0) })
        let people = try #require(groups["people"])
        #expect(people.mentions.map(\.article) == ["000", "001", "004"])
        #expect(people.mentions.allSatisfy { $0.figure.interval == above(340_000) })
        #expect(people.status == .agree)
        let territory = try #require(groups["percent-of-deir-ezzor-province"])
        #expect(territory.what == "percent of Deir Ezzor province")
        #expect(territory.mentions.count == 4)
        #expect(territory.mentions.allSatisfy { $0.figure.interval == from(7.2, to: 8.8) && $0.figure.isPercent })
        #expect(territory.status == .agree)
        let sorties = try #require(groups["sortie"])
        #expect(sorties.mentions.map(\.figure.period) == [.month, .day, .day])
        #expect(sorties.status == .differentMeasures)
        #expect(groups["strike"]?.status == .agree)
        let civilians = try #require(groups["civilian"])
        #expect(civilians.mentions.map(\.figure.interval) == [atLeast(12), exactly(21)])
        #expect(civilians.status == .differ)
        #expect(groups["children"]?.mentions.map(\.figure.value) == [9])
        let years = try #require(groups["year"])
        #expect(years.mentions.map(\.figure.interval) == [from(6.3, to: 7), from(6.3, to: 7)])
        #expect(years.status == .agree)
    }
}

private extension Array {
    /// The one element, or nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
