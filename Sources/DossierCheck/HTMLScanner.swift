import Glibc

/// A tolerant scanner over an HTML page's bytes that reports only what the
/// site check needs: the `href`, `src`, `id` and `name` attributes of start
/// tags, and the document's `<title>`. It is not a parser: it builds no
/// tree and never fails. It follows the HTML tokenizer where that matters
/// for links: comments, doctypes and end tags hold no attributes; the
/// contents of `<script>`, `<style>` and the other raw-text elements are not
/// markup; attribute names are case-insensitive, values may be quoted
/// either way or not at all, and only the first of two same-named
/// attributes counts. Inline `<svg>` is scanned like the rest, except that
/// its `<title>` is a tooltip, not the page's title.
enum HTMLScanner {
    /// The attributes the check reads.
    enum AttributeName: UInt8, Sendable, Hashable {
        /// `href`, and SVG 1.1's `xlink:href`.
        case href = 1
        case src = 2
        case id = 4
        /// `name`, which names an anchor on `<a>` only.
        case anchorName = 8
    }

    /// One attribute of a start tag, with its value as written (character
    /// references not decoded yet) as a range of the page's bytes.
    struct Attribute: Sendable, Hashable {
        var name: AttributeName
        var value: Range<Int>
    }

    /// What a page holds, in document order.
    struct Page: Sendable, Hashable {
        var attributes: [Attribute] = []
        var title: PageLinks.Title = .missing
    }

    /// Elements whose contents are text, not markup, up to their end tag.
    private static let textElements: [StaticString] = ["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes"]

    static func scan(_ bytes: [UInt8]) -> Page {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer)
            return scanner.scan()
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var page = Page()
        /// How many `<svg>` elements are open around the position.
        var svgDepth = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func scan() -> Page {
            while let open = find(UInt8(ascii: "<"), from: position) {
                position = open + 1
                guard position < bytes.count else { break }
                switch bytes[position] {
                case UInt8(ascii: "!"):
                    if matches("--", at: position + 1) {
                        // `<!-->` and `<!--->` are (empty) comments too.
                        position = find("-->", from: position + 1).map { $0 + 3 } ?? bytes.count
                    } else {
                        skipPast(UInt8(ascii: ">"))
                    }
                case UInt8(ascii: "?"):
                    skipPast(UInt8(ascii: ">"))
                case UInt8(ascii: "/"):
                    position += 1
                    let name = tagName()
                    if svgDepth > 0 && isName(name, "svg") { svgDepth -= 1 }
                    _ = attributes(of: nil)  // an end tag's attributes mean nothing
                case let byte where isASCIILetter(byte):
                    startTag(at: open)
                default:
                    continue  // a `<` in text
                }
            }
            return page
        }

        /// Reads a start tag whose name begins at `position`, then skips the
        /// contents of a text element.
        private mutating func startTag(at open: Int) {
            let name = tagName()
            let selfClosing = attributes(of: name)
            if isName(name, "svg") {
                if !selfClosing { svgDepth += 1 }
                return
            }
            guard let textElement = HTMLScanner.textElements.first(where: { isName(name, $0) }) else { return }
            let isTitle = isName(name, "title")
            if isTitle && svgDepth > 0 { return }  // an SVG <title> holds markup, and is no page title
            let contentStart = position
            let end = endTag(textElement, from: contentStart) ?? bytes.count
            if isTitle, page.title == .missing {
                let hasText = bytes[contentStart..<end].contains { !isSpace($0) }
                page.title = hasText ? .present : .empty(at: open)
            }
            position = end
        }

        /// The tag name at `position` (which it moves past).
        private mutating func tagName() -> Range<Int> {
            let start = position
            while position < bytes.count, !isSpace(bytes[position]),
                  bytes[position] != UInt8(ascii: "/"), bytes[position] != UInt8(ascii: ">") {
                position += 1
            }
            return start..<position
        }

