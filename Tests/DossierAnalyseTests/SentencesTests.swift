@testable import DossierAnalyse
import Testing

func sentences(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    return Sentences.ranges(in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
}

@Suite struct SentencesTests {
    @Test func splitsAtStopsFollowedBySpaceAndACapital() {
        #expect(sentences("Putin spoke. Shoigu listened! Did Gerasimov? Yes.")
            == ["Putin spoke.", "Shoigu listened!", "Did Gerasimov?", "Yes."])
    }

    @Test func keepsClosingQuotesWithTheirSentence() {
        #expect(sentences("He said \"it is over.\" Then he left.") == ["He said \"it is over.\"", "Then he left."])
        #expect(sentences("“To win is one thing,” he said. “But not all.” Next")
            == ["“To win is one thing,” he said.", "“But not all.”", "Next"])
    }

    @Test func abbreviationsAndInitialsDoNotEndASentence() {
        #expect(sentences("Gen. Staff met Mr. Rudskoi in Dec. 2017. The U.S. and J. Smith agreed. Done")
            == ["Gen. Staff met Mr. Rudskoi in Dec. 2017.", "The U.S. and J. Smith agreed.", "Done"])
    }

    @Test func aLowerCaseWordAfterAStopContinuesTheSentence() {
        #expect(sentences("It held 8 per cent. of the province. Then") == ["It held 8 per cent. of the province.", "Then"])
    }

    @Test func numbersAndWhiteSpace() {
        #expect(sentences("  It cost 3.5 million.  Then 2 more.\n") == ["It cost 3.5 million.", "Then 2 more."])
        #expect(sentences("") == [])
        #expect(sentences("No stop at all") == ["No stop at all"])
    }

    @Test func decimalAndThousandsSeparatorsNeverEndASentence() {
        #expect(sentences("Over 340,000 people died; 1.5 million fled. IS held 8.5 per cent. Done")
            == ["Over 340,000 people died; 1.5 million fled.", "IS held 8.5 per cent.", "Done"])
        #expect(sentences("It cost 1.234.567,89 euros in Europe. Then") == ["It cost 1.234.567,89 euros in Europe.", "Then"])
    }

    @Test func quotationsEndWithTheirSentenceOrContinueIt() {
        #expect(sentences(#""Is it over?" he asked. "Yes!" he said."#) == [#""Is it over?" he asked."#, #""Yes!" he said."#])
        #expect(sentences("‘It is over.’ The Observatory disagreed.") == ["‘It is over.’", "The Observatory disagreed."])
        #expect(sentences("(It held. Mostly.) Then more.") == ["(It held.", "Mostly.)", "Then more."])
    }
}
