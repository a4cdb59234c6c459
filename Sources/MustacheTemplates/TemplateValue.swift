/// The data a template is rendered with: text, flags, numbers, lists and
/// objects, nested as deep as needed. A key an object does not have is
/// absent, which a template treats like `false`, except that a name not
/// found in an object is looked up in the objects around it.
///
/// Literals build values directly, so a context reads like a dictionary
/// literal: `["title": "Home", "count": 3, "items": [["name": "\(name)"]]]`.
public enum TemplateValue: Sendable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case list([TemplateValue])
    case object(TemplateObject)
}

/// The fields of an object value, by name, in the order they were first
/// set. An object has a few dozen fields at most, and rendering looks names
/// up far more often than it makes objects, so the fields are kept in a
/// list, each beside a digest of its name's bytes: a lookup passes over the
/// other names by their digests, and neither making an object nor looking
/// a name up hashes anything. Names with different UTF-8 bytes are
/// different names.
public struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    /// A field's name with its digest.
    struct Name: Sendable {
        let text: String
        let digest: UInt64

        init(_ text: String) {
            var text = text
            // FNV-1a over the bytes: a few instructions a byte for names a few bytes long.
            digest = text.withUTF8 { $0.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 } }
            self.text = text
        }
    }

    /// A name and its value.
    private struct Field: Sendable {
        let name: Name
        var value: TemplateValue
    }

    /// The fields of the object this one extends, shared with it, not
    /// copied; a field of its own of the same name hides one of these.
    private var inherited: [Field] = []
    private var fields: [Field] = []

    public init() {}

    /// An object with the fields of `base` and those set on it afterwards,
    /// which add to them or replace them. Pages list the same objects again
    /// and again with a field or two more (an article's summary with how
    /// often it names an entity), and this shares `base`'s fields instead of
    /// copying them.
    public init(extending base: TemplateObject) {
        inherited = base.inherited.isEmpty ? base.fields : base.merged
    }

    /// An object with these fields; each name must be given once.
    public init(dictionaryLiteral fields: (String, TemplateValue)...) {
        self.init(fields)
    }

    init(_ fields: [(String, TemplateValue)]) {
        self.fields.reserveCapacity(fields.count)
        for (name, value) in fields {
            let name = Name(name)
            precondition(Self.position(of: name, in: self.fields) == nil, "the field '\(name.text)' is given twice")
            self.fields.append(Field(name: name, value: value))
        }
    }

    /// The field `name`; setting nil removes it.
    public subscript(name: String) -> TemplateValue? {
        get { self[Name(name)] }
        set {
            let name = Name(name)
            switch (Self.position(of: name, in: fields), newValue) {
            case let (position?, value?): fields[position].value = value
            case let (position?, nil):
                fields.remove(at: position)
                if Self.position(of: name, in: inherited) != nil { self[name.text] = nil }
            case let (nil, value?): fields.append(Field(name: name, value: value))
            case (nil, nil):
                guard Self.position(of: name, in: inherited) != nil else { break }
                // Removing an inherited field ends the sharing: the fields become the object's own.
                (fields, inherited) = (merged, [])
                fields.removeAll { $0.name.digest == name.digest && $0.name.text == name.text }
            }
        }
    }

    subscript(name: Name) -> TemplateValue? {
        if let position = Self.position(of: name, in: fields) { return fields[position].value }
        return Self.position(of: name, in: inherited).map { inherited[$0].value }
    }

    private static func position(of name: Name, in fields: [Field]) -> Int? {
        // Equal digests almost always mean equal bytes; `==` then answers
        // at once for the short names, whose bytes are stored inline.
        fields.firstIndex { $0.name.digest == name.digest && $0.name.text == name.text }
    }

    /// The inherited fields, each with its own value when the object has
    /// one, then the object's other fields: every field in the order it was first set.
    private var merged: [Field] {
        guard !inherited.isEmpty else { return fields }
        var merged = inherited.map { field in Self.position(of: field.name, in: fields).map { fields[$0] } ?? field }
        merged += fields.filter { Self.position(of: $0.name, in: inherited) == nil }
        return merged
    }

    /// How many fields the object has.
    public var count: Int { inherited.isEmpty ? fields.count : merged.count }
    public var isEmpty: Bool { inherited.isEmpty && fields.isEmpty }

    /// The fields' names and values, in the order they were first set.
    public var namesAndValues: some Sequence<(name: String, value: TemplateValue)> {
        merged.lazy.map { (name: $0.name.text, value: $0.value) }
    }

    /// Calls `body` with each field's name and value, the inherited ones
    /// first and then the object's own, without gathering them into a
    /// list: for reading every field of many objects (the fingerprint of a
    /// page's data) when their order does not matter.
    public func forEachField(_ body: (_ name: String, _ value: TemplateValue) -> Void) {
        for field in inherited where Self.position(of: field.name, in: fields) == nil {
            body(field.name.text, field.value)
        }
        for field in fields { body(field.name.text, field.value) }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public init(stringLiteral text: String) {
        self = .string(text)
    }

    public init(stringInterpolation: DefaultStringInterpolation) {
        self = .string(String(stringInterpolation: stringInterpolation))
    }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral flag: Bool) {
        self = .bool(flag)
    }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral number: Int) {
        self = .int(number)
    }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral items: TemplateValue...) {
        self = .list(items)
    }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral fields: (String, TemplateValue)...) {
        self = .object(TemplateObject(fields))
    }
}

/// `text` when there is one, else `absent` (usually `false`):
/// `"outlet": article.outlet ?? false`. A value that is `false` rather than
/// missing stops the lookup, so a section never shows an outer object's
/// value of the same name.
public func ?? (text: String?, absent: @autoclosure () -> TemplateValue) -> TemplateValue {
    text.map(TemplateValue.string) ?? absent()
}
