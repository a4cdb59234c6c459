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

    @Test func aMissingFileIsMissing() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: FileBytes.Failure.missing) { try FileBytes.read(folder.appendingPathComponent("none").path) }
    }

    @Test func aFolderIsRefusedWithAReason() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: FileBytes.Failure.system("is a folder")) { try FileBytes.read(folder.path) }
    }
}
