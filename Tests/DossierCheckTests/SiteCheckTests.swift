@testable import DossierCheck
import DossierCore
import Testing

/// A page with a title and `body`, on one line after the doctype.
func page(_ body: String, title: String = "A page") -> String {
    "<!DOCTYPE html>\n<html><head><title>\(title)</title></head><body>\(body)</body></html>\n"
}

/// The diagnostics of a check of the site made of `pages` (path → HTML)
/// and empty `files`, as printed.
func check(_ pages: [String: String], files: [String] = []) async -> [String] {
    let site = pages.map { SiteFile(path: $0.key, text: $0.value) } + files.map { SiteFile(path: $0, text: "") }
    return await SiteCheck.run(site, siteFolder: "site").diagnostics.map(\.description)
}

/// The messages of the errors and warnings of a check, without their places.
func messages(_ pages: [String: String], files: [String] = []) async -> [String] {
    await check(pages, files: files).map { $0.split(separator: " ", maxSplits: 1)[1].description }
}

@Suite struct SiteCheckTests {
    @Test func aSoundSiteHasNoProblems() async {
        let site = [
            "index.html": page(##"<a href="articles/index.html">Articles</a> <a href="articles/a.html#p2">A, second part</a>"##),
            "articles/index.html": page(##"<a href="../index.html">Home</a> <a href="a.html">A</a> <a href="./a.html#top">A</a>"##),
            "articles/a.html": page(##"<p id="top">One</p><p id="p2">Two</p><img src="../assets/photo.jpg" alt="">"##),
        ]
        #expect(await check(site, files: ["assets/photo.jpg"]) == [])
        let report = await SiteCheck.run(site.map { SiteFile(path: $0.key, text: $0.value) } + [SiteFile(path: "assets/photo.jpg", text: "")],
                                         siteFolder: "site")
        #expect(report.pageCount == 3)
        #expect(report.linkCount == 6)
    }

    @Test func aLinkToAMissingFileIsAnError() async {
        #expect(await messages(["index.html": page(##"<a href="entities/foo.html">Foo</a>"##)]) == [
            "error: link to 'entities/foo.html' does not resolve: no such file in the site",
        ])
    }

    @Test func aMissingFileIsNamedAsTheSiteSeesIt() async {
        let site = ["index.html": page(##"<a href="articles/a.html">A</a>"##),
                    "articles/a.html": page(##"<a href="../entities/foo.html#x">Foo</a>"##)]
        #expect(await messages(site) == [
            "error: link to '../entities/foo.html#x' does not resolve: no such file 'entities/foo.html' in the site",
        ])
    }

    @Test func aMissingAnchorIsAnErrorNamingItsPage() async {
        let site = ["index.html": page(##"<a href="articles/a.html#mention-x-3">A</a> <a href="#nowhere">?</a> <a href="#">top</a>"##),
                    "articles/a.html": page(##"<p id="mention-x-2">x</p>"##)]
        #expect(await messages(site) == [
            "error: anchor '#mention-x-3' not found in 'articles/a.html'",
            "error: anchor '#nowhere' not found in 'index.html'",
        ])
    }

    @Test func onlyAHashAloneIsIgnored() async {
        let site = ["index.html": page(##"<a href="#">Top</a> <a href="#top">Top</a> <a href="index.html#">Top</a>"##)]
        #expect(await messages(site) == [
            "error: anchor '#top' not found in 'index.html'",
            "error: anchor '#' not found in 'index.html'",
        ])
    }

    @Test func anAnchorMayBeTheNameOfAnAOnly() async {
        let site = ["index.html": page(##"<a name="old-style">x</a><input name="field"><a href="#old-style">1</a><a href="#field">2</a>"##)]
        #expect(await messages(site) == ["error: anchor '#field' not found in 'index.html'"])
    }

    @Test func percentEncodedPathsAndFragmentsAreDecoded() async {
        let site = ["index.html": page(##"<a href="a%20b.html">1</a> <a href="caf%C3%A9.html#%C3%A9t%C3%A9">2</a> <a href="100%.html">3</a>"##),
                    "a b.html": page(""), "café.html": page(##"<h2 id="été">Été</h2>"##), "100%.html": page("")]
        #expect(await messages(site) == [])
    }

    @Test func relativePathsResolveFromThePagesFolder() async {
        let site = [
            "index.html": page(##"<a href="articles/">Articles</a> <a href="entities/people/">People</a>"##),
            "articles/index.html": page(##"<a href="../entities/people/x.html">X</a> <a href="./a.html">A</a> <a href="..">Home</a>"##),
            "articles/a.html": page(##"<a href="../articles/../entities/people/../people/x.html">X</a> <a href=".">Articles</a>"##),
            "entities/people/index.html": page(##"<a href="../../index.html">Home</a> <a href="../../articles/nope.html">?</a>"##),
            "entities/people/x.html": page(""),
        ]
        #expect(await messages(site) == ["error: link to '../../articles/nope.html' does not resolve: no such file 'articles/nope.html' in the site"])
    }

    @Test func aLinkLeavingTheSiteIsAnError() async {
        let site = ["index.html": page(##"<a href="articles/a.html">A</a> <a href="../elsewhere.html">?</a> <a href="/assets/style.css">?</a>"##),
                    "articles/a.html": page(##"<a href="../../index.html">Home?</a>"##)]
        #expect(await messages(site) == [
            "error: link to '../../index.html' does not resolve: it leads outside the site",
            "error: link to '../elsewhere.html' does not resolve: it leads outside the site",
            "error: link to '/assets/style.css' does not resolve from disk or under a sub-path: links within the site must be relative",
        ])
    }

    @Test func theQueryIsIgnored() async {
        let site = ["index.html": page(##"<a href="a.html?page=2#end">A</a> <a href="?sort=date">Here</a> <a href="b.html?x#y">?</a>"##),
                    "a.html": page(##"<p id="end">End</p>"##)]
        #expect(await messages(site) == ["error: link to 'b.html?x#y' does not resolve: no such file 'b.html' in the site"])
    }

    @Test func externalLinksAreNotChecked() async {
        let links = ["https://example.org/x.html", "http://example.org", "mailto:someone@example.org", "data:image/png;base64,AAAA",
                     "//cdn.example.org/x.js", "javascript:void(0)", "tel:+123", "HTTPS://EXAMPLE.ORG/#nowhere", "  https://example.org "]
        let site = ["index.html": page(links.map { ##"<a href="\##($0)">x</a>"## }.joined())]
        #expect(await messages(site) == [])
        let report = await SiteCheck.run([SiteFile(path: "index.html", text: site["index.html"]!)], siteFolder: "site")
        #expect(report.linkCount == 0)
    }

    @Test func commentsScriptsAndStylesHoldNoLinks() async {
        let site = ["index.html": page("""
            <!-- <a href="commented.html">x</a> --><!--><a href="#a1">after an empty comment</a><p id="a1">
            <script>document.write('<a href="scripted.html">x</a>'); if (a < b) {}</script>
            <SCRIPT type="text/template"><img src="template.png"></SCRIPT >
            <style>a[href="styled.html"] { color: red }</style>
            <textarea><a href="typed.html"></a></textarea>
            <a href="real.html">real</a>
            """)]
        #expect(await messages(site) == ["error: link to 'real.html' does not resolve: no such file in the site"])
    }

    @Test func characterReferencesInValuesAreDecoded() async {
        let site = ["index.html": page("""
            <a href="a.html?x=1&amp;y=2#part&#x2D;1">1</a> <a href="#caf&#233;">2</a> <a href="#a&amp;b">3</a>
            <p id="caf&eacute;">unknown references stay as written</p><p id="café">x</p><p id="a&b">x</p>
            <a href="#caf&eacute;">4</a>
            """),
            "a.html": page(##"<p id="part-1">x</p>"##)]
        #expect(await messages(site) == [])
    }

    @Test func attributesAreReadAsHTMLReadsThem() async {
        let site = ["index.html": page("""
            <A HREF=a.html>unquoted</A> <a href='b.html'>single</a> <a id = "spaced" Href = "c.html" >spaced</a>
            <a href="d.html" href="ignored.html">the first counts</a> <a data-href="no.html" hreflang="en">not links</a>
            <a\nhref="#spaced"\n>across lines</a><br/><img src=a.html/>
            """),
            "a.html": page(""), "b.html": page(""), "c.html": page(""), "d.html": page("")]
        #expect(await messages(site) == ["error: link to 'a.html/' does not resolve: no such file 'a.html/index.html' in the site"])
    }

    @Test func linksInsideInlineSVGAreChecked() async {
        let site = ["index.html": page("""
            <svg viewBox="0 0 10 10"><title>A map</title><a href="map.html"><circle r="1"/></a>
            <a xlink:href="#marker"/><use href="#dot"/><circle id="dot"/></svg>
            """)]
        #expect(await messages(site) == [
            "error: link to 'map.html' does not resolve: no such file in the site",
            "error: anchor '#marker' not found in 'index.html'",
        ])
    }

    @Test func everyPageNeedsATitleWithText() async {
        let site = [
            "index.html": "<html><head></head><body><a href=\"empty.html\">1</a> <a href=\"svg.html\">2</a></body></html>",
            "empty.html": "<html><head>\n  <title> \n </title></head></html>",
            "svg.html": "<html><body><svg><title>A tooltip</title></svg></body></html>",
        ]
        #expect(await check(site) == [
            "site/empty.html:2:3: error: page has an empty <title>",
            "site/index.html:1:1: error: page has no <title>",
            "site/svg.html:1:1: error: page has no <title>",
        ])
    }

    @Test func aPageNoLinkReachesIsAWarning() async {
        let site = ["index.html": page(##"<a href="a.html">A</a>"##), "a.html": page(##"<a href="b.html">B</a>"##),
                    "b.html": page(##"<a href="index.html">Home</a>"##), "lost.html": page(##"<a href="c.html">C</a>"##),
                    "c.html": page("")]
        #expect(await check(site) == [
            "site/c.html:1:1: warning: page is not reachable from index.html",
            "site/lost.html:1:1: warning: page is not reachable from index.html",
        ])
    }

    @Test func aSiteWithoutAFrontPageIsAnError() async {
        #expect(await check(["a.html": page("")]) == ["site/index.html:1:1: error: the site has no index.html"])
    }

    @Test func aProblemIsLocatedAtItsAttributeValue() async {
        let html = """
            <!DOCTYPE html>
            <html><head><title>Ünïcode</title></head>
            <body><p>Ça va — <a class="x" href="#nope">x</a> <a class="y"
                 href="gone.html">gone</a> <a href=gone.html>again</a></p>
            <a href="gone.html">once more</a>
            """
        #expect(await check(["index.html": html]) == [
            "site/index.html:3:37: error: anchor '#nope' not found in 'index.html'",
            "site/index.html:4:12: error: link to 'gone.html' does not resolve: no such file in the site",
            "site/index.html:4:40: error: link to 'gone.html' does not resolve: no such file in the site",
            "site/index.html:5:10: error: link to 'gone.html' does not resolve: no such file in the site",
        ])
    }

    @Test func replacedPagesAreCheckedAloneAgainstTheKeptSite() async {
        var cache = SiteCheckCache()
        let site = [SiteFile(path: "index.html", text: page(##"<a href="a.html#x">A</a> <a href="b.html">B</a>"##)),
                    SiteFile(path: "a.html", text: page(##"<a href="#y">?</a> <img src="i.png">"##)),
                    SiteFile(path: "b.html", text: page(##"<p id="x">x</p>"##)), SiteFile(path: "i.png", text: "png"),
                    SiteFile(path: "lost.html", text: page(""))]
        let whole = await SiteCheck.run(site, siteFolder: "site", cache: &cache)
        #expect(whole.diagnostics.map(\.description) == [
            "site/a.html:2:56: error: anchor '#y' not found in 'a.html'",
            "site/index.html:2:56: error: anchor '#x' not found in 'a.html'",
            "site/lost.html:1:1: warning: page is not reachable from index.html",
        ])
        // The index replaced: its links are checked against the kept pages
        // (ids included) and files; a.html's problem is not its own.
        let index = SiteFile(path: "index.html", text: page(##"<a href="b.html#x">B</a> <a href="i.png">I</a> <a href="gone.html">?</a>"##))
        let replaced = await cache.check(replacing: [index], siteFolder: "site")
        #expect(replaced.diagnostics.map(\.description) == [
            "site/index.html:2:103: error: link to 'gone.html' does not resolve: no such file in the site",
        ])
        #expect(replaced.pageCount == 1)
        // The same page with b.html replaced too: its id is gone.
        let b = SiteFile(path: "b.html", text: page(##"<p id="z">z</p>"##))
        #expect(await cache.check(replacing: [index, b], siteFolder: "site").diagnostics.map(\.message) == [
            "anchor '#x' not found in 'b.html'",
            "link to 'gone.html' does not resolve: no such file in the site",
        ])
        // The cache still holds the site as it was checked whole.
        #expect((await SiteCheck.run(site, siteFolder: "site", cache: &cache)).diagnostics == whole.diagnostics)
    }

    @Test func aChangedPageIsReadAgainAndAnUnchangedOneReused() async {
        var cache = SiteCheckCache()
        var site = [SiteFile(path: "index.html", text: page(##"<a href="a.html#x">A</a>"##)),
                    SiteFile(path: "a.html", text: page(##"<p id="x">x</p>"##))]
        #expect(await SiteCheck.run(site, siteFolder: "site", cache: &cache).diagnostics.isEmpty)
        site[1] = SiteFile(path: "a.html", text: page(##"<p id="y">y</p>"##))
        #expect(await SiteCheck.run(site, siteFolder: "site", cache: &cache).diagnostics.map(\.message) == [
            "anchor '#x' not found in 'a.html'",
        ])
    }

    @Test func aPageRenamedSinceTheLastCheckIsGone() async {
        var cache = SiteCheckCache()
        let index = SiteFile(path: "index.html", text: page(##"<a href="a.html">A</a>"##))
        #expect(await SiteCheck.run([index, SiteFile(path: "a.html", text: page(""))], siteFolder: "site", cache: &cache).diagnostics.isEmpty)
        let renamed = await SiteCheck.run([index, SiteFile(path: "b.html", text: page(""))], siteFolder: "site", cache: &cache)
        #expect(renamed.diagnostics.map(\.description) == [
            "site/b.html:1:1: warning: page is not reachable from index.html",
            "site/index.html:2:56: error: link to 'a.html' does not resolve: no such file in the site",
        ])
    }
}

@Suite struct PageLinksTests {
    @Test func aPageGivesItsInternalLinksIdsAndTitle() throws {
        let html = page(##"<a href="../x.html?q#f" id="one">1</a><a name="two" href="https://example.org">2</a><img src="i.png">"##)
        let links = PageLinks(path: "articles/a.html", contents: Array(html.utf8))
        #expect(links.ids == ["one", "two"])
        #expect(links.title == .present)
        #expect(links.targets == [.file("x.html"), .file("articles/i.png")])
        #expect(links.links.map(\.target) == [0, 1])
        #expect(links.links.map(links.fragment(of:)) == ["f", nil])
        #expect(links.defines(id: "one") && links.defines(id: "two"))
        #expect(!links.defines(id: "on") && !links.defines(id: "f") && !links.defines(id: ""))
        let first = try #require(links.links.first)
        #expect(String(decoding: Array(html.utf8)[first.value], as: UTF8.self) == "../x.html?q#f")
    }

    /// Ids are looked up among many, in any order, repeated, and not ASCII.
    @Test func everyIdOfAPageIsFoundAndNoOther() {
        let defined = (0..<200).map { "mention-\(($0 * 7919) % 200)" } + ["é", "a", "mention-1", "Z", "😀x"]
        let html = page(defined.map { "<p id=\"\($0)\">x</p>" }.joined())
        let links = PageLinks(path: "p.html", contents: Array(html.utf8))
        #expect(links.ids == Set(defined))
        #expect(defined.allSatisfy(links.defines(id:)))
        for missing in ["mention-200", "mention-", "mention-10x", "e", "😀", "b", "mention-1 "] {
            #expect(!links.defines(id: missing), "\(missing)")
        }
    }

    @Test func urlsResolveAsBrowsersResolveThem() {
        func resolve(_ url: String, from page: String = "a/b/page.html") -> String {
            let links = PageLinks(path: page, contents: Array("<title>t</title><a href='\(url)'>".utf8))
            guard let link = links.links.first else { return "not checked" }
            let fragment = links.fragment(of: link).map { "#" + $0 } ?? ""
            switch links.targets[link.target] {
            case .file(let path): return path + fragment
            case .outsideSite: return "outside" + fragment
            case .serverRoot: return "server root" + fragment
            }
        }
        #expect(resolve("c.html") == "a/b/c.html")
        #expect(resolve("../c.html") == "a/c.html")
        #expect(resolve("../../c.html") == "c.html")
        #expect(resolve("../../../c.html") == "outside")
        #expect(resolve("../../a/../../c.html") == "outside")
        #expect(resolve("./") == "a/b/index.html")
        #expect(resolve("../") == "a/index.html")
        #expect(resolve("..") == "a/index.html")
        #expect(resolve("") == "not checked")
        #expect(resolve("#") == "not checked")
        #expect(resolve("#x") == "a/b/page.html#x")
        #expect(resolve("?q=1") == "a/b/page.html")
        #expect(resolve("c%2Ehtml") == "a/b/c.html")
        #expect(resolve("c.html#a%20b") == "a/b/c.html#a b")
        #expect(resolve("/c.html") == "server root")
        #expect(resolve("  c.html#x ") == "a/b/c.html#x")
        #expect(resolve("//host/c.html") == "not checked")
        #expect(resolve("c:d") == "not checked")
        #expect(resolve("1c:d") == "a/b/1c:d")
        #expect(resolve("index.html", from: "index.html") == "index.html")
    }

    @Test func eachPlaceIsResolvedOnce() {
        let html = page(##"<a href="x.html">1</a><a href="x.html#a">2</a><a href="./x.html?q">3</a><a href="#b">4</a><a href="y.html">5</a>"##)
        let links = PageLinks(path: "p.html", contents: Array(html.utf8))
        #expect(links.targets == [.file("x.html"), .file("x.html"), .file("p.html"), .file("y.html")])
        #expect(links.links.map(\.target) == [0, 0, 1, 2, 3])
    }

    @Test func theScannerKeepsTheFirstTitleAndSkipsRawText() {
        let scanned = HTMLScanner.scan(Array("""
            <title>First</title><title></title>
            <script>"<a href='x'>"</script ><style>a</style><a id=after>
            """.utf8))
        #expect(scanned.title == .present)
        #expect(scanned.attributes.map(\.name) == [.id])
    }

    @Test func characterReferencesDecodeAsInAttributes() {
        func decoded(_ value: String) -> String {
            let bytes = Array(value.utf8)
            return String(decoding: HTMLScanner.decodedValue(bytes, 0..<bytes.count), as: UTF8.self)
        }
        #expect(decoded("a&amp;b&lt;&gt;&quot;&apos;") == "a&b<>\"'")
        #expect(decoded("&#65;&#x42;&#X43;&#0;&#x110000;") == "ABC\u{FFFD}\u{FFFD}")
        #expect(decoded("&amp &ampx &amp=1 &nbsp;") == "& &ampx &amp=1 \u{A0}")
        #expect(decoded("&unknown; & &#; &apos") == "&unknown; & &#; &apos")
    }
}
