import ArgumentParser
import ErrorKB

struct Duplicates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duplicates",
        abstract: "List duplicate groups: repeated codes, shared names, codes across domains.")

    @Option(help: "Only this kind: code_repeated, name_shared, code_conflict or code_shared.")
    var kind: DuplicateRow.Kind?

    @Option(help: "Only this domain.")
    var domain: String?

    @OptionGroup var options: ReadOptions

    func run() throws {
        let rows = try options.open(domain: domain).duplicates(kind: kind, domain: domain)
        guard !rows.isEmpty else { throw nothingFound("no duplicates") }
        switch options.format {
        case .json: try Output.json(rows)
        case .csv: Output.csv(header: ["kind", "domain", "code", "name"], rows: rows.map { [$0.kind, $0.domain, String($0.code), $0.name] })
        case .table: Output.table(header: ["kind", "domain", "code", "name"], rows: rows.map { [$0.kind, $0.domain, String($0.code), $0.name ?? ""] })
        }
    }
}

extension DuplicateRow.Kind: ExpressibleByArgument {}
