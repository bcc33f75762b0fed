/// The form text takes in the search index, and the queries that find it.
///
/// The index uses SQLite's standard `unicode61` word tokenizer, so every SQLite tool can query it.
/// Words split at spaces and punctuation (`_` included). Chinese has no spaces, so each run of
/// CJK letters is written as its overlapping pairs, then each letter on its own:
///
///     "此资产余额不足。" → "此资 资产 产余 余额 额不 不足 足 此 资 产 余 额 不 。"
///
/// A substring of n ≥ 2 letters is then the phrase of its n − 1 pairs (the pairs stay adjacent),
/// and one letter is a token of its own, read in document order like any word.
public enum SearchTerms {
    public static func indexForm(_ text: String) -> String {
        // CJK letters are 3 or 4 bytes from lead byte E3; text without such bytes is its own form.
        guard text.utf8.contains(where: { $0 >= 0xE3 }) else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count * 2)
        var run: [Unicode.Scalar] = []
        func flushRun() {
            guard !run.isEmpty else { return }
            if !output.isEmpty && output.last != " " { output.append(" ") }
            for i in run.indices.dropLast() {
                output.unicodeScalars.append(run[i])
                output.unicodeScalars.append(run[i + 1])
                output.append(" ")
            }
            output.unicodeScalars.append(run[run.count - 1])
            output.append(" ")
            for scalar in run.dropLast() {
                output.unicodeScalars.append(scalar)
                output.append(" ")
            }
            run.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if scalar.isCJK {
                run.append(scalar)
            } else {
                flushRun()
                output.unicodeScalars.append(scalar)
            }
        }
        flushRun()
        return output
    }

    /// One term of a query, as FTS5 syntax over the index form; nil when the term has no letters
    /// or digits to look up. Tokens are letters and digits only, so quoting them is always safe.
    /// Words match as prefixes unless `prefix` is false.
    static func pattern(forTerm term: Substring, prefix: Bool = true) -> String? {
        var parts: [String] = []
        var word = ""
        var run: [Unicode.Scalar] = []
        func flushWord() {
            if !word.isEmpty { parts.append("\"\(word)\"" + (prefix ? "*" : "")); word = "" }
        }
        func flushRun() {
            guard !run.isEmpty else { return }
            if run.count == 1 {
                parts.append("\"\(String(run[0]))\"")
            } else {
                let pairs = (0..<run.count - 1).map { String(run[$0]) + String(run[$0 + 1]) }
                parts.append("\"" + pairs.joined(separator: " ") + "\"")
            }
            run.removeAll()
        }
        for scalar in term.unicodeScalars {
            if scalar.isCJK {
                flushWord()
                run.append(scalar)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                flushRun()
                word.unicodeScalars.append(scalar)
            } else {
                flushWord()
                flushRun()
            }
        }
        flushWord()
        flushRun()
        return parts.isEmpty ? nil : parts.joined(separator: " AND ")
    }

    /// Whether the term holds characters the index does not keep (`%s`, `{0}`, `'`): such a term
    /// must also appear literally in a hit.
    static func needsLiteralCheck(_ term: Substring) -> Bool {
        term.unicodeScalars.contains { !($0.isCJK || $0.properties.isAlphabetic || $0.properties.numericType != nil) }
    }
}
