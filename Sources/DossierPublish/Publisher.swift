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
    /// The staging folder: hidden, beside the output, so the final rename
    /// stays within one file system.
    let staging: URL
    /// `output` and `staging` as paths, which a file's relative path is
    /// joined to for every file written: a URL for each cost as much as
    /// writing a small page.
    let outputPath: String, stagingPath: String
    var fileManager: FileManager { .default }

    public init(output: URL) {
        self.output = output.standardizedFileURL
        staging = self.output.deletingLastPathComponent().appendingPathComponent(".\(self.output.lastPathComponent).staging")
        (outputPath, stagingPath) = (self.output.path, staging.path)
    }

    /// Replaces the output folder's content with `files`, written in
    /// parallel into a ``StagedSite``.
    public func publish(_ files: [SiteFile]) async throws -> Report {
        let staged = try stage()
        let outcomes = await files.concurrentMap { file in Result { try staged.add(file) } }
        var (written, unchanged) = ([String](), [String]())
        do {
            for (file, outcome) in zip(files, outcomes) {
                if try outcome.get() { unchanged.append(file.path) } else { written.append(file.path) }
            }
        } catch {
            staged.discard()
            throw error
        }
        return try staged.publish(written: written, unchanged: unchanged)
    }

    /// Starts a new site in the staging folder, removing one a killed
    /// build left; refuses when the output is not a site Dossier built.
    public func stage() throws -> StagedSite {
        try checkOutputIsASite()
        try? fileManager.removeItem(at: staging)  // left by a build that was killed
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot write \(staging.path): \(error.localizedDescription)")
        }
        var isFolder: ObjCBool = false
        return StagedSite(publisher: self,
                          hasPreviousSite: fileManager.fileExists(atPath: outputPath, isDirectory: &isFolder) && isFolder.boolValue)
    }

    /// Writes `bytes` to a new file at `path`, with the permissions the
    /// umask allows, making its folder if it is missing.
    func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let descriptor = try create(path)
        defer { close(descriptor) }
        try writeAll(bytes[...], to: descriptor, path: path)
    }

    /// Opens a new file at `path` for writing, with the permissions the
    /// umask allows, making its folder if it is missing.
    func create(_ path: String) throws(Failure) -> Int32 {
        var descriptor: Int32 = -1
        guard creatingFolder(of: path, {
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            return descriptor >= 0
        }) else { throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        return descriptor
    }

    /// Writes all of `bytes` to the open file at `path`.
    func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: Int32, path: String) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
            offset += count
        }
    }

    /// Runs `create`, which makes the file at `path` and says whether it
    /// could; when it could not because the file's folder is missing, makes
    /// the folder and runs it again.
    private func creatingFolder(of path: String, _ create: () -> Bool) -> Bool {
        if create() { return true }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/") else { return false }
        try? fileManager.createDirectory(atPath: String(path[..<slash]), withIntermediateDirectories: true)
        return create()
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
    func carryOver(_ file: SiteFile) -> Bool {
        let previous = "\(outputPath)/\(file.path)"
        var status = stat()
        guard lstat(previous, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size == file.contents.count,
              let old = try? FileBytes.read(previous), old == file.contents else { return false }
        let staged = "\(stagingPath)/\(file.path)"
        return creatingFolder(of: staged) { link(previous, staged) == 0 }
    }

    func swapIn() throws {
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

    func existingFiles() -> [String] {
        guard let enumerator = fileManager.enumerator(atPath: output.path) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular { paths.append(path) }
        }
        return paths.sorted()
    }

    /// A relative path with no empty, `.` or `..` component. Asked of
    /// every file a build writes, so it reads the bytes in place.
    func isSafe(_ path: String) -> Bool {
        var length = 0, isDots = true  // of the component so far
        func componentIsSafe() -> Bool { length > 0 && !(isDots && length <= 2) }
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                guard componentIsSafe() else { return false }
                (length, isDots) = (0, true)
            } else {
                length += 1
                isDots = isDots && byte == UInt8(ascii: ".")
            }
        }
        return componentIsSafe()
    }
}
