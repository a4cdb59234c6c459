/// What the site check needs of one HTML page, read once from its bytes:
/// where its internal links lead, the ids it defines and whether it has a
/// title. It depends only on the page's path and bytes, so it can be kept
/// while they stay the same.
public struct PageLinks: Sendable, Hashable {
    /// One internal link of the page.
    public struct Link: Sendable, Hashable {
        /// Where it leads: an index into `targets`.
        public var target: Int
        /// The fragment after `#`, percent-decoded; nil when there is no `#`.
        public var fragment: String?
        /// The attribute's value in the page's bytes, as written.
        public var value: Range<Int>
    }

    /// Where an internal link leads.
    public enum Target: Sendable, Hashable {
        /// A file's path from the site's root (a folder's is its `index.html`).
        case file(String)
        /// Above the site's root.
        case outsideSite
        /// A path from the server's root (`/…`), which leads elsewhere when
        /// the site is opened from disk or published under a sub-path.
        case serverRoot
    }

    /// The page's `<title>`.
    public enum Title: Sendable, Hashable {
        case present
        /// A title with no text; its tag starts at this byte.
        case empty(at: Int)
        case missing
    }

    /// Where the page's links lead, each path as written once, in order
    /// of first appearance. A page links to the same few places again and
    /// again, so each is resolved and looked up once.
    public var targets: [Target] = []
    /// The internal links, in document order. Links with a scheme
    /// (`https:`, `mailto:` …), protocol-relative links (`//host`)
    /// and `href="#"` are not kept.
    public var links: [Link] = []
    /// Every `id` in the page, and every `name` of an `<a>`.
    public var ids: Set<String> = []
    public var title: Title

    /// Reads the page at `path` (from the site's root) with these bytes.
    public init(path: String, contents: [UInt8]) {
        let scanned = HTMLScanner.scan(contents)
        title = scanned.title
        let folder = SitePath(folderOf: path)
        var targetIndex: [PathKey: Int] = [:]
        for attribute in scanned.attributes {
            let value = HTMLScanner.decodedValue(contents, attribute.value)
            switch attribute.name {
            case .id, .anchorName:
                if !value.isEmpty { ids.insert(String(decoding: value, as: UTF8.self)) }
            case .href, .src:
                guard let (linkPath, fragment) = Self.internalReference(value) else { continue }
                let index: Int
                if let known = targetIndex[PathKey(bytes: linkPath)] {
                    index = known
                } else {
                    index = targets.count
                    targets.append(Self.resolve(linkPath, page: path, folder: folder))
                    targetIndex[PathKey(bytes: linkPath)] = index
                }
                let decodedFragment = fragment.map { String(decoding: Self.percentDecoded($0), as: UTF8.self) }
                links.append(Link(target: index, fragment: decodedFragment, value: attribute.value))
            }
        }
    }

    /// The path (without its query) and the fragment of an internal link,
    /// white space around it ignored; nil for an external link or `#` alone.
    static func internalReference(_ url: ArraySlice<UInt8>) -> (path: ArraySlice<UInt8>, fragment: ArraySlice<UInt8>?)? {
        guard let first = url.firstIndex(where: { !isSpace($0) }), let last = url.lastIndex(where: { !isSpace($0) }) else { return nil }
        let url = url[first...last]
        guard !url.elementsEqual("#".utf8), !url.starts(with: "//".utf8), !hasScheme(url) else { return nil }
        let hash = url.firstIndex(of: UInt8(ascii: "#"))
        let beforeHash = url[..<(hash ?? url.endIndex)]
        let path = beforeHash[..<(beforeHash.firstIndex(of: UInt8(ascii: "?")) ?? beforeHash.endIndex)]
        return (path, hash.map { url[($0 + 1)...] })
    }

