import DossierCore
import Foundation
import Testing

@Suite struct FileBytesTests {
    let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("dossier-file-bytes-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func write(_ bytes: [UInt8], named name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [0, 1, 4_095, 4_096, 300_000])
    func readsTheWholeFile(size: Int) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(try FileBytes.read(write(bytes, named: "file")) == bytes)
    }

    @Test func aFileOverTheLimitIsRefusedUnreadWithItsSize() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = [UInt8](repeating: 65, count: 10_000)
        let path = try write(bytes, named: "file")
        #expect(try FileBytes.read(path, limit: 10_000) == bytes)
        #expect(throws: FileBytes.Failure.tooLarge(size: 10_000)) { try FileBytes.read(path, limit: 9_999) }
        #expect(throws: FileBytes.Failure.tooLarge(size: 10_000)) { try FileBytes.read(path, limit: 0) }
    }

    @Test func aFileThatStatCannotSizeIsStillHeldToTheLimit() throws {
        // /proc files report a size of 0 and grow as they are read.
        let status = try String(decoding: FileBytes.read("/proc/self/status"), as: UTF8.self)
        #expect(status.contains("Name:"))
        #expect(throws: FileBytes.Failure.tooLarge(size: 11)) { try FileBytes.read("/proc/self/status", limit: 10) }
    }

    @Test func aMissingFileIsMissing() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: FileBytes.Failure.missing) { try FileBytes.read(folder.appendingPathComponent("none").path) }
    }

    @Test func aFolderIsRefusedWithAReason() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: FileBytes.Failure.system("is a folder")) { try FileBytes.read(folder.path) }
    }
}

@Suite struct ReplacingBytesTests {
    @Test func replacesRunsOfBytesAndKeepsTheRest() {
        let text = "a-b--c\u{00E9}-"
        let replaced = text.replacingBytes { bytes, index in
            if bytes[index] == UInt8(ascii: "-") { return ("+", 1) }
            if bytes[index] == 0xC3 { return ("E", 2) }  // é is C3 A9
            return nil
        }
        #expect(replaced == "a+b++cE+")
    }

    @Test func dropsBytesReplacedWithNothingAndGivesBackTextWithNothingToReplace() {
        #expect("x\u{0}y\u{0}".replacingBytes { bytes, index in bytes[index] == 0 ? ("", 1) : nil } == "xy")
        #expect("untouched ✓".replacingBytes { _, _ in nil } == "untouched ✓")
        #expect("".replacingBytes { _, _ in ("!", 1) } == "")
    }
}
