import DossierBuild
import Foundation
import Testing

/// `dossier build` killed with SIGKILL at any moment, run beside `watch`, and
/// `watch` under a burst of edits: the site is always as it was or as one
/// whole build makes it, never a mix. These run the command itself, from
/// the folder the test bundle was built into.
@Suite struct InterruptionTests {
    /// The `dossier` executable beside this test bundle (`swift test`
    /// builds every product of the package).
    static func executable() throws -> URL {
        let products = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            .deletingLastPathComponent()
        let candidates = [products, products.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()]
            .map { $0.appendingPathComponent("dossier") }
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
                            "no dossier executable beside \(products.path): run the tests with `swift test`")
    }

    /// Killed at once (nil), or `delay` ms after the build began writing
    /// its staged site, which it does from the first page rendered to the swap.
    @Test(arguments: [nil, 0, 2, 5, 10, 20, 40, 80, 160, 320, 640] as [Int?])
    func aBuildKilledAtAnyMomentLeavesTheSiteAsItWasOrWhole(afterStagingBegan delay: Int?) async throws {
        let dossier = try ScratchDossier()
        #expect(await dossier.build().succeeded)
        let before = dossier.snapshot()
        let path = "content/raw/002_54d32b1cd897b03d.txt"
        let text = try String(contentsOf: dossier.root.appendingPathComponent(path), encoding: .utf8)
        try dossier.write(path, text + "\nA new closing paragraph.\n")
        let fresh = dossier.root.appendingPathComponent("fresh")
        #expect(await SiteBuilder(root: dossier.root, output: fresh).build().succeeded)
        let edited = ScratchDossier.snapshot(fresh)
        #expect(edited != before)

        let build = Process()
        build.executableURL = try Self.executable()
        build.arguments = ["build", "--root", dossier.root.path]
        build.standardOutput = FileHandle.nullDevice
        build.standardError = FileHandle.nullDevice
        try build.run()
        if let delay {
            let staging = dossier.root.appendingPathComponent(".site.staging").path
            while build.isRunning && !FileManager.default.fileExists(atPath: staging) { try await Task.sleep(for: .milliseconds(1)) }
            try await Task.sleep(for: .milliseconds(delay))
        }
        kill(build.processIdentifier, SIGKILL)
        build.waitUntilExit()

        // Killed before the swap, the site is as it was; after it (the
        // build may be killed while removing the old site), as the edit
        // makes it; a build that ended by itself published the edit.
        let after = dossier.snapshot()
        #expect(after == before || after == edited, "never a mix of the two")
        if build.terminationReason == .exit { #expect(after == edited) }
        // The next build cleans up whatever the killed one left.
        #expect(await dossier.build().succeeded)
        #expect(!FileManager.default.fileExists(atPath: dossier.root.appendingPathComponent(".site.staging").path))
        #expect(dossier.snapshot() == edited)
    }

    @Test func aBuildOfASiteThatWatchIsWritingStopsAndChangesNothing() async throws {
        let dossier = try ScratchDossier()
        func command(_ arguments: String...) throws -> (Process, Pipe, Pipe) {
            let process = Process()
            process.executableURL = try Self.executable()
            process.arguments = arguments + ["--root", dossier.root.path]
            let (output, errors) = (Pipe(), Pipe())
            (process.standardOutput, process.standardError) = (output, errors)
            try process.run()
            return (process, output, errors)
        }
        let (watch, watchOutput, _) = try command("watch", "--poll")
        defer { watch.terminate() }
        var printed = Data()
        while !String(decoding: printed, as: UTF8.self).contains("built"), watch.isRunning {
            printed += watchOutput.fileHandleForReading.availableData
        }
        let before = dossier.snapshot()
        #expect(!before.isEmpty, "watch built the site")

        let (build, _, errors) = try command("build")
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        build.waitUntilExit()
        #expect(build.terminationStatus == 1)
        #expect(message.contains("site:1:1: error: \(dossier.site.path) is being written by another dossier process "
                                 + "(pid \(watch.processIdentifier)): wait for it to finish, or stop it"), "\(message)")
        #expect(dossier.snapshot() == before)

        watch.terminate()
        watch.waitUntilExit()
        let (again, _, _) = try command("build")
        again.waitUntilExit()
        #expect(again.terminationStatus == 0, "the lock went with the watch")
    }

    @Test func aThousandRapidEditsUnderWatchEndWithTheSiteAFullBuildGives() async throws {
        let dossier = try ScratchDossier()
        let watch = Process()
        watch.executableURL = try Self.executable()
        watch.arguments = ["watch", "--root", dossier.root.path]
        let output = Pipe()
        (watch.standardOutput, watch.standardError) = (output, FileHandle.nullDevice)
        try watch.run()
        defer { watch.terminate() }
        let lines = LineCounter(output.fileHandleForReading)
        while lines.built == 0, watch.isRunning { try await Task.sleep(for: .milliseconds(10)) }

        var random = SeededGenerator(state: 1000)
        let edits: [CuratorEdit] = [.appendToRawArticle, .rewordRawArticle, .addRawArticle, .removeRawArticle,
                                    .renameRawArticle, .addCuratedArticle, .rewordClaim, .editTemplate, .breakClaim, .fixClaims]
        for _ in 0..<1000 {
            _ = try edits.randomElement(using: &random)!.apply(to: dossier, random: &random)
        }
        _ = try CuratorEdit.fixClaims.apply(to: dossier, random: &random)
        // Wait until watch has rebuilt and then stayed quiet for 3 s.
        var (seen, quietSince) = (lines.built + lines.failed, ContinuousClock.now)
        while ContinuousClock.now - quietSince < .seconds(3), watch.isRunning {
            try await Task.sleep(for: .milliseconds(50))
            if lines.built + lines.failed != seen { (seen, quietSince) = (lines.built + lines.failed, .now) }
        }
        #expect(watch.isRunning)
        let fresh = dossier.root.appendingPathComponent("fresh")
        #expect(await SiteBuilder(root: dossier.root, output: fresh).build().succeeded)
        #expect(dossier.snapshot() == ScratchDossier.snapshot(fresh))
        #expect(lines.built >= 2, "watch rebuilt after the edits")
    }
}

/// Counts the lines a watch prints that report a rebuild, as they come.
private final class LineCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    private var counts = (built: 0, failed: 0)

    init(_ handle: FileHandle) {
        handle.readabilityHandler = { [self] handle in
            let data = handle.availableData
            lock.withLock {
                text += String(decoding: data, as: UTF8.self)
                while let end = text.firstIndex(of: "\n") {
                    let line = text[..<end]
                    if line.hasPrefix("built") { counts.built += 1 }
                    if line.hasPrefix("build failed") { counts.failed += 1 }
                    text.removeSubrange(...end)
                }
            }
        }
    }

    var built: Int { lock.withLock { counts.built } }
    var failed: Int { lock.withLock { counts.failed } }
}
