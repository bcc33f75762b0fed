import ErrorKB
import ErrorKBFetch

/// Results as text for people at a terminal. Hits in snippets are coloured when `Highlight`
/// says so, and otherwise carry no markup at all.
struct TableRenderer: SummaryRenderer {
    /// Each hit in 2–4 lines, fitted to the terminal's width like the tables (`TextTable`): the
    /// title, label and snippet cut with `…`, the places wrapped between places. A pipe gets whole lines.
    func render(_ hits: [SearchHit]) throws {
        let width = Terminal.width
        func fitted(_ line: String) -> String { width.map { TextTable.cut(line, to: $0) } ?? line }
        for (index, hit) in hits.enumerated() {
            let codes = (hit.codes ?? []).map(String.init).joined(separator: " ")
            let title = hit.kind == .entry ? "\(Self.code(hit.code)) \(hit.name ?? "(no name)")" : codes.isEmpty ? "table row" : "\(codes) (table row)"
            try Output.line(fitted("\(index + 1). \(title)    \(hit.domain) · \(hit.locale) · \(hit.section ?? "")"))
            if let via = hit.via { try Output.line(fitted("   " + ExpansionNote.label(via))) }
            try Output.write("   " + Highlight.marked(TextTable.cut(hit.excerpt.runs, to: width.map { $0 - 3 })) + "\n")
            if let places = hit.places, places.count > 1 {
                var items = places.map { "\($0.domain) · \($0.locale)" }
                items[0] = "   documented in: " + items[0]
                for line in TextTable.wrap(items, separator: ", ", indent: "     ", width: width) { try Output.line(line) }
            }
        }
    }

    func render(_ entries: [EntryDetail]) throws {
        guard !entries.isEmpty else { return }
        try Output.line(entries.map(Self.text).joined(separator: "\n"))
    }

    private static func text(_ entry: EntryDetail) -> String {
        var lines = ["\(entry.code) \(entry.name ?? "(no name)")    \(entry.domain) · \(entry.locale)"]
        if let section = entry.section { lines.append("  section: \(section)") }
        for message in entry.messages { lines.append("  [\(message.lang)] \(message.text)") }
        if entry.messages.isEmpty { lines.append("  (no message)") }
        for relation in entry.relations { lines.append("  \(relation.relation) \(relation.code)") }
        if !entry.tableRows.isEmpty {
            lines.append("  explained by \(entry.tableRows.count) table rows:")
            for row in entry.tableRows {
                lines.append("    \"\(row.message)\" — \(row.description.replacingOccurrences(of: "\n", with: " "))")
            }
        }
        lines.append("  source: \(entry.source)")
        lines.append("  line: \(entry.file):\(entry.line)")
        return lines.joined(separator: "\n")
    }

    func render(_ result: MatchResult) throws {
        try renderOne(result)
        let more = result.more ?? []
        for (index, other) in more.enumerated() {
            try Output.line("error \(index + 2) of \(more.count + 1) in the line:")
            try renderOne(other)
        }
    }

    private func renderOne(_ result: MatchResult) throws {
        for line in MatchSummary.lines(result) { try Output.line(line) }
        for (index, c) in result.candidates.enumerated() {
            let title = c.code.map { "\($0) \(c.name ?? "(no name)")" } ?? "table row"
            let how = c.how == .near ? "near (lower confidence)" : c.how.rawValue
            try Output.line("\(index + 1). \(how)    \(title)    \(c.domain) · \(c.locale)")
            if let template = c.template {
                try Output.line("   template:  \(template)")
            } else if let message = c.message {
                try Output.line(c.how == .tableRow && c.code != nil ? "   table row: \(message)" : "   message:   \(message)")
            }
            if !c.arguments.isEmpty { try Output.line("   arguments: " + c.arguments.map { "\"\($0)\"" }.joined(separator: ", ")) }
            if let description = c.description {
                try Output.line("   means:     \(description.replacingOccurrences(of: "\n", with: " "))")
            }
            if let codes = c.codes, !codes.isEmpty, c.code == nil { try Output.line("   codes:     " + codes.map(String.init).joined(separator: ", ")) }
            try Output.line("   source:    \(c.source) line \(c.line)")
        }
        if let suggestions = result.suggestions, !suggestions.isEmpty {
            try Output.line("nearest entries:")
            for hit in suggestions {
                try Output.write(TerminalText.escaped("  \(hit.code.map(String.init) ?? "table row") \(hit.name ?? "")    \(hit.domain) · ")
                                 + Highlight.marked(hit.excerpt.runs) + "\n")
            }
        }
    }

    func render(lines results: [MatchResult]) throws {
        // One row per error: a line that holds several (a batch answer) has a row for each.
        let errors = results.flatMap { r in [r] + (r.more ?? []).map { var other = $0; other.line = r.line; return other } }
        try TextTable.print(header: ["line", "answer", "code", "name", "match", "domains"], rows: errors.map { r in
            [r.line.map(String.init) ?? "", r.answer.rawValue + (r.ambiguous ? " (ambiguous)" : ""), r.codes.map(String.init).joined(separator: " "),
             r.meanings.count == 1 ? r.meanings[0].name ?? "" : "", r.match?.rawValue ?? "", Self.domains(r.domains)]
        }, fitting: Terminal.width)
    }

