import CommonMark
import DossierAnalyse
import DossierCore
import MustacheTemplates

/// The template data of entity pages, the entities index and the entity
/// parts of article pages. Like ``PageContext``, every value is text the
/// templates escape, except HTML rendered by cmark in safe mode.
extension PageContext {
    /// The entities index: entities grouped by kind, most mentioned first.
    func entitiesIndex() -> TemplateObject {
        var page = frame(title: "Entities", depth: 1, section: "entities")
        let byKind = Dictionary(grouping: dossier.entities, by: \.entity.kind)
        page["kinds"] = .list(EntityKind.allCases.compactMap { kind -> TemplateValue? in
            guard let entities = byKind[kind] else { return nil }
            let ranked = entities.sorted(by: Self.moreMentioned)
            return ["label": .string(Self.pluralLabel(kind)), "kind": .string(kind.rawValue),
                    "entities": .list(ranked.map { .object(entitySummary($0)) })]
        })
        page["entityCount"] = .int(dossier.entities.count)
        let overview = EntityGraph.overview(of: dossier.entities.map(Self.graphNode))
        page["graph"] = overview.svg(id: "entity-graph", title: "The \(overview.nodes.count) most mentioned entities, "
                                     + "linked when articles name both") ?? false
        return page
    }

    /// An entity as a node of the entity graphs.
    static func graphNode(_ analysed: AnalysedEntity) -> EntityGraph.Node {
        EntityGraph.Node(slug: analysed.entity.slug, name: analysed.entity.name, kind: analysed.entity.kind,
                         mentions: analysed.mentionCount, companions: analysed.companions)
    }

    /// The `count` most mentioned entities, for the front page.
    func mostMentioned(_ count: Int) -> TemplateValue {
        .list(dossier.entities.filter { $0.mentionCount > 0 }.sorted(by: Self.moreMentioned).prefix(count)
            .map { .object(entitySummary($0, folder: "entities/")) })
    }

    /// Most mentioned first, then by name.
    static func moreMentioned(_ a: AnalysedEntity, _ b: AnalysedEntity) -> Bool {
        (b.mentionCount, a.entity.name) < (a.mentionCount, b.entity.name)
    }

    /// What lists of entities show of each; `folder` leads from the page to entities/.
    func entitySummary(_ analysed: AnalysedEntity, folder: String = "") -> TemplateObject {
        var summary: TemplateObject = [
            "slug": .string(analysed.entity.slug), "name": .string(analysed.entity.name),
            "url": "\(folder)\(analysed.entity.slug).html",
            "mentions": .int(analysed.mentionCount), "articles": .int(analysed.appearances.count),
            "mentionsText": .string(counted(analysed.mentionCount, "mention")),
            "articlesText": .string(counted(analysed.appearances.count, "article")),
        ]
        summary["description"] = analysed.entity.description.map(TemplateValue.string)
        return summary
    }

    /// An entity's page: who or what it is, its mentions in context in the
    /// first ``appearancesInContext`` articles that name it and the other
    /// articles by title, and the entities named with it.
    func entity(_ analysed: AnalysedEntity, notesHTML: String) -> TemplateObject {
        let entity = analysed.entity
        var page = frame(title: entity.name, depth: 1, section: "entities")
        page["pageDescription"] = entity.description.map(TemplateValue.string)
        var data = entitySummary(analysed)
        data["kind"] = ["name": .string(entity.kind.rawValue), "label": .string(Self.label(entity.kind))]
        data["aliases"] = .list(analysed.nameCounts.dropFirst().map { ["name": .string($0.name), "count": .int($0.count)] })
        data["sameAs"] = .list(entity.sameAs.map(TemplateValue.string))
        if !notesHTML.isEmpty { data["notes"] = .string(notesHTML) }
        let inContext = analysed.appearances.prefix(Self.appearancesInContext)
        data["appearances"] = .list(inContext.map { appearance -> TemplateValue in
            let position = appearance.articlePosition
            var item = TemplateObject(extending: summary(at: position))
            item["count"] = .int(appearance.mentionNumbers.count)
            item["countText"] = .string(counted(appearance.mentionNumbers.count, "mention"))
            item["mentions"] = .list(appearance.mentions(among: dossier.articles[position].mentions).map { mention in
                let context = mention.context
                return ["url": "../\(SiteRenderer.pagePath(ofArticle: appearance.article))#\(mention.anchor)", "before": .string(context.before),
                        "text": .string(context.text), "after": .string(context.after)]
            })
            return .object(item)
        })
        let listed = analysed.appearances.dropFirst(inContext.count)
        data["moreAppearances"] = .list(listed.map { appearance -> TemplateValue in
            var item = TemplateObject(extending: summary(at: appearance.articlePosition))
            item["countText"] = .string(counted(appearance.mentionNumbers.count, "mention"))
            return .object(item)
        })
        data["moreAppearancesText"] = .string("\(counted(listed.count, "more article", separatingThousands: true)) name \(entity.name)")
        data["companions"] = .list(analysed.companions.prefix(12).compactMap { companion -> TemplateValue? in
            guard let other = dossier.entityPosition(companion.entity).map({ dossier.entities[$0].entity }) else { return nil }
            return ["name": .string(other.name), "url": "\(other.slug).html", "articles": .int(companion.articles),
                    "articlesText": .string(counted(companion.articles, "article"))]
        })
        let neighbourhood = EntityGraph.neighbourhood(of: Self.graphNode(analysed)) { dossier.entityPosition($0).map { Self.graphNode(dossier.entities[$0]) } }
        data["graph"] = neighbourhood.svg(id: "entity-graph", title: "\(entity.name) and the entities most often named with it") ?? false
        (data["claimsMade"], data["claimsAbout"]) = entityClaims(analysed)
        page["entity"] = .object(data)
        page["jsonLD"] = .string(LinkedData.entity(analysed, config: dossier.config))
        return page
    }

