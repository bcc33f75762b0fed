#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ErrorKBSupport

/// Finding documented texts in a normalized message or line: whole, at the end after a prefix,
/// as a template, or near. Each function is linear in the line (suffixes by `SuffixHash`;
/// templates and near matches from at most `maxStarts` word starts).
extension MessageMatcher {
    /// How many word starts of a line templates and near matches are tried from.
    static let maxStarts = 64
    /// How far from the end of a line a template or near match may start.
    static let startWindow = 2048

    /// A text found in a message: which, where it starts, and a template's arguments.
    struct Found {
        var text: Int32
        var start: Int
        var arguments: [Range<Int>] = []
    }

    /// The documented text the whole message is (no template).
    func exactText(_ bytes: [UInt8]) -> Int32? {
        guard !exact.isEmpty, bytes.count <= longestExact else { return nil }
        let hash = SuffixHash.of(bytes[...])
        var slot = exact.slot(hash)
        while let id = exact.next(hash, &slot) {
            if keyEquals(id, bytes[...]) { return id }
        }
        return nil
    }

    /// Whether text `id`'s key is `bytes`.
    @inline(__always)
    func keyEquals(_ id: Int32, _ bytes: ArraySlice<UInt8>) -> Bool {
        let start = Int(keyStart[Int(id)]), count = Int(keyStart[Int(id) + 1]) - start
        guard count == bytes.count else { return false }
        return keyBytes.withUnsafeBufferPointer { keys in
            bytes.withUnsafeBufferPointer { memcmp(keys.baseAddress! + start, $0.baseAddress!, count) == 0 }
        }
    }

    /// The longest documented text that ends the message and starts a word of it, and that is
    /// documented under `code` when one is given.
    func exactSuffix(_ bytes: [UInt8], code: Int64?) -> Found? {
        guard !bytes.isEmpty, !exact.isEmpty else { return nil }
        var best: Found?
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        let lowest = max(0, bytes.count - longestExact)
        bytes.withUnsafeBufferPointer { buffer in
            var index = buffer.count - 1
            while index >= lowest {
                hash = SuffixHash.step(hash, buffer[index])
                if Self.startsWord(buffer, index) {
                    var slot = exact.slot(hash)
                    while let id = exact.next(hash, &slot) {
                        guard keyEquals(id, bytes[index...]), code.map({ texts[Int(id)].codes.contains($0) }) ?? true else { continue }
                        best = Found(text: id, start: index)
                    }
                }
                index -= 1
            }
        }
        return best
    }

    /// The templates that fit the message from the first of `starts` where any does (the longest
    /// part of the line), most literal text first; only the templates of `code` when given.
    func templates(_ bytes: [UInt8], starts: [Int], code: Int64?) -> [Found] {
        for start in starts {
            let rest = bytes[start...]
            guard !rest.isEmpty else { continue }
            var fitted: [(message: Int32, ranges: [Range<Int>])] = []
            func attempt(_ index: Int32) {
                if let ranges = messages[Int(index)].template.matchRanges(in: rest) { fitted.append((index, ranges)) }
            }
            func fit(_ candidates: [Int32]) { for index in candidates { attempt(index) } }
            if let code {
                fit(templatesByCode[code] ?? [])
            } else {
                if rest.count >= 3 {
                    let key = Self.lead(rest, length: 3)
                    var slot = templatesByLead.slot(key)
                    while let index = templatesByLead.next(key, &slot) { attempt(index) }
                }
                for length in shortLeads where rest.count >= length {
                    let key = Self.lead(rest, length: length)
                    var slot = templatesByLead.slot(key)
                    while let index = templatesByLead.next(key, &slot) { attempt(index) }
                }
                if start == starts[0] { fit(leadlessTemplates) }
            }
            guard !fitted.isEmpty else { continue }
            // The template with the most literal text is the most specific fit; then document order.
            let most = fitted.map { messages[Int($0.message)].template.literalLength }.max()!
            var found: [Found] = []
            for fit in fitted where messages[Int(fit.message)].template.literalLength == most {
                let text = messages[Int(fit.message)].textID
                if !found.contains(where: { $0.text == text }) { found.append(Found(text: text, start: start, arguments: fit.ranges)) }
            }
            return found
        }
        return []
    }

