import DossierCore
import DossierLoad
import FuzzDriver

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
    static func main() { runFuzzTarget("front-matter", fuzzFrontMatter) }
}
