import DossierCore
import Foundation

/// A site being written into the staging folder beside the output, one file
/// at a time and from many tasks at once, so that a build can write each
/// page as soon as it is rendered instead of holding the whole site.
/// Nothing a reader sees changes until ``publish(written:unchanged:)``
/// swaps the staged site in; ``discard()`` removes it instead.
public struct StagedSite: Sendable {
    let publisher: Publisher

    /// Stages `file`: hard-links the previous site's copy when its bytes are
    /// the same, and writes it otherwise, making its folder if needed.
    /// Returns whether it was carried over unchanged.
    public func add(_ file: SiteFile) throws(Publisher.Failure) -> Bool {
        guard publisher.isSafe(file.path) else {
            throw Publisher.Failure(description: "unsafe output path '\(file.path)'")
        }
        if publisher.carryOver(file) { return true }
        try publisher.write(file.contents, to: "\(publisher.stagingPath)/\(file.path)")
        return false
    }

    /// The bytes of the staged file at `path`, if there is one.
    public func contents(of path: String) -> [UInt8]? {
        guard publisher.isSafe(path) else { return nil }
        return try? FileBytes.read("\(publisher.stagingPath)/\(path)")
    }

    /// Replaces the output with the staged site in one atomic exchange.
    /// `written` and `unchanged` are the paths staged, as ``add(_:)``
    /// reported them; the report lists them sorted, with the previous
    /// site's files that the new one no longer has.
    public func publish(written: [String], unchanged: [String]) throws -> Publisher.Report {
        do {
            let produced = Set(written).union(unchanged)
            let removed = publisher.existingFiles().filter { !produced.contains($0) }
            try publisher.swapIn()
            return Publisher.Report(written: written.sorted(), unchanged: unchanged.sorted(), removed: removed)
        } catch {
            discard()
            throw error is Publisher.Failure
                ? error : Publisher.Failure(description: "cannot write \(publisher.output.path): \(error.localizedDescription)")
        }
    }

    /// Removes the staged site, leaving the output as it was.
    public func discard() {
        try? publisher.fileManager.removeItem(at: publisher.staging)
    }
}
