import ArgumentParser
import ErrorKB

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search names, messages and table rows in English and Chinese.",
        discussion: "English words match as prefixes (withdraw finds CAPITAL_WITHDRAW_*), Chinese as any substring (余额, 币). All terms must match. A code puts its own entries first.")

    // Negative codes and '-' look like options, so unrecognized dashed words belong to the query.
    @Argument(parsing: .allUnrecognized, help: "Words, Chinese text or a code.")
    var query: [String] = []

    @Option(help: "Only this domain (API product).")
    var domain: String?

    @Option(help: "Only hits with messages in this language: en or zh.")
    var lang: MessageLanguage?

    @Option(help: "At most this many hits.")
    var limit = 20

    @OptionGroup var options: ReadOptions

    func validate() throws {
        if query.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { throw ValidationError("give something to search for") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let text = query.filter { $0 != "--" }.joined(separator: " ")
        let kb = try options.open(domain: domain)
        let hits = try kb.search(text, options: SearchOptions(domain: domain, lang: lang, limit: limit))
        guard !hits.isEmpty else { throw nothingFound("nothing matches '\(text)'") }
        switch options.format {
        case .json: try Output.json(hits)
        case .csv:
            Output.csv(header: ["kind", "domain", "locale", "code", "name", "section", "snippet", "source", "line"],
                       rows: hits.map { [$0.kind.rawValue, $0.domain, $0.locale, $0.code.map(String.init), $0.name,
                                         $0.section, $0.snippet, $0.source, String($0.line)] })
        case .table:
            for (index, hit) in hits.enumerated() {
                let title = hit.kind == .entry ? "\(Output.code(hit.code)) \(hit.name ?? "(no name)")" : "table row"
                print("\(index + 1). \(title)    \(hit.domain) · \(hit.locale) · \(hit.section ?? "")")
                print("   \(hit.snippet)")
            }
        }
    }
}

extension MessageLanguage: ExpressibleByArgument {}
