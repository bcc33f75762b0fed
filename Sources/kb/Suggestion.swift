/// The nearest of a set of words to a mistyped one, as git and gh suggest a command.
enum Suggestion {
    /// The candidate closest by edit distance (a swap of neighbours counts one), when close
    /// enough to be a typo: at most a third of the word's length, and at least 1; or the only
    /// candidate the word begins.
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let word = word.lowercased()
        let prefixed = candidates.filter { $0.hasPrefix(word) && !word.isEmpty }
        if prefixed.count == 1 { return prefixed[0] }
        let limit = max(1, word.count / 3)
        let scored = candidates.map { ($0, distance(word, $0.lowercased())) }.filter { $0.1 <= limit }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
    /// neighbours, each 1.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
