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
    case object([String: TemplateValue])
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
        self = .object(Dictionary(uniqueKeysWithValues: fields))
    }
}

/// `text` when there is one, else `absent` (usually `false`):
/// `"outlet": article.outlet ?? false`. A value that is `false` rather than
/// missing stops the lookup, so a section never shows an outer object's
/// value of the same name.
public func ?? (text: String?, absent: @autoclosure () -> TemplateValue) -> TemplateValue {
    text.map(TemplateValue.string) ?? absent()
}
