import Glibc

/// Finds changes by comparing snapshots of the watched folders, for file
/// systems where inotify sees nothing (network and virtualised mounts).
struct PollingTree: ChangeSource {
    /// What tells one version of a file from another.
    struct Stamp: Equatable, Sendable {
        var size: Int
        var modified: Int
        var inode: UInt

        /// A folder's stamp is only its inode: its size and time change with
        /// every entry added or removed, and those are reported themselves.
        init(_ info: stat) {
            size = info.isFolder ? 0 : info.st_size
            modified = info.isFolder ? 0 : info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec
            inode = info.st_ino
        }
    }

    let scope: Scope
    let idleWait: Duration?
    var descriptor: Int32? { nil }
    private(set) var snapshot: [String: Stamp]

    init(scope: Scope, interval: Duration) {
        self.scope = scope
        idleWait = interval
        snapshot = Self.snapshot(scope)
    }

    private static func snapshot(_ scope: Scope) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        scope.walk("", enter: { _ in }, visit: { path, info in stamps[path] = Stamp(info) })
        return stamps
    }

    mutating func collect() -> ChangeBatch {
        let current = Self.snapshot(scope)
        var changed = Set(current.filter { snapshot[$0.key] != $0.value }.keys)
        changed.formUnion(snapshot.keys.filter { current[$0] == nil })
        snapshot = current
        return ChangeBatch(paths: changed)
    }

    func close() {}
}
