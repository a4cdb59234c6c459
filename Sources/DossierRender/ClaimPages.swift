import CommonMark
import DossierAnalyse
import DossierCore
import MustacheTemplates

/// The template data of claim pages, the claims index, the sources page
/// and the claim parts of article and entity pages. Like ``PageContext``,
/// every value is text the templates escape, except HTML rendered by cmark
/// in safe mode.
extension PageContext {
    /// The claims index: every claim with its claimants, verdict and counts.
    func claimsIndex() -> TemplateObject {
        var page = frame(title: "Claims", depth: 1, section: "claims")
        page["claims"] = .list(dossier.claims.map { .object(claimSummary($0)) })
        page["claimCount"] = .int(dossier.claims.count)
        return page
    }

    /// What lists of claims show of each; `folder` leads from the page to claims/.
    func claimSummary(_ analysed: AnalysedClaim, folder: String = "") -> TemplateObject {
        let claim = analysed.claim
        let claimants = claim.claimants.compactMap(dossier.entity).map(\.entity.name)
        // Absent values are `false`, not missing, so a section never falls back to an outer page's value.
        return [
            "slug": .string(claim.slug), "statement": .string(claim.statement), "url": "\(folder)\(claim.slug).html",
            "claimantNames": claimants.isEmpty ? false : .string(claimants.joined(separator: ", ")),
            "sourcesText": .string(sourcesText(analysed)),
            "disputesText": analysed.disputes.isEmpty ? false
                : "contested by \(counted(analysed.disputingSourceCount, "source")) in \(counted(analysed.disputes.count, "sentence"))",
            "verdict": claim.verdict ?? false, "date": claim.date.map(date) ?? false,
        ]
    }

    /// "Reported by 3 sources (2 independent)".
    func sourcesText(_ analysed: AnalysedClaim) -> String {
        guard analysed.sourceCount > 0 else { return "Reported by no source" }
        let independent = analysed.independentSourceCount == analysed.sourceCount
            ? (analysed.sourceCount == 1 ? "" : ", all independent") : " (\(analysed.independentSourceCount) independent)"
        return "Reported by \(counted(analysed.sourceCount, "source"))\(independent)"
    }

    /// A claim's page: the statement, who made it, the curator's verdict and
    /// analysis, every sentence that reports or contests it, and related claims.
    /// `figureTables` are the dossier's figure groups as tables, by slug.
    func claim(_ analysed: AnalysedClaim, analysisHTML: String, figureTables: [String: TemplateValue]) -> TemplateObject {
        let claim = analysed.claim
        var page = frame(title: claim.statement, depth: 1, section: "claims")
        page["pageDescription"] = .string(claim.statement)
        var data = claimSummary(analysed)
        data["claimants"] = .list(claim.claimants.compactMap(dossier.entity).map(entityLink))
        data["about"] = .list(analysed.about.compactMap(dossier.entity).map(entityLink))
        if !analysisHTML.isEmpty { data["analysis"] = .string(analysisHTML) }
        data["reportsList"] = .list(analysed.reports.compactMap(appearance))
        data["disputesList"] = .list(analysed.disputes.compactMap(appearance))
        data["related"] = .list(claim.related.compactMap(dossier.claim).map { .object(claimSummary($0)) })
        data["figures"] = .list(analysed.figures.compactMap { figureTables[$0] })
        page["claim"] = .object(data)
        page["jsonLD"] = .string(LinkedData.claim(analysed, dossier: dossier))
        return page
    }

    /// An entity's name and page, from a claim's page.
    private func entityLink(_ analysed: AnalysedEntity) -> TemplateValue {
        ["name": .string(analysed.entity.name), "url": "../\(SiteRenderer.pagePath(ofEntity: analysed.entity.slug))"]
    }

    /// One sentence of an article that carries or contests a claim, linking
    /// to it on the article's page.
    private func appearance(_ appearance: ClaimAppearance) -> TemplateValue? {
        guard let position = dossier.articlePosition(appearance.article) else { return nil }
        var item = TemplateObject(extending: summary(at: position))
        item["sentence"] = .string(appearance.text)
        item["url"] = "../\(SiteRenderer.pagePath(ofArticle: appearance.article))#\(appearance.anchor)"
        item["articleURL"] = "../\(SiteRenderer.pagePath(ofArticle: appearance.article))"
        return .object(item)
    }

