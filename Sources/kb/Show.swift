import ArgumentParser
import ErrorKB

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show every meaning of a code or name, in every domain.",
        discussion: "Accepts -1121, 1121, −1121 and names in any case (bad_symbol).")

    // Negative codes look like options, so unrecognized dashed words are taken as the key.
    @Argument(parsing: .allUnrecognized, help: "A code (-1121) or a name (BAD_SYMBOL).")
    var words: [String] = []

    private var key: String { words.joined(separator: " ") }

    @Option(help: "Only this domain (API product), e.g. wallet.")
    var domain: String?

    @OptionGroup var options: ReadOptions

    func validate() throws {
        if words.count > 1, words.contains(where: { $0.hasPrefix("-") }) {
            throw ValidationError("give one code or name, not '\(key)'")
        }
        if LookupKey(key) == nil { throw ValidationError("give a code such as -1121 or a name such as BAD_SYMBOL") }
    }

    func run() throws {
        let entries = try options.open(domain: domain).lookup(LookupKey(key)!, domain: domain)
        guard !entries.isEmpty else {
            throw nothingFound("no entry for '\(key)'" + (domain.map { " in domain \($0)" } ?? ""))
        }
        switch options.format {
        case .json: try Output.json(entries)
        case .csv: Output.csv(header: CatalogRow.header, rows: entries.flatMap(CatalogRow.rows))
        case .table: print(entries.map(render).joined(separator: "\n"))
        }
    }

    private func render(_ entry: EntryDetail) -> String {
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
}

/// The `catalog` view's columns, for CSV output: one row per message.
enum CatalogRow {
    static let header = ["domain", "locale", "code", "name", "section", "message", "lang", "source", "line"]

    static func rows(_ entry: EntryDetail) -> [[String?]] {
        let base: [String?] = [entry.domain, entry.locale, String(entry.code), entry.name, entry.section]
        if entry.messages.isEmpty { return [base + [nil, nil, entry.source, String(entry.line)]] }
        return entry.messages.map { base + [$0.text, $0.lang, entry.source, String($0.line)] }
    }
}
