/// How the products a line's URL names (`ProductHint`) narrow an ambiguous answer: they keep the
/// meanings (or codes) documented on those products' pages, among those the code and message
/// already allow. They never bring in one the evidence excludes, and when they keep none, or
/// all, the answer stays as it was.
extension MessageMatcher {
    /// A pair of a documented text and a code it is documented under.
    struct TextCode: Hashable, Sendable {
        var text: Int32
        var code: Int64
    }

    /// Narrows `verdict` to the products `line` names, when it is ambiguous and some but not all
    /// of its meanings (or codes) are theirs; a text under several codes narrowed to one becomes
    /// that code's answer.
    func narrow(_ verdict: inout Verdict, _ line: ArraySlice<UInt8>) {
        guard isAmbiguous(verdict), !line.isEmpty else { return }
        let hint = ProductHint.read(line)
        guard !hint.isEmpty else { return }
        var narrowed = verdict
        narrowed.hint = hint.rawValue
        let before = scope(verdict), after = scope(narrowed)
        if verdict.kind == .code {
            guard !after.meanings.isEmpty, after.meanings.count < before.meanings.count else { return }
        } else {
            guard !after.codes.isEmpty, after.codes.count < before.codes.count else { return }
            if after.codes.count == 1 {
                narrowed.kind = .code
                narrowed.code = after.codes[0]
            }
        }
        verdict = narrowed
    }

    /// Whether the verdict allows several meanings, without making its scope when it has a code.
    private func isAmbiguous(_ verdict: Verdict) -> Bool {
        switch verdict.kind {
        case .code where verdict.text < 0: return (meaningsByCode[verdict.code]?.count ?? 0) > 1
        case .code: return ambiguousTextCodes.contains(TextCode(text: verdict.text, code: verdict.code))
        case .codes: return scope(verdict).ambiguous
        default: return false
        }
    }

    /// The (text, code) pairs whose answer allows several meanings: the only ones a URL can narrow.
    func findAmbiguousTextCodes() -> Set<TextCode> {
        var result: Set<TextCode> = []
        for id in texts.indices {
            for code in texts[id].codes where scope(Verdict(kind: .code, code: code, text: Int32(id))).ambiguous {
                result.insert(TextCode(text: Int32(id), code: code))
            }
        }
        return result
    }

    /// Whether a place in `domain` is allowed by the verdict's hint (every place when it has none).
    func allows(_ verdict: Verdict, domain: Int32) -> Bool {
        verdict.hint == 0 || domainProducts[Int(domain)] & verdict.hint != 0
    }

    /// The domains of the database whose products the hint names, sorted; nil without a hint.
    func hintDomains(_ verdict: Verdict) -> [String]? {
        verdict.hint == 0 ? nil : domains.indices.filter { allows(verdict, domain: Int32($0)) }.map { domains[$0] }.sorted()
    }
}
