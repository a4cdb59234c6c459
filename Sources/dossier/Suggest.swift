import ArgumentParser
import DossierBuild
import DossierCore
import Foundation

struct Suggest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List entities and aliases the curator has not described.",
        discussion: """
            Finds capitalised names that recur across the articles but no entity covers, and \
            spellings of described entities' names that no alias lists (Deir el-Zour for Deir \
            Ezzor). Each likely entity is printed as an entity file to save under content/entities/; \
            each likely alias as a list item to add to an entity's aliases. Counts and an example \
            sentence are YAML comments. Nothing is written.
            """
    )

    @OptionGroup var root: RootOption

    func run() async throws {
        let (text, diagnostics) = await SuggestTask(root: root.url).run()
        printDiagnostics(diagnostics)
        print(text, terminator: "")
        if diagnostics.containsErrors { throw ExitCode(1) }
    }
}
