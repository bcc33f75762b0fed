import ErrorKB

/// The lines a match answer starts with at a terminal: how the input was read, the answer in a
/// sentence (or why there is none), and notes.
enum MatchSummary {
    static func lines(_ result: MatchResult) -> [String] {
        var lines: [String] = []
        if let format = result.format, format != .bare, result.answer != .malformed {
            var parts: [String] = []
            if let code = result.code { parts.append("code \(code)") }
            if let message = result.message { parts.append("message \"\(message)\"") }
            lines.append("read as \(format.rawValue)" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")))
        }
        switch result.answer {
        case .code:
            let code = result.codes.first.map(String.init) ?? ""
            if result.ambiguous {
                let meanings = result.meanings.map { "\($0.name ?? "(no name)") in \($0.domains.joined(separator: ", "))" }
                lines.append("ambiguous: \(code) means different things: \(meanings.joined(separator: "; ")); nothing in the input picks one")
            } else {
                let name = result.meanings.first?.name.map { " " + $0 } ?? ""
                lines.append("answer: \(code)\(name) (\(how(result.match))) in \(result.domains.joined(separator: ", "))")
            }
        case .codes:
            let codes = result.codes.map(String.init).joined(separator: ", ")
            if result.ambiguous {
                lines.append("ambiguous: this message is documented under \(codes); the input carries no code to pick one")
            } else if result.codes.isEmpty {
                lines.append("answer: a table row that names no code (\(how(result.match)))")
            } else {
                lines.append("answer: a table row returned under \(codes) (\(how(result.match))); the input carries no code to pick one")
            }
        case .undocumented, .unmatched, .notError, .malformed:
            break
        }
        if let domains = result.urlDomains {
            lines.append("narrowed to \(domains.joined(separator: ", ")): the products the line's URL names")
        }
        for note in result.notes {
            let name = note.name.map { " " + $0 } ?? ""
            lines.append("note: this message is documented under \(note.code)\(name) in \(note.domains.joined(separator: ", ")), not the answer")
        }
        return lines
    }

    private static func how(_ how: MatchCandidate.How?) -> String {
        switch how {
        case .exact?: return "exact"
        case .tableRow?: return "table row"
        case .template?: return "template"
        case .near?: return "near: lower confidence, the message differs from the documented one"
        case .code?, nil: return "the code alone"
        }
    }
}
