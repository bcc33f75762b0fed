import ArgumentParser
import ErrorKB

extension KB {
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

        @Flag(help: "When nothing matches, show the nearest entries by full-text search.")
        var suggest = false

        @OptionGroup var filter: DomainFilter
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if (text == nil) == (payload == nil) && code == nil { throw ValidationError("give a message, or --payload, or --code") }
            if text != nil && payload != nil { throw ValidationError("give a message or --payload, not both") }
            if let payload {
                switch ErrorPayload.parse(payload[...]) {
                case .malformed(let reason): throw ValidationError("--payload is not valid JSON: \(reason)")
                case .payload(nil, nil), .blank: if code == nil { throw ValidationError(Self.unusable(payload)) }
                default: break
                }
            }
        }

        /// Why a payload gives nothing to match, in its own terms: the code as it was written.
        private static func unusable(_ payload: String) -> String {
            guard let key = payload.range(of: "\"code\"") else { return "--payload: it has neither a \"code\" nor a \"msg\"" }
            let rest = payload[key.upperBound...].drop { $0 == " " || $0 == "\t" }
            let value = rest.first == ":" ? rest.dropFirst().drop { $0 == " " || $0 == "\t" }.prefix { !",}] \t\n".contains($0) } : ""
            guard !value.isEmpty, value != "null" else { return "--payload: it has neither a \"code\" nor a \"msg\"" }
            return "--payload: its \"code\" \(value) is not a whole number (error codes are 64-bit integers), and it has no \"msg\""
        }

        /// The message and code asked about: the argument and --code, or what the payload holds.
        private var question: (message: String?, code: Int64?) {
            switch payload.map({ ErrorPayload.parse($0[...]) }) {
            case .payload(let payloadCode, let message): return (message, code ?? payloadCode)
            case .bare(let message): return (message, code)
            default: return (text, code)
            }
        }

        func run() throws {
            let (message, code) = question
            let kb = try database.open(filter)
            let result = try MessageMatcher(kb).match(message: message, code: code, domain: filter.domain)
            try output.renderer.render(result)
            if let message, !result.messageMatched {
                // Suggestions are text whatever the format (as before the output formats had renderers).
                if suggest { try TableRenderer().renderSuggestions(try kb.search(message, options: SearchOptions(domain: filter.domain, limit: 5, matchAny: true))) }
                throw NothingFound("no documented message matches" + (result.isMatched ? "; the candidates above match the code only" : ""))
            }
            if !result.isMatched { throw NothingFound("no documented error has code \(code.map(String.init) ?? "")") }
        }
    }
}
