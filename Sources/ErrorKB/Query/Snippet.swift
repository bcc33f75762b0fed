/// A short excerpt of the best matching text with each query term marked as `**term**`.
enum Snippet {
    static let width = 96

    static func make(_ texts: [String], terms: [Substring]) -> String {
        let needles = terms.map(String.init).filter { !$0.isEmpty }
        let best = texts.first { text in needles.contains { text.range(of: $0, options: .caseInsensitive) != nil } }
            ?? texts.first ?? ""
        return mark(trim(best.replacingOccurrences(of: "\n", with: " "), around: needles), needles)
    }

    private static func trim(_ text: String, around needles: [String]) -> String {
        guard text.count > width else { return text }
        let hit = needles.compactMap { text.range(of: $0, options: .caseInsensitive) }.min { $0.lowerBound < $1.lowerBound }
        let offset = hit.map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? 0
        let start = max(0, min(offset - width / 3, text.count - width))
        let slice = text.dropFirst(start).prefix(width)
        return (start > 0 ? "…" : "") + slice + (start + width < text.count ? "…" : "")
    }

    private static func mark(_ text: String, _ needles: [String]) -> String {
        var result = ""
        var rest = text[...]
        while !rest.isEmpty {
            let next = needles.compactMap { rest.range(of: $0, options: .caseInsensitive) }
                .min { $0.lowerBound < $1.lowerBound || ($0.lowerBound == $1.lowerBound && $0.upperBound > $1.upperBound) }
            guard let range = next, !range.isEmpty else { break }
            result += rest[..<range.lowerBound] + "**" + rest[range] + "**"
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
