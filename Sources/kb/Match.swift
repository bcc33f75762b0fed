import ArgumentParser
import ErrorKB
import Foundation

struct Match: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Tell which documented error a runtime message is, with its arguments.",
        discussion: "Give the message, or the whole API answer with --payload '{\"code\":-1015,\"msg\":\"…\"}'. Candidates are ranked: an exact message or table row, then templates, then the code alone. Exit status 1 when no documented message matches.")

    @Argument(help: "The runtime message.")
    var text: String?

    @Option(help: "The API's JSON answer, {\"code\":…,\"msg\":…}.")
    var payload: String?

    @Option(parsing: .unconditional, help: "The error code that came with the message.")
    var code: Int64?

    @Option(help: "Only this domain (API product).")
    var domain: String?

    @Flag(help: "When nothing matches, show the nearest entries by full-text search.")
    var suggest = false

    @OptionGroup var options: ReadOptions

    func validate() throws {
        if (text == nil) == (payload == nil) && code == nil { throw ValidationError("give a message, or --payload, or --code") }
        if text != nil && payload != nil { throw ValidationError("give a message or --payload, not both") }
        if let payload, case .malformed(let reason) = ErrorPayload.parse(payload[...]) {
            throw ValidationError("--payload is not valid JSON: \(reason)")
        }
    }

    func run() throws {
        var message = text
        var code = self.code
        if let payload {
            switch ErrorPayload.parse(payload[...]) {
            case .payload(let payloadCode, let payloadMessage):
                message = payloadMessage
                code = code ?? payloadCode
            case .bare(let bare):
                message = bare
            default:
                break
            }
        }
        let kb = try options.open(domain: domain)
        let result = try MessageMatcher(kb).match(message: message, code: code, domain: domain)
        switch options.format {
        case .json: try Output.json(result)
        case .csv:
            Output.csv(header: ["how", "domain", "locale", "code", "name", "template", "arguments", "message", "description", "source", "line"],
                       rows: result.candidates.map { c in
                           [c.how.rawValue, c.domain, c.locale, c.code.map(String.init), c.name, c.template,
                            c.arguments.isEmpty ? nil : c.arguments.joined(separator: "\u{1F}"), c.message, c.description, c.source, String(c.line)]
                       })
        case .table: render(result)
        }
        if message != nil && !result.messageMatched {
            if suggest, let message { try printSuggestions(kb, message) }
            throw nothingFound("no documented message matches" + (result.isMatched ? "; the candidates above match the code only" : ""))
        }
        if !result.isMatched { throw nothingFound("no documented error has code \(code.map(String.init) ?? "")") }
    }

    private func render(_ result: MatchResult) {
        if result.ambiguous {
            let domains = Set(result.candidates.map(\.domain)).sorted()
            print("ambiguous: this means different things in \(domains.joined(separator: " and ")); the message does not pick one")
        }
        for (index, c) in result.candidates.enumerated() {
            let title = c.code.map { "\($0) \(c.name ?? "(no name)")" } ?? "table row"
            print("\(index + 1). \(c.how.rawValue)    \(title)    \(c.domain) · \(c.locale)")
            if let template = c.template {
                print("   template:  \(template)")
            } else if let message = c.message {
                print(c.how == .tableRow && c.code != nil ? "   table row: \(message)" : "   message:   \(message)")
            }
            if !c.arguments.isEmpty { print("   arguments: " + c.arguments.map { "\"\($0)\"" }.joined(separator: ", ")) }
            if let description = c.description {
                print("   means:     \(description.replacingOccurrences(of: "\n", with: " "))")
            }
            if let codes = c.codes, !codes.isEmpty, c.code == nil { print("   codes:     " + codes.map(String.init).joined(separator: ", ")) }
            print("   source:    \(c.source) line \(c.line)")
        }
    }

    private func printSuggestions(_ kb: KnowledgeBase, _ message: String) throws {
        let hits = try kb.search(message, options: SearchOptions(domain: domain, limit: 5, matchAny: true))
        guard !hits.isEmpty else { return }
        print("nearest entries:")
        for hit in hits {
            print("  \(hit.code.map(String.init) ?? "table row") \(hit.name ?? "")    \(hit.domain) · \(hit.snippet)")
        }
    }
}
