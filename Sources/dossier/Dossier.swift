import ArgumentParser
import DossierBuild
import DossierCore
import DossierIngest
import Foundation

@main
struct Dossier: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Turns a folder of raw news articles into a cross-linked static site.",
        subcommands: [Build.self, Check.self, Watch.self, Serve.self, Normalize.self, Suggest.self, Init.self]
    )

    /// Runs the command; bad usage exits with status 2 (ArgumentParser's
    /// default is 64), content errors with 1, as the README documents.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            exit(withError: ExitCode(2))
        }
    }
}

/// Options every command that works on a dossier takes.
struct RootOption: ParsableArguments {
    @Option(name: .long, help: "The dossier's folder (default: the current directory).")
    var root: String = "."

    var url: URL { URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL }
}

/// Prints diagnostics to standard error, one per line, sorted.
func printDiagnostics(_ diagnostics: [Diagnostic]) {
    for diagnostic in Set(diagnostics).sorted() {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
}

/// Prints how long each stage of a build took, to standard error.
func printTimings(_ report: SiteBuilder.Report) {
    for (stage, duration) in report.timings {
        FileHandle.standardError.write(Data("\(stage): \(duration.roundedMilliseconds) ms\n".utf8))
    }
}
