/// A small seeded generator (SplitMix64), so a test's random cases are the same on every run and a
/// failure can be reproduced.
public struct SplitMix: RandomNumberGenerator {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SplitMix {
    /// Up to `maxPieces` of `pieces`, picked at random and joined: text dense in what a rule acts on,
    /// for comparing a byte path with the Character rules it stands for.
    public mutating func text(from pieces: [String], upTo maxPieces: Int) -> String {
        (0..<Int.random(in: 0...maxPieces, using: &self)).map { _ in pieces.randomElement(using: &self)! }.joined()
    }
}
