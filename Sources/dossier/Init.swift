import ArgumentParser
import DossierBuild
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make a new dossier that builds as it is.",
        discussion: """
            Writes content/dossier.yml, an example raw article, entity and claim, and a copy of \
            the default theme in Templates/ to edit. Refuses, writing nothing, when DIR already \
            holds a dossier or any of those files: no file is ever overwritten.
            """
    )

    @Argument(help: "The new dossier's folder; made when it does not exist.")
    var directory: String

    @Option(help: "The dossier's title (default: the folder's name).")
    var title: String?

    func run() throws {
        let folder = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        do {
            let written = try NewDossier.create(at: folder, title: title ?? folder.lastPathComponent)
            print("""
                made a new dossier in \(directory): \(written.count) files
                build it with: dossier build --root \(directory)
                """)
        } catch let refusal as NewDossier.Refusal {
            FileHandle.standardError.write(Data("error: \(refusal)\n".utf8))
            throw ExitCode(1)
        }
    }
}