    /// The sources page: each outlet with its articles and the claims they
    /// report. Articles of unknown outlet come last, under one heading.
    func sourcesIndex() -> TemplateObject {
        var page = frame(title: "Sources", depth: 1, section: "sources")
        // Articles by position: grouping the articles themselves would copy each.
        let byOutlet = Dictionary(grouping: dossier.articles.indices) { dossier.articles[$0].article.metadata.outlet }
        let named = byOutlet.keys.compactMap { $0 }.sorted { $0.lowercased() < $1.lowercased() }
        page["outlets"] = .list((named.map(Optional.some) + (byOutlet[nil] == nil ? [] : [nil])).map { outlet -> TemplateValue in
            let positions = byOutlet[outlet]!
            let claimed = { (stance: ClaimStance) in
                Set(positions.flatMap { self.dossier.articles[$0].claimAppearances.filter { $0.stance == stance }.map(\.claim) })
            }
            let (reported, disputed) = (claimed(.reports), claimed(.disputes))
            var item: TemplateObject = [
                "name": .string(outlet ?? "Outlet not known"), "known": .bool(outlet != nil),
                "articles": .list(positions.map { .object(summary(at: $0)) }),
                "articlesText": .string(counted(positions.count, "article")),
                "reportedClaims": .list(reported.sorted().compactMap(dossier.claim).map { .object(claimSummary($0, folder: "../claims/")) }),
                "contestedClaims": .list(disputed.sorted().compactMap(dossier.claim).map { .object(claimSummary($0, folder: "../claims/")) }),
            ]
            item["id"] = .string(outlet.map { "outlet-\(Slug.make(from: $0))" } ?? "outlet-unknown")
            return .object(item)
        })
        return page
    }

    /// The claims an article reports or contests, in order of first appearance.
    func articleClaims(_ analysed: AnalysedArticle) -> [TemplateValue] {
        var seen = Set<String>()
        return analysed.claimAppearances.compactMap { appearance -> TemplateValue? in
            guard seen.insert(appearance.claim).inserted, let claim = dossier.claim(appearance.claim) else { return nil }
            var item = claimSummary(claim, folder: "../claims/")
            item["anchor"] = "#\(appearance.anchor)"
            item["contests"] = .bool(appearance.stance == .disputes)
            return .object(item)
        }
    }

    /// The markup around each sentence that carries or contests a claim:
    /// a span with the sentence's anchor, ending in a small link to the
    /// claim's page. Claim spans hold the mention spans inside them, so
    /// these wraps go before the mention wraps.
    func claimWraps(_ analysed: AnalysedArticle) -> [InlineWrap] {
        analysed.claimAppearances.compactMap { appearance in
            guard let claim = dossier.claim(appearance.claim)?.claim else { return nil }
            let disputes = appearance.stance == .disputes
            let href = "../\(SiteRenderer.pagePath(ofClaim: claim.slug))".markupEscaped
            let label = disputes ? "disputes" : "claim"
            let title = (disputes ? "Disputes: " : "Claim: ") + claim.statement
            return InlineWrap(
                span: appearance.span,
                enter: #"<span class="claim\#(disputes ? " disputes" : "")" id="\#(appearance.anchor.markupEscaped)">"#,
                exit: #" <a class="claim-ref" href="\#(href)" title="\#(title.markupEscaped)">\#(label)</a></span>"#)
        }
    }

    /// The passages an article shares with articles of other outlets, each
    /// with the other articles that carry it. Every article page has the
    /// same id for a passage (`passage-<n>`), so the links go both ways.
    func sharedPassages(_ analysed: AnalysedArticle) -> [TemplateValue] {
        dossier.passages(in: analysed.article.slug).map { number in
            let passage = dossier.passages[number]
            let others = passage.copies.map(\.article).filter { $0 != analysed.article.slug }
            return [
                "id": "passage-\(number + 1)", "text": .string(passage.text), "verbatim": .bool(passage.match == .verbatim),
                "alsoIn": .list(others.compactMap { other -> TemplateValue? in
                    guard let position = dossier.articlePosition(other) else { return nil }
                    var item = TemplateObject(extending: summary(at: position))
                    item["url"] = "../\(SiteRenderer.pagePath(ofArticle: other))#passage-\(number + 1)"
                    return .object(item)
                }),
            ]
        }
    }

    /// The claims an entity made and the claims about it, for its page.
    func entityClaims(_ analysed: AnalysedEntity) -> (made: TemplateValue, about: TemplateValue) {
        (.list(analysed.claimsMade.compactMap(dossier.claim).map { .object(claimSummary($0, folder: "../claims/")) }),
         .list(analysed.claimsAbout.compactMap(dossier.claim).map { .object(claimSummary($0, folder: "../claims/")) }))
    }
}
