import FuzzChecks

/// libFuzzer's entry point: the bytes are sniffed (encoding, delimiter, header, preset) and transcoded
/// from every encoding; a crash, a non-deterministic answer or a chunking-dependent transcoding traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let problem = SniffCheck.violation(in: bytes) { fatalError("FuzzSniff: \(problem)") }
    return 0
}

// scripts/fuzz builds with `--sanitize=fuzzer -Xswiftc -DFUZZING`: SwiftPM then compiles this file with
// `-parse-as-library` and libFuzzer's own `main` drives `fuzz`. Any other build replays the files named
// on the command line through the same check.
#if !FUZZING
let replayed: Int32 = FuzzMain.replay(Array(CommandLine.arguments.dropFirst()), target: "FuzzSniff", check: SniffCheck.violation(in:))
#endif
