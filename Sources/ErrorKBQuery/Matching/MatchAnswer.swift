import ErrorKBModel

/// Answers from verdicts: what `kb match` shows of a decision, and what `kb classify` shows of a
/// counted verdict, worked out the same way (`scope`).
extension MessageMatcher {
    /// What a verdict allows: the documented places that support it, its meanings, its codes.
    struct Scope {
        /// The hits behind the answer, each with the code it is answered under (nil: a table row
        /// asked about without a code).
        var hits: [(hit: Hit, code: Int64?)] = []
        var meanings: [Int32] = []
        var codes: [Int64] = []
        var ambiguous = false
        /// The verdict's `hint`: the products the line's URL names, 0 for none.
        var hint: UInt8 = 0
    }

    func scope(_ verdict: Verdict) -> Scope {
        var scope = Scope(hint: verdict.hint)
        switch verdict.kind {
        case .code:
            let code = verdict.code
            scope.codes = [code]
            if verdict.text >= 0 {
                for hit in texts[Int(verdict.text)].hits where allows(verdict, domain: domain(of: hit)) {
                    switch hit {
                    case .message(let m) where entries[Int(messages[Int(m)].entry)].code == code:
                        scope.hits.append((hit, code))
                        add(entries[Int(messages[Int(m)].entry)].meaning, to: &scope.meanings)
                    case .tableRow(let r) where tableRows[Int(r)].codes.contains(code):
                        scope.hits.append((hit, code))
                        for entry in explaining(row: r, code: code) { add(entries[Int(entry)].meaning, to: &scope.meanings) }
                    default:
                        continue
                    }
                }
            } else {
                scope.meanings = (meaningsByCode[code] ?? []).filter { meaning in
                    meanings[Int(meaning)].entries.contains { allows(verdict, domain: entries[Int($0)].domain) }
                }
            }
            scope.ambiguous = scope.meanings.count > 1
        case .codes:
            let text = texts[Int(verdict.text)]
            let hits = verdict.hint == 0 ? text.hits : text.hits.filter { allows(verdict, domain: domain(of: $0)) }
            scope.hits = hits.map { ($0, nil) }
            scope.codes = verdict.hint == 0 ? text.codes : text.codes.filter { code in hits.contains { codes(of: $0).contains(code) } }
            // Several codes for one message are ambiguous; a table row under its section's codes is not.
            scope.ambiguous = hits.contains { if case .message = $0 { true } else { false } } && scope.codes.count > 1
        default:
            break
        }
        return scope
    }

    /// The domain of a documented place.
    func domain(of hit: Hit) -> Int32 {
        switch hit {
        case .message(let m): return entries[Int(messages[Int(m)].entry)].domain
        case .tableRow(let r): return tableRows[Int(r)].domain
        }
    }

    /// The codes a documented place is answered under: its entry's, or the row's.
    private func codes(of hit: Hit) -> [Int64] {
        switch hit {
        case .message(let m): return [entries[Int(messages[Int(m)].entry)].code]
        case .tableRow(let r): return tableRows[Int(r)].codes
        }
    }

    private func add(_ meaning: Int32, to meanings: inout [Int32]) {
        if !meanings.contains(meaning) { meanings.append(meaning) }
    }

    /// The entries of `code` a table row is answered with: those in the row's document, else its
    /// domain, else any (the wallet page's filter rows are -1013 from the spot page).
    func explaining(row: Int32, code: Int64) -> [Int32] {
        let all = entriesByCode[code] ?? []
        let row = tableRows[Int(row)]
        let sameDocument = all.filter { entries[Int($0)].documentID == row.documentID }
        if !sameDocument.isEmpty { return sameDocument }
        let sameDomain = all.filter { entries[Int($0)].domain == row.domain }
        return sameDomain.isEmpty ? all : sameDomain
    }

    /// A meaning as answers show it.
    func meaning(_ index: Int32) -> MatchMeaning {
        let meaning = meanings[Int(index)]
        var names: [String] = []
        var domains: Set<String> = []
        for entry in meaning.entries {
            if let name = entries[Int(entry)].name, !names.contains(name) { names.append(name) }
            domains.insert(self.domains[Int(entries[Int(entry)].domain)])
        }
        let english = names.first { $0.unicodeScalars.allSatisfy { !$0.isCJK } }
        return MatchMeaning(meaning: meaning.id, code: meaning.code, name: english ?? names.first, names: names, domains: domains.sorted())
    }

