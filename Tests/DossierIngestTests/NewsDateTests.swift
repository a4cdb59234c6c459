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
}
