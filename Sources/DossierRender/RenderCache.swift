import CommonMark
import DossierCore
import MustacheTemplates

/// What render keeps from one build to the next while a dossier is watched,
/// so that a page whose data did not change is not rendered again.
///
/// A page is reused when its template and its data (the context handed to
/// the template) are the same as last time, compared by a fingerprint of
/// the data's bytes; an article's body HTML is reused while the article's
/// analysis is. A fresh cache renders everything, so a build with a cache
/// and one without give the same bytes. A cache made not to keep pages
/// (for a build done once) keeps nothing and spares fingerprinting.
public struct RenderCache: Sendable {
    /// Whether pages and bodies are kept for the next render.
    let keepingPages: Bool
    /// The theme the cached pages were rendered with; another theme drops them.
    var themeFiles: [String: [UInt8]] = [:]
    var pages: [String: RenderedPage] = [:]
    /// Article body HTML by slug, valid for the very document it was
    /// rendered from. Rendering a body transforms its document, so a body
    /// must be kept as long as its analysed article is.
    var bodies: [String: RenderedBody] = [:]

    public init(keepingPages: Bool = true) {
        self.keepingPages = keepingPages
    }

    /// How many pages the last render took from the cache and how many it rendered.
    public internal(set) var reused = 0
    public internal(set) var rendered = 0
}

struct RenderedPage: Sendable {
    /// The fingerprint of the page's data; nil when not kept.
    var fingerprint: Int?
    var file: SiteFile
}

/// A body rendered from `document`, which was transformed (wrapped) for it:
/// the cache holds the document so that its identity stays unique.
struct RenderedBody: Sendable {
    var document: MarkdownDocument
    var html: String
}

/// A fingerprint of a template context: the bytes of every string, number
/// and flag in it, whatever the order of each object's fields. Strings are
/// hashed by their UTF-8 bytes, not as Unicode-equivalent text, because the
/// page must change when the bytes do.
enum ContextFingerprint {
    static func of(template: String, context: TemplateValue) -> Int {
        var hasher = Hasher()
        combine(template, into: &hasher)
        combine(context, into: &hasher)
        return hasher.finalize()
    }

    private static func combine(_ value: TemplateValue, into hasher: inout Hasher) {
        switch value {
        case .string(let text):
            hasher.combine(1 as UInt8)
            combine(text, into: &hasher)
        case .bool(let flag):
            hasher.combine(2 as UInt8)
            hasher.combine(flag)
        case .int(let number):
            hasher.combine(3 as UInt8)
            hasher.combine(number)
        case .object(let object):
            hasher.combine(4 as UInt8)
            // Two equal objects may list their fields in different orders, so
            // each field is hashed on its own and the hashes added up.
            var count = 0, sum = 0
            object.forEachField { name, field in
                var fieldHasher = Hasher()
                combine(name, into: &fieldHasher)
                combine(field, into: &fieldHasher)
                sum &+= fieldHasher.finalize()
                count += 1
            }
            hasher.combine(count)
            hasher.combine(sum)
        case .list(let items):
            hasher.combine(5 as UInt8)
            hasher.combine(items.count)
            for item in items { combine(item, into: &hasher) }
        }
    }

    private static func combine(_ text: String, into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(text.utf8.count)
    }
}
