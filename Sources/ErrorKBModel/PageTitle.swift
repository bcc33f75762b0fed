/// A page's title as versions of the page share it: the oldest spot page is titled
/// `Error codes for Binance (2019-09-25)` and the newer ones `Error codes for Binance`, so a date
/// closing a title says when, not which page.
package enum PageTitle {
    /// The title without a closing date: `(2019-09-25)`, `- 2019-09-25`, `2019-09-25`.
    package static func withoutDate(_ title: String) -> String {
        guard let range = trailingDate(in: title) else { return title }
        var rest = title[..<range.lowerBound]
        while let last = rest.last, last == " " || last == "-" || last == "–" || last == "—" || last == "," || last == ":" {
            rest = rest.dropLast()
        }
        return rest.isEmpty ? title : String(rest)
    }

    /// The date closing a title, `yyyy-mm-dd`.
    package static func date(in title: String) -> String? {
        trailingDate(in: title).flatMap { isoDate(at: title[$0].drop { $0 == "(" }) }
    }

    /// `yyyy-mm-dd` when the text starts with such a date (what follows it, such as a time, does
    /// not matter): front matter's `updated_at: 2026-01-15T23:46:40.130606`.
    package static func isoDate(at text: Substring) -> String? {
        let head = Array(text.trimmingWhitespaceAndQuotes().prefix(11))
        guard head.count >= 10, head[4] == "-", head[7] == "-",
              head[0..<4].allSatisfy(\.isASCIINumber), head[5..<7].allSatisfy(\.isASCIINumber), head[8..<10].allSatisfy(\.isASCIINumber),
              head.count == 10 || !head[10].isASCIINumber else { return nil }
        return String(head[0..<10])
    }

    /// Where a closing date (in parentheses or not) starts.
    private static func trailingDate(in title: String) -> Range<String.Index>? {
        var end = title.endIndex
        while end > title.startIndex, title[title.index(before: end)] == " " { end = title.index(before: end) }
        var body = title[..<end]
        let parenthesized = body.hasSuffix(")")
        if parenthesized { body = body.dropLast() }
        guard body.count >= 10 else { return nil }
        let start = body.index(body.endIndex, offsetBy: -10)
        guard isoDate(at: body[start...]) != nil else { return nil }
        if parenthesized {
            guard start > title.startIndex, title[title.index(before: start)] == "(" else { return nil }
            return title.index(before: start)..<end
        }
        guard start == title.startIndex || title[title.index(before: start)] == " " else { return nil }
        return start..<end
    }
}

private extension Character {
    var isASCIINumber: Bool { isASCII && isNumber }
}

private extension Substring {
    func trimmingWhitespaceAndQuotes() -> Substring {
        drop { $0 == " " || $0 == "\"" || $0 == "'" }
    }
}
