import ErrorKBModel
import ErrorKBStore
import ErrorKBSupport

/// Turns runtime messages back into documented errors. Loads every message, template and table
/// row once, indexed so that each lookup is a hash probe plus a few template checks. Ranking
/// works on indices; strings are made only for the answer (`match`), not for counting (`classify`).
public struct MessageMatcher: Sendable {
    struct Entry: Sendable { var domain: Int; var locale: String; var code: Int64; var name: String?; var source: String; var documentID: Int64; var line: Int }
    struct Documented: Sendable { var entry: Int; var text: String; var template: MessageTemplate; var line: Int }
    struct TableRow: Sendable { var domain: Int; var locale, message, description: String; var codes: [Int64]; var source: String; var documentID: Int64; var line: Int }

    /// A candidate before it is turned into strings.
    struct Ranked: Sendable {
        enum Source: Hashable, Sendable {
            case message(Int)
            case tableRow(Int)
            case explainedEntry(tableRow: Int, entry: Int)
            case entry(Int)
        }
        var how: MatchCandidate.How
        var source: Source
        var arguments: [Range<Int>] = []
    }

    private(set) var domains: [String] = []
    private var entries: [Entry] = []
    private var messages: [Documented] = []
    private var tableRows: [TableRow] = []
    private var exact: [ByteKey: [Int]] = [:]
    private var tableRowsByText: [ByteKey: [Int]] = [:]
    private var entriesByCode: [Int64: [Int]] = [:]
    /// Templates by the first byte of their leading literal (nil when they start with a placeholder).
    private var templatesByLead: [UInt8?: [Int]] = [:]

    /// Loads every message, template and table row of the database.
    public init(_ kb: KnowledgeBase) throws {
        try kb.records { records in try load(records) }
    }

    private mutating func load(_ records: RecordReader) throws {
        var domainIDs: [String: Int] = [:]
        func intern(_ domain: String) -> Int {
            if let id = domainIDs[domain] { return id }
            domains.append(domain)
            domainIDs[domain] = domains.count - 1
            return domains.count - 1
        }
        var entryIndex: [Int64: Int] = [:]
        try records.forEachEntry { entry in
            entryIndex[entry.id] = entries.count
            entriesByCode[entry.code, default: []].append(entries.count)
            entries.append(Entry(domain: intern(entry.domain), locale: entry.locale, code: entry.code, name: entry.name, source: entry.source,
                                 documentID: entry.documentID, line: entry.line))
        }
        try records.forEachMessage { message in
            guard let entry = entryIndex[message.entryID] else { return }
            let template = MessageTemplate(message.text)
            if template.hasPlaceholders {
                templatesByLead[template.segments[0].utf8.first, default: []].append(messages.count)
            } else {
                exact[ByteKey(MessageTemplate.normalizedBytes(message.text.utf8)), default: []].append(messages.count)
            }
            messages.append(Documented(entry: entry, text: message.text, template: template, line: message.line))
        }
        for row in try records.allTableRows() {
            tableRowsByText[ByteKey(MessageTemplate.normalizedBytes(row.message.utf8)), default: []].append(tableRows.count)
            tableRows.append(TableRow(domain: intern(row.domain), locale: row.locale, message: row.message, description: row.description,
                                      codes: row.codes, source: row.source, documentID: row.documentID, line: row.line))
        }
    }

    /// Candidates for a runtime message and/or code, best first. `domain` restricts the answer.
    public func match(message: String?, code: Int64? = nil, domain: String? = nil) -> MatchResult {
        let bytes = message.map { MessageTemplate.normalizedBytes($0.utf8) }
        let (ranked, ambiguous) = rank(normalized: bytes, code: code, domain: domain)
        return MatchResult(message: message, code: code, candidates: ranked.map { candidate($0, bytes ?? []) }, ambiguous: ambiguous)
    }

    /// The best candidate only, for counting: no strings are made.
    func best(normalized bytes: [UInt8]?, code: Int64?, domain: String?) -> (best: Ranked?, ambiguous: Bool) {
        let (ranked, ambiguous) = rank(normalized: bytes, code: code, domain: domain)
        return (ranked.first, ambiguous)
    }

    // MARK: - Ranking

    func rank(normalized bytes: [UInt8]?, code: Int64?, domain: String?) -> ([Ranked], Bool) {
        let domainID = domain.flatMap { domains.firstIndex(of: $0) }
        if domain != nil && domainID == nil { return ([], false) }
        var found = bytes.map { $0.isEmpty ? [] : messageCandidates($0, code: code) } ?? []
        if let domainID { found.removeAll { self.domain(of: $0.source) != domainID } }
        if let code, !found.allSatisfy({ agrees($0.source, with: code) }) || found.isEmpty {
            // The code picks among the message's candidates; the others stay, after those that agree.
            let agreeing = found.filter { agrees($0.source, with: code) }
            var codeOnly: [Ranked] = []
            if agreeing.isEmpty {
                for index in entriesByCode[code] ?? [] where domainID == nil || entries[index].domain == domainID {
                    codeOnly.append(Ranked(how: .code, source: .entry(index)))
                }
            }
            if !agreeing.isEmpty || !codeOnly.isEmpty { found = agreeing + codeOnly + found.filter { !agrees($0.source, with: code) } }
        }
        return (found, isAmbiguous(found))
    }

