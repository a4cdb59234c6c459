import ArgumentParser
import DossierPreview
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, rebuild on every change, and serve the site with live reload.",
        discussion: """
            Open the address it prints: each page reloads after every rebuild, and shows the \
            problems of a build that failed until they are fixed (the last good site stays \
            served). Pages get the live-reload script as they are served; the files in the site \
            never contain it. Stop with Ctrl-C.
            """
    )

    @OptionGroup var options: WatchOptions

    @Option(help: "The address to listen on. Anything but 127.0.0.1 or ::1 lets other machines see the preview.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8000

    func run() async throws {
        let host = self.host
        let services = try Preview.services(
            options.builder, host: host, port: port, mode: options.mode,
            onBuild: options.printReport,
            onListening: { port in
                let address = host.contains(":") ? "[\(host)]" : host
                print("serving http://\(address):\(port)/ (Ctrl-C to stop)")
                fflush(nil)
            })
        try await runServices(services)
    }
}
