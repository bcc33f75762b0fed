import ArgumentParser
import ErrorKB
import ErrorKBSupport
import Foundation

extension KB {
    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "match",
            abstract: "Tell which documented error a runtime error is: a message, a payload or a log line.",
            discussion: """
                Give the line as a client library or a bot printed it (a payload, APIError(code=…): …, <APIError> code=…, msg=…, \
                a ClientError tuple, a bare message after a log prefix; see the README), or --payload, or --code. A code in the \
                input restricts the answer to it; a URL or API path (/fapi/, eapi.binance.com) narrows an ambiguous code to its product. \
                Every error of a line is answered (a batch answer's list). Candidates are ranked: exact message or table row, template, near match (lower \
                confidence), the code alone. Exit status 0 when the text (or a code given alone) is answered, 1 when nothing \
                matches, the code is documented nowhere, or the payload cannot be read (for any error of the line).
                """ + Examples.match)

        @Argument(parsing: .allUnrecognized, help: "The runtime message or log line (text that starts with '-' is taken as it is).")
        var words: [String] = []

        @Option(help: "The API's answer, {\"code\":…,\"msg\":…} (read like any log line).")
        var payload: String?

        @Option(parsing: .unconditional, help: "The error code that came with the message; it wins over a code the text carries.",
                transform: Self.code(_:))
        var code: Int64?

        @Option(help: ArgumentHelp("Match every line of FILE (- for standard input): one answer per line.", valueName: "FILE"))
        var lines: String?

        @Flag(help: "When nothing matches, show the nearest entries by full-text search (table and json).")
        var suggest = false

        @OptionGroup var filter: DomainFilter
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        /// The message: the words, else the payload.
        private var text: String? { words.isEmpty ? payload : ArgumentRuns.words(words).joined(separator: " ") }

        /// Whether the message is standard input: `kb match -`, or nothing given at all while standard
        /// input is not a terminal (`kb match < error.txt`, `pbpaste | kb match`).
        private var readsStandardInput: Bool {
            words == ["-"] || (words.isEmpty && payload == nil && lines == nil && code == nil && isatty(0) == 0)
        }

        func validate() throws {
            // Words after `--` are text whatever they start with.
            let arguments = CommandLine.arguments
            let options = arguments.firstIndex(of: "--").map { Set(arguments[..<$0]) } ?? Set(arguments)
            if let option = words.first(where: { options.contains($0) && Self.isUnknownOption($0) }) {
                let nearest = Suggestion.nearest(to: String(option.prefix { $0 != "=" }), in: UsageHints.optionNames(of: Self.self))
                throw ValidationError("unknown option '\(option)'" + (nearest.map { "; did you mean '\($0)'?" } ?? "")
                                      + "; a message that starts with '-' can follow '--': kb match -- '\(option)'")
            }
            let given = [!words.isEmpty, payload != nil, lines != nil].filter { $0 }.count
            if given == 0 && code == nil && !readsStandardInput {
                throw ValidationError("give a message (- or a pipe for standard input), or --payload, or --code, or --lines FILE")
            }
            if given > 1 { throw ValidationError("give one of a message, --payload or --lines") }
            if suggest && (output.format != .table && output.format != .json || output.fields != nil) {
                throw ValidationError("--suggest adds search hits to the answer: use --format table or json")
            }
        }

        /// A code in any form `kb show` reads (`-1121`, `－１１２１`, `−1121`).
        private static func code(_ text: String) throws -> Int64 {
            guard case .code(let code)? = LookupKey(text) else { throw ValidationError("'\(text)' is not a code (such as -1121)") }
            return code
        }

        /// `-x`, `--xyz`: an option kb does not know. A minus before a digit (`-2022 …`) is text.
        private static func isUnknownOption(_ word: String) -> Bool {
            guard word.hasPrefix("-"), word.count > 1 else { return false }
            let next = word.dropFirst().first!
            return !(next.isNumber || next == " " || (next == "-" && word.count == 2))
        }

        func run() throws {
            let kb = try database.open(filter)
            let matcher = try MessageMatcher(kb, domain: filter.domain)
            if let lines { return try matchLines(lines, matcher) }
            let text = readsStandardInput ? try Self.standardInput(asked: words == ["-"]) : self.text
            var result = matcher.match(message: text, code: code)
            if let message = text, !result.messageMatched, suggest {
                result.suggestions = try kb.search(message, options: SearchOptions(domain: filter.domain, limit: 5, matchAny: true))
            }
            try output.emit(MatchRow.rows(result), document: result) { _ in try TableRenderer().render(result) }
            // A line with several errors (a batch answer) fails when any of them does.
            if let failure = ([result] + (result.more ?? [])).lazy.compactMap(Self.failure).first {
                throw NothingFound(payload.flatMap { Self.unusable($0, result) } ?? failure)
            }
        }

        /// Why a JSON payload gives nothing to match, in its own terms (the code as it was
        /// written), when it is an object (`{…}`) with no usable code and no message; nil otherwise.
        /// Exit status 1 like every payload nothing answers.
        private static func unusable(_ payload: String, _ result: MatchResult) -> String? {
            guard result.code == nil, result.answer == .notError || result.answer == .unmatched,
                  payload.trimmingWhitespace().hasPrefix("{"), payload.trimmingWhitespace().hasSuffix("}") else { return nil }
            let neither = "--payload: it has neither a \"code\" nor a \"msg\""
            func value(of key: String) -> Substring? {
                guard let range = payload.range(of: "\"\(key)\"") else { return nil }
                let rest = payload[range.upperBound...].drop { $0 == " " || $0 == "\t" }
                let value = rest.first == ":" ? rest.dropFirst().drop { $0 == " " || $0 == "\t" }.prefix { !",}] \t\n".contains($0) } : ""
                return value.isEmpty || value == "null" ? nil : value
            }
            if value(of: "msg") != nil { return nil }
            guard let value = value(of: "code") else { return neither }
            return "--payload: its \"code\" \(value) is not a whole number (error codes are 64-bit integers), and it has no \"msg\""
        }

        /// Why the exit status is 1, or nil for 0.
        static func failure(_ result: MatchResult) -> String? {
            switch result.answer {
            case .undocumented:
                return "\(result.code.map(String.init) ?? "the code") is not documented in this database"
            case .malformed:
                let hint = result.code.map { "; its code \($0) is readable: kb match --code \($0)" } ?? ""
                return "the payload cannot be read: \(result.reason ?? "malformed")\(hint)"
            case .notError where result.code != nil:
                // {"code":200,…}, {"code":0,…}, code=0: the API said it succeeded.
                return "this is a success answer (code \(result.code!)), not an error"
            case .unmatched, .notError:
                return result.message == nil && result.code == nil ? "nothing to match" : "no documented message matches"
            case .code, .codes:
                guard result.match == .code, result.message != nil else { return nil }
                return "no documented message matches; the candidates above match the code only"
            }
        }

        /// Standard input as one message (a pasted traceback: the matcher finds the error line in
        /// it), at most `Classifier.maxLineLength` bytes a line. Throws a `DataError` when a line is
        /// longer or the input is not text; when it is empty, a `DataError` if `asked` (`-`), else the
        /// usage error of a command given nothing.
        private static func standardInput(asked: Bool) throws -> String {
            var lines: [String] = []
            try LogInput.forEachLine(of: "-", maxLineLength: Classifier.maxLineLength, rerun: "kb match -") { line, number, cut in
                if cut { throw DataError("-:\(number): \(LogClassification.Note.tooLong)") }
                lines.append(String(decoding: line, as: UTF8.self))
            }
            let text = lines.joined(separator: "\n")
            guard text.contains(where: { !$0.isWhitespace }) else {
                if asked { throw DataError("-: standard input is empty: give the runtime error there, or as words") }
                throw UsageError("give a message (- or a pipe for standard input), or --payload, or --code, or --lines FILE")
            }
            return text
        }

        private func matchLines(_ path: String, _ matcher: MessageMatcher) throws {
            var results: [MatchResult] = []
            try LogInput.forEachLine(of: path, maxLineLength: Classifier.maxLineLength, rerun: "kb match --lines -") { line, number, cut in
                guard !cut else {
                    Diagnostics.note(file: path, line: number, LogClassification.Note.tooLong)
                    return
                }
                // A blank line is no answer, as kb classify leaves it out of its lines (one rule:
                // the line reader's `blank`).
                guard var result = matcher.match(lineBytes: line) else { return }
                result.line = number
                results.append(result)
            }
            try output.emit(results.flatMap(MatchLineRow.rows), document: results) { _ in try TableRenderer().render(lines: results) }
            if !results.contains(where: { Self.failure($0) == nil && $0.answer != .notError }) { throw NothingFound("no line matches") }
        }
    }
}
