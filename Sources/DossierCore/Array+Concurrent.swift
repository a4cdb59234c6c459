import Foundation

extension Array where Element: Sendable {
    /// `transform` applied to every element, in order, by a few tasks that
    /// run in parallel, each over a run of elements (many small tasks would
    /// cost more than the work of one element).
    public func concurrentMap<T: Sendable>(_ transform: @escaping @Sendable (Element) -> T) async -> [T] {
        let runLength = Swift.max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 4))
        let starts = Array<Int>(stride(from: 0, to: count, by: runLength))
        var runs = [[T]](repeating: [], count: starts.count)
        await withTaskGroup(of: (Int, [T]).self) { group in
            for (index, start) in starts.enumerated() {
                let run = self[start..<Swift.min(start + runLength, count)]
                group.addTask { (index, run.map(transform)) }
            }
            for await (index, results) in group { runs[index] = results }
        }
        return runs.flatMap { $0 }
    }
}

extension Array where Element: Sendable {
    /// ``concurrentMap(_:)`` for callers that are not asynchronous: the
    /// calling thread works through runs of elements beside the others,
    /// and returns when all are done.
    public func concurrentMapWaiting<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let runLength = Swift.max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 4))
        var runs = [[T]](repeating: [], count: (count + runLength - 1) / runLength)
        runs.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let runs = buffer  // each run writes its own element alone
            DispatchQueue.concurrentPerform(iterations: runs.count) { run in
                let start = run * runLength
                runs[run] = self[start..<Swift.min(start + runLength, count)].map(transform)
            }
        }
        return runs.flatMap { $0 }
    }
}
