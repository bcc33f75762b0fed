/// A short excerpt of the best matching text, in plain text, with where each query term matches
/// in it. No markup goes into the text: a reader of JSON or CSV gets the words as written, and the
/// terminal output colours the ranges (`kb search` on a TTY).
public struct Snippet: Codable, Sendable, Equatable {
    /// At most this many characters of the text are kept, plus an ellipsis on each cut side.
    static let width = 96

    /// The excerpt: one line, `…` where it was cut.
    public var text: String
    /// Where the query's terms match in `text`: half-open ranges of Unicode code points (Python's
    /// `str` indexes, Swift's `unicodeScalars`), in order, not overlapping; the longest match wins
    /// where two start together.
    public var highlights: [Range<Int>]

    public init(text: String, highlights: [Range<Int>]) {
        self.text = text
        self.highlights = highlights
    }

    /// The excerpt of the first text in which a term matches (else of the first text), trimmed to
    /// `width` around the first match, with every match of every term.
    static func make(_ texts: [String], terms: [Substring]) -> Snippet {
        var seen = Set<[Character]>()
        let needles = terms.map { Array(String($0).lowercased()) }.filter { !$0.isEmpty && seen.insert($0).inserted }
        let best = texts.first { text in
            let lowered = Array(text.lowercased())
            return needles.contains { firstMatch(of: $0, in: lowered) != nil }
        } ?? texts.first ?? ""
        let text = trim(Array(best.replacingOccurrences(of: "\n", with: " ")), around: needles)
        return Snippet(text: String(text), highlights: scalarRanges(matches(in: text, needles), of: text))
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

    /// Every match, by characters, left to right, not overlapping.
    private static func matches(in text: [Character], _ needles: [[Character]]) -> [Range<Int>] {
        let lowered = Array(String(text).lowercased())
        // Lowercasing can change the length (İ → i̇); then nothing is marked.
        guard lowered.count == text.count else { return [] }
        var found: [Range<Int>] = []
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
            found.append(range)
            position = range.upperBound
        }
        return found
    }

    /// Character ranges as code point ranges.
    private static func scalarRanges(_ ranges: [Range<Int>], of text: [Character]) -> [Range<Int>] {
        guard !ranges.isEmpty else { return [] }
        var offsets = [0]
        offsets.reserveCapacity(text.count + 1)
        for character in text { offsets.append(offsets.last! + character.unicodeScalars.count) }
        return ranges.map { offsets[$0.lowerBound]..<offsets[$0.upperBound] }
    }
}

extension Snippet {
    /// The text cut into runs, each marked or not, in order: what a renderer colours.
    public var runs: [(text: Substring, highlighted: Bool)] {
        let scalars = text.unicodeScalars
        var runs: [(text: Substring, highlighted: Bool)] = []
        var position = 0
        func index(_ offset: Int) -> String.Index { scalars.index(scalars.startIndex, offsetBy: offset) }
        for range in highlights where range.lowerBound >= position && range.upperBound <= scalars.count {
            if range.lowerBound > position { runs.append((text[index(position)..<index(range.lowerBound)], false)) }
            runs.append((text[index(range.lowerBound)..<index(range.upperBound)], true))
            position = range.upperBound
        }
        if position < scalars.count { runs.append((text[index(position)...], false)) }
        return runs
    }
}
