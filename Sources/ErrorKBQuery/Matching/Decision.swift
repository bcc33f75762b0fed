import ErrorKBModel

/// What a line is, as `kb classify` counts it and `kb match` answers it: the one decision both
/// make (`MessageMatcher.decide`). Small and hashable, so that classify counts by it.
struct Verdict: Hashable, Sendable {
    enum Kind: UInt8, Sendable {
        /// One code: the code in the line, or the one code its text is documented under.
        case code
        /// The text is documented under several codes (or is a table row that names none): no
        /// single code.
        case codes
        /// The line carries a code no page in the database documents.
        case undocumented
        /// It looks like an error, but nothing documented matches it.
        case unmatched
        /// Not an error: a success answer, or a line that neither carries an error nor looks like one.
        case notError
        /// A payload that cannot be read.
        case malformed
        case blank
    }

    var kind: Kind
    var how: MatchCandidate.How = .code
    /// The code, for `code` and `undocumented`.
    var code: Int64 = 0
    /// The documented text matched (`MessageMatcher.texts`), -1 for none.
    var text: Int32 = -1
    /// The products (`ProductHint`) the line's URL names, when they narrowed an ambiguous answer;
    /// 0 otherwise.
    var hint: UInt8 = 0

    // classify hashes a verdict per line: two words, not five fields.
    func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(UInt64(hint) << 48 | UInt64(kind.rawValue) << 40 | UInt64(how.index) << 32 | UInt64(UInt32(bitPattern: text)))
    }
}

/// A verdict with what `kb match` shows besides: the message as compared, where the documented
/// text starts in it, and a template's arguments.
struct Decision {
    var verdict: Verdict
    var normalized: [UInt8] = []
    var start = 0
    var arguments: [Range<Int>] = []
}

extension MessageMatcher {
    /// The one decision, for a line read by `LogLineReader` (or a question put together from
    /// `kb match`'s arguments):
    ///
    /// 1. A code in the input restricts the answer to it. A code no page documents is
    ///    `undocumented`. Else the message picks the code's meanings: whole and exact, a template
    ///    of the code, exact at the end of the message, near; with none of these, every meaning of
    ///    the code (`how` = code). Text documented under another code is never the answer. The
    ///    text after a code on a free-form line (`tentative`) is kept as the message only when it
    ///    matched, or is documented under another code.
    /// 2. Without a code, the text is looked up the same way (a bare line: the longest documented
    ///    text that ends it, then templates and near matches from its word starts, but not on a
    ///    line logged as information). Its codes decide: one code, or several (`codes`: a table
    ///    row's section codes, or a text documented under several codes).
    /// 3. Nothing found: `unmatched` when the line looks like an error, else `notError`.
    /// 4. An answer left ambiguous is narrowed to the products the line's URL, API path or host
    ///    names (`narrow`), when some of its meanings are theirs.
    /// (`reading`'s facts are settled when the decision needed them.)
    func decide(_ reading: inout LineReading) -> Decision {
        var decision = Decision(verdict: Verdict(kind: .unmatched))
        switch reading.kind {
        case .blank: decision.verdict.kind = .blank; return decision
        case .success: decision.verdict.kind = .notError; return decision
        case .malformed: decision.verdict.kind = .malformed; return decision
        case .error, .text: break
        }
        let bytes = reading.message.map { MessageTemplate.normalizedBytes($0) } ?? []
        decision.normalized = bytes
        if let code = reading.code {
            let documented = entriesByCode[code] != nil
            decision.verdict = documented ? Verdict(kind: .code, how: .code, code: code) : Verdict(kind: .undocumented, code: code)
            let found = documented && !bytes.isEmpty ? find(bytes, code: code, isolated: reading.kind == .error, quiet: { false }) : nil
            if let found {
                decision.verdict.how = found.how
                decision.verdict.text = found.found.text
                decision.start = found.found.start
                decision.arguments = found.found.arguments
            }
            if reading.tentative, !bytes.isEmpty { settleTentative(&reading, &decision, kept: found != nil) }
            if documented { narrow(&decision.verdict, reading.line) }
            return decision
        }
        guard !bytes.isEmpty, let found = find(bytes, code: nil, isolated: reading.kind == .error, quiet: {
            reading.settleFacts()
            return reading.isInformation
        }) else {
            reading.settleFacts()
            decision.verdict.kind = reading.looksLikeError ? .unmatched : .notError
            return decision
        }
        let text = texts[Int(found.found.text)]
        decision.verdict = text.codes.count == 1
            ? Verdict(kind: .code, how: found.how, code: text.codes[0], text: found.found.text)
            : Verdict(kind: .codes, how: found.how, text: found.found.text)
        decision.start = found.found.start
        decision.arguments = found.found.arguments
        narrow(&decision.verdict, reading.line)
        return decision
    }

    /// The documented text in a message, best kind first: exact, template, exact at the end
    /// (after a prefix), then from the message's word starts templates and near matches. An
    /// isolated message (a format gave it) is tried from its start for templates. A line logged
    /// as information (`quiet`) counts only when it is or ends with a documented text: nothing is
    /// tried from its word starts.
    private func find(_ bytes: [UInt8], code: Int64?, isolated: Bool, quiet: () -> Bool) -> (found: Found, how: MatchCandidate.How)? {
        if let id = exactText(bytes), code.map({ texts[Int(id)].codes.contains($0) }) ?? true {
            return (Found(text: id, start: 0), how(id, code))
        }
        if let found = templates(bytes, starts: [0], code: code).first { return (found, .template) }
        if let found = exactSuffix(bytes, code: code) { return (found, how(found.text, code)) }
        if quiet() { return nil }
        let starts = Self.wordStarts(bytes)
        if !isolated, starts.count > 1, let found = templates(bytes, starts: Array(starts.dropFirst()), code: code).first {
            return (found, .template)
        }
        if let found = near(bytes, starts: starts, code: code).first { return (found, .near) }
        return nil
    }

    /// A tentative message (the text after a code on a free-form line) is the message when it
    /// matched under the code, or is documented under another code (a note says so); else the
    /// line is its code alone.
    private func settleTentative(_ reading: inout LineReading, _ decision: inout Decision, kept: Bool) {
        if kept || exactText(decision.normalized) != nil || !templates(decision.normalized, starts: [0], code: nil).isEmpty {
            if reading.format == .codeOnly { reading.format = .codeThenMessage }
        } else {
            reading.message = nil
            if reading.format == .codeThenMessage { reading.format = .codeOnly }
            decision.normalized = []
        }
    }

    /// `exact` when the text is an entry's message (of `code`, when given), else `tableRow`.
    private func how(_ text: Int32, _ code: Int64?) -> MatchCandidate.How {
        let codes = texts[Int(text)].messageCodes
        return (code.map { codes.contains($0) } ?? !codes.isEmpty) ? .exact : .tableRow
    }
}
