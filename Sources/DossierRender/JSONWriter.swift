import DossierCore

/// Writes JSON text straight into bytes, value by value, in the order the
/// calls come: objects keep their keys in the order written, so
/// `dossier.json` reads in the order of its documented schema, and a long
/// list (every article) is never held as anything but its text. Every `<`
/// in a string is escaped, so the text is also safe inside `<script>`.
///
/// Pretty-printed text has two-space indentation, and empty arrays and
/// objects stay `[]` and `{}`; compact text has no spaces at all.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// The depth of the value being written when pretty-printing; nil: compact.
    private var level: Int?
    /// Whether the array or object being written has no member yet.
    private var isEmpty = true
    /// Whether a key was just written, so the next value follows it on its line.
    private var afterKey = true
    /// Where the text goes once it holds `pieceSize` bytes; nil: it is kept whole.
    private let output: ((ArraySlice<UInt8>) -> Void)?
    private let pieceSize: Int

    private init(pretty: Bool, output: ((ArraySlice<UInt8>) -> Void)? = nil, pieceSize: Int = .max) {
        level = pretty ? 0 : nil
        self.output = output
        self.pieceSize = pieceSize
    }

    /// The UTF-8 text of what `write` writes; followed by a line break when
    /// `endingLine`, as a file's last line is.
    static func bytes(pretty: Bool, endingLine: Bool = false, _ write: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty)
        write(&writer)
        if endingLine { writer.bytes.append(UInt8(ascii: "\n")) }
        return writer.bytes
    }

    /// The same text handed to `output` in pieces of about `pieceSize`
    /// bytes, in order, so that it is never held whole.
    static func write(pretty: Bool, endingLine: Bool = false, inPiecesOf pieceSize: Int,
                      to output: (ArraySlice<UInt8>) -> Void, _ write: (inout JSONWriter) -> Void) {
        withoutActuallyEscaping(output) { output in
            var writer = JSONWriter(pretty: pretty, output: output, pieceSize: pieceSize)
            write(&writer)
            if endingLine { writer.bytes.append(UInt8(ascii: "\n")) }
            output(writer.bytes[...])
        }
    }

    /// What `write` writes, pretty-printed, as a string.
    static func text(_ write: (inout JSONWriter) -> Void) -> String {
        String(decoding: bytes(pretty: true, write), as: UTF8.self)
    }

    mutating func string(_ value: String) {
        startValue()
        value.appendJSONQuoted(to: &bytes, escapingLessThan: true)
    }

    /// The string, or `null` when there is none.
    mutating func string(_ value: String?) {
        guard let value else { return null() }
        string(value)
    }

    mutating func number(_ value: Int) {
        startValue()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Whole numbers without `.0`; others as Swift prints them, the
    /// shortest form that reads back the same; `null` when there is none.
    mutating func decimal(_ value: Double?) {
        guard let value else { return null() }
        startValue()
        bytes.append(contentsOf: (value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)).utf8)
    }

    mutating func bool(_ value: Bool) {
        startValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func null() {
        startValue()
        bytes.append(contentsOf: "null".utf8)
    }

    /// An array of `strings`.
    mutating func strings(_ strings: [String]) {
        array { json in
            for string in strings { json.string(string) }
        }
    }

    /// An array whose elements `elements` writes.
    mutating func array(_ elements: (inout JSONWriter) -> Void) {
        container(opening: UInt8(ascii: "["), closing: UInt8(ascii: "]"), elements)
    }

    /// An object whose members `members` writes, each a ``key(_:)`` and then its value.
    mutating func object(_ members: (inout JSONWriter) -> Void) {
        container(opening: UInt8(ascii: "{"), closing: UInt8(ascii: "}"), members)
    }

    /// Starts a member of the object being written: its value comes next.
    mutating func key(_ name: String) {
        separate()
        name.appendJSONQuoted(to: &bytes, escapingLessThan: true)
        bytes.append(contentsOf: (level == nil ? ":" : ": ").utf8)
        afterKey = true
    }

    /// A member whose value is a string or `null`.
    mutating func member(_ name: String, _ value: String?) {
        key(name)
        string(value)
    }

    mutating func member(_ name: String, _ value: Int) {
        key(name)
        number(value)
    }

    mutating func member(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// A member whose value is a number as ``decimal(_:)`` writes it.
    mutating func member(_ name: String, decimal value: Double?) {
        key(name)
        decimal(value)
    }

    /// A member whose value is an array of strings.
    mutating func member(_ name: String, _ value: [String]) {
        key(name)
        strings(value)
    }

    /// A member whose value is an array of an element for each of
    /// `elements`, which `write` writes.
    mutating func member<Element>(_ name: String, each elements: some RandomAccessCollection<Element>,
                                  _ write: (Element, inout JSONWriter) -> Void) {
        key(name)
        array { json in
            // By position, each element lent to `write` where it is: a
            // copy of each would retain all it holds (every article of the dossier).
            for index in elements.indices { write(elements[index], &json) }
        }
    }

    private mutating func container(opening: UInt8, closing: UInt8, _ body: (inout JSONWriter) -> Void) {
        startValue()
        bytes.append(opening)
        let outerIsEmpty = isEmpty
        isEmpty = true
        level = level.map { $0 + 1 }
        body(&self)
        level = level.map { $0 - 1 }
        if !isEmpty { breakLine() }
        bytes.append(closing)
        isEmpty = outerIsEmpty
    }

    /// Before a value: nothing after a key (or at the top), else the
    /// separation from the array's previous element.
    private mutating func startValue() {
        if afterKey {
            afterKey = false
        } else {
            separate()
        }
    }

    /// A comma after a previous member, then a line break when
    /// pretty-printing; first, a full piece goes to the output.
    private mutating func separate() {
        if let output, bytes.count >= pieceSize {
            output(bytes[...])
            bytes.removeAll(keepingCapacity: true)
        }
        if !isEmpty { bytes.append(UInt8(ascii: ",")) }
        isEmpty = false
        breakLine()
    }

    private mutating func breakLine() {
        guard let level else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }
}
