/// Where a watcher's changes come from. The watcher's thread sleeps until
/// `descriptor` is readable or `idleWait` passes, then calls `collect()`.
protocol ChangeSource: Sendable {
    /// Readable when changes wait to be collected; nil if there is none.
    var descriptor: Int32? { get }
    /// How long to sleep when nothing is pending; nil for as long as it takes.
    var idleWait: Duration? { get }
    /// The changes since the previous call, without blocking.
    mutating func collect() -> ChangeBatch
    /// Releases what the source holds.
    func close()
}
