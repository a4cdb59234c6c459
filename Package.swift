// swift-tools-version:6.0
import PackageDescription

// The pipeline: load → ingest → analyse → render → check → publish. Each
// stage is a library target that imports only the stages before it (check
// reads rendered files and needs only the core); DossierBuild runs them in
// order and the `dossier` executable is its command line.
// Previewing sits on top: DossierWatch reports changes to content,
// DossierServe serves the built site with live reload, and DossierPreview
// joins them to an incremental build for `dossier watch` and `dossier serve`.
// CAllocator links the release executable with jemalloc (see allocator.c).
// Release builds of Dossier's own modules are optimised with a profile of
// Dossier at work (see the end of this file).
let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DossierBuild", targets: ["DossierBuild"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .target(name: "CDossierSystem"),
        .target(name: "CAllocator", linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux], configuration: .release))]),
        .executableTarget(name: "EmbedThemeTool", path: "Sources/EmbedThemeTool"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["EmbedThemeTool"]),
        .target(name: "DefaultTheme", plugins: ["EmbedTheme"]),
        .target(name: "CommonMark", dependencies: ["CCmark"]),
        .target(name: "MustacheTemplates"),
        .target(name: "DossierCore"),
        .target(name: "DossierLoad", dependencies: ["DossierCore", "Yams"]),
        .target(name: "DossierIngest", dependencies: ["DossierCore", "DossierLoad"]),
        .target(name: "DossierAnalyse", dependencies: ["DossierCore", "DossierIngest", "CommonMark"]),
        .target(name: "DossierRender", dependencies: ["DossierCore", "DossierAnalyse", "CommonMark", "MustacheTemplates"]),
        .target(name: "DossierCheck", dependencies: ["DossierCore"]),
        .target(name: "DossierPublish", dependencies: ["DossierCore", "CDossierSystem"]),
        .target(name: "DossierBuild", dependencies: [
            "DossierCore", "DossierLoad", "DossierIngest", "DossierAnalyse", "DossierRender", "DossierCheck", "DossierPublish",
            "DefaultTheme",
        ]),
        .target(name: "DossierWatch"),
        .target(name: "DossierServe", dependencies: [
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "DossierPreview", dependencies: [
            "DossierCore", "DossierBuild", "DossierWatch", "DossierServe",
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .executableTarget(name: "dossier", dependencies: [
            "DossierBuild", "DossierPreview", "CAllocator",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // libFuzzer targets (fuzz/run): ingest, and curated files' front matter.
        .target(name: "FuzzDriver"),
        .executableTarget(name: "fuzz-ingest", dependencies: ["DossierIngest", "DossierLoad", "FuzzDriver"]),
        .executableTarget(name: "fuzz-front-matter", dependencies: ["DossierLoad", "DossierCore", "FuzzDriver"]),
        .testTarget(name: "CommonMarkTests", dependencies: ["CommonMark"]),
        .testTarget(name: "MustacheTemplatesTests", dependencies: ["MustacheTemplates"]),
        .testTarget(name: "DossierCoreTests", dependencies: ["DossierCore"]),
        .testTarget(name: "DossierLoadTests", dependencies: ["DossierLoad"]),
        .testTarget(name: "DossierIngestTests", dependencies: ["DossierIngest", "CommonMark"], resources: [.copy("Golden")]),
        .testTarget(name: "DossierAnalyseTests", dependencies: ["DossierAnalyse", "DossierIngest", "DossierCore", "CommonMark"]),
        .testTarget(name: "DossierRenderTests", dependencies: ["DossierRender", "DossierAnalyse", "DossierIngest", "DossierCore"],
                    exclude: ["Golden"]),
        .testTarget(name: "DossierCheckTests", dependencies: ["DossierCheck", "DossierCore"]),
        .testTarget(name: "DossierPublishTests", dependencies: ["DossierPublish"]),
        .testTarget(name: "DossierBuildTests", dependencies: ["DossierBuild"], exclude: ["Golden", "Adversarial"]),
        .testTarget(name: "DossierWatchTests", dependencies: ["DossierWatch"]),
        .target(name: "LoopbackClient", path: "Tests/LoopbackClient"),
        .testTarget(name: "DossierServeTests", dependencies: [
            "DossierServe", "LoopbackClient",
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "DossierPreviewTests", dependencies: [
            "DossierPreview", "DossierBuild", "DossierServe", "LoopbackClient",
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)

// Profile-guided optimisation. LLVM lays out and inlines the release
// build's code by how often each branch ran while an instrumented build
// built a synthetic dossier: bench/profile records that into
// bench/dossier.profdata, which it asks for with DOSSIER_PROFILE=generate.
// A profile older than the code still applies to every function that did
// not change; the others are compiled as without one. Functions private
// to a file are named in the profile by the file's name alone, so that the
// profile holds wherever the package is checked out.
let generatingProfile = Context.environment["DOSSIER_PROFILE"] == "generate"
let profileFlag = generatingProfile
    ? "-ir-profile-generate=default-%p.profraw"
    : "-ir-profile-use=\(Context.packageDirectory)/bench/dossier.profdata"
for target in package.targets where target.type == .regular || target.type == .executable {
    guard target.name.hasPrefix("Dossier") || ["CommonMark", "MustacheTemplates", "dossier"].contains(target.name) else { continue }
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(
        ["-Xfrontend", profileFlag, "-Xllvm", "-static-func-full-module-prefix=false"], .when(configuration: .release))]
    if target.type == .executable, generatingProfile {
        // Links LLVM's profile runtime, which writes the counts at exit.
        target.linkerSettings = (target.linkerSettings ?? []) + [.unsafeFlags(["-profile-generate"], .when(configuration: .release))]
    }
}
