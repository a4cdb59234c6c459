import MustacheTemplates
import Testing

/// `template` rendered with `data`, the `partials` available by name, as text.
func render(_ template: String, _ data: TemplateValue = [:], partials: [String: String] = [:]) throws -> String {
    var library = TemplateLibrary()
    for (name, text) in partials { library.add(try Template(text), named: name) }
    library.add(try Template(template), named: "test")
    return String(decoding: try #require(library.render("test", with: data)), as: UTF8.self)
}

/// Why `template` does not parse; nil when it does.
func syntaxError(_ template: String) -> TemplateSyntaxError? {
    do {
        _ = try Template(template)
        return nil
    } catch {
        return error
    }
}
