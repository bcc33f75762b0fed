import ErrorKBModel
import ErrorKBStore
import ErrorKBSupport

/// A search query read as text, the way the index reads documents: words are runs of letters and
/// digits, Chinese runs are words of their own, and everything else (punctuation, quotes, FTS5
/// operators, CJK punctuation) only separates words. Pasted text therefore finds what its words
/// find: `symbol,`, `"symbol"`, `余额？` and `（余额不足）` are `symbol`, `余额` and `余额不足`.
///
/// Two kinds of token are kept as written: placeholders (`%s`, `％s`, `{0}`, `{param}`), which a
/// hit must contain literally, and codes (`-1121`, `−1121`, `(-1121)`, `code=-2019`, `51006`):
/// a code that is documented puts its entries first and leaves the words.
struct SearchQuery: Equatable {
    /// The words, Chinese runs and placeholders, in query order without repeats; at most
    /// `KnowledgeBase.maxTerms`.
    var terms: [Substring]
    /// The codes the query names (a minus sign of any kind before 3–6 digits, or the digits alone).
    var codes: [Int64]

    init(_ query: String) {
        var terms: [Substring] = []
        var codes: [Int64] = []
        let text = Substring(Self.folded(query))
        let scalars = Array(text.unicodeScalars)
        var index = text.unicodeScalars.startIndex
        var position = 0
        func add(_ term: Substring) {
            if !terms.contains(term) { terms.append(term) }
        }
        while position < scalars.count {
            let scalar = scalars[position]
            let start = index
            let length: Int
            if let placeholder = Self.placeholderLength(scalars, at: position) {
                length = placeholder
                add(text[start..<text.unicodeScalars.index(start, offsetBy: length)])
            } else if scalar.isCJK {
                length = scalars[position...].prefix { $0.isCJK }.count
                add(text[start..<text.unicodeScalars.index(start, offsetBy: length)])
            } else if scalar.isWordScalar {
                length = scalars[position...].prefix { !$0.isCJK && $0.isWordScalar }.count
                let word = text[start..<text.unicodeScalars.index(start, offsetBy: length)]
                let negative = position > 0 && scalars[position - 1] == "-" && (position < 2 || !scalars[position - 2].isWordScalar)
                if (3...6).contains(word.count), word.allSatisfy(\.isASCII), word.allSatisfy(\.isNumber), let value = Int64(word) {
                    codes.append(negative ? -value : value)
                }
                add(word)
            } else {
                length = 1
            }
            position += length
            index = text.unicodeScalars.index(index, offsetBy: length)
        }
        self.terms = Array(terms.prefix(KnowledgeBase.maxTerms))
        self.codes = codes
    }

    /// The query with the other minus signs (`MinusSign`) written as `-`, full-width `％` as `%`, and control characters (NUL included) as spaces.
    static func folded(_ query: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in query.unicodeScalars {
            switch scalar.value {
            case let value where MinusSign.isOther(value): result.append("-")
            case 0xFF05: result.append("%")
            default:
                result.append(scalar.properties.generalCategory == .control ? " " : scalar)
            }
        }
        return String(result)
    }

    /// The length of the placeholder at `position` (`%s`, `%d`, `{0}`, `{param}`), if one starts there.
    private static func placeholderLength(_ scalars: [Unicode.Scalar], at position: Int) -> Int? {
        let scalar = scalars[position]
        if scalar == "%", position + 1 < scalars.count, "sdbf".unicodeScalars.contains(scalars[position + 1]),
           position + 2 >= scalars.count || !scalars[position + 2].isWordScalar {
            return 2
        }
        if scalar == "{" {
            let inner = scalars[(position + 1)...].prefix { $0.isASCII && ($0.isWordScalar || $0 == "_") }
            let end = position + 1 + inner.count
            if !inner.isEmpty, inner.count <= 32, end < scalars.count, scalars[end] == "}" { return inner.count + 2 }
        }
        return nil
    }
}
