import DossierCore

/// Removes what is left of HTML in scraped text: comments, tags (keeping
/// their text), script-like elements with their content, and character
/// references. Newlines inside removed markup are kept, so line numbers
/// still point into the raw file.
enum HTMLRemnants {
    /// Elements dropped together with everything inside them.
    static let elementsDroppedWithContent: Set<String> = [
        "script", "style", "iframe", "noscript", "template", "svg", "object",
    ]

    /// Tags that separate blocks of text; each becomes a space.
    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
        "section", "table", "td", "th", "tr", "ul",
    ]

    /// Inline tags, removed without a trace.
    static let inlineTags: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "big", "button", "caption", "center", "cite", "code", "del", "dfn", "em",
        "embed", "font", "form", "i", "img", "input", "ins", "kbd", "label", "link", "mark", "meta", "picture",
        "q", "s", "samp", "select", "small", "source", "span", "strike", "strong", "sub", "sup", "tbody",
        "textarea", "tfoot", "thead", "time", "tt", "u", "var", "video", "audio", "wbr",
    ]

    /// The text with markup removed and references decoded.
    static func strip(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: "<")) || text.containsByte(UInt8(ascii: "&")) else { return text }
        return decodeReferences(removeMarkup(text))
    }

    static func removeMarkup(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "<")) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                output.append(bytes[index])
                index += 1
                continue
            }
            if bytes[index...].starts(with: Array("<!--".utf8)) {
                let end = find(Array("-->".utf8), in: bytes, from: index + 4).map { $0 + 3 } ?? bytes.count
                keepNewlines(bytes[index..<end], into: &output)
                index = end
            } else if let tag = parseTag(bytes, at: index) {
                if !tag.closing, elementsDroppedWithContent.contains(tag.name) {
                    let end = closingTagEnd(of: tag.name, in: bytes, from: tag.end) ?? bytes.count
                    keepNewlines(bytes[index..<end], into: &output)
                    index = end
                } else {
                    keepNewlines(bytes[index..<tag.end], into: &output)
                    if blockTags.contains(tag.name) { output.append(UInt8(ascii: " ")) }
                    index = tag.end
                }
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// A tag of a known element starting at `start`: `<name …>` or `</name>`.
    private static func parseTag(_ bytes: [UInt8], at start: Int) -> (name: String, closing: Bool, end: Int)? {
        var index = start + 1
        let closing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
        if closing { index += 1 }
        let nameStart = index
        while index < bytes.count, isASCIILetterOrDigit(bytes[index]) { index += 1 }
        guard index > nameStart else { return nil }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        guard elementsDroppedWithContent.contains(name) || blockTags.contains(name) || inlineTags.contains(name),
              index < bytes.count else { return nil }
        let next = bytes[index]
        guard next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || next == UInt8(ascii: " ")
              || next == UInt8(ascii: "\n") || next == UInt8(ascii: "\t") else { return nil }
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return (name, closing, index + 1)
            } else if byte == UInt8(ascii: "<") {
                return nil
            }
            index += 1
        }
        return nil
    }

    private static func closingTagEnd(of name: String, in bytes: [UInt8], from start: Int) -> Int? {
        let needle = Array("</\(name)".utf8)
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == UInt8(ascii: "<"),
               zip(bytes[index..<index + needle.count], needle).allSatisfy({ asciiLowercased($0) == $1 }) {
                return find([UInt8(ascii: ">")], in: bytes, from: index + needle.count).map { $0 + 1 } ?? bytes.count
            }
            index += 1
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func keepNewlines(_ removed: ArraySlice<UInt8>, into output: inout [UInt8]) {
        for byte in removed where byte == UInt8(ascii: "\n") { output.append(byte) }
    }

    // MARK: Character references

    /// Decodes `&name;`, `&#NNN;` and `&#xHHH;`; unknown names stay as written.
    static func decodeReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            if let semicolon = rest[afterAmpersand...].prefix(33).firstIndex(of: ";"),
               let decoded = decodeReference(rest[afterAmpersand..<semicolon]) {
                output += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                output += "&"
                rest = rest[afterAmpersand...]
            }
        }
        return output + rest
    }

    private static func decodeReference(_ name: Substring) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value else { return nil }
            guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
            return String(Character(scalar))
        }
        return namedReferences[String(name)]
    }

    /// The named references met in scraped news text.
    static let namedReferences: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ensp": " ", "emsp": " ",
        "thinsp": " ", "ndash": "–", "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’", "sbquo": "‚",
        "ldquo": "“", "rdquo": "”", "bdquo": "„", "laquo": "«", "raquo": "»", "lsaquo": "‹", "rsaquo": "›",
        "copy": "©", "reg": "®", "trade": "™", "deg": "°", "middot": "·", "bull": "•", "times": "×",
        "divide": "÷", "plusmn": "±", "frac12": "½", "frac14": "¼", "frac34": "¾", "sect": "§", "para": "¶",
        "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "dollar": "$", "percnt": "%", "num": "#",
        "excl": "!", "quest": "?", "lpar": "(", "rpar": ")", "colon": ":", "semi": ";", "comma": ",",
        "period": ".", "sol": "/", "bsol": "\\", "ast": "*", "lowbar": "_", "grave": "`", "lsqb": "[",
        "rsqb": "]", "lcub": "{", "rcub": "}", "verbar": "|", "hyphen": "‐", "minus": "−", "prime": "′",
        "Prime": "″", "shy": "", "zwj": "\u{200D}", "zwnj": "\u{200C}",
        "aacute": "á", "Aacute": "Á", "agrave": "à", "Agrave": "À", "acirc": "â", "Acirc": "Â", "atilde": "ã",
        "auml": "ä", "Auml": "Ä", "aring": "å", "aelig": "æ", "ccedil": "ç", "Ccedil": "Ç", "eacute": "é",
        "Eacute": "É", "egrave": "è", "Egrave": "È", "ecirc": "ê", "euml": "ë", "iacute": "í", "igrave": "ì",
        "icirc": "î", "iuml": "ï", "ntilde": "ñ", "Ntilde": "Ñ", "oacute": "ó", "Oacute": "Ó", "ograve": "ò",
        "ocirc": "ô", "otilde": "õ", "ouml": "ö", "Ouml": "Ö", "oslash": "ø", "szlig": "ß", "uacute": "ú",
        "ugrave": "ù", "ucirc": "û", "uuml": "ü", "Uuml": "Ü", "yacute": "ý", "yuml": "ÿ", "scaron": "š",
        "Scaron": "Š", "zcaron": "ž", "Zcaron": "Ž", "oelig": "œ", "OElig": "Œ",
    ]
}
