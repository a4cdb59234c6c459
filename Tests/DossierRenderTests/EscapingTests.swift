import DossierCore
@testable import DossierRender
import Foundation
import Testing

private let hostileTitle = "<script>alert(1)</script> {{title}} & \"quotes\""

@Test func hostileTitleIsEscapedOnEveryPage() async throws {
    let site = try await renderSite([article("x", hostileTitle, date: "2017-12-08")],
                                    config: DossierConfig(title: "<b>Dossier</b> {{site.title}}"))
    for (path, html) in site where path.hasSuffix(".html") {
        #expect(html.executableScripts == 0, "\(path) has a script tag")
        #expect(html.linkedData.allSatisfy { !$0.contains("<") }, "\(path) has '<' in its JSON-LD")
        #expect(!html.contains("<b>"), "\(path) has the dossier title's markup")
        #expect(html.contains("&lt;b&gt;Dossier&lt;/b&gt; {{site.title}}"), "\(path) lacks the escaped dossier title")
    }
    let page = try #require(site["articles/x.html"])
    #expect(page.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; {{title}} &amp; &quot;quotes&quot;</h1>"))
    let index = try #require(site["articles/index.html"])
    #expect(index.contains("&lt;script&gt;alert(1)&lt;/script&gt; {{title}}"))
}

@Test func hostileMetadataIsEscaped() async throws {
    let site = try await renderSite([article("x", "T", outlet: "<i>Outlet</i>", author: "\"><img src=x onerror=alert(1)>")])
    for (path, html) in site where path.hasSuffix(".html") {
        #expect(!html.contains("<i>"), "\(path)")
        #expect(!html.contains("<img"), "\(path)")
    }
    #expect(try #require(site["articles/x.html"]).contains("&lt;i&gt;Outlet&lt;/i&gt;"))
}

@Test func rawHTMLAndJavaScriptLinksInTheBodyAreDropped() async throws {
    let body = """
        Before <img src=x onerror=alert(1)> after.

        <div onclick="alert(2)">block</div>

        [click](javascript:alert(3)) and [also](JavaScript:alert(4)) and <javascript:alert(5)>
        and [encoded](javascript&#58;alert(6)) and [spaced](<javascript :alert(7)>)

        [fine](https://example.org/ok)
        """
    let page = try #require(try await renderSite([article("x", "T", body: body)])["articles/x.html"])
    #expect(!page.lowercased().contains("onerror="))
    #expect(!page.lowercased().contains("onclick="))
    #expect(!page.contains("<img"))
    #expect(!page.lowercased().contains("href=\"javascript:"))
    #expect(page.contains("<a href=\"https://example.org/ok\">fine</a>"))
    #expect(page.contains("Before"))
}

@Test(arguments: ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<script>alert(1)</script>", "//evil.example/a", "/etc/passwd"])
func frontMatterURLThatIsNotWebIsNotALink(_ url: String) async throws {
    let page = try #require(try await renderSite([article("x", "T", url: url)])["articles/x.html"])
    #expect(!page.contains("Original:"))
    #expect(!page.lowercased().contains("javascript:"))
    #expect(page.executableScripts == 0)
    #expect(page.attributeValues("href").allSatisfy { !$0.hasPrefix("/") && !$0.lowercased().hasPrefix("data:") })
}

@Test(arguments: ["https://example.org/a", "http://example.org/a?b=1&c=2"])
func webURLInFrontMatterIsALink(_ url: String) async throws {
    let page = try #require(try await renderSite([article("x", "T", url: url)])["articles/x.html"])
    let escaped = url.replacingOccurrences(of: "&", with: "&amp;")
    #expect(page.contains("<a href=\"\(escaped)\" rel=\"nofollow noopener\">\(escaped)</a>"))
}

@Test func rawSourcePageEscapesTheRawText() async throws {
    let raw = "Headline <script>alert(1)</script>\n<p onclick=x>& more</p>"
    let site = try await renderSite([article("x", "T", source: "raw/x.txt")], rawTexts: ["x": raw])
    let page = try #require(site["raw/x.html"])
    #expect(page.executableScripts == 0)
    #expect(page.linkedData.allSatisfy { !$0.contains("<") })
    #expect(!page.contains("<p onclick"))
    #expect(page.contains("Headline &lt;script&gt;alert(1)&lt;/script&gt;\n&lt;p onclick=x&gt;&amp; more&lt;/p&gt;"))
    #expect(page.contains("<a href=\"../articles/x.html\">T</a>"))
    #expect(try #require(site["articles/x.html"]).contains("<a href=\"../raw/x.html\">raw/x.txt</a>"))
}

@Test(arguments: [
    ("plain text", "plain text"),
    (#"<a href="x">Tom & 'Jerry'</a>"#, "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"),
    ("tab\tline\ncarriage\r", "tab\tline\ncarriage\r"),
    ("bell\u{7}nul\u{0}escape\u{1B}", "bellnulescape"),
    ("not\u{FFFE}characters\u{FFFF}", "notcharacters"),
    ("é ✓ 😀 \u{FFFD} \u{2028}", "é ✓ 😀 \u{FFFD} \u{2028}"),
])
func markupEscapingReplacesWhatMarkupReadsAndDropsWhatItForbids(_ input: String, _ expected: String) {
    #expect(input.markupEscaped == expected)
}
