import ArgumentParser
import ErrorKB
import Foundation

/// What kb says when a command line is not one it knows, with the nearest thing it does know,
/// as git and gh do.
enum UsageHints {
    /// The subcommands' names.
    static var commandNames: [String] { KB.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"] }

    /// The message for a first argument that is not a subcommand (`kb serch 余额`); nil when it is
    /// one, or an option (`--help`, `--version`).
    static func unknownCommand(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !commandNames.contains(first) else { return nil }
        if let nearest = Suggestion.nearest(to: first, in: commandNames) {
            return "'\(first)' is not a kb command; did you mean 'kb \(([nearest] + arguments.dropFirst()).map(shellWord).joined(separator: " "))'?"
        }
        return "'\(first)' is not a kb command; the commands are: \(commandNames.joined(separator: ", ")) (see kb --help)"
    }

    /// The long and short option names a command takes (`--limit`, `-h`), from ArgumentParser's
    /// own description of it.
    static func optionNames(of command: ParsableCommand.Type) -> [String] {
        guard let data = command._dumpHelp().data(using: .utf8),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let info = root["command"] as? [String: Any], let arguments = info["arguments"] as? [[String: Any]] else { return [] }
        return arguments.flatMap { argument -> [String] in
            (argument["names"] as? [[String: Any]] ?? []).compactMap { name in
                guard let kind = name["kind"] as? String, let text = name["name"] as? String else { return nil }
                return kind == "short" ? "-" + text : "--" + text
            }
        }
    }

    /// Throws a usage error for the first word that is an option the command does not know: it
    /// starts with `-`, is not `-`, a code (`-1121`) or a text (`-1121 BAD_SYMBOL`, `-1121,`), and
    /// comes before `--`. Commands whose
    /// words may start with a minus (search, show) take unknown dashed words as words, so they
    /// check them here.
    static func checkOptions(_ words: [String], of command: ParsableCommand.Type, terminatorHint: String? = nil) throws {
        for word in words {
            if word == "--" { return }
            // A code, or a text (`-1121 BAD_SYMBOL`, `-1121,`), is no option.
            guard word.hasPrefix("-"), word != "-", !isCode(word), !word.contains(" "), !(word.dropFirst().first?.isNumber ?? false) else { continue }
            let name = String(word.prefix { $0 != "=" })
            let nearest = Suggestion.nearest(to: name, in: optionNames(of: command)).map { "; did you mean '\($0)'?" } ?? ""
            throw ValidationError("unknown option '\(name)'\(nearest)" + (terminatorHint.map { " (\($0))" } ?? ""))
        }
    }

    /// Whether a word is an error code (in any of the forms `kb show` takes).
    static func isCode(_ word: String) -> Bool {
        if case .code? = LookupKey(word) { return true }
        return false
    }

    /// A word as a shell would need it typed: as it is when safe, else in single quotes.
    static func shellWord(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy { !$0.isASCII || $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./:=,@%+".unicodeScalars.contains($0) }
        return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
