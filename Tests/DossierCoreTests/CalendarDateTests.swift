import DossierCore
import Testing

@Suite struct CalendarDateTests {
    @Test(arguments: [("1970-01-01", 0), ("1970-01-02", 1), ("1969-12-31", -1), ("2000-03-01", 11_017),
                      ("2017-12-08", 17_508), ("0001-01-01", -719_162), ("9999-12-31", 2_932_896)])
    func daysSinceEpochCountsDaysFromThe1stOfJanuary1970(_ iso: String, _ days: Int) throws {
        let date = try #require(CalendarDate(iso: iso))
        #expect(date.daysSinceEpoch == days)
        #expect(CalendarDate(daysSinceEpoch: days) == date)
    }

    @Test func everyDayFollowsTheDayBeforeAcrossMonthsAndLeapYears() throws {
        var date = try #require(CalendarDate(iso: "1899-12-25"))
        for _ in 0..<(366 * 4 + 400) {  // through 1900 (not a leap year) and 1904 (one)
            let next = CalendarDate(daysSinceEpoch: date.daysSinceEpoch + 1)
            let expected = CalendarDate(year: date.year, month: date.month, day: date.day + 1)
                ?? CalendarDate(year: date.year, month: date.month + 1, day: 1)
                ?? CalendarDate(year: date.year + 1, month: 1, day: 1)
            #expect(next == expected, "after \(date)")
            date = next
        }
        #expect(date.description == "1905-02-01")
    }

    @Test(arguments: [("2017-12-04", 1), ("2017-12-08", 5), ("2017-12-10", 7), ("1970-01-01", 4),
                      ("1969-12-29", 1), ("0001-01-01", 1), ("2000-02-29", 2)])
    func weekdayIsISOMondayOneToSundaySeven(_ iso: String, _ weekday: Int) throws {
        #expect(try #require(CalendarDate(iso: iso)).weekday == weekday)
    }

    @Test func shortFormAbbreviatesTheMonth() throws {
        #expect(try #require(CalendarDate(iso: "2017-12-06")).shortForm == "6 Dec 2017")
        #expect(try #require(CalendarDate(iso: "2018-09-30")).shortForm == "30 Sep 2018")
    }
}