    func render(_ report: Classifier.Report) throws {
        try TextTable.print(header: ["count", "code", "name", "domains", "match", "template"], rows: report.rows.map { row in
            let name = row.undocumented ? "(undocumented)" : row.ambiguous ? "(ambiguous)" : row.code == nil ? "(table row)" : row.name ?? ""
            return [String(row.count), row.codes.map(String.init).joined(separator: " "), name, Self.domains(row.domains),
                    row.match?.rawValue ?? "", row.template ?? ""]
        }, fitting: Terminal.width)
        let onLines = report.errors == report.errorLines ? "" : " (on \(report.errorLines) lines)"
        try Output.line("errors \(report.errors)\(onLines), unmatched \(report.unmatched), not errors \(report.notErrors), malformed \(report.malformed), "
              + "too long \(report.tooLong); lines \(report.lines)")
        if !report.unmatchedGroups.isEmpty {
            let shown = report.unmatchedGroups.prefix(10)
            try Output.line("unmatched lines that look like errors, by text (\(shown.count) of \(report.unmatchedGroups.count) groups):")
            for group in shown {
                let more = group.count > group.lines.count ? ", …" : ""
                try Output.line("  \(group.count)  \(group.text)  (line \(group.lines.map(String.init).joined(separator: ", "))\(more))")
            }
        }
    }

    /// Domains for a column: up to three, then how many more.
    private static func domains(_ domains: [String]) -> String {
        domains.count > 3 ? domains.prefix(2).joined(separator: ", ") + " +\(domains.count - 2) more" : domains.joined(separator: ", ")
    }

    func render(_ diff: DocumentDiff) throws {
        try Output.line(Self.lines(diff).joined(separator: "\n"))
    }

    /// A diff as `kb diff` prints it: the counts per kind, then each change (kb update indents it under its page).
    static func lines(_ diff: DocumentDiff) -> [String] {
        let summary = DocumentDiff.Change.Kind.allCases.compactMap { kind in diff.summary[kind].map { "\($0) \(kind.rawValue)" } }
        var lines = [summary.isEmpty ? "no changes" : summary.joined(separator: ", ")]
        for change in diff.changes {
            var line = "\(change.kind.rawValue)  \(change.domain) · \(change.locale)  \(change.code) \(change.name ?? "")"
            switch change.kind {
            case .nameChanged: line += "  (was \(change.old ?? "no name"))"
            case .messageChanged: line += "\n    - \(change.old ?? "")\n    + \(change.new ?? "")"
            case .messageAdded, .codeAdded: line += change.new.map { "\n    + " + $0.replacingOccurrences(of: "\n", with: "\n    + ") } ?? ""
            case .messageRemoved, .codeRemoved: line += change.old.map { "\n    - " + $0.replacingOccurrences(of: "\n", with: "\n    - ") } ?? ""
            }
            lines.append(line)
        }
        return lines
    }

    func render(_ rows: [DuplicateRow]) throws {
        try TextTable.print(header: ["kind", "domain", "code", "name"], rows: rows.map { [$0.kind, $0.domain, String($0.code), $0.name ?? ""] },
                            fitting: Terminal.width)
    }

    func render(_ stats: Stats) throws {
        let columns = ["file", "domain", "locale", "lines", "sections", "entries", "codes", "messages", "table_rows", "unexplained_lines"]
        let rows = try stats.documents.map { RowFormats.cells(try OutputEncoder.encode($0), columns).map { $0 ?? "" } }
        // The JSON field unexplained_lines, headed as before for people.
        try TextTable.print(header: columns.dropLast() + ["unexplained"], rows: rows, fitting: Terminal.width)
        let groups = "duplicate groups: " + stats.duplicateGroups.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        for line in TextTable.wrap(groups, width: Terminal.width) { try Output.line(line) }
        try Output.line("schema version \(stats.schemaVersion)")
    }

    func render(_ summary: BuildSummary, writtenTo path: String) throws {
        let groups = summary.duplicateGroups.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        try Output.line("""
            wrote \(path)
              documents         \(summary.documents)
              sections          \(summary.sections)
              entries           \(summary.entries)
              messages          \(summary.messages)
              table rows        \(summary.tableRows)
              duplicate groups  \(summary.duplicateGroups.values.reduce(0, +))\(groups.isEmpty ? "" : " (\(groups))")
              unexplained lines \(summary.unexplained.count)
            """)
    }

    /// One line per page; under a replaced page, its changes as `kb diff` prints them.
    func render(_ results: [UpdateResult]) throws {
        for result in results {
            let version = result.version.map { "  version \($0)" } ?? ""
            try Output.line("\(result.action.rawValue)  \(result.source)  \(result.domain) · \(result.locale)\(version)")
            if result.action == .replaced {
                let lines = Self.lines(DocumentDiff(changes: result.changes))
                try Output.line(lines.map { "    " + $0.replacingOccurrences(of: "\n", with: "\n    ") }.joined(separator: "\n"))
            }
        }
    }

    func render(_ results: [AddResult]) throws {
        for result in results {
            try Output.line("\(result.action.rawValue)  \(result.file)  \(result.domain) · \(result.locale)  version \(result.version)")
            if let replaced = result.replaced { try Output.line("    " + Self.replacement(replaced)) }
        }
    }

    /// What a replaced version had that the new one has not: `replaces spot-errors.en.md (2026-05-18):
    /// 66 codes removed: -1003 -1006 … (10 shown), 1 added`.
    static func replacement(_ replaced: AddResult.Replacement) -> String {
        var line = "replaces \(replaced.file)" + (replaced.statedDate.map { " (\($0))" } ?? "")
        let removed = replaced.codesRemoved
        line += removed.isEmpty ? ": no code removed" : ": \(removed.count) code\(removed.count == 1 ? "" : "s") removed: "
            + removed.prefix(10).map(String.init).joined(separator: " ") + (removed.count > 10 ? " … (10 shown)" : "")
        return line + ", \(replaced.codesAdded) added"
    }

    static func code(_ code: Int64?) -> String { code.map(String.init) ?? "" }
}
