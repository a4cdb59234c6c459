import Foundation
import Glibc
import Synchronization

/// Why a watcher could not start.
public struct WatchError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, for a person, e.g. "cannot watch content: inotify
    /// watch limit reached; use --poll".
    public var description: String
}

/// Reports changes to files under some folders of a dossier, in batches
/// that settle for a quiet period, so one save or a burst of writes makes
/// one rebuild. It reads on a thread of its own; `next()` waits for a batch.
///
/// ```swift
/// let watcher = try FileWatcher(root: root, folders: ["content", "Templates"], excluding: ["site"])
/// while let batch = await watcher.next() { rebuild(batch) }
/// ```
public final class FileWatcher: Sendable {
    /// How changes are found.
    public enum Mode: Sendable {
        /// inotify events, as they happen.
        case events
        /// Comparing snapshots every `interval`, for file systems where
        /// inotify sees nothing (network and virtualised mounts).
        case poll(interval: Duration)
    }

    private let mailbox: Mailbox

    /// Watches `folders` (relative to `root`, e.g. ["content", "Templates"])
    /// recursively. A listed folder that does not exist yet is picked up
    /// when it is created. Paths under `excluding` (relative, e.g. "site")
    /// are never reported nor watched. Changes are delivered once none
    /// arrived for `quiet`.
    /// - Throws: `WatchError` when the root is not a folder or inotify
    ///   cannot be set up.
    public init(
        root: URL, folders: [String], excluding: [String] = [], mode: Mode = .events,
        quiet: Duration = .milliseconds(50)
    ) throws {
        let scope = Scope(root: root, folders: folders, excluded: excluding)
        guard let info = scope.status(""), info.st_mode & S_IFMT == S_IFDIR else {
            throw WatchError(description: "cannot watch \(scope.root): no such folder")
        }
        let mailbox = try Mailbox()
        do {
            switch mode {
            case .events:
                var present = Set<String>()
                let source = try InotifyTree(scope: scope, present: &present)
                Self.start(WatchLoop(source: source, scope: scope, known: present, quiet: quiet, mailbox: mailbox))
            case .poll(let interval):
                let source = PollingTree(scope: scope, interval: interval)
                let known = Set(source.snapshot.keys)
                Self.start(WatchLoop(source: source, scope: scope, known: known, quiet: quiet, mailbox: mailbox))
            }
        } catch {
            mailbox.close()
            throw error
        }
        self.mailbox = mailbox
    }

    deinit {
        stop()
    }

    /// Blocking reads must stay off the cooperative pool, which has as many
    /// threads as cores: the loop gets a thread of its own.
    private static func start(_ loop: WatchLoop<some ChangeSource>) {
        let thread = Thread {
            var loop = loop
            loop.run()
        }
        thread.name = "DossierWatch"
        thread.start()
    }

    /// Waits for the next batch: the union of every change since the
    /// previous call returned, delivered once no new event arrived for
    /// `quiet`. Changes that arrive while the caller is busy (e.g. building)
    /// accumulate, so the next call returns them all as one batch. Call it
    /// from one task at a time.
    /// - Returns: nil once `stop()` was called, or if the task is cancelled.
    public func next() async -> ChangeBatch? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { mailbox.wait($0) }
        } onCancel: {
            mailbox.cancelWait()
        }
    }

    /// Stops watching; wakes a pending `next()` (which returns nil) promptly
    /// and releases the inotify descriptor and thread.
    public func stop() {
        mailbox.stop()
    }
}

/// Where the watcher's thread hands batches to `next()`, and how `next()`
/// and `stop()` wake that thread.
final class Mailbox: Sendable {
    typealias Consumer = CheckedContinuation<ChangeBatch?, Never>

    private struct State {
        var consumer: Consumer?
        var stopped = false
    }

    private let state = Mutex(State())
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

    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWriter, &byte, 1)
    }

    /// Takes `next()`'s continuation and wakes the thread to collect what
    /// is new; a consumer that cannot wait gets nil at once.
    func wait(_ consumer: Consumer) {
        let refused = state.withLock { state -> Consumer? in
            guard !state.stopped, state.consumer == nil, !Task.isCancelled else { return consumer }
            state.consumer = consumer
            wake()
            return nil
        }
        refused?.resume(returning: nil)
    }

    func cancelWait() {
        state.withLock { state -> Consumer? in
            defer { state.consumer = nil }
            return state.consumer
        }?.resume(returning: nil)
    }

    func stop() {
        state.withLock { state -> Consumer? in
            guard !state.stopped else { return nil }
            state.stopped = true
            wake()
            defer { state.consumer = nil }
            return state.consumer
        }?.resume(returning: nil)
    }

    /// Whether a consumer waits; nil once stopped.
    func consumerWaits() -> Bool? {
        state.withLock { $0.stopped ? nil : $0.consumer != nil }
    }

    /// Hands `batch` to the waiting consumer; false if none waits.
    func deliver(_ batch: ChangeBatch) -> Bool {
        let consumer = state.withLock { state -> Consumer? in
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

/// The watcher's thread: collects changes, lets them settle for the quiet
/// period, and hands them to a waiting consumer.
struct WatchLoop<Source: ChangeSource>: Sendable {
    var source: Source
    let scope: Scope
    /// The watched paths that existed when the previous batch settled.
    var known: Set<String>
    let quiet: Duration
    let mailbox: Mailbox

    mutating func run() {
        var pending = ChangeBatch()
        var lastChange: ContinuousClock.Instant?
        var ready = ChangeBatch()
        while true {
            mailbox.sleep(watching: source.descriptor,
                          timeout: lastChange.map { max(.zero, $0 + quiet - .now) } ?? source.idleWait)
            // A consumer that waited before this collection sees every change
            // made before it called `next()`.
            guard let consumerWaits = mailbox.consumerWaits() else { break }
            let found = source.collect()
            if !found.isEmpty {
                pending.formUnion(found)
                lastChange = .now
            }
            if let last = lastChange, last + quiet <= .now {
                ready.formUnion(settle(pending))
                pending = ChangeBatch()
                lastChange = nil
            }
            if consumerWaits, lastChange == nil, !ready.isEmpty, mailbox.deliver(ready) {
                ready = ChangeBatch()
            }
        }
        source.close()
        mailbox.close()
    }

    /// Keeps the paths that exist now or existed when the previous batch
    /// settled, so files that came and went in between (the temporary files
    /// of editors and sed) are never reported. A folder that is gone takes
    /// the known paths under it along.
    private mutating func settle(_ batch: ChangeBatch) -> ChangeBatch {
        var settled = ChangeBatch(rescanNeeded: batch.rescanNeeded)
        for path in batch.paths {
            if scope.status(path) != nil {
                settled.paths.insert(path)
                known.insert(path)
            } else if known.remove(path) != nil {
                let under = known.filter { $0.hasPrefix(path + "/") }
                settled.paths.insert(path)
                settled.paths.formUnion(under)
                known.subtract(under)
            }
        }
        if batch.rescanNeeded {
            known = scope.paths()
        }
        return settled
    }
}
