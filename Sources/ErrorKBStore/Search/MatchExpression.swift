import ErrorKBSupport

/// FTS5 MATCH expressions for query terms, over the index form (see `SearchIndex.indexForm`).
/// Every token is letters and digits in double quotes, so an expression is valid FTS5 by
/// construction: no input can make it a syntax error.
enum MatchExpression {
    /// One term of a query; nil when the term has no letters or digits to look up. Words match as
    /// prefixes unless `prefix` is false; a run of Chinese letters is the phrase of its pairs
    /// (one letter: that letter).
    static func term(_ term: Substring, prefix: Bool = true) -> String? {
        guard !isPlaceholder(term) else { return nil }
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
            } else if scalar.isWordScalar {
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

    /// A phrase of an expression: its terms, and whether it is a prefix (`"ord"*`).
    struct Phrase: Equatable {
        var terms: [String]
        var isPrefix: Bool
    }

    /// The phrases of an expression made here, in order: FTS5 numbers them so (the order
    /// `kb_bm25` takes their row counts in). Every phrase is a double-quoted string.
    static func phrases(in expression: String) -> [Phrase] {
        var phrases: [Phrase] = []
        var scalars = expression.unicodeScalars[...]
        while let open = scalars.firstIndex(of: "\"") {
            let rest = scalars[scalars.index(after: open)...]
            guard let close = rest.firstIndex(of: "\"") else { break }
            let terms = String(String.UnicodeScalarView(rest[..<close])).split(separator: " ").map(String.init)
            scalars = scalars[scalars.index(after: close)...]
            let isPrefix = scalars.first == "*"
            phrases.append(Phrase(terms: terms, isPrefix: isPrefix))
        }
        return phrases
    }

    /// Any of the given index terms (a prefix expanded into its completions).
    static func anyOf(_ terms: [String]) -> String {
        "(" + terms.map { "\"\($0)\"" }.joined(separator: " OR ") + ")"
    }

    /// The expressions of several terms joined: all must match, or any.
    static func joined(_ expressions: [String], any: Bool) -> String {
        expressions.map { "(\($0))" }.joined(separator: any ? " OR " : " AND ")
    }

    /// Whether the term is a placeholder (`%s`, `{0}`), which the index does not keep: a hit
    /// must contain it as written. The query layer gives placeholders as terms of their own.
    static func isPlaceholder(_ term: Substring) -> Bool {
        guard let first = term.unicodeScalars.first else { return false }
        return first == "%" || first == "％" || first == "{"
    }

    /// Whether the term is one plain word (no Chinese, no symbols): one that can be expanded into
    /// the index terms it is a prefix of.
    static func isPlainWord(_ term: Substring) -> Bool {
        term.unicodeScalars.allSatisfy { !$0.isCJK && $0.isWordScalar }
    }
}
