import ErrorKBModel
import ErrorKBStore
import ErrorKBSupport

/// Turns runtime errors back into documented errors: `kb match` and `kb classify` both ask it,
/// through one decision (`decide`). Loads every entry, message, template and table row of a
/// database once (of one domain, when given), indexed so that a line costs a hash probe or a
/// few, plus the templates of its code. Works on indices; strings are made only for answers.
public struct MessageMatcher: Sendable {
    struct Entry: Sendable {
        var domain: Int32
        var locale: String
        var code: Int64
        var name: String?
        var meaning: Int32
        var source: String
        var documentID: Int64
        var line: Int
    }

    /// A meaning (`entries.meaning`): the entries of one code that document one error.
    struct Meaning: Sendable {
        var id: Int64
        var code: Int64
        var entries: [Int32] = []
    }

    struct Documented: Sendable {
        var entry: Int32
        var text: String
        var template: MessageTemplate
        var line: Int
        var textID: Int32
    }

    struct TableRow: Sendable {
        var domain: Int32
        var locale, message, description: String
        var codes: [Int64]
        var source: String
        var documentID: Int64
        var line: Int
        var textID: Int32
    }

    /// Where a documented text is: a message of an entry, or a table row.
    enum Hit: Hashable, Sendable {
        case message(Int32)
        case tableRow(Int32)
    }

    /// A documented text, as lines are compared with it: a message or table row without
    /// placeholders (matched whole), or a template. Texts that normalize alike are one text.
    struct Text: Sendable {
        var key: [UInt8]
        var display: String
        var isTemplate: Bool
        var hits: [Hit] = []
        /// The codes the text is documented under: of its entries, then of its table rows.
        var codes: [Int64] = []
        /// The codes of the entries that document it as a message.
        var messageCodes: [Int64] = []
        /// Its words for near matches (`NearMatch.tokens`), sorted, numbers and placeholders left out.
        var tokens: [UInt64] = []
    }

    private(set) var domains: [String] = []
    var entries: [Entry] = []
    var meanings: [Meaning] = []
    var messages: [Documented] = []
    var tableRows: [TableRow] = []
    var texts: [Text] = []
    /// Exact texts by `SuffixHash` of their bytes: the whole message, or its end after a prefix.
    var exact = HashIndex()
    /// Every exact text's key, one after another (`keyStart` of its text), compared without
    /// touching the texts' arrays.
    var keyBytes: [UInt8] = []
    var keyStart: [Int32] = []
    var longestExact = 0
    /// Templates (message indices) by the first three bytes of their leading literal (fewer when
    /// it is shorter: `shortLeads` says which lengths there are).
    var templatesByLead = HashIndex()
    var shortLeads: [Int] = []
    /// Templates that start with a placeholder.
    var leadlessTemplates: [Int32] = []
    var templatesByCode: [Int64: [Int32]] = [:]
    var entriesByCode: [Int64: [Int32]] = [:]
    var meaningsByCode: [Int64: [Int32]] = [:]
    /// Texts by their first word, for near matches.
    var textsByFirstToken: [UInt64: [Int32]] = [:]
    /// The products (`ProductHint` bits) of each domain, by its index in `domains`.
    var domainProducts: [UInt8] = []
    /// The (text, code) answers that allow several meanings (`narrow`).
    var ambiguousTextCodes: Set<TextCode> = []

    /// Loads every entry, message, template and table row of the database, or of one domain.
    public init(_ kb: KnowledgeBase, domain: String? = nil) throws {
        try kb.records { records in try load(records, domain: domain) }
    }

