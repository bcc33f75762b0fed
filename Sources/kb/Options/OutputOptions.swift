import ArgumentParser
import Foundation
@preconcurrency import Rainbow

/// The formats a command's result can be written in.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, jsonl, csv, tsv
}

/// When `kb` colours its output (as ripgrep's `--color`).
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    /// On a terminal, unless NO_COLOR is set (to anything but "" or "0") or TERM is dumb.
    case auto
    case always
    case never
}

/// How a command writes its result: the format, which fields, the header, colour.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, json, jsonl, csv or tsv.")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Only these fields, in this order, e.g. code,name,domain (any format; see docs/output.md).",
                               valueName: "FIELD,..."))
    var fields: String?

    @Flag(help: "Leave out the header line (csv, tsv, and table with --fields).")
    var noHeader = false

    @Option(help: ArgumentHelp("Colour hits: auto (on a terminal, unless NO_COLOR is set or TERM=dumb), always or never.",
                               valueName: "when"))
    var color: ColorChoice = .auto

    /// Writes rows in the chosen format; `table` draws them for people (its renderer decides what an
    /// empty result shows). The fields are checked against `Row.fields` (a usage error names the known ones).
    func emit<Row: OutputRow>(_ rows: [Row], table: ([Row]) throws -> Void) throws {
        let chosen = try chosenFields(Row.self)
        if format == .table && fields == nil {
            Highlight.configure(color)
            try table(rows)
            return
        }
        let values = try rows.map(OutputEncoder.encode)
        switch format {
        case .table: try TextTable.print(header: noHeader ? nil : chosen, rows: values.map { RowFormats.cells($0, chosen).map { $0 ?? "" } },
                                           fitting: Terminal.width)
        case .json: try Output.write(TerminalText.escapedJSON(RowFormats.json(values, fields: chosen)))
        case .jsonl: try Output.write(TerminalText.escapedJSON(RowFormats.jsonLines(values, fields: chosen)))
        case .csv: try Output.write(RowFormats.csv(values, fields: chosen, header: !noHeader))
        case .tsv: try Output.write(RowFormats.tsv(values, fields: chosen, header: !noHeader))
        }
    }

    /// As `emit(_:table:)`, for a command whose JSON is one document rather than its rows (kb
    /// match's answer with its notes and suggestions, kb classify's report with its counts):
    /// `--format json` writes `document`, snake_case like every key kb writes; with `--fields`,
    /// and in every other format, the rows.
    func emit<Row: OutputRow>(_ rows: [Row], document: some Encodable, table: ([Row]) throws -> Void) throws {
        guard format == .json && fields == nil else { return try emit(rows, table: table) }
        try Output.write(try JSONText.document(document))
    }

    /// --fields, checked, else every field of the row.
    private func chosenFields<Row: OutputRow>(_ row: Row.Type) throws -> [String] {
        guard let fields else { return Row.fields }
        let chosen = fields.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if chosen.isEmpty { throw UsageError("--fields: name at least one field: \(Row.fields.joined(separator: ","))") }
        for field in chosen where !Row.fields.contains(field) {
            let hint = Suggestion.nearest(to: field, in: Row.fields).map { "; did you mean '\($0)'?" } ?? ""
            throw UsageError("--fields: no field '\(field)'\(hint) (fields: \(Row.fields.joined(separator: ",")))")
        }
        return chosen
    }

    /// The renderer of a build, add or update summary: a table or JSON.
    var summaryRenderer: any SummaryRenderer { format == .json ? JSONRenderer() : TableRenderer() }

    /// Refuses a format other than table and JSON for a command that prints a summary (build, add, update).
    func refuseRows(for command: String) throws {
        if format != .table && format != .json { throw ValidationError("kb \(command) prints a summary: --format table or json, not \(format.rawValue)") }
        if fields != nil { throw ValidationError("kb \(command) prints a summary: --fields is for the read commands") }
    }
}

/// Marking of hits (search snippets) in table output, by colour and bold, or not at all.
enum Highlight {
    /// Decides once, from --color, the environment and whether stdout is a terminal.
    static func configure(_ choice: ColorChoice) {
        switch choice {
        case .always:
            Rainbow.enabled = true
            Rainbow.outputTarget = .console
        case .never:
            Rainbow.enabled = false
        case .auto:
            // Rainbow's own rules: NO_COLOR (non-empty, not "0") turns it off; a TERM other than
            // dumb on a stdout that is a terminal turns it on.
            break
        }
    }

    /// The text with its highlighted runs in bold red, for a terminal; control characters escaped
    /// first (see `TerminalText`), so only kb's own escape sequences reach the terminal.
    static func marked<S: StringProtocol>(_ runs: [(text: S, highlighted: Bool)]) -> String {
        runs.map { run in
            let text = TerminalText.escaped(String(run.text))
            return run.highlighted ? text.red.bold : text
        }.joined()
    }
}
