import DossierCore
import Glibc

/// What the site check needs of one HTML page, read once from its bytes:
/// where its internal links lead, the ids it defines and whether it has a
/// title. It depends only on the page's path and bytes, so it can be kept
/// while they stay the same.
///
/// A check holds this for every page of the site until all are read, so
/// it is compact: the paths, ids and fragments are kept as UTF-8 in one
/// buffer, and the links as 32-bit numbers into it.
public struct PageLinks: Sendable, Hashable {
    /// One internal link of the page.
    public struct Link: Sendable, Hashable {
        private let targetIndex: Int32
        /// The fragment's bytes in the page's `text`; the start is -1 when there is no `#`.
        fileprivate let fragmentStart: Int32, fragmentEnd: Int32
        private let valueStart: Int32, valueEnd: Int32

        fileprivate init(target: Int, fragment: Range<Int>?, value: Range<Int>) {
            targetIndex = Int32(target)
            (fragmentStart, fragmentEnd) = fragment.map { (Int32($0.lowerBound), Int32($0.upperBound)) } ?? (-1, -1)
            (valueStart, valueEnd) = (Int32(value.lowerBound), Int32(value.upperBound))
        }

        /// Where it leads: an index into `targets`.
        public var target: Int { Int(targetIndex) }
        /// The attribute's value in the page's bytes, as written.
        public var value: Range<Int> { Int(valueStart)..<Int(valueEnd) }
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

    /// A run of a page's bytes, read in place.
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// The page's `<title>`.
    public enum Title: Sendable, Hashable {
        case present
        /// A title with no text; its tag starts at this byte.
        case empty(at: Int)
        case missing
    }

    /// A target as kept: a file's path is a range of `text`.
    private enum StoredTarget: Hashable {
        case file(start: Int32, end: Int32)
        case outsideSite, serverRoot
    }

    /// The paths of the targets, the ids and the fragments, as UTF-8, one after another.
    private var text: [UInt8] = []
    private var storedTargets: [StoredTarget] = []
    /// The ids' bytes in `text`, sorted by their bytes, each once.
    private var idRanges: [Range<Int32>] = []
    /// The internal links, in document order. Links with a scheme
    /// (`https:`, `mailto:` …), protocol-relative links (`//host`)
    /// and `href="#"` are not kept.
    public private(set) var links: [Link] = []
    public let title: Title

    /// Reads the page at `path` (from the site's root) with these bytes.
    ///
    /// The page's bytes are read in place, through a pointer: slices of the
    /// array would retain and release it for every attribute of every page.
    public init(path: String, contents: [UInt8]) {
        let scanned = HTMLScanner.scan(contents)
        title = scanned.title
        let folder = SitePath(folderOf: path)
        var resolved = folder
        var targetNumbers = ByteStringNumbers(capacity: 64)  // a page of the site links to a few dozen places
        var ids: [Range<Int32>] = []
        var decoded: [UInt8] = []
        func read(_ attribute: HTMLScanner.Attribute, _ value: Bytes) {
            switch attribute.name {
            case .id, .anchorName:
                if !value.isEmpty { ids.append(append(value)) }
            case .href, .src:
                guard let (linkPath, fragment) = Self.internalReference(value) else { return }
                let (index, isNew) = targetNumbers.add(UnsafeBufferPointer(rebasing: linkPath))
                if isNew {
                    resolved.reset(to: folder)
                    storedTargets.append(store(Self.resolve(linkPath, page: path, into: &resolved)))
                }
                let fragmentRange = fragment.map { fragment in
                    let start = text.count
                    PageLinks.appendPercentDecoded(fragment, to: &text)
                    return start..<text.count
                }
                links.append(Link(target: index, fragment: fragmentRange, value: attribute.value))
            }
        }
        contents.withUnsafeBufferPointer { page in
            for attribute in scanned.attributes {
                let written = page[attribute.value]
                decoded.removeAll(keepingCapacity: true)
                if HTMLScanner.appendDecoded(written, to: &decoded) {
                    decoded.withUnsafeBufferPointer { read(attribute, $0[...]) }
                } else {
                    read(attribute, written)
                }
            }
        }
        idRanges = sortedUnique(ids)
        text.releaseSpareCapacity()
        links.releaseSpareCapacity()
    }

