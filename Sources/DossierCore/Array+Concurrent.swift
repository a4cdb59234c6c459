import Foundation

extension Array where Element: Sendable {
    /// `transform` applied to every element, in order, by a few tasks that
    /// run in parallel, each over a run of elements (many small tasks would
    /// cost more than the work of one element).
    public func concurrentMap<T: Sendable>(_ transform: @escaping @Sendable (Element) -> T) async -> [T] {
        let runs = concurrentRuns
        var results = [[T]](repeating: [], count: runs.count)
        await withTaskGroup(of: (Int, [T]).self) { group in
            for (index, run) in runs.enumerated() {
                let elements = self[run]
                group.addTask { (index, elements.map(transform)) }
            }
            for await (index, mapped) in group { results[index] = mapped }
        }
        return results.flatMap { $0 }
    }

    /// ``concurrentMap(_:)`` for callers that are not asynchronous: the
    /// calling thread works through runs of elements beside the others,
    /// and returns when all are done.
    public func concurrentMapWaiting<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let runs = concurrentRuns
        var results = [[T]](repeating: [], count: runs.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let results = buffer  // each run writes its own element alone
            DispatchQueue.concurrentPerform(iterations: runs.count) { index in
                results[index] = self[runs[index]].map(transform)
            }
        }
        return results.flatMap { $0 }
    }

    /// The runs of elements the maps above hand out: about sixteen per core,
    /// so that a run of costly elements (the entity pages of a site check)
    /// is not left to one core while the others wait.
    private var concurrentRuns: [Range<Int>] {
        let length = Swift.max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 16))
        return stride(from: 0, to: count, by: length).map { $0..<Swift.min($0 + length, count) }
    }
}
