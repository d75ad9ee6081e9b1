import Testing
@testable import EarshotIngest

/// `UTF8Bytes.isValid` replaces the standard library's validation on the hot path, so it must give the
/// standard library's answer (`String(validating:as:)`, the independent reference) on every input.
@Suite struct UTF8BytesTests {
    /// Every edge of the well-formed table (Unicode 15, table 3-7): first and last valid second bytes,
    /// overlongs, surrogates, values above U+10FFFF, truncations.
    @Test(arguments: [
        [0x41], [0x7F], [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xC2],
        [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80], [0xE1, 0x80, 0x80], [0xEC, 0xBF, 0xBF], [0xED, 0x9F, 0xBF],
        [0xED, 0xA0, 0x80], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF], [0xE1, 0x80], [0xE1, 0x80, 0x41],
        [0xF0, 0x8F, 0x80, 0x80], [0xF0, 0x90, 0x80, 0x80], [0xF3, 0xBF, 0xBF, 0xBF], [0xF4, 0x8F, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xF0, 0x90, 0x80], [0x41, 0xC3, 0xA9, 0x42],
        Array("sixteen ascii ch".utf8) + [0xFF], Array("eight by".utf8) + [0xC3, 0xA9] + Array("te".utf8),
    ] as [[UInt8]])
    func agreesOnEdges(_ bytes: [UInt8]) {
        #expect(UTF8Bytes.isValid(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        #expect(UTF8Bytes.string(bytes) == String(validating: bytes, as: UTF8.self))
    }

    /// 20,000 seeded random strings biased towards UTF-8 lead and continuation bytes, up to 24 bytes long
    /// (so the eight-bytes-at-a-time ASCII check sees whole words and a tail).
    @Test func agreesOnRandomBytes() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF,
                                    0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        var disagreements = 0
        for _ in 0..<20_000 {
            let length = Int(next() % 25)
            let bytes = (0..<length).map { _ in next() % 2 == 0 ? interesting[Int(next() % UInt64(interesting.count))] : UInt8(next() % 256) }
            let reference = String(validating: bytes, as: UTF8.self)
            if UTF8Bytes.isValid(bytes) != (reference != nil) || UTF8Bytes.string(bytes) != reference { disagreements += 1 }
        }
        #expect(disagreements == 0)
    }
}
