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
            let byte = bytes[index]
            if ByteText.isLetter(byte) || ByteText.isDigit(byte) || byte == UInt8(ascii: "_") {
                let start = index
                var numeric = true
                var word: [UInt8] = []
                while index < bytes.endIndex, ByteText.isWordByte(bytes[index]) {
                    if !ByteText.isDigit(bytes[index]) { numeric = false }
                    word.append(ByteText.lower(bytes[index]))
                    index += 1
                }
                if numeric { continue }
                if contraction(bytes, at: index) {
                    // doesn't → does not; can't → can not; won't → will not
                    if word == Array("won".utf8) { word = Array("will".utf8) } else if word != Array("can".utf8), word.last == UInt8(ascii: "n") { word.removeLast() }
                    tokens.append(Token(hash: hash(word[...]), start: start))
                    tokens.append(Token(hash: not, start: start))
                    index += bytes[index] == UInt8(ascii: "'") ? 2 : 4
                } else if word == Array("cannot".utf8) {
                    tokens.append(Token(hash: hash(Array("can".utf8)[...]), start: start))
                    tokens.append(Token(hash: not, start: start))
                } else {
                    tokens.append(Token(hash: hash(word[...]), start: start))
                }
                continue
            }
            guard byte >= 0xE0 else { index += 1; continue }
            let length = byte >= 0xF0 ? 4 : 3
            guard index + length <= bytes.endIndex else { break }
            // Han, kana and Hangul: each character is a word.
            if byte >= 0xE3 && byte <= 0xED { tokens.append(Token(hash: hash(bytes[index..<(index + length)]), start: index)) }
            index += length
        }
        return tokens
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