    /// Where a link's `path`, found on the page at `page` in `folder`,
    /// leads; each segment is percent-decoded.
    static func resolve(_ path: ArraySlice<UInt8>, page: String, folder: SitePath) -> Target {
        if path.isEmpty { return .file(page) }
        if path.first == UInt8(ascii: "/") { return .serverRoot }
        var resolved = folder
        resolved.reserveCapacity(forMore: path.count)
        var start = path.startIndex
        while true {
            let end = path[start...].firstIndex(of: UInt8(ascii: "/")) ?? path.endIndex
            let part = path[start..<end]
            let isLast = end == path.endIndex
            let isDot = part.elementsEqual(".".utf8), isDotDot = part.elementsEqual("..".utf8)
            if isDotDot {
                guard resolved.dropLastSegment() else { return .outsideSite }
            } else if !isDot && !(isLast && part.isEmpty) {
                resolved.append(part)
            }
            if isLast {
                if part.isEmpty || isDot || isDotDot { resolved.append(ArraySlice("index.html".utf8)) }  // a folder
                return .file(resolved.text)
            }
            start = end + 1
        }
    }

    /// Whether `url` starts with a scheme (`https:`, `mailto:` …): a
    /// letter, then letters, digits, `+`, `-` or `.`, then `:`.
    private static func hasScheme(_ url: ArraySlice<UInt8>) -> Bool {
        guard let first = url.first, isASCIILetter(first) else { return false }
        for byte in url.dropFirst() {
            if byte == UInt8(ascii: ":") { return true }
            guard isASCIILetter(byte) || isDigit(byte) || byte == UInt8(ascii: "+")
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { return false }
        }
        return false
    }

    /// The bytes with each `%` and two hex digits replaced by the byte they
    /// stand for; any other `%` is kept.
    static func percentDecoded(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var decoded: [UInt8] = []
        appendPercentDecoded(text, to: &decoded)
        return decoded
    }

    /// Appends `text` to `output`, percent-decoded.
    static func appendPercentDecoded(_ text: ArraySlice<UInt8>, to output: inout [UInt8]) {
        guard text.contains(UInt8(ascii: "%")) else { return output.append(contentsOf: text) }
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == UInt8(ascii: "%"), index + 2 < text.endIndex,
               let high = hexValue(text[index + 1]), let low = hexValue(text[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(text[index])
                index += 1
            }
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        if isDigit(byte) { return byte - UInt8(ascii: "0") }
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f") ? lower - UInt8(ascii: "a") + 10 : nil
    }
}

/// A path from the site's root, built a segment at a time in one buffer as
/// a link is resolved.
struct SitePath {
    private var bytes: [UInt8] = []
    /// Where each segment starts in `bytes`.
    private var starts: [Int] = []

    /// The folder of the page at `page`: its path without the file name.
    init(folderOf page: String) {
        for segment in Array(page.utf8).split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropLast() {
            append(segment, percentDecoding: false)
        }
    }

    /// Makes room for `count` more bytes (and as many segments at most),
    /// so that a link is resolved in one buffer of each.
    mutating func reserveCapacity(forMore count: Int) {
        bytes.reserveCapacity(bytes.count + count + "/index.html".utf8.count)
        starts.reserveCapacity(starts.count + count + 1)
    }

    /// The segments joined by `/`.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Adds a segment, percent-decoded unless told otherwise.
    mutating func append(_ segment: ArraySlice<UInt8>, percentDecoding: Bool = true) {
        if !starts.isEmpty { bytes.append(UInt8(ascii: "/")) }
        starts.append(bytes.count)
        if percentDecoding {
            PageLinks.appendPercentDecoded(segment, to: &bytes)
        } else {
            bytes.append(contentsOf: segment)
        }
    }

    /// Drops the last segment; false when there is none (the site's root).
    mutating func dropLastSegment() -> Bool {
        guard let start = starts.popLast() else { return false }
        bytes.removeSubrange(max(0, start - 1)...)
        return true
    }
}

/// A link's path as written, hashed in one go (an `ArraySlice`'s own hash
/// takes a byte at a time).
private struct PathKey: Hashable {
    var bytes: ArraySlice<UInt8>

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
