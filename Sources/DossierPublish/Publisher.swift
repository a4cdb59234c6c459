import CDossierSystem
import DossierCore
import Foundation

/// Writes a site into its output folder so that readers never see half a
/// build: every file goes into a staging folder beside the output, which
/// then replaces the output in one atomic exchange. A file whose bytes did
/// not change is hard-linked from the previous site instead of rewritten,
/// so it keeps its inode and modification time.
public struct Publisher: Sendable {
    /// What a publish did.
    public struct Report: Equatable, Sendable {
        /// Paths whose content is new or changed.
        public var written: [String] = []
        /// Paths carried over unchanged from the previous site.
        public var unchanged: [String] = []
        /// Paths of the previous site that the new one no longer has.
        public var removed: [String] = []
    }

    /// A problem that stopped the publish; the previous site is untouched.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let output: URL
    private var fileManager: FileManager { .default }

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    /// The staging folder: hidden, beside the output, so the final rename
    /// stays within one file system.
    var staging: URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).staging")
    }

    /// Replaces the output folder's content with `files`. The files are
    /// written in parallel, into folders made beforehand.
    public func publish(_ files: [SiteFile]) async throws -> Report {
        if let unsafe = files.first(where: { !isSafe($0.path) }) {
            throw Failure(description: "unsafe output path '\(unsafe.path)'")
        }
        try checkOutputIsASite()
        try? fileManager.removeItem(at: staging)  // left by a build that was killed
        var report = Report()
        do {
            try makeFolders(for: files.map(\.path), under: staging)
            // For each file, whether it was carried over unchanged rather than written.
            let carried = await files.concurrentMap { [self] file in
                Result {
                    if carryOver(file) { return true }
                    try write(file.contents, to: staging.appendingPathComponent(file.path).path)
                    return false
                }
            }
            for (file, carried) in zip(files, carried) {
                if try carried.get() { report.unchanged.append(file.path) } else { report.written.append(file.path) }
            }
            let produced = Set(files.map(\.path))
            report.removed = existingFiles().filter { !produced.contains($0) }
            try swapIn()
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error is Failure ? error : Failure(description: "cannot write \(output.path): \(error.localizedDescription)")
        }
        return report
    }

    /// Makes `root` and every folder under it the files at `paths` go in.
    private func makeFolders(for paths: [String], under root: URL) throws {
        try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        var folders: Set<String> = []
        for path in paths {
            var components = path.split(separator: "/").dropLast()
            while !components.isEmpty, folders.insert(components.joined(separator: "/")).inserted {
                components.removeLast()
            }
        }
        for folder in folders.sorted() {
            let url = root.appendingPathComponent(folder)
            guard mkdir(url.path, 0o777) == 0 || errno == EEXIST else {
                throw Failure(description: "cannot make folder \(url.path): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Writes `bytes` to a new file at `path`, with the permissions the umask allows.
    private func write(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
            offset += count
        }
    }

    /// Brings the output folder from `previous`, the files last published
    /// there, to `files`: only files whose bytes changed are written, and
    /// files no longer produced are removed. Each file is written beside its
    /// place and renamed into it, so a reader never sees half a file. This is
    /// for rebuilds of a watched dossier, after a first `publish(_:)`.
    public func update(_ files: [SiteFile], previous: [String: SiteFile]) throws -> Report {
        var report = Report()
        do {
            for file in files {
                guard isSafe(file.path) else { throw Failure(description: "unsafe output path '\(file.path)'") }
                if previous[file.path]?.contents == file.contents {
                    report.unchanged.append(file.path)
                    continue
                }
                let target = output.appendingPathComponent(file.path)
                let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).partial")
                try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try write(file.contents, to: temporary.path)
                guard rename(temporary.path, target.path) == 0 else {
                    try? fileManager.removeItem(at: temporary)
                    throw Failure(description: "cannot write \(target.path): \(String(cString: strerror(errno)))")
                }
                report.written.append(file.path)
            }
            let produced = Set(files.map(\.path))
            report.removed = previous.keys.filter { !produced.contains($0) }.sorted()
            for path in report.removed {
                try? fileManager.removeItem(at: output.appendingPathComponent(path))
                removeEmptyFolders(above: path)
            }
        } catch {
            throw error is Failure ? error : Failure(description: "cannot write \(output.path): \(error.localizedDescription)")
        }
        return report
    }

    /// Removes the folders holding `path` that are now empty, up to the output.
    private func removeEmptyFolders(above path: String) {
        var folder = path.split(separator: "/").dropLast()
        while !folder.isEmpty {
            let url = output.appendingPathComponent(folder.joined(separator: "/"))
            guard (try? fileManager.contentsOfDirectory(atPath: url.path))?.isEmpty == true else { return }
            try? fileManager.removeItem(at: url)
            folder.removeLast()
        }
    }

    /// Links the previous site's copy of `file` into staging if its bytes
    /// are the same.
    private func carryOver(_ file: SiteFile) -> Bool {
        let previous = output.appendingPathComponent(file.path).path
        var status = stat()
        guard lstat(previous, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size == file.contents.count,
              let old = try? FileBytes.read(previous), old == file.contents else { return false }
        return link(previous, staging.appendingPathComponent(file.path).path) == 0
    }

    private func swapIn() throws {
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return
        }
        if dossier_exchange_paths(staging.path, output.path) != 0 {
            // No atomic exchange on this file system: two renames instead.
            let previous = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).previous")
            try? fileManager.removeItem(at: previous)
            try fileManager.moveItem(at: output, to: previous)
            try fileManager.moveItem(at: staging, to: output)
            try? fileManager.removeItem(at: previous)
            return
        }
        try? fileManager.removeItem(at: staging)  // now holds the previous site
    }

    /// Refuses to replace a folder that is not a site this tool built, so a
    /// mistaken `--out` cannot wipe a curator's files.
    private func checkOutputIsASite() throws {
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw Failure(description: "\(output.path) is a file, not a folder") }
        let contents = (try? fileManager.contentsOfDirectory(atPath: output.path)) ?? []
        if !contents.isEmpty && !contents.contains("dossier.json") {
            throw Failure(description: "refusing to replace \(output.path): it is not empty and holds no dossier.json, so Dossier did not build it")
        }
    }

    private func existingFiles() -> [String] {
        guard let enumerator = fileManager.enumerator(atPath: output.path) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular { paths.append(path) }
        }
        return paths.sorted()
    }

    /// A relative path with no empty, `.` or `..` component.
    func isSafe(_ path: String) -> Bool {
        !path.hasPrefix("/") && path.split(separator: "/", omittingEmptySubsequences: false)
            .allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