    /// The texts nearest the message (`NearMatch`), from any of `starts`; only those documented
    /// under `code` when given. Several when they score the same.
    func near(_ bytes: [UInt8], starts: [Int], code: Int64?) -> [Found] {
        guard !textsByFirstToken.isEmpty else { return [] }
        // The line's words are read only when a documented text starts with the word at a start.
        var tokens: [NearMatch.Token]?
        var best: [Found] = []
        var bestScore = 0.0
        for start in starts {
            guard let firstWord = NearMatch.firstWord(bytes, at: start), let candidates = textsByFirstToken[firstWord.hash] else { continue }
            if tokens == nil { tokens = NearMatch.tokens(bytes[...]) }
            guard let first = tokens!.firstIndex(where: { $0.start >= firstWord.start }), tokens![first].hash == firstWord.hash else { continue }
            let rest = tokens![first...]
            var words: Set<UInt64>?
            for id in candidates where code.map({ texts[Int(id)].codes.contains($0) }) ?? true {
                if words == nil { words = Set(rest.map(\.hash)) }
                guard let score = NearMatch.score(text: texts[Int(id)], line: bytes, start: firstWord.start, tokens: rest, words: words!) else { continue }
                if score > bestScore {
                    bestScore = score
                    best = [Found(text: id, start: firstWord.start)]
                } else if score == bestScore, !best.contains(where: { $0.text == id }) {
                    best.append(Found(text: id, start: firstWord.start))
                }
            }
        }
        return best
    }

    /// Where a documented text may start: the start, or a character after a space or
    /// punctuation, ASCII or CJK (`下单失败：余额不足`), but not inside a word or a run of Han
    /// characters (`全仓余额不足` does not end with the message `余额不足`).
    @inline(__always)
    static func startsWord(_ bytes: [UInt8], _ index: Int) -> Bool {
        bytes.withUnsafeBufferPointer { startsWord($0, index) }
    }

    @inline(__always)
    static func startsWord(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        if index == 0 { return true }
        guard index < bytes.count else { return false }
        let byte = bytes[index], before = bytes[index - 1]
        if byte & 0xC0 == 0x80 || byte == 0x20 { return false }
        if before < 0x80 { return !ByteText.isWordByte(before) }
        var lead = index - 1
        while lead > 0, bytes[lead] & 0xC0 == 0x80, index - lead < 4 { lead -= 1 }
        let first = bytes[lead]
        // E4-E9: the CJK unified ideographs; E3 81-BF: kana and extension A (E3 80 is punctuation).
        if first >= 0xE4 && first <= 0xE9 { return false }
        if first == 0xE3, lead + 1 < bytes.count, bytes[lead + 1] != 0x80 { return false }
        return true
    }

    /// The word starts of a line that templates and near matches are tried from, longest part
    /// first: at most `maxStarts`, within `startWindow` bytes of the end (the places
    /// `startsWord` allows, found in one forward pass).
    static func wordStarts(_ bytes: [UInt8]) -> [Int] {
        var starts: [Int] = []
        var index = max(0, bytes.count - startWindow)
        while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
        // What came before: 0 a space, punctuation or the start; 1 an ASCII word byte; 2 a Han or kana character.
        // A line of continuation bytes alone (`\x81`) has no start at all.
        guard index < bytes.count else { return starts }
        var before = index == 0 ? 0 : (startsWord(bytes, index) ? 0 : 1)
        while index < bytes.count, starts.count < maxStarts {
            let byte = bytes[index]
            if byte < 0x80 {
                let word = ByteText.isWordByte(byte)
                if before == 0 && (word || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"")) { starts.append(index) }
                before = word ? 1 : 0
                index += 1
            } else {
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                if before == 0 { starts.append(index) }
                let han = (byte >= 0xE4 && byte <= 0xE9) || (byte == 0xE3 && index + 1 < bytes.count && bytes[index + 1] != 0x80)
                before = han ? 2 : 0
                index += length
            }
        }
        return starts
    }
}