        /// Reads a tag's attributes up to and past its `>`, recording the
        /// ones the check needs when `tag` is a start tag's name; returns
        /// whether the tag ends with `/>`.
        private mutating func attributes(of tag: Range<Int>?) -> Bool {
            let isAnchor = tag.map { isName($0, "a") } ?? false
            var seen: UInt8 = 0
            var selfClosing = false
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: ">") {
                    position += 1
                    return selfClosing
                }
                if isSpace(byte) || byte == UInt8(ascii: "/") {
                    selfClosing = byte == UInt8(ascii: "/")
                    position += 1
                    continue
                }
                selfClosing = false
                // A name may begin with `=`; it runs to a space, `/`, `>` or `=`.
                let nameStart = position
                position += 1
                while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: "/"),
                      bytes[position] != UInt8(ascii: ">"), bytes[position] != UInt8(ascii: "=") {
                    position += 1
                }
                let name = nameStart..<position
                skipSpaces()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { continue }
                position += 1
                skipSpaces()
                let value = attributeValue()
                guard tag != nil, let known = attributeName(name, onAnchor: isAnchor), seen & known.rawValue == 0 else { continue }
                seen |= known.rawValue
                page.attributes.append(Attribute(name: known, value: value))
            }
            return selfClosing
        }

        /// The value at `position`, quoted or not, as a range of the bytes
        /// without its quotes; moves past it.
        private mutating func attributeValue() -> Range<Int> {
            guard position < bytes.count else { return position..<position }
            let quote = bytes[position]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                let start = position + 1
                let end = find(quote, from: start) ?? bytes.count
                position = min(end + 1, bytes.count)
                return start..<end
            }
            let start = position
            while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">") {
                position += 1
            }
            return start..<position
        }

        private func attributeName(_ name: Range<Int>, onAnchor: Bool) -> AttributeName? {
            switch name.count {
            case 2: return isName(name, "id") ? .id : nil
            case 3: return isName(name, "src") ? .src : nil
            case 4: return isName(name, "href") ? .href : isName(name, "name") && onAnchor ? .anchorName : nil
            case 10: return isName(name, "xlink:href") ? .href : nil
            default: return nil
            }
        }

        /// Where the end tag `</name` (followed by a space, `/` or `>`) of
        /// a text element starts, searching from `start`.
        private func endTag(_ name: StaticString, from start: Int) -> Int? {
            var from = start
            while let open = find("</", from: from) {
                let nameEnd = open + 2 + name.utf8CodeUnitCount
                if nameEnd <= bytes.count, isName(open + 2..<nameEnd, name),
                   nameEnd == bytes.count || isSpace(bytes[nameEnd]) || bytes[nameEnd] == UInt8(ascii: "/")
                    || bytes[nameEnd] == UInt8(ascii: ">") {
                    return open
                }
                from = open + 2
            }
            return nil
        }

        /// Whether the bytes in `range` are `name`, ignoring ASCII case
        /// (`name` is lower-case).
        private func isName(_ range: Range<Int>, _ name: StaticString) -> Bool {
            guard range.count == name.utf8CodeUnitCount else { return false }
            return (0..<range.count).allSatisfy { lowercased(bytes[range.lowerBound + $0]) == name.utf8Start[$0] }
        }

        private func matches(_ text: StaticString, at start: Int) -> Bool {
            let count = text.utf8CodeUnitCount
            guard start + count <= bytes.count else { return false }
            return (0..<count).allSatisfy { bytes[start + $0] == text.utf8Start[$0] }
        }

        /// Where `byte` next occurs from `start`: by `memchr`, which reads many
        /// bytes at a time, as the text between tags is most of a page.
        private func find(_ byte: UInt8, from start: Int) -> Int? {
            guard start < bytes.count, let base = bytes.baseAddress,
                  let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }

        private func find(_ text: StaticString, from start: Int) -> Int? {
            var from = start
            while let index = find(text.utf8Start.pointee, from: from) {
                if matches(text, at: index) { return index }
                from = index + 1
            }
            return nil
        }

        private mutating func skipPast(_ byte: UInt8) {
            position = find(byte, from: position).map { $0 + 1 } ?? bytes.count
        }

        private mutating func skipSpaces() {
            while position < bytes.count, isSpace(bytes[position]) { position += 1 }
        }
    }

    /// The value of an attribute with its character references decoded:
    /// the named ones a URL or id may hold (`&amp;`, `&lt;`, `&gt;`,
    /// `&quot;`, `&apos;`, `&nbsp;`) and numeric ones (`&#38;`, `&#x26;`).
    /// Other text, unknown references included, is kept as written.
    static func decodedValue(_ bytes: [UInt8], _ range: Range<Int>) -> ArraySlice<UInt8> {
        var decoded: [UInt8] = []
        return appendDecoded(bytes[range], to: &decoded) ? decoded[...] : bytes[range]
    }

    /// Appends `value` to `decoded` with its character references decoded,
    /// as ``decodedValue(_:_:)`` does; false, with nothing appended, when
    /// `value` has no `&` and so reads the same decoded.
    static func appendDecoded<Value: RandomAccessCollection<UInt8>>(_ value: Value, to decoded: inout [UInt8]) -> Bool
        where Value.Index == Int, Value.SubSequence == Value {
        guard value.firstIndex(ofByte: UInt8(ascii: "&")) != nil else { return false }
        decoded.reserveCapacity(decoded.count + value.count)
        var index = value.startIndex
        while index < value.endIndex {
            if value[index] == UInt8(ascii: "&"), let (scalar, next) = characterReference(in: value, at: index) {
                decoded.append(contentsOf: Array(String(scalar).utf8))
                index = next
            } else {
                decoded.append(value[index])
                index += 1
            }
        }
        return true
    }

    /// Named references and whether each may appear without its `;` (the
    /// legacy ones, as HTML allows in attributes when no letter, digit or `=` follows).
    private static let namedReferences: [(name: [UInt8], scalar: Unicode.Scalar, legacy: Bool)] = [
        (Array("amp".utf8), "&", true), (Array("lt".utf8), "<", true), (Array("gt".utf8), ">", true),
        (Array("quot".utf8), "\"", true), (Array("nbsp".utf8), "\u{A0}", true), (Array("apos".utf8), "'", false),
    ]

    /// The character a reference starting with the `&` at `start` stands
    /// for, and the index after the reference; nil when it is none.
    private static func characterReference<Value: RandomAccessCollection<UInt8>>(in value: Value, at start: Int) -> (Character, Int)?
        where Value.Index == Int, Value.SubSequence == Value {
        var index = start + 1
        if index < value.endIndex, value[index] == UInt8(ascii: "#") {
            index += 1
            let hex = index < value.endIndex && (value[index] | 0x20) == UInt8(ascii: "x")
            if hex { index += 1 }
            let digitsStart = index
            var code: UInt32 = 0
            while index < value.endIndex, let digit = digitValue(value[index], hex: hex) {
                code = min(code &* (hex ? 16 : 10) &+ digit, 0x110000)  // beyond Unicode stays beyond it
                index += 1
            }
            guard index > digitsStart else { return nil }
            if index < value.endIndex, value[index] == UInt8(ascii: ";") { index += 1 }
            let scalar = code == 0 ? nil : Unicode.Scalar(code)
            return (Character(scalar ?? "\u{FFFD}"), index)
        }
        for reference in namedReferences {
            let end = index + reference.name.count
            guard end <= value.endIndex, value[index..<end].elementsEqual(reference.name) else { continue }
            if end < value.endIndex, value[end] == UInt8(ascii: ";") { return (Character(reference.scalar), end + 1) }
            let next = end < value.endIndex ? value[end] : nil
            if reference.legacy, next.map({ !isASCIILetter($0) && !isDigit($0) && $0 != UInt8(ascii: "=") }) ?? true {
                return (Character(reference.scalar), end)
            }
        }
        return nil
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        if isDigit(byte) { return UInt32(byte - UInt8(ascii: "0")) }
        let lower = byte | 0x20
        if hex, lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "f") { return UInt32(lower - UInt8(ascii: "a") + 10) }
        return nil
    }
}

/// HTML's white space: space, tab, line feed, form feed, carriage return.
func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
}

func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
}

func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
}

private func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
}
