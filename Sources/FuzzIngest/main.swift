import FuzzChecks

/// libFuzzer's entry point: the bytes go through `IngestCheck` (chunkings agree, records round-trip,
/// the events account for every byte); a broken invariant traps so libFuzzer saves the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let problem = IngestCheck.violation(in: bytes) { fatalError("FuzzIngest: \(problem)") }
    return 0
}

// scripts/fuzz builds with `--sanitize=fuzzer -Xswiftc -DFUZZING`: SwiftPM then compiles this file with
// `-parse-as-library` and libFuzzer's own `main` drives `fuzz`. Any other build replays the files named
// on the command line through the same check.
#if !FUZZING
let replayed: Int32 = FuzzMain.replay(Array(CommandLine.arguments.dropFirst()), target: "FuzzIngest", check: { IngestCheck.violation(in: $0) })
#endif
