import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// Serves a built site folder over HTTP for previewing, with live reload.
///
/// To run it beside other services (a watcher that rebuilds, say), add `makeService(onListening:)` to a
/// `ServiceGroup`; the group's graceful shutdown stops it, even with pages still connected for live reload.
public struct PreviewServer: Sendable {
    private let site: URL
    private let host: String
    private let port: Int
    private let liveReload: LiveReload

    /// A server for the site in `site`, on `host` and `port`, whose pages follow `liveReload`.
    public init(site: URL, host: String = "127.0.0.1", port: Int = 8000, liveReload: LiveReload) {
        self.site = site
        self.host = host
        self.port = port
        self.liveReload = liveReload
    }

    /// Runs until graceful shutdown (a Service for ServiceLifecycle), calling `onListening` with the actual port once bound (port 0 picks a free port).
    ///
    /// Throws `PreviewServerError` when it cannot listen on its address.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let application = Application(
            responder: SiteResponder(site: site, liveReload: liveReload),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: Logger(label: "dossier.serve") { _ in SwiftLogNoOpLogHandler() }
        )
        do {
            try await application.run()
        } catch let error as IOError where [EADDRINUSE, EADDRNOTAVAIL, EACCES].contains(error.errnoCode) {
            throw PreviewServerError(host: host, port: port, code: error.errnoCode)
        }
    }

    /// This server as a `Service` for a `ServiceGroup`; `onListening` is called with the actual port once bound.
    public func makeService(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) -> some Service {
        PreviewService(server: self, onListening: onListening)
    }
}

private struct PreviewService: Service {
    let server: PreviewServer
    let onListening: @Sendable (Int) async -> Void

    func run() async throws {
        try await server.run(onListening: onListening)
    }
}

/// The preview server could not listen on its address.
public struct PreviewServerError: Error, CustomStringConvertible {
    /// The host it was asked to listen on.
    public let host: String
    /// The port it was asked to listen on.
    public let port: Int
    /// The system's error number from binding.
    public let code: Int32

    /// What went wrong and what to try instead, e.g. `cannot listen on 127.0.0.1:8000: address already in use; try --port 8001`.
    public var description: String {
        let address = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        switch code {
        case EADDRINUSE: return "cannot listen on \(address): address already in use; try --port \(port + 1)"
        case EACCES: return "cannot listen on \(address): permission denied; try a port above 1023"
        default: return "cannot listen on \(address): no such address on this machine; try --host 127.0.0.1"
        }
    }
}