    /// Where the page's links lead, each path as written once, in order
    /// of first appearance. A page links to the same few places again and
    /// again, so each is resolved and looked up once.
    public var targets: [Target] {
        targetPaths.map { target in
            switch target {
            case .file(let path): .file(String(decoding: path, as: UTF8.self))
            case .outsideSite: .outsideSite
            case .serverRoot: .serverRoot
            }
        }
    }

    /// ``targets`` with each file's path as UTF-8, for looking it up without making a string of it.
    var targetPaths: [ResolvedTarget] {
        storedTargets.map { target in
            switch target {
            case .file(let start, let end): .file(text[Int(start)..<Int(end)])
            case .outsideSite: .outsideSite
            case .serverRoot: .serverRoot
            }
        }
    }

    /// The fragment after `#` of `link`, percent-decoded; nil when there is no `#`.
    public func fragment(of link: Link) -> String? {
        hasFragment(link) ? String(decoding: text[Int(link.fragmentStart)..<Int(link.fragmentEnd)], as: UTF8.self) : nil
    }

    /// Whether `link`, a link of this page, has a fragment.
    func hasFragment(_ link: Link) -> Bool { link.fragmentStart >= 0 }

    /// Whether `page` defines the fragment of `link`, a link of this page;
    /// nil when the link has no fragment.
    func fragment(of link: Link, isDefinedIn page: PageLinks) -> Bool? {
        guard hasFragment(link) else { return nil }
        return text.withUnsafeBufferPointer { page.defines(id: UnsafeBufferPointer(rebasing: $0[Int(link.fragmentStart)..<Int(link.fragmentEnd)])) }
    }

    /// Every `id` in the page, and every `name` of an `<a>`.
    public var ids: Set<String> {
        Set(idRanges.map { String(decoding: bytes($0), as: UTF8.self) })
    }

    /// Whether the page has an element with the id (or an `<a>` with the name) `id`.
    public func defines(id: String) -> Bool {
        var id = id
        return id.withUTF8 { defines(id: $0) }
    }

    /// Whether the page defines the id whose UTF-8 is `id`: a binary search
    /// of the sorted ids, comparing bytes in place, for the check of every link of a site.
    private func defines(id: UnsafeBufferPointer<UInt8>) -> Bool {
        text.withUnsafeBufferPointer { text in
            idRanges.withUnsafeBufferPointer { ranges in
                var (low, high) = (0, ranges.count)
                while low < high {
                    let middle = (low + high) / 2
                    let candidate = UnsafeBufferPointer(rebasing: text[Int(ranges[middle].lowerBound)..<Int(ranges[middle].upperBound)])
                    if candidate.elementsEqual(id) { return true }
                    if candidate.lexicographicallyPrecedes(id) { low = middle + 1 } else { high = middle }
                }
                return false
            }
        }
    }

    private func bytes(_ range: Range<Int32>) -> ArraySlice<UInt8> { text[Int(range.lowerBound)..<Int(range.upperBound)] }

    /// Adds `bytes` to `text`; returns where they are.
    private mutating func append(_ bytes: some Collection<UInt8>) -> Range<Int32> {
        let start = text.count
        text.append(contentsOf: bytes)
        return Int32(start)..<Int32(text.count)
    }

    private mutating func store(_ target: ResolvedTarget) -> StoredTarget {
        switch target {
        case .file(let path):
            let range = append(path)
            return .file(start: range.lowerBound, end: range.upperBound)
        case .outsideSite: return .outsideSite
        case .serverRoot: return .serverRoot
        }
    }

    /// `ranges` of `text` sorted by their bytes, without repeats. An
    /// article's page has an id for every mention, so the bytes are
    /// compared in place, with `memcmp`.
    private func sortedUnique(_ ranges: [Range<Int32>]) -> [Range<Int32>] {
        text.withUnsafeBufferPointer { text in
            func order(_ a: Range<Int32>, _ b: Range<Int32>) -> Int {
                let common = Int(min(a.count, b.count))
                let bytes = common == 0 ? 0 : memcmp(text.baseAddress! + Int(a.lowerBound), text.baseAddress! + Int(b.lowerBound), common)
                return bytes != 0 ? Int(bytes) : a.count - b.count
            }
            let sorted = ranges.sorted { order($0, $1) < 0 }
            return sorted.indices.compactMap { index in index > 0 && order(sorted[index - 1], sorted[index]) == 0 ? nil : sorted[index] }
        }
    }

