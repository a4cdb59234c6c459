import DossierBuild
import DossierCore
import DossierWatch
import Foundation
import ServiceLifecycle

/// Builds a dossier, then builds it again each time its content/ or
/// Templates/ change, until graceful shutdown. Changes that arrive during a
/// build are gathered into the one build that follows it; the output folder
/// is never watched. This is `dossier watch`, and half of `dossier serve`.
public struct Rebuilder: Service {
    /// What each build is told: its report, and how long it took from the
    /// change being noticed to the site being written.
    public typealias BuildHandler = @Sendable (_ report: SiteBuilder.Report, _ duration: Duration) async -> Void

    let builder: SiteBuilder
    let watcher: FileWatcher
    let onBuild: BuildHandler

    /// Watches the dossier of `builder` with `mode` (inotify events, or
    /// polling for file systems that deliver none).
    public init(_ builder: SiteBuilder, mode: FileWatcher.Mode = .events, onBuild: @escaping BuildHandler) throws {
        self.builder = builder
        var excluded: [String] = []
        if builder.output.path.hasPrefix(builder.root.path + "/") {
            excluded.append(String(builder.output.path.dropFirst(builder.root.path.count + 1)))
        }
        watcher = try FileWatcher(root: builder.root, folders: ["content", "Templates"], excluding: excluded,
                                  mode: mode, quiet: .milliseconds(20))
        self.onBuild = onBuild
    }

    public func run() async throws {
        var session = BuildSession(builder)
        let clock = ContinuousClock()
        await withGracefulShutdownHandler {
            var started = clock.now
            var report = await session.build()
            await onBuild(report, started.duration(to: clock.now))
            while let batch = await watcher.next() {
                started = clock.now
                report = await session.build(changed: batch.rescanNeeded ? nil : batch.paths)
                await onBuild(report, started.duration(to: clock.now))
            }
        } onGracefulShutdown: {
            watcher.stop()
        }
    }
}

extension SiteBuilder.Report {
    /// One line saying what a build did, for the terminal.
    public func summary(after duration: Duration) -> String {
        let milliseconds = duration.roundedMilliseconds
        guard let publish else {
            let errors = diagnostics.count { $0.severity == .error }
            return "build failed with \(counted(errors, "error")) in \(milliseconds) ms; the site was not changed"
        }
        return "built \(counted(articleCount, "article")) in \(milliseconds) ms: \(pagesRendered) of \(counted(pageCount, "page")) rendered, "
            + "\(publish.written.count) written, \(publish.removed.count) removed"
    }

    /// The problems, one `path:line:column: severity: message` per line.
    public var problems: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
