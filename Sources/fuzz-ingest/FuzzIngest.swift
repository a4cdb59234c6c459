import DossierIngest
import DossierLoad
import Foundation

/// libFuzzer's entry point: any bytes, ingested as a raw article. Built by
/// `bash fuzz/run ingest` (docs/testing.md); a plain build makes a program
/// that only says so.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIngest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = Normalizer.normalize(RawFile(name: "fuzz.txt", path: "content/raw/fuzz.txt", bytes: bytes))
    return 0
}

@main enum FuzzIngest {
    static func main() {
        #if FUZZING
        var (argc, argv) = (CommandLine.argc, CommandLine.unsafeArgv)
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzIngest))
        #else
        print("a libFuzzer target: build and run it with `bash fuzz/run ingest`")
        #endif
    }
}

#if FUZZING
/// libFuzzer's driver, which runs `callback` on its inputs (linked by `-sanitize=fuzzer`).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif
