/// A dashed word that a command took as text but that is a mistyped option (`--domian`), and the
/// message that names the nearest option it knows.
enum UnknownOption {
    /// `--word` or `-x…`; not a negative code (`-1121`), a lone `-` or `--`, or text after a dash and a digit.
    static func looksLikeOption(_ word: String) -> Bool {
        guard word.hasPrefix("-"), word != "--" else { return false }
        let rest = word.drop { $0 == "-" }
        return word.count - rest.count <= 2 && (rest.first?.isLetter ?? false) && (rest.first?.isASCII ?? false)
    }

    /// "unknown option '--domian'; did you mean '--domain'?" when one is near (edit distance at
    /// most a third of the longer name, and at least 1).
    static func message(_ word: String, known: [String]) -> String {
        let name = String(word.prefix { $0 != "=" })
        let nearest = known.map { ($0, distance(name, $0)) }.min { $0.1 < $1.1 }
        var message = "unknown option '\(name)'"
        if let (option, cost) = nearest, cost <= max(1, max(name.count, option.count) / 3) { message += "; did you mean '\(option)'?" }
        return message
    }

    /// Levenshtein distance, by characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
