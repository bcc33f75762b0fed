import ErrorKBSupport

/// The cells of a message-keyed table, in any format (pipe tables, tab-separated scrapes, HTML).
enum TableCell {
    /// The runtime messages a first cell names: each quoted string (a cell may hold two,
    /// `"A." / "B."`), else the cell without its quotes (one may be missing).
    static func messages(in text: String) -> [String] {
        var quoted: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "\""), let close = rest[rest.index(after: open)...].firstIndex(of: "\"") {
            quoted.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        if !quoted.isEmpty { return quoted.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty } }
        var plain = text.trimmingWhitespace()[...]
        while plain.first == "\"" { plain = plain.dropFirst() }
        while plain.last == "\"" { plain = plain.dropLast() }
        return plain.isEmpty ? [] : [String(plain.trimmingWhitespace())]
    }

    /// A cell trimmed, without the `｜` debris some copies leave at its end (the Chinese wallet
    /// page's rows end in a full-width vertical line).
    static func trimmingDebris(_ cell: some StringProtocol) -> String {
        var text = Substring(cell).trimmingWhitespace()
        while text.hasSuffix("｜") || text.hasSuffix("|") {
            text = text.dropLast().trimmingWhitespace()
        }
        return String(text)
    }
}
