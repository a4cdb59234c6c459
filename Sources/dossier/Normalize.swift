import ArgumentParser
import DossierBuild
import DossierCore
import DossierIngest
import Foundation

struct Normalize: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show or write the Markdown that ingest makes from raw articles.",
        discussion: """
            Prints each raw file as the article ingest makes of it: YAML front matter, then the \
            Markdown body. With --explain, lists instead every line that was dropped or turned into \
            metadata, with its line number and the rule that did it. With --write, saves each as \
            content/articles/<slug>.md for curation; an existing file is kept unless --force is given.
            """
    )

    @OptionGroup var root: RootOption

    @Argument(help: "Raw files to normalise (default: every file in content/raw/).")
    var files: [String] = []

    @Flag(help: "List every line dropped or turned into metadata, with the rule that did it.")
    var explain = false

    @Flag(help: "List the rules ingest applies, with what each removes or reads, and exit.")
    var rules = false

    @Flag(help: "Write content/articles/<slug>.md for each file.")
    var write = false

    @Flag(help: "With --write, replace article files that already exist.")
    var force = false

    func validate() throws {
        if force && !write { throw ValidationError("--force only applies with --write") }
    }

    func run() async throws {
        if rules {
            for rule in IngestRules.all { print("\(rule.name): \(rule.summary)") }
            return
        }
        let task = NormalizeTask(root: root.url)
        let (results, diagnostics) = await task.run(files: files)
        printDiagnostics(diagnostics)
        var failed = diagnostics.containsErrors
        if write {
            let (written, problems) = task.write(results, force: force)
            printDiagnostics(problems)
            failed = failed || problems.containsErrors
            for path in written { print("wrote \(path)") }
        } else {
            for result in results {
                guard let normalization = result.normalization, let text = result.articleText else { continue }
                if results.count > 1 { print("==> \(result.file.path) <==") }
                print(explain ? explanation(normalization, path: result.file.path) : text, terminator: "")
                if results.count > 1 { print() }
            }
        }
        if failed { throw ExitCode(1) }
    }

    func explanation(_ normalization: Normalization, path: String) -> String {
        normalization.decisions.sorted { $0.line < $1.line }.map { decision in
            let what: String
            switch decision.action {
            case .dropped: what = "dropped: \(decision.text)"
            case .metadata(let field, let value): what = "\(field) = \(value)"
            case .trimmed(let removed): what = "cut: \(removed)"
            }
            return "\(path):\(decision.line): \(decision.rule): \(what)\n"
        }.joined()
    }
}
