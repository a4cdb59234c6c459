import Foundation
import Glibc

/// Which paths under a root are watched: those in a listed folder, outside
/// the excluded ones, with no component that is editor noise.
struct Scope: Sendable {
    /// The root's absolute path.
    let root: String
    let folders: [String]
    let excluded: [String]

    init(root: URL, folders: [String], excluded: [String]) {
        self.root = root.standardizedFileURL.path
        self.folders = folders.map(Self.normalized)
        self.excluded = excluded.map(Self.normalized)
    }

    /// "./content/" → "content"; "." → "" (the root itself).
    private static func normalized(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder + "/" + name
    }

    /// Whether `path` is `folder` or below it; everything is below the root, "".
    static func isUnder(_ path: String, _ folder: String) -> Bool {
        folder.isEmpty || path == folder || path.hasPrefix(folder + "/")
    }

    /// Names that editors and tools create and remove around a save.
    static func isNoise(_ name: Substring) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name == "4913"
            || [".swp", ".swx", ".swo", ".tmp"].contains { name.hasSuffix($0) }
            || (name.count > 1 && name.hasPrefix("#") && name.hasSuffix("#"))
            || name.contains("___jb_tmp___") || name.contains("___jb_old___")
    }

    /// Whether changes to `path` are reported.
    func contains(_ path: String) -> Bool {
        folders.contains { Self.isUnder(path, $0) }
            && !excluded.contains { Self.isUnder(path, $0) }
            && !path.split(separator: "/").contains(where: Self.isNoise)
    }

    /// Whether `path` is a folder on the way to a listed folder, such as the
    /// root: watched for the listed folder's creation, not reported.
    func leadsToFolder(_ path: String) -> Bool {
        folders.contains { $0 != path && Self.isUnder($0, path) }
    }

    func absolute(_ path: String) -> String {
        path.isEmpty ? root : root + "/" + path
    }

    /// The file's status, without following a symbolic link; nil if it is gone.
    func status(_ path: String) -> stat? {
        var info = stat()
        return lstat(absolute(path), &info) == 0 ? info : nil
    }

    /// Walks `folder` and the folders below it that are watched or lead to a
    /// watched one, without following symbolic links. `enter` sees each
    /// folder before it is listed; `visit` sees each watched path below
    /// `folder`. Entries that vanish or cannot be read are skipped.
    func walk<Failure: Error>(
        _ folder: String, enter: (String) throws(Failure) -> Void, visit: (String, stat) -> Void
    ) throws(Failure) {
        try enter(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: absolute(folder)) else { return }
        for name in names {
            let path = Self.join(folder, name)
            let watched = contains(path)
            guard watched || leadsToFolder(path), let info = status(path) else { continue }
            if watched { visit(path, info) }
            if info.isFolder {
                try walk(path, enter: enter, visit: visit)
            }
        }
    }

    /// Every watched path that exists now.
    func paths() -> Set<String> {
        var found = Set<String>()
        walk("", enter: { _ in }, visit: { path, _ in found.insert(path) })
        return found
    }
}

extension stat {
    var isFolder: Bool { st_mode & S_IFMT == S_IFDIR }
}
