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

        public var description: String {
            switch self {
            case .missing: "no such file"
            case .system(let reason): reason
            }
        }
    }

    /// The bytes of the file at `path`.
    public static func read(_ path: String) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw errno == ENOENT ? .missing : .system(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .system(String(cString: strerror(errno))) }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw .system("is a folder") }
        // One byte more than the size, so the read that finds the end needs no bigger buffer.
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes += repeatElement(0, count: bytes.count) }  // it grew, or stat did not know
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
