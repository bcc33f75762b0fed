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

    func render(_ result: MatchResult) throws {
        try write(header: ["how", "domain", "locale", "code", "name", "template", "arguments", "message", "description", "source", "line"],
              rows: result.candidates.map { c in
                  [c.how.rawValue, c.domain, c.locale, c.code.map(String.init), c.name, c.template,
                   c.arguments.isEmpty ? nil : c.arguments.joined(separator: "\u{1F}"), c.message, c.description, c.source, String(c.line)]
              })
    }

    func render(_ report: Classifier.Report) throws {
        var rows = report.rows.map { [$0.domain, $0.code.map(String.init), $0.name, $0.template, String($0.count)] }
        rows.append(["unmatched", nil, nil, nil, String(report.unmatched)])
        rows.append(["malformed", nil, nil, nil, String(report.malformed)])
        try write(header: ["domain", "code", "name", "template", "count"], rows: rows)
    }

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
