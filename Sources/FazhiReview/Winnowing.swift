/// Shingles and winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003) over normalised characters.
///
/// Every run of `k` consecutive characters (a shingle) gets a 64-bit rolling hash. Keeping all of them
/// would cost one table entry per character across the folder; winnowing keeps the smallest hash of
/// every window of `w` consecutive shingles instead (about 2/(w+1) of them), and still guarantees that
/// any passage of at least `w + k - 1` characters shared by two texts yields a common fingerprint.
/// Shingles that lie inside standard wording (`excluded`) take no part in the choice, so a window that
/// holds both boilerplate and the drafter's own words picks one of the own words.
public enum Winnowing {
    static let base: UInt64 = 0x100000001B3

    /// Hashes of all shingles of `chars` (`chars.count - k + 1` values; none when shorter than `k`).
    public static func shingles(_ chars: [UInt16], k: Int) -> [UInt64] {
        guard k > 0, chars.count >= k else { return [] }
        var top: UInt64 = 1
        for _ in 1..<k { top = top &* base }
        var out = [UInt64](repeating: 0, count: chars.count - k + 1)
        var h: UInt64 = 0
        chars.withUnsafeBufferPointer { c in
            for i in 0..<k { h = h &* base &+ UInt64(c[i]) &+ 1 }
            out[0] = mix(h)
            var i = k
            while i < c.count {
                h = (h &- (UInt64(c[i - k]) &+ 1) &* top) &* base &+ UInt64(c[i]) &+ 1
                out[i - k + 1] = mix(h)
                i += 1
            }
        }
        return out
    }

    /// The hash of one normalised string of exactly `k` characters (same as `shingles`).
    public static func hash(_ chars: ArraySlice<UInt16>) -> UInt64 {
        var h: UInt64 = 0
        for c in chars { h = h &* base &+ UInt64(c) &+ 1 }
        return mix(h)
    }

    /// A fingerprint: a shingle's hash and where the shingle starts.
    public struct Fingerprint: Sendable, Equatable {
        public var hash: UInt64
        public var position: Int32
    }

    /// The winnowed fingerprints of `hashes`: the rightmost minimum of every window of `w` shingles,
    /// each recorded once. Positions where `excluded` is true are never chosen.
    public static func winnow(_ hashes: [UInt64], w: Int, excluded: (Int) -> Bool) -> [Fingerprint] {
        guard !hashes.isEmpty else { return [] }
        let w = max(1, w)
        var out: [Fingerprint] = []
        out.reserveCapacity(hashes.count * 2 / (w + 1) + 4)
        // Monotone deque of candidate positions: hashes strictly increase from front to back.
        var dq = [Int](repeating: 0, count: hashes.count)
        var head = 0, tail = 0
        var lastChosen = -1
        for i in 0..<hashes.count {
            if !excluded(i) {
                while tail > head && hashes[dq[tail - 1]] >= hashes[i] { tail -= 1 }
                dq[tail] = i
                tail += 1
            }
            let windowStart = i - w + 1
            while tail > head && dq[head] < windowStart { head += 1 }
            // Short texts have one (partial) window; longer ones are judged once each window is full.
            guard windowStart >= 0 || i == hashes.count - 1 else { continue }
            if tail > head {
                // Equal hashes were popped on arrival, so the front is the rightmost minimum.
                let p = dq[head]
                if p != lastChosen {
                    out.append(Fingerprint(hash: hashes[p], position: Int32(p)))
                    lastChosen = p
                }
            }
        }
        return out
    }

    /// A finaliser (splitmix64) so the minimum of a window is not biased by the polynomial's structure.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E3779B97F4A7C15
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
