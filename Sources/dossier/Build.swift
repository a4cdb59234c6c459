import ArgumentParser
import DossierBuild
import DossierCore
import Foundation

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site from content/ and Templates/.",
        discussion: """
            Reads the dossier's content/ and Templates/ (the default theme where the dossier has \
            none) and writes the site. Problems are printed as path:line:column: error|warning: \
            message. On any error nothing is written and the previous site stays as it was.
            """
    )

    @OptionGroup var root: RootOption

    @Option(help: "Where to write the site (default: site/ inside the dossier).")
    var out: String?

    @Flag(help: "Print how long each stage of the build took, to standard error.")
    var timings = false

    func run() async throws {
        let output = out.map { URL(fileURLWithPath: $0, isDirectory: true) }
        let report = await SiteBuilder(root: root.url, output: output).build()
        printDiagnostics(report.diagnostics)
        if timings { printTimings(report) }
        guard let publish = report.publish else {
            let errors = report.diagnostics.count { $0.severity == .error }
            FileHandle.standardError.write(Data("build failed with \(errors) error\(errors == 1 ? "" : "s"); the site was not changed\n".utf8))
            throw ExitCode(1)
        }
        print("built \(report.articleCount) articles, \(report.entityCount) entities, \(report.pageCount) pages: \(publish.written.count) written, \(publish.unchanged.count) unchanged, \(publish.removed.count) removed")
    }
}
