import DossierIngest
import DossierLoad
import FuzzDriver

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
    static func main() { runFuzzTarget("ingest", fuzzIngest) }
}
