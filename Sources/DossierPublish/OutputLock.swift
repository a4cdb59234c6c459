import DossierCore
import Foundation

/// A hold on a site's output folder, so that two processes (two builds, or
/// a build beside `watch` or `serve`) never write the same site at once: an
/// advisory lock (`flock`) on `.<name>.lock` beside the folder, holding the
/// holder's process id for the message another process shows. The system
/// releases the lock when the holder ends, however it ends, so a killed
/// build leaves no lock behind (at most the file, which the next holder
/// takes and removes).
public final class OutputLock: Sendable {
    private let descriptor: Int32
    private let path: String

    private init(descriptor: Int32, path: String) {
        (self.descriptor, self.path) = (descriptor, path)
    }

    /// Removes the file while still holding its lock, then releases it.
    deinit {
        unlink(path)
        close(descriptor)
    }

    /// The lock file of `output`.
    public static func path(for output: URL) -> String {
        let output = output.standardizedFileURL
        return output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).lock").path
    }

    /// Takes the lock of `output` at once, or throws, saying which process
    /// holds it; never waits.
    public static func acquire(for output: URL) throws(Publisher.Failure) -> OutputLock {
        let path = path(for: output)
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        func failure(_ reason: Int32) -> Publisher.Failure {
            Publisher.Failure(description: "cannot lock \(output.path) for writing (\(path)): \(String(cString: strerror(reason)))")
        }
        while true {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard descriptor >= 0 else { throw failure(errno) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let reason = errno
                close(descriptor)
                guard reason == EWOULDBLOCK else { throw failure(reason) }
                let holder = (try? FileBytes.read(path)).flatMap {
                    Int32(String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
                }
                let who = holder.map { "another dossier process (pid \($0))" } ?? "another dossier process"
                throw Publisher.Failure(description: "\(output.path) is being written by \(who): wait for it to finish, or stop it")
            }
            // The holder before may have removed the file as this opened
            // it: then the lock taken is on a file no one else can find.
            var held = stat(), linked = stat()
            guard fstat(descriptor, &held) == 0, lstat(path, &linked) == 0,
                  held.st_dev == linked.st_dev, held.st_ino == linked.st_ino else {
                close(descriptor)
                continue
            }
            let pid = Array("\(getpid())\n".utf8)
            if ftruncate(descriptor, 0) == 0 { _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) } }
            return OutputLock(descriptor: descriptor, path: path)
        }
    }
}
