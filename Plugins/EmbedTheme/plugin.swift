import Foundation
import PackagePlugin

/// Embeds the repository's Templates/ folder (the default theme) into the
/// `DefaultTheme` target, so the `dossier` binary carries its theme and a
/// dossier without a Templates/ folder still builds.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let themeDirectory = context.package.directoryURL.appendingPathComponent("Templates")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("DefaultTheme+Files.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default theme",
                executable: try context.tool(named: "EmbedThemeTool").url,
                arguments: [themeDirectory.path, output.path],
                inputFiles: themeFiles(in: themeDirectory),
                outputFiles: [output]
            )
        ]
    }

    private func themeFiles(in directory: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files.append(url)
            }
        }
        return files.sorted { $0.path < $1.path }
    }
}
