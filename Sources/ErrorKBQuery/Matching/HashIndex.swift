/// Text ids by a 64-bit hash, in an open-addressed table probed without `Hasher`: looked up at
/// every word start of every bare log line (`exactSuffix`), where a Dictionary's hashing was a
/// large part of the cost. Several ids may share a hash.
struct HashIndex: Sendable {
    private var keys: [UInt64] = []
    private var values: [Int32] = []
    private var mask = 0

    /// An index of `entries`.
    init(_ entries: [(hash: UInt64, id: Int32)]) {
        var capacity = 8
        while capacity < entries.count * 2 { capacity *= 2 }
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        for entry in entries {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while values[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = entry.hash
            values[slot] = entry.id
        }
    }

    init() {}

    var isEmpty: Bool { keys.isEmpty }

    /// Where the ids stored under `hash` are looked for: pass it to `next` until that returns nil.
    @inline(__always)
    func slot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash) & mask }

    /// The next id stored under `hash` from `slot` (which it moves on), or nil.
    @inline(__always)
    func next(_ hash: UInt64, _ slot: inout Int) -> Int32? {
        guard !keys.isEmpty else { return nil }
        while values[slot] >= 0 {
            defer { slot = (slot + 1) & mask }
            if keys[slot] == hash { return values[slot] }
        }
        return nil
    }

    /// Calls `body` with each id stored under `hash`.
    @inline(__always)
    func forEach(_ hash: UInt64, _ body: (Int32) -> Void) {
        var slot = self.slot(hash)
        while let id = next(hash, &slot) { body(id) }
    }
}
