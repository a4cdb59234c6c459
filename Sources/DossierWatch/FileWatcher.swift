import Foundation

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
        guard scope.status("")?.isFolder == true else {
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
    /// accumulate, so the next call returns them all as one batch.
    /// - Returns: nil once `stop()` was called, if the task is cancelled, or
    ///   if another call is already waiting.
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
