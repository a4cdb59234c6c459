import DossierCore
import DossierLoad
import Foundation

/// libFuzzer's entry point: any bytes, read as UTF-8 and parsed as each kind
/// of curated file (configuration, article, entity, claim). Built by
/// `bash fuzz/run front-matter` (docs/testing.md); a plain build makes a
/// program that only says so.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: data.map { UnsafeBufferPointer(start: $0, count: size) } ?? UnsafeBufferPointer(start: nil, count: 0),
                      as: UTF8.self)
    _ = ContentFile.config(text, path: "content/dossier.yml")
    _ = ContentFile.article(text, path: "content/articles/fuzz.md", slug: "fuzz")
    let (entity, _) = ContentFile.entity(text, path: "content/entities/fuzz.md", slug: "fuzz")
    let (claim, _) = ContentFile.claim(text, path: "content/claims/fuzz.md", slug: "fuzz")
    if let entity { _ = ContentFile.resolveNameConflicts([entity, entity]) }
    if let claim { _ = ContentFile.resolveClaimReferences([claim], entities: entity.map { [$0] } ?? []) }
    return 0
}

@main enum FuzzFrontMatter {
    static func main() {
        #if FUZZING
        var (argc, argv) = (CommandLine.argc, CommandLine.unsafeArgv)
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzFrontMatter))
        #else
        print("a libFuzzer target: build and run it with `bash fuzz/run front-matter`")
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
