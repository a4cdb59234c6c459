import CommonMark
@testable import DossierAnalyse
import DossierCore
import DossierIngest
import Testing

/// The mentions of `entities` in `markdown`.
private func mentions(_ markdown: String, _ entities: [Entity]) -> [Mention] {
    EntityIndex(entities: entities).mentions(in: MarkdownDocument(parsing: markdown))
}

/// The texts of the mentions of `entities` in `markdown`, as found.
private func found(_ markdown: String, _ entities: [Entity]) -> [String] {
    mentions(markdown, entities).map(\.context.text)
}

/// The HTML of `markdown` with every mention of `entities` in brackets.
private func bracketed(_ markdown: String, _ entities: [Entity]) -> String {
    let document = MarkdownDocument(parsing: markdown)
    let found = EntityIndex(entities: entities).mentions(in: document)
    document.wrap(found.map { InlineWrap(span: $0.span, enter: "[", exit: "]") })
    return document.html()
}

private let putin = Entity(slug: "putin", name: "Vladimir Putin", kind: .person, aliases: ["Putin"])

/// An article dated `date` (`YYYY-MM-DD`), or undated.
private func article(_ slug: String, _ date: String?, _ body: String) -> Article {
    Article(slug: slug, metadata: ArticleMetadata(title: slug, date: date.flatMap { CalendarDate(iso: $0) }),
            body: body, path: "content/articles/\(slug).md")
}

/// An entity with locations as if read from its file: name on line 2,
/// aliases from line 4.
private func entity(_ slug: String, _ name: String, aliases: [String] = []) -> Entity {
    let path = "content/entities/\(slug).md"
    return Entity(slug: slug, name: name, aliases: aliases, path: path,
                  nameLocation: SourceLocation(path: path, line: 2, column: 7),
                  aliasLocations: aliases.indices.map { SourceLocation(path: path, line: 4 + $0, column: 5) })
}

@Suite struct EntityMentionTests {
    // MARK: - Where mentions are looked for

