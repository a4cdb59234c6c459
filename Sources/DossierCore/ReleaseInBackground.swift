/// Lets `value` go on another thread, when nothing else holds it. Freeing
/// a large structure, such as an analysed dossier or every page's links,
/// some million objects, takes a tenth of a second or more on one core,
/// which a build need not wait for.
///
/// The value is handed over, not shared: a task that only held a copy
/// could finish before the caller let its own go, and the caller would
/// then free it all itself, on the thread this was meant to spare.
public func releaseInBackground<Value: Sendable>(_ value: consuming Value) {
    let handedOver = HandedOver(consume value)
    Task.detached(priority: .background) { handedOver.release() }
}

/// A value only the background task takes out, and so only it frees.
/// Unchecked: after `init`, which happens before the task starts, the task
/// alone reads or writes `value`; should the caller's reference be the last
/// to go, the task has already taken the value out.
private final class HandedOver<Value: Sendable>: @unchecked Sendable {
    private var value: Value?

    init(_ value: consuming Value) {
        self.value = consume value
    }

    func release() {
        value = nil
    }
}
