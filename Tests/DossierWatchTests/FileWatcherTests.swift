import DossierWatch
import Foundation
import Glibc
import Testing

/// A dossier in a fresh temporary folder, with content/post.md.
private struct Dossier {
    let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("dossier-watch-\(UUID().uuidString)")

    init() throws {
        try write("content/post.md", "# Post\n")
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// Writes `path` in place, creating the folders it needs.
    func write(_ path: String, _ text: String = "text\n") throws {
        try FileManager.default.createDirectory(at: url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url(path))
    }

    func append(_ path: String, _ text: String = "more\n") throws {
        let handle = try FileHandle(forWritingTo: url(path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    func makeFolder(_ path: String) throws {
        try FileManager.default.createDirectory(at: url(path), withIntermediateDirectories: true)
    }

    /// rename(2), which replaces the target, as saving tools do.
    func move(_ from: String, to: String) throws {
        guard rename(url(from).path, url(to).path) == 0 else { throw POSIXError(.init(rawValue: errno)!) }
    }

    func delete(_ path: String) throws {
        try FileManager.default.removeItem(at: url(path))
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

private let modes: [FileWatcher.Mode] = [.events, .poll(interval: .milliseconds(50))]

/// Takes batches until `enough` holds for all the paths seen so far. After
/// 10 s (a sign of a failure, not a measurement) the watcher is stopped and
/// the batches that came are returned.
private func batches(from watcher: FileWatcher, until enough: (Set<String>) -> Bool) async -> [ChangeBatch] {
    let deadline = Task {
        try await Task.sleep(for: .seconds(10))
        watcher.stop()
    }
    defer { deadline.cancel() }
    var batches: [ChangeBatch] = []
    while !enough(Set(batches.flatMap(\.paths))), let batch = await watcher.next() {
        batches.append(batch)
    }
    return batches
}

private func batches(from watcher: FileWatcher, until path: String) async -> [ChangeBatch] {
    await batches(from: watcher) { $0.contains(path) }
}

private func paths(_ batches: [ChangeBatch]) -> Set<String> {
    Set(batches.flatMap(\.paths))
}

@Test(arguments: modes) func appendingToAFileReportsExactlyThatFile(mode: FileWatcher.Mode) async throws {
    let dossier = try Dossier()
    defer { dossier.remove() }
    let watcher = try FileWatcher(root: dossier.root, folders: ["content"], mode: mode)
    defer { watcher.stop() }

    try dossier.append("content/post.md")
    let seen = await batches(from: watcher) { !$0.isEmpty }
    #expect(seen == [ChangeBatch(paths: ["content/post.md"])])
}

@Test(arguments: modes) func replacingAFileByRenameReportsTheTargetNeverTheTemporaryFile(mode: FileWatcher.Mode) async throws {
    let dossier = try Dossier()
    defer { dossier.remove() }
    // A long quiet period, so the temporary files are gone before a batch settles.
    let watcher = try FileWatcher(root: dossier.root, folders: ["content"], mode: mode, quiet: .milliseconds(250))
    defer { watcher.stop() }

    try dossier.write("content/post.md.new", "# Saved\n")
    try dossier.move("content/post.md.new", to: "content/post.md")
    var seen = await batches(from: watcher, until: "content/post.md")
    #expect(paths(seen) == ["content/post.md"])

    try dossier.write("content/sedXYZ123", "# Edited\n")  // sed -i
    try dossier.move("content/sedXYZ123", to: "content/post.md")
    seen = await batches(from: watcher, until: "content/post.md")
    #expect(paths(seen) == ["content/post.md"])
}

@Test(arguments: modes) func aNewNestedFolderIsWatchedWithWhatWasAlreadyInIt(mode: FileWatcher.Mode) async throws {
    let dossier = try Dossier()
    defer { dossier.remove() }
    let watcher = try FileWatcher(root: dossier.root, folders: ["content"], mode: mode)
    defer { watcher.stop() }

    try dossier.write("content/a/b/c/new.md")
    let first = await batches(from: watcher, until: "content/a/b/c/new.md")
    #expect(paths(first).contains("content/a/b/c/new.md"))

    try dossier.write("content/a/b/c/later.md")
    let later = await batches(from: watcher, until: "content/a/b/c/later.md")
    #expect(paths(later).contains("content/a/b/c/later.md"))
}

@Test(arguments: modes) func deletingAFileOrAFolderIsReported(mode: FileWatcher.Mode) async throws {
    let dossier = try Dossier()
    defer { dossier.remove() }
    try dossier.write("content/a/old.md")
    let watcher = try FileWatcher(root: dossier.root, folders: ["content"], mode: mode)
    defer { watcher.stop() }

    try dossier.delete("content/post.md")
    let file = await batches(from: watcher, until: "content/post.md")
    #expect(paths(file) == ["content/post.md"])

    try dossier.delete("content/a")
    let folder = await batches(from: watcher) { $0.isSuperset(of: ["content/a", "content/a/old.md"]) }
    #expect(paths(folder) == ["content/a", "content/a/old.md"])
}

@Test(arguments: modes) func aBurstWhileTheConsumerIsBusyComesAsOneBatch(mode: FileWatcher.Mode) async throws {
    let dossier = try Dossier()
    defer { dossier.remove() }
    let watcher = try FileWatcher(root: dossier.root, folders: ["content"], mode: mode)
    defer { watcher.stop() }

    var written: Set<String> = []
    for index in 0..<50 {
        if index.isMultiple(of: 2) {
            try dossier.append("content/post.md")
            written.insert("content/post.md")
        } else {
            try dossier.write("content/burst-\(index).md")
            written.insert("content/burst-\(index).md")
        }
    }
    let seen = await batches(from: watcher) { !$0.isEmpty }
    #expect(seen == [ChangeBatch(paths: written)])
}

@Test(arguments: modes) func excludedFoldersAreNeitherWatchedNorReported(mode: FileWatcher.Mode) async throws {
    let dossier = try Dossier()
    defer { dossier.remove() }
    try dossier.write("site/index.html")
    let watcher = try FileWatcher(root: dossier.root, folders: ["."], excluding: ["site", "content/out/"], mode: mode)
    defer { watcher.stop() }

    try dossier.write("site/index.html", "<p>rebuilt</p>")
    try dossier.write("site/articles/post.html")
    try dossier.write("content/out/deep/page.html")
    try dossier.append("content/post.md")
    let seen = await batches(from: watcher, until: "content/post.md")
    #expect(paths(seen) == ["content/post.md"])
}

@Test(arguments: modes) func editorNoiseIsNeverReported(mode: FileWatcher.Mode) async throws {
    let dossier = try Dossier()
    defer { dossier.remove() }
    let watcher = try FileWatcher(root: dossier.root, folders: ["content"], mode: mode)
    defer { watcher.stop() }

    let noise = [".post.md.swp", ".post.md.swx", "post.md.swo", "post.md~", "4913", ".hidden", "#post.md#",
                 "post.md___jb_tmp___", "post.md___jb_old___", "draft.tmp", ".git/HEAD"]
    for name in noise {
        try dossier.write("content/\(name)")
    }
    try dossier.delete("content/4913")
    try dossier.append("content/post.md")
    let seen = await batches(from: watcher, until: "content/post.md")
    #expect(paths(seen) == ["content/post.md"])
}

@Test(arguments: modes) func aListedFolderCreatedAfterTheStartIsWatched(mode: FileWatcher.Mode) async throws {
    let dossier = try Dossier()
    defer { dossier.remove() }
    let watcher = try FileWatcher(root: dossier.root, folders: ["content", "Templates"], mode: mode)
    defer { watcher.stop() }

    try dossier.write("Templates/page.mustache")
    let first = await batches(from: watcher, until: "Templates/page.mustache")
    #expect(paths(first).contains("Templates/page.mustache"))

    try dossier.write("Templates/index.mustache")
    let later = await batches(from: watcher, until: "Templates/index.mustache")
    #expect(paths(later).contains("Templates/index.mustache"))
}

@Test(arguments: modes) func stopEndsAPendingNext(mode: FileWatcher.Mode) async throws {
    let dossier = try Dossier()
    defer { dossier.remove() }
    let watcher = try FileWatcher(root: dossier.root, folders: ["content"], mode: mode)

    async let pending = watcher.next()
    try await Task.sleep(for: .milliseconds(100))
    watcher.stop()
    #expect(await pending == nil)
    #expect(await watcher.next() == nil)
}

@Test(arguments: modes) func cancellingEndsAPendingNext(mode: FileWatcher.Mode) async throws {
    let dossier = try Dossier()
    defer { dossier.remove() }
    let watcher = try FileWatcher(root: dossier.root, folders: ["content"], mode: mode)
    defer { watcher.stop() }

    let pending = Task { await watcher.next() }
    try await Task.sleep(for: .milliseconds(100))
    pending.cancel()
    #expect(await pending.value == nil)

    try dossier.append("content/post.md")
    let seen = await batches(from: watcher, until: "content/post.md")
    #expect(paths(seen) == ["content/post.md"])
}

@Test(arguments: modes) func aFolderMovedInIsWatched(mode: FileWatcher.Mode) async throws {
    let dossier = try Dossier()
    defer { dossier.remove() }
    try dossier.write("outside/d/moved.md")
    let watcher = try FileWatcher(root: dossier.root, folders: ["content"], mode: mode)
    defer { watcher.stop() }

    try dossier.move("outside/d", to: "content/d")
    let first = await batches(from: watcher, until: "content/d/moved.md")
    #expect(paths(first).isSuperset(of: ["content/d", "content/d/moved.md"]))

    try dossier.write("content/d/after.md")
    let later = await batches(from: watcher, until: "content/d/after.md")
    #expect(paths(later).contains("content/d/after.md"))
}

@Test(arguments: modes) func aFolderMovedAwayIsReportedAndNoLongerWatched(mode: FileWatcher.Mode) async throws {
    let dossier = try Dossier()
    defer { dossier.remove() }
    try dossier.write("content/d/x.md")
    try dossier.makeFolder("outside")
    let watcher = try FileWatcher(root: dossier.root, folders: ["content"], mode: mode)
    defer { watcher.stop() }

    try dossier.move("content/d", to: "outside/d")
    let moved = await batches(from: watcher, until: "content/d")
    #expect(paths(moved) == ["content/d", "content/d/x.md"])

    try dossier.write("outside/d/y.md")
    try dossier.append("content/post.md")
    let later = await batches(from: watcher, until: "content/post.md")
    #expect(paths(later) == ["content/post.md"])
}

@Test(arguments: modes) func symbolicLinksToFoldersAreNotFollowed(mode: FileWatcher.Mode) async throws {
    let dossier = try Dossier()
    defer { dossier.remove() }
    try dossier.makeFolder("outside")
    try FileManager.default.createSymbolicLink(atPath: dossier.url("content/outside").path, withDestinationPath: "../outside")
    try FileManager.default.createSymbolicLink(atPath: dossier.url("content/loop").path, withDestinationPath: "..")
    let watcher = try FileWatcher(root: dossier.root, folders: ["content"], mode: mode)
    defer { watcher.stop() }

    try dossier.write("outside/x.md")
    try dossier.append("content/post.md")
    let seen = await batches(from: watcher, until: "content/post.md")
    #expect(paths(seen) == ["content/post.md"])
}

@Test func aMissingRootIsAClearError() throws {
    let missing = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("dossier-watch-missing-\(UUID().uuidString)")
    let error = #expect(throws: WatchError.self) {
        try FileWatcher(root: missing, folders: ["content"])
    }
    #expect(error?.description == "cannot watch \(missing.path): no such folder")
}
