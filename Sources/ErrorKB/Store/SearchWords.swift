import GRDB

/// The distinct words of indexed text (letters and digits, lower case; Chinese is left to its
/// character tokens), kept in `search_words` so that a prefix can be expanded into words.
struct SearchWords {
    private(set) var words: Set<String> = []

    mutating func add(_ text: String) {
        var word = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !scalar.isCJK && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil) {
                word.append(scalar)
            } else if !word.isEmpty {
                words.insert(String(word).lowercased())
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { words.insert(String(word).lowercased()) }
    }

    mutating func add(_ entry: ParsedDocument.Entry) {
        if let name = entry.name { add(name) }
        for message in entry.messages { add(message.text) }
    }

    mutating func add(_ reason: ParsedDocument.Reason) {
        add(reason.message)
        add(reason.description)
    }

    mutating func formUnion(_ other: SearchWords) { words.formUnion(other.words) }

    /// The words that complete `prefix` (lower case), at most `limit`; nil when there are more.
    static func completions(of prefix: String, limit: Int, _ db: Database) throws -> [String]? {
        let words = try db.cachedValues(String.self, "SELECT word FROM search_words WHERE word >= ? AND word < ? ORDER BY word LIMIT ?",
                                        [prefix, prefix + "\u{10FFFF}", limit + 1])
        return words.count > limit ? nil : words
    }
}