    private mutating func load(_ records: RecordReader, domain only: String?) throws {
        var domainIDs: [String: Int32] = [:]
        func intern(_ domain: String) -> Int32 {
            if let id = domainIDs[domain] { return id }
            domains.append(domain)
            domainIDs[domain] = Int32(domains.count - 1)
            return Int32(domains.count - 1)
        }
        var entryIndex: [Int64: Int32] = [:]
        var meaningIndex: [Int64: Int32] = [:]
        try records.forEachEntry { entry in
            guard only == nil || entry.domain == only else { return }
            let index = Int32(entries.count)
            entryIndex[entry.id] = index
            let meaning: Int32
            if let known = meaningIndex[entry.meaning] {
                meaning = known
            } else {
                meaning = Int32(meanings.count)
                meaningIndex[entry.meaning] = meaning
                meanings.append(Meaning(id: entry.meaning, code: entry.code))
                meaningsByCode[entry.code, default: []].append(meaning)
            }
            meanings[Int(meaning)].entries.append(index)
            entriesByCode[entry.code, default: []].append(index)
            entries.append(Entry(domain: intern(entry.domain), locale: entry.locale, code: entry.code, name: entry.name, meaning: meaning,
                                 source: entry.source, documentID: entry.documentID, line: entry.line))
        }
        var textIndex: [String: Int32] = [:]
        var leads: [(hash: UInt64, id: Int32)] = []
        defer { templatesByLead = HashIndex(leads) }
        func text(_ key: [UInt8], display: String, template: Bool) -> Int32 {
            let name = (template ? "t" : "x") + String(decoding: key, as: UTF8.self)
            if let id = textIndex[name] { return id }
            textIndex[name] = Int32(texts.count)
            texts.append(Text(key: key, display: display, isTemplate: template))
            return Int32(texts.count - 1)
        }
        try records.forEachMessage { message in
            guard let entry = entryIndex[message.entryID] else { return }
            let template = MessageTemplate(message.text)
            let index = Int32(messages.count)
            let id: Int32
            if template.hasPlaceholders {
                id = text(Array(MessageTemplate.normalize(template.canonical).utf8), display: template.canonical, template: true)
                let lead = Array(template.segments[0].utf8)
                if lead.isEmpty {
                    leadlessTemplates.append(index)
                } else {
                    let length = min(3, lead.count)
                    leads.append((Self.lead(lead[...], length: length), index))
                    if length < 3 && !shortLeads.contains(length) { shortLeads.append(length) }
                }
                templatesByCode[entries[Int(entry)].code, default: []].append(index)
            } else {
                id = text(MessageTemplate.normalizedBytes(message.text.utf8), display: message.text, template: false)
            }
            texts[Int(id)].hits.append(.message(index))
            messages.append(Documented(entry: entry, text: message.text, template: template, line: message.line, textID: id))
        }
        for row in try records.allTableRows() where only == nil || row.domain == only {
            let id = text(MessageTemplate.normalizedBytes(row.message.utf8), display: row.message, template: false)
            texts[Int(id)].hits.append(.tableRow(Int32(tableRows.count)))
            tableRows.append(TableRow(domain: intern(row.domain), locale: row.locale, message: row.message, description: row.description,
                                      codes: row.codes, source: row.source, documentID: row.documentID, line: row.line, textID: id))
        }
        indexTexts()
        domainProducts = domains.map { ProductHint.of(domain: $0).rawValue }
        ambiguousTextCodes = findAmbiguousTextCodes()
    }

    /// Codes, exact and suffix keys, and words of every text.
    private mutating func indexTexts() {
        var exactEntries: [(hash: UInt64, id: Int32)] = []
        defer { exact = HashIndex(exactEntries) }
        for text in texts {
            keyStart.append(Int32(keyBytes.count))
            keyBytes += text.key
        }
        keyStart.append(Int32(keyBytes.count))
        for id in texts.indices {
            var codes: [Int64] = []
            for hit in texts[id].hits {
                switch hit {
                case .message(let m): codes.append(entries[Int(messages[Int(m)].entry)].code)
                case .tableRow(let r): codes += tableRows[Int(r)].codes
                }
            }
            var seen: Set<Int64> = []
            texts[id].codes = codes.filter { seen.insert($0).inserted }
            texts[id].messageCodes = texts[id].hits.compactMap { hit -> Int64? in
                if case .message(let m) = hit { return entries[Int(messages[Int(m)].entry)].code }
                return nil
            }
            let key = texts[id].key
            if !texts[id].isTemplate && !key.isEmpty {
                exactEntries.append((SuffixHash.of(key[...]), Int32(id)))
                longestExact = max(longestExact, key.count)
            }
            let words = NearMatch.tokens(texts[id].key[...])
            texts[id].tokens = Array(Set(words.map(\.hash))).sorted()
            if let first = words.first, texts[id].tokens.count >= 3 || key.count >= NearMatch.minimumPrefix {
                textsByFirstToken[first.hash, default: []].append(Int32(id))
            }
        }
    }

    /// The key templates are found by: the first `length` (1 to 3) bytes of their leading
    /// literal, and the length (a CJK character is three bytes), mixed for `HashIndex`.
    static func lead(_ bytes: ArraySlice<UInt8>, length: Int) -> UInt64 {
        var key = UInt64(length) << 24
        for offset in 0..<length { key |= UInt64(bytes[bytes.startIndex + offset]) << (8 * offset) }
        return key &* 0x9E37_79B9_7F4A_7C15 >> 20
    }
}

/// A hash of byte strings that can be computed for every suffix of a line in one backward pass
/// (each suffix's hash from the next one's), so that documented messages are found at the end
/// of a line after any prefix, in time linear in the line.
enum SuffixHash {
    static let multiplier: UInt64 = 0x100_0000_01B3

    /// The hash of `bytes` (as the backward pass computes it).
    static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes.reversed() { hash = step(hash, byte) }
        return hash
    }

    @inline(__always)
    static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* multiplier }
}
