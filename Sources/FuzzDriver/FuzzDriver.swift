import Foundation

/// A libFuzzer target: called with each input the fuzzer makes.
public typealias FuzzTarget = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// The `main` of a fuzz target named `name` (as `fuzz/run` knows it): built
/// for fuzzing (`-DFUZZING`, by fuzz/run), it hands `target` to libFuzzer's
/// driver with the command line; built plainly, it says how to fuzz.
public func runFuzzTarget(_ name: String, _ target: FuzzTarget) -> Never {
    #if FUZZING
    var (argc, argv) = (CommandLine.argc, CommandLine.unsafeArgv)
    exit(LLVMFuzzerRunDriver(&argc, &argv, target))
    #else
    print("a libFuzzer target: build and run it with `bash fuzz/run \(name)`")
    exit(0)
    #endif
}

#if FUZZING
/// libFuzzer's driver, which runs `callback` on its inputs (linked by `-sanitize=fuzzer`).
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                                 _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                                 _ callback: FuzzTarget) -> CInt
#endif
