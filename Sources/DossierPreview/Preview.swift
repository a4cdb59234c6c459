import DossierBuild
import DossierServe
import DossierWatch
import ServiceLifecycle

/// `dossier serve`: a rebuilder and a preview server side by side. After
/// each successful build the pages open in a browser reload; after a failed
/// one they show its problems over the last good site until a build
/// succeeds again.
public enum Preview {
    /// The services to run together in a `ServiceGroup`.
    public static func services(
        _ builder: SiteBuilder, host: String, port: Int, mode: FileWatcher.Mode = .events,
        onBuild: @escaping Rebuilder.BuildHandler, onListening: @escaping @Sendable (Int) async -> Void
    ) throws -> [any Service] {
        let liveReload = LiveReload()
        let rebuilder = try Rebuilder(builder, mode: mode) { report, duration in
            await onBuild(report, duration)
            if report.succeeded {
                await liveReload.rebuilt()
            } else {
                await liveReload.failed(report.problems)
            }
        }
        let server = PreviewServer(site: builder.output, host: host, port: port, liveReload: liveReload)
        return [server.makeService(onListening: onListening), rebuilder]
    }
}
