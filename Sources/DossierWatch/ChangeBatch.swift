/// The changes seen under a dossier since the previous batch.
public struct ChangeBatch: Sendable, Equatable {
    /// Paths relative to the root, '/'-separated, of files (or folders)
    /// created, modified, deleted or renamed; each path once.
    public var paths: Set<String>
    /// Events were lost (inotify queue overflow, a watch could not be
    /// added): the consumer must treat everything as changed.
    public var rescanNeeded: Bool

    /// A batch of `paths`, with `rescanNeeded` if events were lost.
    public init(paths: Set<String> = [], rescanNeeded: Bool = false) {
        self.paths = paths
        self.rescanNeeded = rescanNeeded
    }

    var isEmpty: Bool { paths.isEmpty && !rescanNeeded }

    mutating func formUnion(_ other: ChangeBatch) {
        paths.formUnion(other.paths)
        rescanNeeded = rescanNeeded || other.rescanNeeded
    }
}
