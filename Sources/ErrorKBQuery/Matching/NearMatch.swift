/// Near matches: a runtime message that drifted from its documentation. Tried only after exact
/// and template matches fail, and labelled as such (`MatchCandidate.How.near`). A documented
/// text is near a line when, from a word of the line where the text's first word is:
///
/// - the line goes on with the whole text and then more (`Margin is insufficient. Please add
///   margin…`; the text has at least `minimumPrefix` bytes), or
/// - the line's words from there hold every word of the text and at most 3 more (`less than or
///   equal to zero` for `less than zero`; the text has at least 3 words), or
/// - the two share at least 70% of their words (Jaccard: `IP(203.0.113.7) banned until …` for
///   `IP banned until %s`; the text has at least 3 words).
///
/// Words are ASCII letters and digits in lower case, and each CJK character; numbers and
/// placeholders are values, not words; `doesn't` is `does not`, `can't` and `cannot` are
/// `can not`.
enum NearMatch {
    static let minimumPrefix = 15
    static let minimumJaccard = 0.7

    struct Token {
        var hash: UInt64
        /// Where the word starts in the text.
        var start: Int
    }

    private static let not: UInt64 = hash(Array("not".utf8)[...])

    /// The words of a normalized text, in order.
    static func tokens(_ bytes: ArraySlice<UInt8>) -> [Token] {
        var tokens: [Token] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if let word = word(bytes, at: index) {
                if let first = word.first { tokens.append(first) }
                if let second = word.second { tokens.append(second) }
                index = word.end
            } else {
                index += bytes[index] >= 0xF0 ? 4 : bytes[index] >= 0xE0 ? 3 : 1
            }
        }
        return tokens
    }

    /// The first word at or after `index` of a line (skipping what is not a word), for looking
    /// up the texts that start with it.
    static func firstWord(_ bytes: [UInt8], at index: Int) -> Token? {
        var index = index
        while index < bytes.count {
            if let word = word(bytes[...], at: index) {
                if let first = word.first { return first }
                index = word.end
            } else {
                index += bytes[index] >= 0xF0 ? 4 : bytes[index] >= 0xE0 ? 3 : 1
            }
        }
        return nil
    }

    private static let won = hash(Array("won".utf8)[...]), will = hash(Array("will".utf8)[...])
    private static let can = hash(Array("can".utf8)[...]), cannot = hash(Array("cannot".utf8)[...])

    /// The word at `index`: its tokens (none for a number; two for `doesn't`, `cannot`) and where
    /// it ends; nil when no word starts there. Hashed as it is read, lower case.
    private static func word(_ bytes: ArraySlice<UInt8>, at index: Int) -> (first: Token?, second: Token?, end: Int)? {
        let byte = bytes[index]
        if ByteText.isWordByte(byte) {
            var end = index
            var numeric = true
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            var beforeLast = hash
            while end < bytes.endIndex, ByteText.isWordByte(bytes[end]) {
                if !ByteText.isDigit(bytes[end]) { numeric = false }
                beforeLast = hash
                hash = (hash ^ UInt64(ByteText.lower(bytes[end]))) &* 0x100_0000_01B3
                end += 1
            }
            if numeric { return (nil, nil, end) }
            if contraction(bytes, at: end) {
                // doesn't → does not; can't → can not; won't → will not
                let stem = hash == won ? will : hash == can ? can : ByteText.lower(bytes[end - 1]) == UInt8(ascii: "n") ? beforeLast : hash
                return (Token(hash: stem, start: index), Token(hash: not, start: index), end + (bytes[end] == UInt8(ascii: "'") ? 2 : 4))
            }
            if hash == cannot { return (Token(hash: can, start: index), Token(hash: not, start: index), end) }
            return (Token(hash: hash, start: index), nil, end)
        }
        guard byte >= 0xE0 else { return nil }
        let length = byte >= 0xF0 ? 4 : 3
        guard index + length <= bytes.endIndex else { return nil }
        // Han, kana and Hangul: each character is a word.
        guard byte >= 0xE3 && byte <= 0xED else { return nil }
        return (Token(hash: hash(bytes[index..<(index + length)]), start: index), nil, index + length)
    }

    /// `'t` or `’t` (U+2019) ending a word at `index`.
    private static func contraction(_ bytes: ArraySlice<UInt8>, at index: Int) -> Bool {
        var t = index
        if t < bytes.endIndex, bytes[t] == UInt8(ascii: "'") {
            t += 1
        } else if ByteText.has([0xE2, 0x80, 0x99], in: bytes, at: t) {
            t += 3
        } else {
            return false
        }
        return t < bytes.endIndex && (bytes[t] == UInt8(ascii: "t") || bytes[t] == UInt8(ascii: "T"))
            && (t + 1 == bytes.endIndex || !ByteText.isWordByte(bytes[t + 1]))
    }

    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }

    /// How near a documented text is to the line's words from `first` on (`tokens`), or nil when
    /// it is not: a whole-text prefix scores 3 and up, containment 2 and up, similarity its
    /// Jaccard index (0.7 to 1).
    static func score(text: MessageMatcher.Text, line: [UInt8], start: Int, tokens: ArraySlice<Token>, words: Set<UInt64>) -> Double? {
        let key = text.key
        if !text.isTemplate, key.count >= minimumPrefix, line.count > start + key.count,
           !ByteText.isWordByte(line[start + key.count]), line[start..<(start + key.count)].elementsEqual(key) {
            return 3 + Double(key.count) / 100_000
        }
        let documented = text.tokens
        guard documented.count >= 3 else { return nil }
        let shared = documented.reduce(0) { $0 + (words.contains($1) ? 1 : 0) }
        if shared == documented.count && words.count - shared <= 3 { return 2 + Double(shared) / Double(words.count) }
        let jaccard = Double(shared) / Double(words.count + documented.count - shared)
        return jaccard >= minimumJaccard ? jaccard : nil
    }
}
