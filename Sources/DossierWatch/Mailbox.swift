import Foundation
import Glibc

/// Where the watcher's thread hands batches to `next()`, and how `next()`
/// and `stop()` wake that thread.
///
/// Its state is guarded by an `NSLock` (a pthread mutex) rather than
/// `Synchronization.Mutex`, whose futex on Linux ThreadSanitizer does not
/// see: it would report every access as a race.
final class Mailbox: @unchecked Sendable {
    typealias Consumer = CheckedContinuation<ChangeBatch?, Never>

    private struct State {
        var consumer: Consumer?
        var stopped = false
    }

    private let lock = NSLock()
    private var unguardedState = State()
    /// A pipe, written (under the lock, until stopped) to wake the thread,
    /// which closes it when it ends.
    private let wakeReader: Int32
    private let wakeWriter: Int32

    init() throws(WatchError) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            throw WatchError(description: "cannot watch: \(String(cString: strerror(errno)))")
        }
        for end in ends {
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        (wakeReader, wakeWriter) = (ends[0], ends[1])
    }

    /// `body` on the state, under the lock.
    private func withState<Result>(_ body: (inout State) -> Result) -> Result {
        lock.withLock { body(&unguardedState) }
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWriter, &byte, 1)
    }

    /// Takes `next()`'s continuation and wakes the thread to collect what
    /// is new; a consumer that cannot wait gets nil at once.
    func wait(_ consumer: Consumer) {
        let refused = withState { state -> Consumer? in
            guard !state.stopped, state.consumer == nil, !Task.isCancelled else { return consumer }
            state.consumer = consumer
            wake()
            return nil
        }
        refused?.resume(returning: nil)
    }

    /// Ends a waiting `next()` whose task was cancelled.
    func cancelWait() {
        withState { state -> Consumer? in
            defer { state.consumer = nil }
            return state.consumer
        }?.resume(returning: nil)
    }

    /// Ends a waiting `next()` and every later one, and wakes the thread to end.
    func stop() {
        withState { state -> Consumer? in
            guard !state.stopped else { return nil }
            state.stopped = true
            wake()
            defer { state.consumer = nil }
            return state.consumer
        }?.resume(returning: nil)
    }

    /// Whether a consumer waits; nil once stopped.
    func consumerWaits() -> Bool? {
        withState { $0.stopped ? nil : $0.consumer != nil }
    }

    /// Hands `batch` to the waiting consumer; false if none waits.
    func deliver(_ batch: ChangeBatch) -> Bool {
        let consumer = withState { state -> Consumer? in
            defer { state.consumer = nil }
            return state.consumer
        }
        consumer?.resume(returning: batch)
        return consumer != nil
    }

    /// Blocks the thread until `descriptor` is readable, the thread is
    /// woken, or `timeout` passes.
    func sleep(watching descriptor: Int32?, timeout: Duration?) {
        var fds = [pollfd(fd: wakeReader, events: Int16(POLLIN), revents: 0)]
        if let descriptor {
            fds.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0))
        }
        let milliseconds = timeout.map { timeout in
            let (seconds, attoseconds) = timeout.components
            return Int32(clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
        }
        _ = poll(&fds, nfds_t(fds.count), milliseconds ?? -1)
        var bytes = [UInt8](repeating: 0, count: 64)
        while read(wakeReader, &bytes, bytes.count) > 0 {}
    }

    /// Called by the thread once it saw `stop()`, or by an init that failed.
    func close() {
        Glibc.close(wakeReader)
        Glibc.close(wakeWriter)
    }
}
