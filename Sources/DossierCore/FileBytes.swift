import Foundation

/// Reads whole files with plain system calls: one open, one stat for the
/// size and as few reads as the file needs, where Foundation's file APIs
/// cost several times more for the small files a dossier is made of.
public enum FileBytes {
    /// Why a file could not be read.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// There is no file at the path.
        case missing
        /// The system refused, with this reason.
        case system(String)
        /// The file holds more bytes than the reader would take (at least
        /// this many); none were kept.
        case tooLarge(size: Int)

        public var description: String {
            switch self {
            case .missing: "no such file"
            case .system(let reason): reason
            case .tooLarge(let size): "too large (\(size) bytes)"
            }
        }
    }

    /// The bytes of the file at `path`, unless it holds more than `limit`
    /// bytes: then it throws ``Failure/tooLarge(size:)`` having read at most
    /// one byte past the limit, so a huge file costs no memory.
    public static func read(_ path: String, limit: Int = .max) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw errno == ENOENT ? .missing : .system(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .system(String(cString: strerror(errno))) }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw .system("is a folder") }
        let size = Int(status.st_size)
        guard size <= limit else { throw .tooLarge(size: size) }
        // One byte more than the size, so the read that finds the end needs no bigger buffer.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while true {
            if filled > limit { throw .tooLarge(size: filled) }  // it grew since stat
            if filled == bytes.count { bytes += repeatElement(0, count: min(bytes.count, limit - filled + 1)) }  // it grew, or stat did not know
            let count = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .system(String(cString: strerror(errno))) }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}
