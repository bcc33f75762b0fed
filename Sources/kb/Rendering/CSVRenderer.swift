import ErrorKB
import ErrorKBSupport
import Foundation

/// Results as CSV (RFC 4180): a header, then one record per row.
struct CSVRenderer: Renderer {
    func render(_ hits: [SearchHit]) throws {
        try write(header: ["kind", "domain", "locale", "code", "name", "section", "snippet", "source", "line"],
              rows: hits.map { [$0.kind.rawValue, $0.domain, $0.locale, $0.code.map(String.init), $0.name, $0.section, $0.snippet, $0.source, String($0.line)] })
    }

    /// The `catalog` view's columns: one row per message.
    func render(_ entries: [EntryDetail]) throws {
        try write(header: ["domain", "locale", "code", "name", "section", "message", "lang", "source", "line"], rows: entries.flatMap { entry in
            let base: [String?] = [entry.domain, entry.locale, String(entry.code), entry.name, entry.section]
            if entry.messages.isEmpty { return [base + [nil, nil, entry.source, String(entry.line)]] }
            return entry.messages.map { base + [$0.text, $0.lang, entry.source, String($0.line)] }
        })
    }

    /// One row per candidate, with the answer's kind and ambiguity.
    func render(_ result: MatchResult) throws {
        try write(header: ["answer", "ambiguous", "how", "domain", "locale", "code", "name", "template", "arguments", "message", "description",
                       "codes", "meaning", "source", "line"],
              rows: result.candidates.map { c in
                  [result.answer.rawValue, String(result.ambiguous), c.how.rawValue, c.domain, c.locale, c.code.map(String.init), c.name,
                   c.template, c.arguments.isEmpty ? nil : Self.jsonArray(c.arguments), c.message, c.description,
                   c.codes.map(Self.list), c.meaning.map(String.init), c.source, String(c.line)]
              })
    }

    /// One row per line: its answer.
    func render(lines results: [MatchResult]) throws {
        try write(header: ["line", "answer", "code", "codes", "name", "domains", "match", "template", "ambiguous", "undocumented", "format"],
              rows: results.map { r in
                  let best = r.candidates.first
                  let code = r.answer == .code || r.answer == .undocumented ? r.codes.first.map(String.init) : nil
                  return [r.line.map(String.init), r.answer.rawValue, code, Self.list(r.codes), r.meanings.count == 1 ? r.meanings[0].name : nil,
                          r.domains.joined(separator: " "), r.match?.rawValue, best?.template ?? best?.message, String(r.ambiguous),
                          String(r.undocumented), r.format?.rawValue]
              })
    }

    /// The counted rows, then the lines not counted: unmatched and not-error groups, malformed
    /// and too-long lines (`kind` tells them apart).
    func render(_ report: Classifier.Report) throws {
        var rows: [[String?]] = report.rows.map { r in
            ["error", String(r.count), r.code.map(String.init), Self.list(r.codes), r.name, r.domains.joined(separator: " "), r.match?.rawValue,
             r.template, String(r.ambiguous), String(r.undocumented), nil, nil]
        }
        for (kind, groups) in [("unmatched", report.unmatchedGroups), ("not_error", report.notErrorGroups)] {
            rows += groups.map { [kind, String($0.count), nil, nil, nil, nil, nil, nil, nil, nil, $0.text, Self.list($0.lines)] }
        }
        rows += report.malformedLines.map { ["malformed", "1", nil, nil, nil, nil, nil, nil, nil, nil, $0.reason, String($0.line)] }
        if report.tooLong > 0 {
            rows.append(["too_long", String(report.tooLong), nil, nil, nil, nil, nil, nil, nil, nil, nil, Self.list(report.tooLongLines)])
        }
        try write(header: ["kind", "count", "code", "codes", "name", "domains", "match", "template", "ambiguous", "undocumented", "text", "lines"],
              rows: rows)
    }

    /// Numbers in one field, space-separated.
    private static func list<T: BinaryInteger>(_ values: [T]) -> String { values.map { String($0) }.joined(separator: " ") }

    /// Free text in one field: a JSON array of strings.
    private static func jsonArray(_ values: [String]) -> String { "[" + values.map(RowFormat.jsonString).joined(separator: ",") + "]" }

    func render(_ diff: DocumentDiff) throws {
        try write(header: ["change", "domain", "locale", "code", "name", "old", "new"],
              rows: diff.changes.map { [$0.kind.rawValue, $0.domain, $0.locale, String($0.code), $0.name, $0.old, $0.new] })
    }

    func render(_ rows: [DuplicateRow]) throws {
        try write(header: ["kind", "domain", "code", "name"], rows: rows.map { [$0.kind, $0.domain, String($0.code), $0.name] })
    }

    func render(_ stats: Stats) throws {
        try write(header: Stats.columns, rows: stats.rows)
    }

    private func write(header: [String], rows: [[String?]]) throws {
        var out = RowFormat.csvLine(header)
        for row in rows { out += RowFormat.csvLine(row) }
        try Output.write(out)
    }
}
