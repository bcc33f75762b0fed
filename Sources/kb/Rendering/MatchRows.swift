import ErrorKB
import ErrorKBSupport

// The rows of kb match and kb classify (issue 13's columns): one per candidate, per line of
// `--lines`, per counted error or uncounted group. Lists of codes, domains and line numbers are
// space-separated text, arguments a JSON array of strings, in every row format alike.

/// One candidate of a `kb match` answer, with the answer's kind and ambiguity.
struct MatchRow: OutputRow {
    var answer: String
    var ambiguous: Bool
    var how: String
    var domain: String
    var locale: String
    var code: Int64?
    var name: String?
    var template: String?
    var arguments: String?
    var message: String?
    var description: String?
    var codes: String?
    var meaning: Int64?
    var source: String
    var line: Int

    static let fields = ["answer", "ambiguous", "how", "domain", "locale", "code", "name", "template", "arguments", "message", "description",
                         "codes", "meaning", "source", "line"]

    /// The candidates of each error the input holds (`more`: a batch answer's), in order.
    static func rows(_ result: MatchResult) -> [MatchRow] {
        ([result] + (result.more ?? [])).flatMap { result in result.candidates.map { c in
            MatchRow(answer: result.answer.rawValue, ambiguous: result.ambiguous, how: c.how.rawValue, domain: c.domain, locale: c.locale,
                     code: c.code, name: c.name, template: c.template,
                     arguments: c.arguments.isEmpty ? nil : "[" + c.arguments.map(RowFormatText.json).joined(separator: ",") + "]",
                     message: c.message, description: c.description, codes: c.codes.map(RowFormatText.list), meaning: c.meaning,
                     source: c.source, line: c.line)
        } }
    }
}

/// The answer for one line of `kb match --lines`.
struct MatchLineRow: OutputRow {
    var line: Int?
    var answer: String
    var code: Int64?
    var codes: String
    var name: String?
    var domains: String
    var match: String?
    var template: String?
    var ambiguous: Bool
    var undocumented: Bool
    var format: String?

    static let fields = ["line", "answer", "code", "codes", "name", "domains", "match", "template", "ambiguous", "undocumented", "format"]

    /// One row per error the line holds (`more`: a batch answer's), each with the line's number.
    static func rows(_ result: MatchResult) -> [MatchLineRow] {
        [MatchLineRow(result)] + (result.more ?? []).map { other in
            var row = MatchLineRow(other)
            row.line = result.line
            return row
        }
    }

    init(_ r: MatchResult) {
        let best = r.candidates.first
        line = r.line
        answer = r.answer.rawValue
        code = r.answer == .code || r.answer == .undocumented ? r.codes.first : nil
        codes = RowFormatText.list(r.codes)
        name = r.meanings.count == 1 ? r.meanings[0].name : nil
        domains = r.domains.joined(separator: " ")
        match = r.match?.rawValue
        template = best?.template ?? best?.message
        ambiguous = r.ambiguous
        undocumented = r.undocumented
        format = r.format?.rawValue
    }
}

/// A counted error of `kb classify`, or a group of lines it did not count (`kind` tells which).
struct ClassifyRow: OutputRow {
    var kind: String
    var count: Int
    var code: Int64?
    var codes: String?
    var name: String?
    var domains: String?
    var match: String?
    var template: String?
    var ambiguous: Bool?
    var undocumented: Bool?
    var text: String?
    var lines: String?

    static let fields = ["kind", "count", "code", "codes", "name", "domains", "match", "template", "ambiguous", "undocumented", "text", "lines"]

    /// The counted rows, then unmatched and not-error groups, malformed and too-long lines.
    static func rows(_ report: Classifier.Report) -> [ClassifyRow] {
        var rows = report.rows.map { r in
            ClassifyRow(kind: "error", count: r.count, code: r.code, codes: RowFormatText.list(r.codes), name: r.name,
                        domains: r.domains.joined(separator: " "), match: r.match?.rawValue, template: r.template, ambiguous: r.ambiguous,
                        undocumented: r.undocumented)
        }
        for (kind, groups) in [("unmatched", report.unmatchedGroups), ("not_error", report.notErrorGroups)] {
            rows += groups.map { ClassifyRow(kind: kind, count: $0.count, text: $0.text, lines: RowFormatText.list($0.lines)) }
        }
        rows += report.malformedLines.map { ClassifyRow(kind: "malformed", count: 1, text: $0.reason, lines: String($0.line)) }
        if report.tooLong > 0 { rows.append(ClassifyRow(kind: "too_long", count: report.tooLong, lines: RowFormatText.list(report.tooLongLines))) }
        return rows
    }

    init(kind: String, count: Int, code: Int64? = nil, codes: String? = nil, name: String? = nil, domains: String? = nil, match: String? = nil,
         template: String? = nil, ambiguous: Bool? = nil, undocumented: Bool? = nil, text: String? = nil, lines: String? = nil) {
        (self.kind, self.count, self.code, self.codes, self.name, self.domains) = (kind, count, code, codes, name, domains)
        (self.match, self.template, self.ambiguous, self.undocumented, self.text, self.lines) = (match, template, ambiguous, undocumented, text, lines)
    }
}

/// Lists as one text field.
enum RowFormatText {
    /// Numbers, space-separated.
    static func list<T: BinaryInteger>(_ values: [T]) -> String { values.map { String($0) }.joined(separator: " ") }
    /// A JSON string literal.
    static func json(_ text: String) -> String { RowFormat.jsonString(text) }
}
