import GRDB

/// Turns runtime messages back into documented errors. Loads every message, template and table
/// row once, indexed so that each lookup is a hash probe plus a few template checks.
public struct MessageMatcher: Sendable {
    struct Entry: Sendable { var domain, locale: String; var code: Int64; var name: String?; var source: String; var documentID: Int64; var line: Int }
    struct Documented: Sendable { var entry: Int; var text: String; var template: MessageTemplate; var line: Int }
    struct Reason: Sendable { var domain, locale, message, description: String; var codes: [Int64]; var source: String; var documentID: Int64; var line: Int }

    private var entries: [Entry] = []
    private var messages: [Documented] = []
    private var reasons: [Reason] = []
    private var exact: [String: [Int]] = [:]
    private var reasonsByText: [String: [Int]] = [:]
    private var entriesByCode: [Int64: [Int]] = [:]
    /// Templates by the first character of their leading literal ("" when they start with a placeholder).
    private var templatesByLead: [UInt8?: [Int]] = [:]

    public init(_ kb: KnowledgeBase) throws {
        try kb.read { db in
            var entryIndex: [Int64: Int] = [:]
            let entryRows = try Row.fetchCursor(db, sql: """
                SELECT e.id, d.domain, d.locale, e.code, e.name, coalesce(d.source_url, d.file_name), e.document_id, e.line
                FROM entries e JOIN documents d ON d.id = e.document_id ORDER BY e.document_id, e.ordinal
                """)
            while let row = try entryRows.next() {
                entryIndex[row[0]] = entries.count
                entriesByCode[row[3], default: []].append(entries.count)
                entries.append(Entry(domain: row[1], locale: row[2], code: row[3], name: row[4], source: row[5],
                                     documentID: row[6], line: row[7]))
            }
            let messageRows = try Row.fetchCursor(db, sql: "SELECT entry_id, text, line FROM messages ORDER BY entry_id, ordinal")
            while let row = try messageRows.next() {
                guard let entry = entryIndex[row[0]] else { continue }
                let text: String = row[1]
                let documented = Documented(entry: entry, text: text, template: MessageTemplate(text), line: row[2])
                let index = messages.count
                messages.append(documented)
                if documented.template.hasPlaceholders {
                    templatesByLead[documented.template.segments[0].utf8.first, default: []].append(index)
                } else {
                    exact[MessageTemplate.normalize(text), default: []].append(index)
                }
            }
            let reasonRows = try Row.fetchCursor(db, sql: """
                SELECT r.id, d.domain, d.locale, r.message, r.description, coalesce(d.source_url, d.file_name), r.document_id, r.line
                FROM reason_rows r JOIN documents d ON d.id = r.document_id ORDER BY r.document_id, r.ordinal
                """)
            while let row = try reasonRows.next() {
                let codes = try Int64.fetchAll(db, sql: "SELECT code FROM reason_codes WHERE reason_id = ? ORDER BY ordinal", arguments: [row[0] as Int64])
                reasonsByText[MessageTemplate.normalize(row[3]), default: []].append(reasons.count)
                reasons.append(Reason(domain: row[1], locale: row[2], message: row[3], description: row[4], codes: codes,
                                      source: row[5], documentID: row[6], line: row[7]))
            }
        }
    }

    /// Candidates for a runtime message and/or code, best first. `domain` restricts the answer.
    public func match(message: String?, code: Int64? = nil, domain: String? = nil) -> MatchResult {
        var found: [MatchCandidate] = []
        if let message, !message.allSatisfy(\.isWhitespace) {
            found = messageCandidates(MessageTemplate.normalize(message), code: code)
        }
        if let domain { found.removeAll { $0.domain != domain } }
        if let code {
            // The code picks among the message's candidates; the others stay, after those that agree.
            let agrees = { (match: MatchCandidate) in match.code == code || (match.code == nil && (match.codes ?? []).contains(code)) }
            let agreeing = found.filter(agrees)
            var codeOnly: [MatchCandidate] = []
            if agreeing.isEmpty {
                for index in entriesByCode[code] ?? [] where domain == nil || entries[index].domain == domain {
                    codeOnly.append(candidate(.code, entry: entries[index], line: entries[index].line))
                }
            }
            found = agreeing + codeOnly + found.filter { !agrees($0) }
        }
        return MatchResult(message: message, code: code, candidates: found, ambiguous: isAmbiguous(found))
    }

    private func messageCandidates(_ normalized: String, code: Int64?) -> [MatchCandidate] {
        var found: [MatchCandidate] = []
        for index in exact[normalized] ?? [] {
            let documented = messages[index]
            found.append(candidate(.exact, entry: entries[documented.entry], documented: documented))
        }
        for index in reasonsByText[normalized] ?? [] {
            let reason = reasons[index]
            // With a code the row explains, the answer is that code's entry in the same document.
            let explained = code.flatMap { code in reason.codes.contains(code)
                ? (entriesByCode[code] ?? []).filter { entries[$0].documentID == reason.documentID } : nil } ?? []
            if explained.isEmpty {
                found.append(MatchCandidate(how: .reason, domain: reason.domain, locale: reason.locale, code: nil, name: nil,
                                            message: reason.message, template: nil, arguments: [], description: reason.description,
                                            codes: reason.codes, source: reason.source, line: reason.line))
            }
            for entryIndex in explained {
                var match = candidate(.reason, entry: entries[entryIndex], line: reason.line)
                match.message = reason.message
                match.description = reason.description
                match.codes = reason.codes
                found.append(match)
            }
        }
        var fitted: [(candidate: MatchCandidate, literal: Int)] = []
        let bytes = Array(normalized.utf8)
        for lead in bytes.isEmpty ? [nil] : [bytes.first, nil] {
            for index in templatesByLead[lead] ?? [] {
                let documented = messages[index]
                guard let arguments = documented.template.match(bytes: bytes) else { continue }
                var match = candidate(.template, entry: entries[documented.entry], documented: documented)
                match.arguments = arguments
                fitted.append((match, documented.template.segments.reduce(0) { $0 + $1.count }))
            }
        }
        // The template with the most literal text is the most specific fit.
        if fitted.count > 1 { fitted.sort { ($0.literal, -$0.candidate.line) > ($1.literal, -$1.candidate.line) } }
        found += fitted.map(\.candidate)
        return found
    }

    private func candidate(_ how: MatchCandidate.How, entry: Entry, documented: Documented) -> MatchCandidate {
        var match = candidate(how, entry: entry, line: documented.line)
        match.message = documented.text
        match.template = documented.template.hasPlaceholders ? documented.template.canonical : nil
        return match
    }

    private func candidate(_ how: MatchCandidate.How, entry: Entry, line: Int) -> MatchCandidate {
        MatchCandidate(how: how, domain: entry.domain, locale: entry.locale, code: entry.code, name: entry.name,
                       message: nil, template: nil, arguments: [], description: nil, codes: nil, source: entry.source, line: line)
    }

    /// Ambiguous when the best candidates span domains that name the error differently.
    private func isAmbiguous(_ candidates: [MatchCandidate]) -> Bool {
        guard candidates.count > 1, let best = candidates.first?.how.rank,
              candidates.contains(where: { $0.domain != candidates[0].domain }) else { return false }
        let top = candidates.filter { $0.how.rank == best }
        let domains = Set(top.map(\.domain))
        let meanings = Set(top.map { "\($0.code.map(String.init) ?? "")\u{1F}\($0.name ?? $0.message ?? "")" })
        return domains.count > 1 && meanings.count > 1
    }
}
