import ErrorKBModel
import ErrorKBSupport

extension ScrapedTextParser {
    /// The furniture at the top of a scraped page, before its first section or code line:
    /// title, source line, rules, site navigation, the JSON example and intro prose.
    enum PreambleLine: LineRecognizer {
        static func read(at index: Int, in parser: inout ScrapedTextParser) -> Int? {
            guard case .preamble = parser.state else { return nil }
            let lines = parser.lines
            let line = lines[index]
            let text = line.trimmed
            if RangeLabel.prefix(of: text) != nil || CodeLine(text, requireMinus: true) != nil { return nil }
            if text.hasPrefix("# ") {
                parser.builder.setTitle(String(text.dropFirst(2).trimmingWhitespace()), line: line.number)
            } else if let url = SourceURLLine.url(in: text) {
                parser.builder.setSource(url, line: line.number)
            } else if text.allSatisfy({ $0 == "-" || $0 == "*" || $0 == "_" }) && text.count >= 3 {
                parser.builder.mark(line.number, .rule)
            } else if text == "{", let end = endOfJSON(lines, from: index) {
                parser.builder.mark(line.number...lines[end].number, .jsonExample)
                parser.sawExample = true
                return end + 1
            } else if (text.hasSuffix(":") || text.hasSuffix("：")), nextNonBlank(lines, after: index) == "{" {
                parser.builder.mark(line.number, .jsonExample)
            } else {
                parser.builder.mark(line.number, parser.sawExample ? .prose : .navigation)
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
}