    /// How many of the articles naming an entity its page shows with every
    /// mention in context; it lists the rest by title, so that the page of
    /// an entity named in thousands of articles stays readable and small.
    static let appearancesInContext = 50

    /// The entities an article names, most mentioned first, for its page.
    func namedEntities(_ analysed: AnalysedArticle) -> [TemplateValue] {
        // Counted by sorting the entities' positions, read in place: an article names a few dozen.
        let positions = analysed.mentions.indices.map { analysed.mentions[$0].entityPosition }.sorted()
        var counted: [(name: String, position: Int, count: Int)] = []
        var start = positions.startIndex
        while start < positions.endIndex {
            let end = positions[start...].firstIndex { $0 != positions[start] } ?? positions.endIndex
            counted.append((dossier.entities[positions[start]].entity.name, positions[start], end - start))
            start = end
        }
        return counted
            .sorted { ($1.count, $0.name, $0.position) < ($0.count, $1.name, $1.position) }
            .map { ["name": .string($0.name), "url": .string(entityLinks[$0.position].url), "count": .int($0.count)] }
    }

    /// The markup around each mention in an article's body. The first
    /// mention of an entity in a paragraph links to the entity's page; the
    /// others are only marked, so a paragraph is not a wall of links. Each
    /// carries its anchor, which entity pages link to.
    func mentionWraps(_ analysed: AnalysedArticle) -> [InlineWrap] {
        struct Linked: Hashable {
            var paragraph: Int
            var entity: Int
        }
        var linked = Set<Linked>()  // entities already linked, by paragraph
        // Each mention read where it lies, by its position: a copy would retain its strings and tree nodes.
        let mentions = analysed.mentions
        return mentions.indices.map { index in
            let position = mentions[index].entityPosition
            // Each mention's markup is made in one piece: an article has dozens.
            let link = entityLinks[position]
            let ordinal = String(mentions[index].ordinal)
            guard linked.insert(Linked(paragraph: mentions[index].paragraph, entity: position)).inserted else {
                return InlineWrap(span: mentions[index].span,
                                  enter: String(concatenating: #"<span class="mention" id=""#, link.anchorPrefix, ordinal, #"">"#),
                                  exit: "</span>")
            }
            let attributes = dossier.entities[position].entity.name == mentions[index].name ? link.href : link.hrefAndTitle
            return InlineWrap(span: mentions[index].span,
                              enter: String(concatenating: #"<a class="entity" id=""#, link.anchorPrefix, ordinal, "\"", attributes, ">"),
                              exit: "</a>")
        }
    }

    static func label(_ kind: EntityKind) -> String {
        switch kind {
        case .person: "Person"
        case .organization: "Organisation"
        case .group: "Group"
        case .place: "Place"
        case .other: "Other"
        }
    }

    static func pluralLabel(_ kind: EntityKind) -> String {
        switch kind {
        case .person: "People"
        case .organization: "Organisations"
        case .group: "Groups"
        case .place: "Places"
        case .other: "Other"
        }
    }
}

extension String {
    /// The text escaped for character data and double- or single-quoted
    /// attribute values of HTML, SVG and XML alike, with the control
    /// characters none of them allows left out.
    var markupEscaped: String {
        replacingBytes { bytes, index in
            switch bytes[index] {
            case UInt8(ascii: "&"): ("&amp;", 1)
            case UInt8(ascii: "<"): ("&lt;", 1)
            case UInt8(ascii: ">"): ("&gt;", 1)
            case UInt8(ascii: "\""): ("&quot;", 1)
            case UInt8(ascii: "'"): ("&#39;", 1)
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): nil
            case let byte where byte < 0x20: ("", 1)
            // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not characters.
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (0xBE...0xBF).contains(bytes[index + 2]): ("", 3)
            default: nil
            }
        }
    }
}

/// What the pages one folder down write again and again to link to one
/// entity, made once per build: every article's page names a few dozen
/// entities, and links each mention's markup to one of them.
struct EntityLink: Sendable {
    /// The entity's page, from a page one folder down.
    let url: String
    /// The page's absolute URL, when the dossier has a `base_url`.
    let absoluteURL: String?
    /// A mention's id but for its number (`mention-<slug>-`), escaped.
    let anchorPrefix: String
    /// The attributes of a link to the page, escaped: its `href`, and the
    /// `href` with a `title` naming the entity, for a mention under another name.
    let href: String, hrefAndTitle: String

    init(_ entity: Entity, config: DossierConfig) {
        url = "../\(SiteRenderer.pagePath(ofEntity: entity.slug))"
        absoluteURL = config.absoluteURL(SiteRenderer.pagePath(ofEntity: entity.slug))
        anchorPrefix = "mention-\(entity.slug)-".markupEscaped
        href = String(concatenating: #" href=""#, url.markupEscaped, "\"")
        hrefAndTitle = String(concatenating: href, #" title=""#, entity.name.markupEscaped, "\"")
    }
}
