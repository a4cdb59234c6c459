import DossierCore
import Foundation

/// A hold on a site's output folder, so that two processes (two builds, or
/// a build beside `watch` or `serve`) never write the same site at once: an
/// advisory lock (`flock`) on `.<name>.lock` beside the folder, which the
/// system releases when the holder ends, however it ends, so a killed build
/// leaves nothing to clean up. The file itself stays, holding the process
/// id of the last holder, for the message another process shows.
public final class OutputLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The lock file of `output`.
    public static func path(for output: URL) -> String {
        let output = output.standardizedFileURL
        return output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).lock").path
    }

    /// Takes the lock of `output` at once, or throws, saying which process
    /// holds it; never waits.
    public static func acquire(for output: URL) throws(Publisher.Failure) -> OutputLock {
        let path = path(for: output)
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw Publisher.Failure(description: "cannot lock \(output.path) for writing (\(path)): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let failure = errno
            let holder = (try? FileBytes.read(path)).map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
            close(descriptor)
            guard failure == EWOULDBLOCK else {
                throw Publisher.Failure(description: "cannot lock \(output.path) for writing (\(path)): \(String(cString: strerror(failure)))")
            }
            let who = holder.flatMap(Int32.init).map { "another dossier process (pid \($0))" } ?? "another dossier process"
            throw Publisher.Failure(description: "\(output.path) is being written by \(who): wait for it to finish, or stop it")
        }
        let pid = Array("\(getpid())\n".utf8)
        if ftruncate(descriptor, 0) == 0 { _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) } }
        return OutputLock(descriptor: descriptor)
    }
}
