import DossierCore
import Testing
@testable import DossierIngest

@Suite struct NewsDateTests {
    @Test(arguments: [
        ("08 December 2017", "2017-12-08"),
        ("8 Dec 2017", "2017-12-08"),
        ("Sunday, 21 October 2018", "2018-10-21"),
        ("Friday 8 December 2017 14.30 GMT", "2017-12-08"),
        ("Dec 08,2017", "2017-12-08"),
        ("December 8, 2017", "2017-12-08"),
        ("Sept. 3, 2016", "2016-09-03"),
        ("April 2, 2016 9:15 PM", "2016-04-02"),
        ("2016-04-02", "2016-04-02"),
        ("2016-04-02T09:15:00Z", "2016-04-02"),
        ("08/12/2017", "2017-12-08"),
        ("12/25/2017", "2017-12-25"),
        ("25.12.2017", "2017-12-25"),
        ("3rd of March 2015", "2015-03-03"),
    ])
    func readsTheFormsNewsSitesPrint(text: String, iso: String) {
        #expect(NewsDate.parse(text)?.description == iso)
    }

    @Test(arguments: ["Latest news", "31/02/2017", "The 2017 war", "Dec 2017", "13/13/2017", "yesterday", ""])
    func inventsNoDate(text: String) {
        #expect(NewsDate.parse(text) == nil)
    }

    /// `\d` in a regular expression matches any decimal digit, which `Int`
    /// does not read: such a line once stopped a build.
    @Test(arguments: ["٢٠١٧-١٢-٠٨", "٠٨/١٢/٢٠١٧", "٨ December ٢٠١٧", "Published on ٢٠١٧-١٢-٠٨", "8 December 2017 ١٢:٣٠"])
    func readsNoDateWrittenInOtherDigits(text: String) {
        #expect(NewsDate.parse(text) == nil)
        #expect(NewsDate.parseDateLine(text) == nil)
    }

    @Test func dateLinesWithPrefixesAndBylines() throws {
        let published = try #require(NewsDate.parseDateLine("Published on 2016-04-02 by editor"))
        #expect(published.date.description == "2016-04-02")
        #expect(published.author == "editor")
        #expect(NewsDate.parseDateLine("Last updated at Dec 08,2017")?.date.description == "2017-12-08")
        #expect(NewsDate.parseDateLine("Updated: 08 December 2017 | 12:31 GMT")?.date.description == "2017-12-08")
        #expect(NewsDate.parseDateLine("08 December 2017 - Dec 09,2017")?.date.description == "2017-12-08")
        #expect(NewsDate.parseDateLine("Putin spoke on 8 December 2017 in Moscow") == nil)
    }

    /// ASCII dates are read byte by byte; they must be read as the regular
    /// expression reads them. Texts are put together from the parts of
    /// dates and near misses (wrong lengths, missing spaces, stray letters),
    /// a fixed sequence of them, so that every branch of the reader is taken.
    @Test func readsWrittenDatesAsTheExpressionDoes() {
        let pieces = [
            "", " ", "  ", "\t", ",", ", ", ".", ". ", "-", "of ", "of", "OF  ", "at ",
            "5", "05", "21", "123", "52017", "052017", "1234567", "2017", "201", "20171",
            "st", "nd", "RD", "th", "th,", "Dec", "dec.", "December", "Sept", "Sept.", "SEPTEMBERS", "Ma", "Monday",
            "Mon", "mon.", "Sun", "Sunday,", "Tue ", "Friday ", "9:15", "14.30", "9:15:00", "PM", "p.m.", "am",
            "GMT", "(EST)", "+0100", "-05:00", "x", "12:3",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var texts = readsTheFormsNewsSitesPrintExamples
        for _ in 0..<10_000 {
            texts.append((0..<(1 + next(9))).map { _ in pieces[next(pieces.count)] }.joined())
        }
        // Day first or month first, each slot filled with a part or a near miss.
        let slots: [[String]] = [
            ["", "", "Monday, ", "sat ", "Thu.", "Fri,  ", "Sunday"],
            ["5", "21", "05", "3rd", "1ST", "123", "", "7th."],
            [" ", " ", " of ", "  OF ", "", ". ", ","],
            ["May", "dec", "December", "Sept.", "Ma", "Septembers", "12"],
            [" ", ", ", ",", "", ".  ", " - "],
            ["2017", "2017", "201", "20171", "17"],
            ["", "", " 9:15", ", 14.30 GMT", " at 9:15:00 p.m. (EST)", " -05:00", "9:15", " 25:61 xx"],
        ]
        for _ in 0..<10_000 {
            let filled = slots.map { $0[next($0.count)] }
            let monthFirst = next(2) == 0
            let order = monthFirst ? [0, 3, 4, 1, 2, 5, 6] : [0, 1, 2, 3, 4, 5, 6]
            texts.append(order.map { filled[$0] }.joined())
        }
        // Dates with one piece changed, which reach deeper into the reader than random texts.
        for date in readsTheFormsNewsSitesPrintExamples {
            for _ in 0..<200 {
                var words = date.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                words[next(words.count)] = pieces[next(pieces.count)]
                texts.append(words.joined(separator: [" ", "  ", ""][next(3)]))
            }
        }
        var dates = 0
        for text in texts {
            let byBytes = WrittenDate.readASCII(text), byExpression = WrittenDate.readWithExpression(text)
            #expect(byBytes?.day == byExpression?.day && byBytes?.month == byExpression?.month
                        && byBytes?.year == byExpression?.year, "\(text.debugDescription)")
            if byExpression != nil { dates += 1 }
        }
        #expect(dates > 400)  // the texts hold hundreds of dates, not only near misses
    }

    private var readsTheFormsNewsSitesPrintExamples: [String] {
        ["08 December 2017", "8 Dec 2017", "Sunday, 21 October 2018", "Friday 8 December 2017 14.30 GMT", "Dec 08,2017",
         "December 8, 2017", "Sept. 3, 2016", "April 2, 2016 9:15 PM", "3rd of March 2015", "Mon May 52017",
         "Tue, 5th of June 2018 at 9:15:00 p.m. (EST)", "June 5th , 2018 -05:00"]
    }
}