    /// The path (without its query) and the fragment of an internal link,
    /// white space around it ignored; nil for an external link or `#` alone.
    static func internalReference(_ url: Bytes) -> (path: Bytes, fragment: Bytes?)? {
        guard let first = url.firstIndex(where: { !isSpace($0) }), let last = url.lastIndex(where: { !isSpace($0) }) else { return nil }
        let url = url[first...last]
        // Compared byte by byte: generic comparisons with a string's bytes cost more than the rest, for every link.
        let slash = UInt8(ascii: "/")
        guard !(url.count == 1 && url.first == UInt8(ascii: "#")),
              !(url.count >= 2 && url.first == slash && url[url.startIndex + 1] == slash),
              !hasScheme(url) else { return nil }
        let hash = url.firstIndex(ofByte: UInt8(ascii: "#"))
        let beforeHash = url[..<(hash ?? url.endIndex)]
        let path = beforeHash[..<(beforeHash.firstIndex(ofByte: UInt8(ascii: "?")) ?? beforeHash.endIndex)]
        return (path, hash.map { url[($0 + 1)...] })
    }

    /// Where a link leads, with a file's path as UTF-8.
    enum ResolvedTarget {
        /// A file's path, as UTF-8.
        case file(ArraySlice<UInt8>)
        case outsideSite, serverRoot
    }

    /// Where a link's `path`, found on the page at `page`, leads, resolved
    /// in `resolved`, which holds the page's folder; each segment is
    /// percent-decoded.
    static func resolve(_ path: Bytes, page: String, into resolved: inout SitePath) -> ResolvedTarget {
        if path.isEmpty { return .file(ArraySlice(page.utf8)) }
        if path.first == UInt8(ascii: "/") { return .serverRoot }
        var start = path.startIndex
        while true {
            let end = path[start...].firstIndex(ofByte: UInt8(ascii: "/")) ?? path.endIndex
            let part = path[start..<end]
            let isLast = end == path.endIndex
            let isDot = part.count == 1 && part.first == UInt8(ascii: ".")
            let isDotDot = part.count == 2 && part.allSatisfy { $0 == UInt8(ascii: ".") }
            if isDotDot {
                guard resolved.dropLastSegment() else { return .outsideSite }
            } else if !isDot && !(isLast && part.isEmpty) {
                resolved.append(part)
            }
            if isLast {
                if part.isEmpty || isDot || isDotDot { resolved.append(ArraySlice("index.html".utf8)) }  // a folder
                return .file(resolved.utf8)
            }
            start = end + 1
        }
    }

    /// Whether `url` starts with a scheme (`https:`, `mailto:` …): a
    /// letter, then letters, digits, `+`, `-` or `.`, then `:`.
    private static func hasScheme(_ url: Bytes) -> Bool {
        guard let first = url.first, isASCIILetter(first) else { return false }
        for byte in url.dropFirst() {
            if byte == UInt8(ascii: ":") { return true }
            guard isASCIILetter(byte) || isDigit(byte) || byte == UInt8(ascii: "+")
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { return false }
        }
        return false
    }

    /// Appends `text` to `output`, percent-decoded.
    static func appendPercentDecoded<Text: RandomAccessCollection<UInt8>>(_ text: Text, to output: inout [UInt8])
        where Text.Index == Int {
        guard text.firstIndex(ofByte: UInt8(ascii: "%")) != nil else { return output.append(contentsOf: text) }
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

extension RandomAccessCollection<UInt8> where Index == Int {
    /// The index of the first `byte`, found by `memchr`, which reads many
    /// bytes at a time: a site's links are searched for `#`, `?` and `/` by
    /// the million.
    func firstIndex(ofByte byte: UInt8) -> Int? {
        let found = withContiguousStorageIfAvailable { buffer -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base, Int32(byte), buffer.count) else { return nil }
            return startIndex + (UnsafeRawPointer(found) - UnsafeRawPointer(base))
        }
        return found ?? firstIndex(of: byte)
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

    /// Makes this the path `other` is, in this path's own buffers, which
    /// one page's links are all resolved in.
    mutating func reset(to other: SitePath) {
        bytes.removeAll(keepingCapacity: true)
        bytes += other.bytes
        starts.removeAll(keepingCapacity: true)
        starts += other.starts
    }

    /// The segments joined by `/`, as UTF-8.
    var utf8: ArraySlice<UInt8> { bytes[...] }

    /// Adds a segment, percent-decoded unless told otherwise.
    mutating func append<Segment: RandomAccessCollection<UInt8>>(_ segment: Segment, percentDecoding: Bool = true)
        where Segment.Index == Int {
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