    /// The domains a scope allows: its hits' and its meanings'.
    func domains(of scope: Scope) -> [String] {
        var result = Set(documentedDomains(of: scope))
        for index in scope.meanings { result.formUnion(meaning(index).domains) }
        // A URL that narrowed the answer narrows its domains too (to those of its products).
        let names = result.sorted()
        let named = scope.hint == 0 ? names : names.filter { ProductHint.of(domain: $0).rawValue & scope.hint != 0 }
        return named.isEmpty ? names : named
    }

    /// The domains whose pages document the scope's text under its code: its hits' alone (a
    /// note names where the message is written, not every domain of the code's meaning).
    func documentedDomains(of scope: Scope) -> [String] {
        var result: Set<String> = []
        for (hit, _) in scope.hits {
            switch hit {
            case .message(let m): result.insert(domains[Int(entries[Int(messages[Int(m)].entry)].domain)])
            case .tableRow(let r): result.insert(domains[Int(tableRows[Int(r)].domain)])
            }
        }
        return result.sorted()
    }

    // MARK: - Answers

    /// Reads `line` as `kb classify` does (any supported format, or a bare message) and answers it.
    public func match(line: String) -> MatchResult {
        var reading = LogLineReader.read(Array(line.utf8)[...])
        let decision = decide(&reading)
        return answer(decision, reading, input: line)
    }

    /// Reads a line of a log given as UTF-8 bytes (`kb match --lines`) and answers it; nil for a
    /// blank line (nothing but spaces), which `kb classify` leaves out of its `lines` too: both
    /// take it from the line reader's `blank`.
    public func match(lineBytes line: ArraySlice<UInt8>) -> MatchResult? {
        var reading = LogLineReader.read(line)
        guard reading.kind != .blank else { return nil }
        let decision = decide(&reading)
        return answer(decision, reading, input: String(decoding: line, as: UTF8.self))
    }

    /// Answers a message (read as a line: it may be a payload or a library's line) with a code
    /// given apart (`kb match --code`), which wins over a code the message carries.
    public func match(message: String?, code: Int64? = nil) -> MatchResult {
        var reading = message.map { LogLineReader.read(Array($0.utf8)[...]) } ?? LineReading(kind: .error, looksLikeError: true)
        if let code {
            if reading.kind == .blank || reading.kind == .success || reading.kind == .malformed {
                reading = LineReading(kind: .error, format: reading.format, message: nil, looksLikeError: true)
            }
            reading.code = code
        }
        let decision = decide(&reading)
        return answer(decision, reading, input: message)
    }

    func answer(_ decision: Decision, _ reading: LineReading, input: String?) -> MatchResult {
        let verdict = decision.verdict
        var result = MatchResult(input: input, format: reading.format, message: reading.message.map { String(decoding: $0, as: UTF8.self) },
                                 code: reading.code, answer: .unmatched, match: nil, codes: [], ambiguous: false, undocumented: false,
                                 reason: reading.reason, meanings: [], domains: [], candidates: [], notes: [])
        switch verdict.kind {
        case .code: result.answer = .code
        case .codes: result.answer = .codes
        case .undocumented: result.answer = .undocumented; result.undocumented = true; result.codes = [verdict.code]
        case .unmatched: result.answer = .unmatched
        case .notError, .blank: result.answer = .notError
        case .malformed: result.answer = .malformed
        }
        if verdict.kind == .code || verdict.kind == .codes {
            let scope = scope(verdict)
            result.match = verdict.how
            result.codes = scope.codes
            result.ambiguous = scope.ambiguous
            result.meanings = scope.meanings.map(meaning)
            result.domains = domains(of: scope)
            result.candidates = candidates(scope, verdict, decision)
            result.urlDomains = hintDomains(verdict)
        }
        if let code = reading.code, !decision.normalized.isEmpty { result.notes = notes(decision.normalized, besides: code) }
        if !reading.more.isEmpty {
            result.more = reading.more.indices.map { index in
                var other = LogLineReader.other(index, of: reading)
                return answer(decide(&other), other, input: nil)
            }
        }
        return result
    }

