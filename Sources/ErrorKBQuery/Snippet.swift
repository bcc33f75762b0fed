/// A short excerpt of the best matching text with each query term marked as `**term**`.
enum Snippet {
    static let width = 96

    static func make(_ texts: [String], terms: [Substring]) -> String {
        var seen = Set<[Character]>()
        let needles = terms.map { Array(String($0).lowercased()) }.filter { !$0.isEmpty && seen.insert($0).inserted }
        let best = texts.first { text in
            let lowered = Array(text.lowercased())
            return needles.contains { firstMatch(of: $0, in: lowered) != nil }
        } ?? texts.first ?? ""
        return mark(trim(Array(best.replacingOccurrences(of: "\n", with: " ")), around: needles), needles)
    }

    /// Where `needle` first occurs in `text` (both already lowercased), by characters. Written out
    /// rather than with Foundation's `range(of:options:)`, which mishandles NUL on Linux.
    private static func firstMatch(of needle: [Character], in text: [Character], from start: Int = 0) -> Range<Int>? {
        guard needle.count <= text.count, start <= text.count - needle.count else { return nil }
        for i in start...(text.count - needle.count) where text[i] == needle[0] && text[i..<(i + needle.count)].elementsEqual(needle) {
            return i..<(i + needle.count)
        }
        return nil
    }

    private static func trim(_ text: [Character], around needles: [[Character]]) -> [Character] {
        guard text.count > width else { return text }
        let lowered = Array(String(text).lowercased())
        let hit = lowered.count == text.count ? needles.compactMap { firstMatch(of: $0, in: lowered) }.map(\.lowerBound).min() : nil
        let start = max(0, min((hit ?? 0) - width / 3, text.count - width))
        let slice = Array(text[start..<min(text.count, start + width)])
        return (start > 0 ? ["…"] : []) + slice + (start + width < text.count ? ["…"] : [])
    }

    private static func mark(_ text: [Character], _ needles: [[Character]]) -> String {
        let lowered = Array(String(text).lowercased())
        // Lowercasing can change the length (İ → i̇); then the text is shown unmarked.
        guard lowered.count == text.count else { return String(text) }
        var result = ""
        var position = 0
        // Each needle's next match only moves forward: it is looked for again only once the
        // marking has passed it, so a query of many words stays linear in the text.
        var upcoming = needles.map { firstMatch(of: $0, in: lowered) }
        while position < text.count {
            for index in needles.indices {
                if let range = upcoming[index], range.lowerBound < position {
                    upcoming[index] = firstMatch(of: needles[index], in: lowered, from: position)
                }
            }
            let next = upcoming.compactMap { $0 }
                .min { $0.lowerBound < $1.lowerBound || ($0.lowerBound == $1.lowerBound && $0.upperBound > $1.upperBound) }
            guard let range = next else { break }
            result += String(text[position..<range.lowerBound]) + "**" + String(text[range]) + "**"
            position = range.upperBound
        }
        return result + String(text[position...])
    }
}
