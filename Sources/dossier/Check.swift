import ArgumentParser
import DossierBuild
import DossierCore
import Foundation

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content and the site it builds, writing nothing.",
        discussion: """
            Runs the whole build in memory, without writing the site, and reports every problem \
            build would: in the content (unknown references, quotes and aliases that match \
            nothing) and in the rendered site (links to files that do not exist or that leave the \
            site, anchors no page defines, pages without a title, pages no link reaches from \
            index.html). Problems are printed as path:line:column: error|warning: message; a \
            summary follows. Exits with 1 when there is an error.
            """
    )

    @OptionGroup var root: RootOption

    @Flag(help: "Print how long each stage took, to standard error.")
    var timings = false

    func run() async throws {
        let report = await SiteBuilder(root: root.url).check()
        printDiagnostics(report.diagnostics)
        if timings { printTimings(report) }
        let errors = report.diagnostics.count { $0.severity == .error }
        let warnings = report.diagnostics.count - errors
        let found = [(errors, "error"), (warnings, "warning")].filter { $0.0 > 0 }
            .map { counted($0.0, $0.1, separatingThousands: true) }.joined(separator: ", ")
        let checked = "\(counted(report.pageCount, "page", separatingThousands: true)) and "
            + counted(report.linkCount, "link", separatingThousands: true)
        print("checked \(checked): \(found.isEmpty ? "no problems" : found)")
        if errors > 0 { throw ExitCode(1) }
    }
}