    /// The candidates of a scope, in the input's language first, then best kind, then document order.
    private func candidates(_ scope: Scope, _ verdict: Verdict, _ decision: Decision) -> [MatchCandidate] {
        var list: [MatchCandidate] = []
        if verdict.text < 0 {
            for entry in entriesByCode[verdict.code] ?? [] where allows(verdict, domain: entries[Int(entry)].domain) {
                list.append(candidate(entry: entry, how: .code, line: entries[Int(entry)].line))
            }
        }
        for (hit, code) in scope.hits { list.append(candidate(hit, code: code, verdict: verdict, decision: decision)) }
        // Templates of the same code that also fit an exact message.
        if verdict.kind == .code, verdict.how == .exact || verdict.how == .tableRow {
            for found in templates(decision.normalized, starts: [decision.start], code: verdict.code) where found.text != verdict.text {
                var fitted = decision
                fitted.arguments = found.arguments
                for hit in texts[Int(found.text)].hits {
                    if case .message(let m) = hit, entries[Int(messages[Int(m)].entry)].code == verdict.code {
                        var extra = candidate(hit, code: verdict.code, verdict: Verdict(kind: .code, how: .template, code: verdict.code, text: found.text),
                                              decision: fitted)
                        extra.how = .template
                        list.append(extra)
                    }
                }
            }
        }
        let chinese = decision.normalized.contains { $0 >= 0xE3 && $0 <= 0xE9 }
        return list.enumerated().sorted { a, b in
            let x = a.element.locale.hasPrefix("zh") == chinese, y = b.element.locale.hasPrefix("zh") == chinese
            if x != y { return x }
            if a.element.how.rank != b.element.how.rank { return a.element.how.rank < b.element.how.rank }
            return a.offset < b.offset
        }.map(\.element)
    }

    private func candidate(_ hit: Hit, code: Int64?, verdict: Verdict, decision: Decision) -> MatchCandidate {
        switch hit {
        case .message(let m):
            let documented = messages[Int(m)]
            var match = candidate(entry: documented.entry, how: verdict.how, line: documented.line)
            match.message = documented.text
            if documented.template.hasPlaceholders {
                match.template = documented.template.canonical
                let ranges = decision.arguments.isEmpty ? [] : documented.template.matchRanges(in: decision.normalized[decision.start...]) ?? []
                match.arguments = ranges.map { String(decoding: decision.normalized[$0], as: UTF8.self) }
            }
            return match
        case .tableRow(let r):
            let row = tableRows[Int(r)]
            var match = MatchCandidate(how: .tableRow, domain: domains[Int(row.domain)], locale: row.locale, code: nil, name: nil,
                                       message: row.message, template: nil, arguments: [], description: row.description, codes: row.codes,
                                       meaning: nil, source: row.source, line: row.line)
            if verdict.how == .near { match.how = .near }
            if let code, let entry = explaining(row: r, code: code).first {
                match.code = code
                match.name = entries[Int(entry)].name
                match.meaning = meanings[Int(entries[Int(entry)].meaning)].id
            }
            return match
        }
    }

    private func candidate(entry index: Int32, how: MatchCandidate.How, line: Int) -> MatchCandidate {
        let entry = entries[Int(index)]
        return MatchCandidate(how: how, domain: domains[Int(entry.domain)], locale: entry.locale, code: entry.code, name: entry.name,
                              message: nil, template: nil, arguments: [], description: nil, codes: nil,
                              meaning: meanings[Int(entry.meaning)].id, source: entry.source, line: line)
    }

    /// The same text documented under other codes than `code`.
    private func notes(_ bytes: [UInt8], besides code: Int64) -> [MatchNote] {
        var ids: [Int32] = []
        if let id = exactText(bytes) { ids.append(id) }
        ids += templates(bytes, starts: [0], code: nil).map(\.text)
        var notes: [MatchNote] = []
        for id in ids {
            for other in texts[Int(id)].codes where other != code && !notes.contains(where: { $0.code == other }) {
                let scope = scope(Verdict(kind: .code, how: .exact, code: other, text: id))
                let names = scope.meanings.map(meaning)
                notes.append(MatchNote(code: other, name: names.first?.name, domains: documentedDomains(of: scope), message: texts[Int(id)].display))
            }
        }
        return notes
    }
}