    private func messageCandidates(_ bytes: [UInt8], code: Int64?) -> [Ranked] {
        var found: [Ranked] = []
        let key = ByteKey(bytes)
        for index in exact[key] ?? [] { found.append(Ranked(how: .exact, source: .message(index))) }
        for index in tableRowsByText[key] ?? [] {
            let row = tableRows[index]
            // With a code the row explains, the answer is that code's entry in the same document.
            let explained = code.map { code in row.codes.contains(code)
                ? (entriesByCode[code] ?? []).filter { entries[$0].documentID == row.documentID } : [] } ?? []
            if explained.isEmpty { found.append(Ranked(how: .tableRow, source: .tableRow(index))) }
            for entry in explained { found.append(Ranked(how: .tableRow, source: .explainedEntry(tableRow: index, entry: entry))) }
        }
        var fitted: [Ranked] = []
        func fit(_ lead: UInt8?) {
            for index in templatesByLead[lead] ?? [] {
                guard let ranges = messages[index].template.matchRanges(bytes: bytes) else { continue }
                fitted.append(Ranked(how: .template, source: .message(index), arguments: ranges))
            }
        }
        if let first = bytes.first { fit(first) }
        fit(nil)
        if fitted.count > 1 {
            // The template with the most literal text is the most specific fit; then document order.
            fitted.sort { a, b in
                guard case .message(let i) = a.source, case .message(let j) = b.source else { return false }
                let (x, y) = (messages[i].template.literalLength, messages[j].template.literalLength)
                return x != y ? x > y : i < j
            }
        }
        return found + fitted
    }

    private func agrees(_ source: Ranked.Source, with code: Int64) -> Bool {
        switch source {
        case .message(let i): return entries[messages[i].entry].code == code
        case .tableRow(let i): return tableRows[i].codes.contains(code)
        case .explainedEntry(_, let entry), .entry(let entry): return entries[entry].code == code
        }
    }

    private func domain(of source: Ranked.Source) -> Int {
        switch source {
        case .message(let i): return entries[messages[i].entry].domain
        case .tableRow(let i): return tableRows[i].domain
        case .explainedEntry(_, let entry), .entry(let entry): return entries[entry].domain
        }
    }

    /// Ambiguous when the best candidates span domains that name the error differently.
    private func isAmbiguous(_ ranked: [Ranked]) -> Bool {
        guard ranked.count > 1 else { return false }
        let first = domain(of: ranked[0].source)
        guard ranked.contains(where: { domain(of: $0.source) != first }) else { return false }
        let top = ranked.filter { $0.how.rank == ranked[0].how.rank }
        let meanings = Set(top.map { meaning(of: $0.source) })
        return Set(top.map { domain(of: $0.source) }).count > 1 && meanings.count > 1
    }

    private func meaning(of source: Ranked.Source) -> String {
        switch source {
        case .message(let i): let e = entries[messages[i].entry]; return "\(e.code)\u{1F}\(e.name ?? "")"
        case .tableRow(let i): return tableRows[i].message
        case .explainedEntry(_, let entry), .entry(let entry): return "\(entries[entry].code)\u{1F}\(entries[entry].name ?? "")"
        }
    }

    // MARK: - Answers

    func candidate(_ ranked: Ranked, _ bytes: [UInt8]) -> MatchCandidate {
        let arguments = ranked.arguments.map { String(decoding: bytes[$0], as: UTF8.self) }
        switch ranked.source {
        case .message(let i):
            let documented = messages[i]
            var match = entryCandidate(ranked.how, entries[documented.entry], line: documented.line)
            match.message = documented.text
            match.template = documented.template.hasPlaceholders ? documented.template.canonical : nil
            match.arguments = arguments
            return match
        case .tableRow(let i):
            let row = tableRows[i]
            return MatchCandidate(how: .tableRow, domain: domains[row.domain], locale: row.locale, code: nil, name: nil,
                                  message: row.message, template: nil, arguments: [], description: row.description,
                                  codes: row.codes, source: row.source, line: row.line)
        case .explainedEntry(let i, let entry):
            let row = tableRows[i]
            var match = entryCandidate(.tableRow, entries[entry], line: row.line)
            match.message = row.message
            match.description = row.description
            match.codes = row.codes
            return match
        case .entry(let entry):
            return entryCandidate(.code, entries[entry], line: entries[entry].line)
        }
    }

    private func entryCandidate(_ how: MatchCandidate.How, _ entry: Entry, line: Int) -> MatchCandidate {
        MatchCandidate(how: how, domain: domains[entry.domain], locale: entry.locale, code: entry.code, name: entry.name,
                       message: nil, template: nil, arguments: [], description: nil, codes: nil, source: entry.source, line: line)
    }

    /// What `classify` counts a candidate under: domain, code, name and template (or message).
    func classifierKey(_ source: Ranked.Source) -> (domain: String, code: Int64?, name: String?, template: String?) {
        let c = candidate(Ranked(how: .exact, source: source), [])
        return (c.domain, c.code, c.name, c.template ?? c.message)
    }

    func code(ofEntry index: Int) -> Int64 { entries[index].code }
}
