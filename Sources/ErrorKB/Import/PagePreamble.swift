/// The furniture at the top of a scraped page, before its first section or code line:
/// title, source line, rules, site navigation, the JSON example and intro prose.
struct PagePreamble {
    private var sawExample = false

    /// Reads one preamble line (or a whole JSON example). Returns nil when the body starts here.
    mutating func read(_ lines: LineWindow, at index: Int, into builder: inout DocumentBuilder) -> Int? {
        let line = lines[index]
        let text = line.trimmed
        if RangeLabel.prefix(of: text) != nil || CodeLine(text, requireMinus: true) != nil { return nil }
        if text.hasPrefix("# ") {
            builder.setTitle(String(text.dropFirst(2).trimmingWhitespace()), line: line.number)
        } else if let url = SourceURLLine.url(in: text) {
            builder.setSource(url, line: line.number)
        } else if text.allSatisfy({ $0 == "-" || $0 == "*" || $0 == "_" }) && text.count >= 3 {
            builder.mark(line.number, .rule)
        } else if text == "{", let end = Self.endOfJSON(lines, from: index) {
            builder.mark(line.number...lines[end].number, .jsonExample)
            sawExample = true
            return end + 1
        } else if (text.hasSuffix(":") || text.hasSuffix("：")), Self.nextNonBlank(lines, after: index) == "{" {
            builder.mark(line.number, .jsonExample)
        } else {
            builder.mark(line.number, sawExample ? .prose : .navigation)
        }
        return index + 1
    }

    private static func endOfJSON(_ lines: LineWindow, from index: Int) -> Int? {
        var depth = 0
        for i in index..<(index + 200) where lines.has(i) {
            for c in lines[i].text {
                if c == "{" { depth += 1 } else if c == "}" { depth -= 1 }
            }
            if depth == 0 { return i }
        }
        return nil
    }

    private static func nextNonBlank(_ lines: LineWindow, after index: Int) -> Substring? {
        lines.firstIndex(from: index + 1, where: { !$0.isBlank }).map { lines[$0].trimmed }
    }
}