    @Test func paragraphsListItemsAndQuotesAreSearchedButNotHeadingsCodeLinksOrImages() {
        let markdown = """
            # Putin in a heading

            Putin in a paragraph.

            - Putin in a list

            > Putin in a quote

                Putin in indented code

            ~~~
            Putin in fenced code
            ~~~

            Here `Putin` is code, [Putin](https://example.org) a link and ![Putin](p.png) an image.
            """
        #expect(mentions(markdown, [putin]).map(\.paragraph) == [0, 1, 2])
        #expect(bracketed(markdown, [putin]) == """
            <h1>Putin in a heading</h1>
            <p>[Putin] in a paragraph.</p>
            <ul>
            <li>[Putin] in a list</li>
            </ul>
            <blockquote>
            <p>[Putin] in a quote</p>
            </blockquote>
            <pre><code>Putin in indented code
            </code></pre>
            <pre><code>Putin in fenced code
            </code></pre>
            <p>Here <code>Putin</code> is code, <a href="https://example.org">Putin</a> a link and <img src="p.png" alt="Putin" /> an image.</p>

            """)
    }

    @Test func aMentionMayCrossASoftBreak() {
        let islamicState = Entity(slug: "islamic-state", name: "Islamic State")
        #expect(found("Fighters of the Islamic\nState fled.", [islamicState]) == ["Islamic State"])
        #expect(bracketed("Fighters of the Islamic\nState fled.", [islamicState])
            == "<p>Fighters of the [Islamic\nState] fled.</p>\n")
    }

    @Test func aMentionMayNotCrossAHardBreak() {
        let islamicState = Entity(slug: "islamic-state", name: "Islamic State")
        #expect(found("Fighters of the Islamic\\\nState fled.", [islamicState]).isEmpty)
    }

    @Test func aMentionInsideEmphasisIsFound() {
        #expect(found("Then *Putin* spoke and **Vladimir Putin** left.", [putin]) == ["Putin", "Vladimir Putin"])
        #expect(bracketed("Then *Putin* spoke and **Vladimir Putin** left.", [putin])
            == "<p>Then <em>[Putin]</em> spoke and <strong>[Vladimir Putin]</strong> left.</p>\n")
    }

    @Test func aMentionThatStartsInsideEmphasisAndEndsOutsideIsNotFound() {
        let fullName = Entity(slug: "putin", name: "Vladimir Putin")
        #expect(found("Then *Vladimir* Putin spoke.", [fullName]).isEmpty)
        #expect(bracketed("Then *Vladimir* Putin spoke.", [fullName]) == "<p>Then <em>Vladimir</em> Putin spoke.</p>\n")
    }

    @Test func textSplitIntoSeveralNodesStillMatches() {
        let daesh = Entity(slug: "daesh", name: "Daesh")
        #expect(found("ISIL \\[Daesh\\] fighters", [daesh]) == ["Daesh"])
        #expect(bracketed("ISIL \\[Daesh\\] fighters", [daesh]) == "<p>ISIL [[Daesh]] fighters</p>\n")

        let att = Entity(slug: "att", name: "AT&T")
        #expect(found("Then AT&amp;T and AT&T said", [att]) == ["AT&T", "AT&T"])
        #expect(bracketed("Then AT&amp;T and AT&T said", [att]) == "<p>Then [AT&amp;T] and [AT&amp;T] said</p>\n")
    }

    // MARK: - Apostrophes

    @Test func aliasWithAStraightApostropheMatchesACurlyOne() throws {
        let syria = Entity(slug: "syria", name: "Syria", aliases: ["Syria's delegation"])
        let found = mentions("Syria’s delegation left; Syria's delegation stayed.", [syria])
        #expect(found.map(\.context.text) == ["Syria’s delegation", "Syria's delegation"])
        #expect(found.map(\.name) == ["Syria's delegation", "Syria's delegation"])
        #expect(found.map(\.ordinal) == [1, 2])
    }

    @Test func possessiveWithACurlyApostropheMatchesTheBareName() {
        let assad = Entity(slug: "assad", name: "Bashar al-Assad", aliases: ["Assad"])
        #expect(found("Assad’s forces and Assad's allies", [assad]) == ["Assad", "Assad"])
        #expect(bracketed("Assad’s forces", [assad]) == "<p>[Assad]’s forces</p>\n")
    }

    // MARK: - Overlapping names

    @Test func theLongestNameWinsAcrossEntities() {
        let un = Entity(slug: "un", name: "United Nations")
        let council = Entity(slug: "security-council", name: "United Nations Security Council")
        for entities in [[un, council], [council, un]] {
            let found = mentions("the United Nations Security Council met", entities)
            #expect(found.map(\.entity) == ["security-council"])
            #expect(found.map(\.name) == ["United Nations Security Council"])
        }
    }

    // MARK: - What a mention records

    @Test func mentionRecordsEntityNameOrdinalParagraphAnchorAndSentence() {
        let sochi = Entity(slug: "sochi", name: "Sochi")
        let found = mentions("First one. Then Putin spoke in Sochi. Last.\n\nNothing here.\n\nVladimir Putin and Sochi; Putin again.",
                             [putin, sochi])
        #expect(found.map(\.entity) == ["putin", "sochi", "putin", "sochi", "putin"])
        #expect(found.map(\.name) == ["Putin", "Sochi", "Vladimir Putin", "Sochi", "Putin"])
        #expect(found.map(\.ordinal) == [1, 1, 2, 2, 3])
        #expect(found.map(\.paragraph) == [0, 0, 2, 2, 2])
        #expect(found.map(\.anchor)
            == ["mention-putin-1", "mention-sochi-1", "mention-putin-2", "mention-sochi-2", "mention-putin-3"])
        #expect(found.map(\.context) == [
            MentionContext(before: "Then ", text: "Putin", after: " spoke in Sochi."),
            MentionContext(before: "Then Putin spoke in ", text: "Sochi", after: "."),
            MentionContext(before: "", text: "Vladimir Putin", after: " and Sochi; Putin again."),
            MentionContext(before: "Vladimir Putin and ", text: "Sochi", after: "; Putin again."),
            MentionContext(before: "Vladimir Putin and Sochi; ", text: "Putin", after: " again."),
        ])
    }

    @Test func contextOfAMentionAcrossASoftBreakReadsItAsASpace() throws {
        let found = try #require(mentions("He said. Vladimir\nPutin spoke. End.", [putin]).first)
        #expect(found.context == MentionContext(before: "", text: "Vladimir Putin", after: " spoke."))
        #expect(found.name == "Vladimir Putin")
    }

    @Test func contextOfALongSentenceIsClippedAtAWord() throws {
        let text = String(repeating: "word ", count: 50) + "Putin spoke."
        let found = try #require(mentions(text, [putin]).first)
        #expect(found.context == MentionContext(before: "… " + String(repeating: "word ", count: 39), text: "Putin",
                                                after: " spoke."))
    }

    @Test func contextClippedInTextWithoutSpacesKeepsWholeCharacters() throws {
        // No space to cut at within 200 bytes on either side: the cut must
        // still fall between characters, not inside a UTF-8 sequence.
        let text = String(repeating: "据报道，", count: 20) + "“普京”" + String(repeating: "表示，", count: 30) + "。"
        let found = try #require(mentions(text, [Entity(slug: "putin", name: "普京")]).first)
        #expect(found.context.text == "普京")
        #expect(found.context.before.hasPrefix("…"))
        #expect(found.context.after.hasSuffix("…"))
        #expect(!found.context.before.unicodeScalars.contains("\u{FFFD}"), "\(found.context.before.debugDescription)")
        #expect(!found.context.after.unicodeScalars.contains("\u{FFFD}"), "\(found.context.after.debugDescription)")
        #expect(text.contains(found.context.before.trimming("… ")))
        #expect(text.contains(found.context.after.trimming("… ")))
    }

    @Test func bracketsFallExactlyAroundEveryMention() {
        let sochi = Entity(slug: "sochi", name: "Sochi")
        let markdown = """
            First one. Then Putin spoke in Sochi. Last.

            - In *Sochi*, Vladimir
              Putin met [Putin](https://example.org)'s aides.

            > Putin’s Sochi: Sochi\\[Putin\\]
            """
        #expect(bracketed(markdown, [putin, sochi]) == """
            <p>First one. Then [Putin] spoke in [Sochi]. Last.</p>
            <ul>
            <li>In <em>[Sochi]</em>, [Vladimir
            Putin] met <a href="https://example.org">Putin</a>'s aides.</li>
            </ul>
            <blockquote>
            <p>[Putin]’s [Sochi]: [Sochi][[Putin]]</p>
            </blockquote>

            """)
    }

    // MARK: - Analyse.run

    /// Five entities and four articles, given out of order.
    static let content = IngestedContent(
        config: DossierConfig(title: "T"),
        articles: [
            article("c-undated", nil, "Lavrov and Putin spoke."),
            article("b-late", "2017-12-10", "Putin met Assad. Syria was discussed."),
            article("d-mid", "2017-12-09", "Assad spoke about Syria."),
            article("a-early", "2017-12-08", "Putin spoke in Syria.\n\nVladimir Putin again."),
        ],
        entities: [
            entity("assad", "Bashar al-Assad", aliases: ["Assad"]),
            entity("lavrov", "Sergei Lavrov", aliases: ["Lavrov"]),
            entity("putin", "Vladimir Putin", aliases: ["Putin", "President Putin"]),
            entity("shoigu", "Sergei Shoigu"),
            entity("syria", "Syria"),
        ])

    @Test func analysedEntitiesAreSortedBySlug() async {
        let dossier = await Analyse.run(Self.content)
        #expect(dossier.entities.map(\.entity.slug) == ["assad", "lavrov", "putin", "shoigu", "syria"])
        var reversed = Self.content
        reversed.entities.reverse()
        #expect(await Analyse.run(reversed).entities.map(\.entity.slug) == ["assad", "lavrov", "putin", "shoigu", "syria"])
        #expect(dossier.articles.map(\.article.slug) == ["a-early", "d-mid", "b-late", "c-undated"])
    }

    @Test func appearancesAreInReadingOrderWithTheirMentions() async throws {
        let dossier = await Analyse.run(Self.content)
        let putin = try #require(dossier.entity("putin"))
        #expect(putin.appearances.map(\.article) == ["a-early", "b-late", "c-undated"])
        let mentions = try putin.appearances.map { $0.mentions(among: try #require(dossier.article($0.article)).mentions) }
        #expect(mentions.map { $0.map(\.name) } == [["Putin", "Vladimir Putin"], ["Putin"], ["Putin"]])
        #expect(mentions.map { $0.map(\.ordinal) } == [[1, 2], [1], [1]])
        #expect(mentions.map { $0.map(\.paragraph) } == [[0, 1], [0], [0]])
        #expect(mentions.allSatisfy { $0.allSatisfy { $0.entity == "putin" } })
        #expect(putin.mentionCount == 4)
        #expect(try #require(dossier.entity("syria")).appearances.map(\.article) == ["a-early", "d-mid", "b-late"])
        #expect(try #require(dossier.entity("shoigu")).appearances.isEmpty)
    }

    @Test func nameCountsFollowTheEntitysNamesWithZeros() async throws {
        let dossier = await Analyse.run(Self.content)
        #expect(try #require(dossier.entity("putin")).nameCounts == [
            NameCount(name: "Vladimir Putin", count: 1), NameCount(name: "Putin", count: 3),
            NameCount(name: "President Putin", count: 0),
        ])
        #expect(try #require(dossier.entity("lavrov")).nameCounts
            == [NameCount(name: "Sergei Lavrov", count: 0), NameCount(name: "Lavrov", count: 1)])
        #expect(try #require(dossier.entity("shoigu")).nameCounts == [NameCount(name: "Sergei Shoigu", count: 0)])
    }

    @Test func companionsAreCountedInArticlesMostFirstThenBySlug() async throws {
        let dossier = await Analyse.run(Self.content)
        #expect(try #require(dossier.entity("putin")).companions == [
            Companion(entity: "syria", articles: 2), Companion(entity: "assad", articles: 1),
            Companion(entity: "lavrov", articles: 1),
        ])
        #expect(try #require(dossier.entity("syria")).companions
            == [Companion(entity: "assad", articles: 2), Companion(entity: "putin", articles: 2)])
        #expect(try #require(dossier.entity("assad")).companions
            == [Companion(entity: "syria", articles: 2), Companion(entity: "putin", articles: 1)])
        #expect(try #require(dossier.entity("shoigu")).companions.isEmpty)
    }

    @Test func unusedAliasesAndUnmentionedEntitiesAreWarnedAboutOnce() async {
        let dossier = await Analyse.run(Self.content)
        #expect(dossier.diagnostics.map { String(describing: $0) } == [
            "content/entities/putin.md:5:5: warning: alias 'President Putin' matches nothing in any article",
            "content/entities/shoigu.md:2:7: warning: no article mentions 'Sergei Shoigu' or any of its aliases",
        ])
    }

    @Test func loadDiagnosticsComeFirst() async {
        var content = Self.content
        let earlier = Diagnostic.warning(SourceLocation(path: "content/raw/x.txt"), "from load")
        content.diagnostics = [earlier]
        let dossier = await Analyse.run(content)
        #expect(dossier.diagnostics.first == earlier)
        #expect(dossier.diagnostics.count == 3)
    }

    @Test func articleEntitySlugsAreSortedAndUnique() async throws {
        let dossier = await Analyse.run(Self.content)
        #expect(try #require(dossier.article("a-early")).entitySlugs == ["putin", "syria"])
        #expect(try #require(dossier.article("b-late")).entitySlugs == ["assad", "putin", "syria"])
        #expect(try #require(dossier.article("c-undated")).entitySlugs == ["lavrov", "putin"])
        #expect(try #require(dossier.article("a-early")).mentions.map(\.entity) == ["putin", "syria", "putin"])
    }

    @Test func runningTwiceGivesTheSameMentions() async {
        func summary(_ dossier: AnalysedDossier) -> [String] {
            dossier.articles.flatMap { article in
                article.mentions.map { mention in
                    let context = mention.context
                    return "\(article.article.slug) \(mention.entity) \(mention.name) \(mention.ordinal) "
                        + "\(mention.paragraph) [\(context.before)|\(context.text)|\(context.after)]"
                }
            } + dossier.entities.flatMap { entity in
                entity.appearances.map { appearance in
                    let mentions = dossier.article(appearance.article).map { appearance.mentions(among: $0.mentions) } ?? []
                    return "\(entity.entity.slug) in \(appearance.article): \(mentions.map(\.anchor))"
                }
            }
        }
        let first = summary(await Analyse.run(Self.content))
        let second = summary(await Analyse.run(Self.content))
        #expect(first.count == 19)
        #expect(first == second)
    }
}
