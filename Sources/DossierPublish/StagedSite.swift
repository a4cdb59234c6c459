import DossierCore
import Foundation

/// A site being written into the staging folder beside the output, one file
/// at a time and from many tasks at once, so that a build can write each
/// page as soon as it is rendered instead of holding the whole site.
/// Nothing a reader sees changes until ``publish(written:unchanged:)``
/// swaps the staged site in; ``discard()`` removes it instead.
public struct StagedSite: Sendable {
    let publisher: Publisher
    /// Whether the output held a site when staging began; a first build
    /// has no file to carry over, and need not look for one per file.
    let hasPreviousSite: Bool

    /// Stages `file`: hard-links the previous site's copy when its bytes are
    /// the same, and writes it otherwise, making its folder if needed.
    /// Returns whether it was carried over unchanged.
    public func add(_ file: SiteFile) throws(Publisher.Failure) -> Bool {
        guard publisher.isSafe(file.path) else {
            throw Publisher.Failure(description: "unsafe output path '\(file.path)'")
        }
        if hasPreviousSite && publisher.carryOver(file) { return true }
        try publisher.write(file.contents, to: "\(publisher.stagingPath)/\(file.path)")
        return false
    }

    /// Stages the file at `path` whose bytes `write` hands over in pieces,
    /// in order, so that a file too large to hold whole (`dossier.json`)
    /// never is: each piece is written at once and compared with the
    /// previous site's copy, and when every byte is the same that copy is
    /// hard-linked in its place. Returns whether it was carried over unchanged.
    public func add(path: String, writtenBy write: ((ArraySlice<UInt8>) -> Void) -> Void) throws(Publisher.Failure) -> Bool {
        guard publisher.isSafe(path) else {
            throw Publisher.Failure(description: "unsafe output path '\(path)'")
        }
        let stagedPath = "\(publisher.stagingPath)/\(path)", previousPath = "\(publisher.outputPath)/\(path)"
        let descriptor = try publisher.create(stagedPath)
        defer { close(descriptor) }
        var previous = PreviousCopy(path: previousPath)
        var failure: Publisher.Failure?
        write { piece in
            guard failure == nil else { return }
            do throws(Publisher.Failure) {
                try publisher.writeAll(piece, to: descriptor, path: stagedPath)
                previous.compare(piece)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        guard previous.isSameToTheEnd() else { return false }
        unlink(stagedPath)
        guard link(previousPath, stagedPath) == 0 else {
            throw Publisher.Failure(description: "cannot write \(stagedPath): \(String(cString: strerror(errno)))")
        }
        return true
    }

    /// The previous site's copy of a file being staged in pieces, read
    /// alongside to tell whether the new one is the same.
    private struct PreviousCopy: ~Copyable {
        /// Open while every byte so far was the same; -1 after a difference.
        private var descriptor: Int32
        private var buffer: [UInt8] = []

        init(path: String) {
            var status = stat()
            descriptor = lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG ? open(path, O_RDONLY | O_CLOEXEC) : -1
        }

        deinit { if descriptor >= 0 { close(descriptor) } }

        /// Reads as many bytes as `piece` holds and compares them with it.
        mutating func compare(_ piece: ArraySlice<UInt8>) {
            guard descriptor >= 0 else { return }
            guard read(piece.count) == piece.count, buffer.elementsEqual(piece) else { return stop() }
        }

        /// Whether the previous copy was the same, and ends here too.
        mutating func isSameToTheEnd() -> Bool {
            descriptor >= 0 && read(1) == 0
        }

        /// Reads up to `count` bytes into `buffer`, as many as there are;
        /// -1 when the system refuses.
        private mutating func read(_ count: Int) -> Int {
            buffer.removeAll(keepingCapacity: true)
            buffer.append(contentsOf: repeatElement(0, count: count))
            var filled = 0
            while filled < count {
                let read = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, count - filled) }
                if read < 0 && errno == EINTR { continue }
                guard read >= 0 else { return -1 }
                if read == 0 { break }
                filled += read
            }
            buffer.removeSubrange(filled...)
            return filled
        }

        private mutating func stop() {
            close(descriptor)
            descriptor = -1
        }
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
