import ArgumentParser
import DossierBuild
import DossierPreview
import DossierWatch
import Foundation
import Logging
import ServiceLifecycle

struct Watch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, then rebuild on every change to content/ or Templates/.",
        discussion: """
            Only what a change affects is rebuilt, and only files whose bytes changed are written; \
            the result is the same as a full build. A build with errors changes nothing: the last \
            good site stays. Stop with Ctrl-C.
            """
    )

    @OptionGroup var options: WatchOptions

    func run() async throws {
        try await runServices([try Rebuilder(options.builder, mode: options.mode, onBuild: options.printReport)])
    }
}

/// Options shared by `watch` and `serve`.
struct WatchOptions: ParsableArguments {
    @OptionGroup var root: RootOption

    @Option(help: "Where to write the site (default: site/ inside the dossier).")
    var out: String?

    @Flag(help: "Look for changes every half second instead of asking the system to report them (for network and shared folders that report none).")
    var poll = false

    @Flag(help: "Print how long each stage of each build took, to standard error.")
    var timings = false

    var builder: SiteBuilder {
        SiteBuilder(root: root.url, output: out.map { URL(fileURLWithPath: $0, isDirectory: true) })
    }

    var mode: FileWatcher.Mode {
        poll ? .poll(interval: .milliseconds(500)) : .events
    }

    /// Prints a build's problems and what it did.
    var printReport: Rebuilder.BuildHandler {
        { [timings] report, duration in
            printDiagnostics(report.diagnostics)
            if timings { printTimings(report) }
            print(report.summary(after: duration))
            fflush(nil)
        }
    }
}

/// Runs `services` until Ctrl-C or SIGTERM asks them to stop. A service
/// that cannot start (no file watching, a port in use) ends the command with
/// its message and status 1.
func runServices(_ services: [any Service]) async throws {
    let logger = Logger(label: "dossier") { _ in SwiftLogNoOpLogHandler() }  // failures are printed below
    let group = ServiceGroup(configuration: .init(
        services: services.map { .init(service: $0) },
        gracefulShutdownSignals: [.sigterm, .sigint],
        logger: logger))
    // A build under way finishes before the services stop. Publishing is
    // atomic, so when they have not stopped two seconds after the signal,
    // the command leaves at once instead: the site stays whole either way.
    let impatience = [SIGINT, SIGTERM].map { number in
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler { DispatchQueue.global().asyncAfter(deadline: .now() + 2) { exit(0) } }
        source.resume()
        return source
    }
    defer { impatience.forEach { $0.cancel() } }
    do {
        try await group.run()
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        throw ExitCode(1)
    }
}
