import DossierCore
import DossierLoad
import Testing

private let claimPath = "content/claims/x.md"

/// Parses a claim file made of `frontMatter` between `---` lines and `body`.
private func parse(_ frontMatter: String, body: String = "") -> (Claim?, [Diagnostic]) {
    ContentFile.claim("---\n\(frontMatter)\n---\n\(body)", path: claimPath, slug: "x")
}

/// The diagnostics, printed, of a claim file that must not parse.
private func claimErrors(_ frontMatter: String) -> [String] {
    let (claim, problems) = parse(frontMatter)
    #expect(claim == nil, "expected no claim for \(frontMatter.debugDescription)")
    #expect(problems.containsErrors)
    return problems.map { String(describing: $0) }
}

@Suite struct ClaimFileTests {
    @Test func fullFileParsesIntoTheClaimWithEveryFieldAndItsLines() throws {
        let (claim, problems) = parse("""
            claim: Syria has been completely liberated from Islamic State
            claimant: [russian-ministry-of-defence, valery-gerasimov]
            date: 2017-12-07
            verdict: Contested
            quotes:
              - completely liberated
              - "not a single settlement"
            disputed_by:
              - still holds about eight percent
            related: [putin-complete-defeat]
            """, body: "The Observatory disagreed.\n")
        #expect(problems.isEmpty)
        let parsed = try #require(claim)
        #expect(parsed.statement == "Syria has been completely liberated from Islamic State")
        #expect(parsed.claimants == ["russian-ministry-of-defence", "valery-gerasimov"])
        #expect(parsed.date == CalendarDate(year: 2017, month: 12, day: 7))
        #expect(parsed.verdict == "Contested")
        #expect(parsed.quotes.map(\.text) == ["completely liberated", "not a single settlement"])
        #expect(parsed.quotes.map(\.location.line) == [7, 8])
        #expect(parsed.disputedBy == [ClaimPhrase("still holds about eight percent",
                                                  at: SourceLocation(path: claimPath, line: 10, column: 5))])
        #expect(parsed.related == ["putin-complete-defeat"])
        #expect(parsed.claimantLocations.map(\.line) == [3, 3])
        #expect(parsed.analysis == "The Observatory disagreed.\n")
    }

    @Test func aSingleClaimantMayBeWrittenWithoutAList() throws {
        let (claim, problems) = parse("claim: It is over\nclaimant: vladimir-putin")
        #expect(problems.isEmpty)
        #expect(claim?.claimants == ["vladimir-putin"])
        #expect(claim?.claimantLocations == [SourceLocation(path: claimPath, line: 3, column: 11)])
    }

    @Test func badFieldsAreErrorsAtTheirLines() {
        #expect(claimErrors("claimant: russia") == ["content/claims/x.md:1:1: error: missing required key 'claim'"])
        #expect(claimErrors("claim: \"  \"") == ["content/claims/x.md:2:8: error: 'claim' must not be empty"])
        #expect(claimErrors("claim: A\ndate: 7 December") == [
            "content/claims/x.md:3:7: error: 'date' must be a day written YYYY-MM-DD, found '7 December'"])
        #expect(claimErrors("claim: A\nclaimant: [Vladimir Putin]") == [
            "content/claims/x.md:3:12: error: 'claimant' must list slugs (file names without .md), found 'Vladimir Putin'"])
        #expect(claimErrors("claim: A\nquotes: [\"\"]") == ["content/claims/x.md:3:10: error: a phrase in 'quotes' must not be empty"])
        #expect(claimErrors("claim: A\nverdict: [1, 2]").count == 1)
        #expect(claimErrors("claim: A\nsource: x") == [
            "content/claims/x.md:3:1: error: unknown key 'source' (expected one of: claim, claimant, date, verdict, quotes, disputed_by, related)"])
    }

    @Test func aSlugListedTwiceIsAWarningAndKeptOnce() {
        let (claim, problems) = parse("claim: A\nclaimant: [russia, russia]")
        #expect(claim?.claimants == ["russia"])
        #expect(problems.map { String(describing: $0) } == ["content/claims/x.md:3:20: warning: 'russia' is listed twice"])
    }

    @Test func unknownClaimantsAndRelatedClaimsAreErrorsAndDroppedSoTheClaimStillBuilds() {
        let path = "content/claims/a.md"
        let claim = Claim(slug: "a", statement: "A", claimants: ["russia", "nobody"], related: ["b", "ghost", "a"],
                          path: path,
                          claimantLocations: [SourceLocation(path: path, line: 3, column: 12), SourceLocation(path: path, line: 3, column: 20)],
                          relatedLocations: (0..<3).map { SourceLocation(path: path, line: 5 + $0, column: 5) })
        let (resolved, problems) = ContentFile.resolveClaimReferences(
            [claim, Claim(slug: "b", statement: "B")], entities: [Entity(slug: "russia", name: "Russia")])
        #expect(resolved.map(\.claimants) == [["russia"], []])
        #expect(resolved.map(\.related) == [["b"], []])
        #expect(resolved[0].relatedLocations.map(\.line) == [5])
        #expect(problems.map { String(describing: $0) } == [
            "content/claims/a.md:3:20: error: unknown claimant 'nobody': no content/entities/nobody.md",
            "content/claims/a.md:6:5: error: unknown related claim 'ghost': no content/claims/ghost.md",
            "content/claims/a.md:7:5: error: a claim cannot be related to itself",
        ])
    }
}
