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
