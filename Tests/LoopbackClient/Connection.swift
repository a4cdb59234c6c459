import Foundation

// A client for tests that talk to a server on loopback.

/// Whether `task` returns within `seconds`; if not it is cancelled, so a hang fails the test instead of stalling it.
/// Give a bound that only a hang exceeds: tests run in parallel, and on a two-core machine busy with
/// building sites in other tests, a server's tasks can wait several seconds for a thread.
public func returns(_ task: Task<Void, any Error>, within seconds: Int) async -> Bool {
    let (ended, end) = AsyncStream.makeStream(of: Void.self)
    Task {
        _ = await task.result
        end.finish()
    }
    let returned = await withTaskGroup(of: Bool.self) { race in
        race.addTask {
            for await _ in ended {}
            return !Task.isCancelled
        }
        race.addTask {
            try? await Task.sleep(for: .seconds(seconds))
            return false
        }
        let first = await race.next() ?? false
        race.cancelAll()
        return first
    }
    if !returned { task.cancel() }
    return returned
}

/// A TCP connection to the server on loopback that writes requests byte for byte, so nothing normalises the path.
/// Reads block on a thread of their own, away from the threads the server's tasks need.
public final class Connection: @unchecked Sendable {
    private let fd: Int32
    /// What arrived, and how much of it a `receive` returned; read and
    /// written by the threads `receive` starts, one after another, under
    /// the lock.
    private let lock = NSLock()
    private var received: [UInt8] = []
    private var read = 0

    public init(port: Int) throws {
        #if canImport(Glibc)
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var timeout = timeval(tv_sec: 30, tv_usec: 0)  // long enough for a rebuild on a machine busy with other tests
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard fd >= 0 && connected == 0 else { throw ConnectionError(port: port) }
    }

    deinit { close(fd) }

    public func write(_ request: String) {
        _ = Array(request.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
    }

    /// What arrives after the last read, until it contains `expected`, the server closes, or 5 s pass in silence.
    public func receive(until expected: String? = nil) async -> String {
        await withCheckedContinuation { done in
            Thread.detachNewThread { [self] in
                var buffer = [UInt8](repeating: 0, count: 4096)
                func unread() -> String { lock.withLock { String(decoding: received[read...], as: UTF8.self) } }
                while expected.map({ !unread().contains($0) }) ?? true {
                    let count = recv(fd, &buffer, buffer.count, 0)
                    guard count > 0 else { break }
                    lock.withLock { received += buffer[..<count] }
                }
                let text = lock.withLock {
                    defer { read = received.count }
                    return String(decoding: received[read...], as: UTF8.self)
                }
                done.resume(returning: text)
            }
        }
    }
}

/// A loopback connection could not be opened.
public struct ConnectionError: Error, CustomStringConvertible {
    public let port: Int
    public var description: String { "cannot connect to 127.0.0.1:\(port)" }
}
