import ArgumentParser

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site from content/ and Templates/.")
    @OptionGroup var root: RootOption
    func run() async throws {}
}
