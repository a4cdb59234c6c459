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
        subcommands: [Build.self, Normalize.self]
    )
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
