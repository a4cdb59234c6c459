import Glibc

/// Finds changes through inotify. inotify watches one folder at a time, so
/// every watched folder gets a watch, and a folder that appears is watched
/// and then listed, which catches files created before its watch existed.
struct InotifyTree: ChangeSource {
    let scope: Scope
    private let inotify: Int32
    var descriptor: Int32? { inotify }
    var idleWait: Duration? { nil }
    /// Watch descriptor → the folder it watches.
    private var folders: [Int32: String] = [:]

    /// Folders only, never through a symbolic link. Saving by rename shows
    /// as MOVED_FROM and MOVED_TO on the folder, which is why the watches
    /// are on folders and not on files.
    private static let mask = UInt32(
        IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_MOVED_FROM | IN_MOVED_TO
            | IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK)

    /// Watches the scope's folders, adding every watched path to `present`.
    init(scope: Scope, present: inout Set<String>) throws(WatchError) {
        self.scope = scope
        inotify = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard inotify >= 0 else {
            throw WatchError(description: errno == EMFILE
                ? "cannot watch \(scope.root): too many inotify instances; use --poll"
                : "cannot watch \(scope.root): \(String(cString: strerror(errno)))")
        }
        do {
            try watch("", into: &present)
        } catch {
            Glibc.close(inotify)
            throw error
        }
    }

    func close() {
        Glibc.close(inotify)
    }

    /// Watches `folder` and the folders under it, adding to `found` every
    /// watched path below `folder`.
    private mutating func watch(_ folder: String, into found: inout Set<String>) throws(WatchError) {
        let scope = self.scope
        try scope.walk(folder, enter: { (folder) throws(WatchError) in try addWatch(folder) },
                       visit: { path, _ in found.insert(path) })
    }

    /// Fails only when inotify itself is out of room, or on the root: a
    /// folder that vanished or cannot be read has nothing to report.
    private mutating func addWatch(_ folder: String) throws(WatchError) {
        let wd = inotify_add_watch(inotify, scope.absolute(folder), Self.mask)
        if wd >= 0 {
            folders[wd] = folder
            return
        }
        let name = folder.isEmpty ? scope.root : folder
        switch errno {
        case ENOSPC: throw WatchError(description: "cannot watch \(name): inotify watch limit reached; use --poll")
        case ENOMEM: throw WatchError(description: "cannot watch \(name): out of kernel memory for inotify; use --poll")
        case let error where folder.isEmpty:
            throw WatchError(description: "cannot watch \(name): \(String(cString: strerror(error)))")
        default: return
        }
    }

    /// Drops the watches of `folder` and of the folders under it: once it
    /// is moved away they would report under paths that no longer exist.
    private mutating func unwatch(_ folder: String) {
        for (wd, path) in folders where Scope.isUnder(path, folder) {
            inotify_rm_watch(inotify, wd)
            folders[wd] = nil
        }
    }

    mutating func collect() -> ChangeBatch {
        var changes = ChangeBatch()
        var overflowed = false
        let header = MemoryLayout<inotify_event>.size
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 8)
        defer { buffer.deallocate() }
        while case let count = read(inotify, buffer.baseAddress, buffer.count), count > 0 {
            var offset = 0
            while offset + header <= count {
                let wd = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let name = buffer[offset + header ..< offset + header + length].prefix { $0 != 0 }
                offset += header + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    overflowed = true
                } else {
                    handle(wd, mask, String(decoding: name, as: UTF8.self), into: &changes)
                }
            }
        }
        if overflowed {
            changes.rescanNeeded = true
            rewatch()
        }
        return changes
    }

    private mutating func handle(_ wd: Int32, _ mask: UInt32, _ name: String, into changes: inout ChangeBatch) {
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[wd] = nil
            return
        }
        guard let folder = folders[wd], !name.isEmpty else { return }
        let path = Scope.join(folder, name)
        guard scope.contains(path) || scope.leadsToFolder(path) else { return }
        if scope.contains(path) { changes.paths.insert(path) }
        guard mask & UInt32(IN_ISDIR) != 0 else { return }
        if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 {
            unwatch(path)
        }
        if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            do { try watch(path, into: &changes.paths) } catch { changes.rescanNeeded = true }
        }
    }

    /// After lost events, folders may have appeared unseen or moved away:
    /// starts the watches again from the root.
    private mutating func rewatch() {
        unwatch("")
        var found = Set<String>()
        try? watch("", into: &found)
    }
}
