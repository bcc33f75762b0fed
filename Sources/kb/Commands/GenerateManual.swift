import ArgumentParser
import ErrorKB
import Foundation

extension KB {
    struct GenerateManual: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate-manual",
            abstract: "Write kb's manual page (man(7) format) to standard output.",
            discussion: """
                The page is made from the same descriptions as --help: every subcommand with its options and examples, \
                the exit statuses and the environment. Chinese text, full-width digits and the minus sign stay as they are \
                (UTF-8, which man and groff read); a - in a command line is written \\- so that it prints as the ASCII \
                minus a shell needs. ArgumentParser's generate-manual plugin is not used for this: it drops every \
                character that is not ASCII.
                """ + Examples.generateManual)

        func run() throws {
            try Output.write(ManualPage.render(KB.self))
        }
    }
}

/// kb's manual page, in man(7) format, from ArgumentParser's description of the commands
/// (`_dumpHelp`, the JSON `--experimental-dump-help` prints).
enum ManualPage {
    static func render(_ root: ParsableCommand.Type) -> String {
        guard let data = root._dumpHelp().data(using: .utf8),
              let dump = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let command = dump["command"] as? [String: Any] else { return "" }
        var page = [".TH KB 1 \"\" \"kb \(Release.version)\" \"User Commands\"", ".SH NAME", "kb \\- " + escape(command["abstract"] as? String ?? "")]
        page += [".SH SYNOPSIS", "\\fBkb\\fR \\fIcommand\\fR [\\fIoptions\\fR]", ".SH DESCRIPTION"] + paragraphs(command["discussion"] as? String ?? "")
        page.append(".SH COMMANDS")
        for sub in command["subcommands"] as? [[String: Any]] ?? [] where sub["shouldDisplay"] as? Bool ?? true {
            page += section(sub)
        }
        page += [".SH EXIT STATUS", "0 found (kb diff: the two are the same), 1 nothing found (kb diff: they differ), 2 usage error, "
                 + "3 data or database error, or output that could not be written.",
                 ".SH ENVIRONMENT",
                 ".TP", "\\fBKB_DB\\fR", "The database read commands use when \\fB\\-\\-db\\fR is not given.",
                 ".TP", "\\fBNO_COLOR\\fR", "Set to anything but the empty string or 0: no colour (as \\fB\\-\\-color never\\fR), unless \\fB\\-\\-color always\\fR.",
                 ".TP", "\\fBTERM\\fR", "dumb: no colour and no progress line.",
                 ".TP", "\\fBHOME\\fR, \\fBXDG_CACHE_HOME\\fR", "Where the built-in corpus is built once (errorkb/ in the cache directory).",
                 ".SH SEE ALSO", "\\fBsqlite3\\fR(1), \\fBdatasette\\fR(1); docs/output.md for the fields of each command's output."]
        return page.joined(separator: "\n") + "\n"
    }

    private static func section(_ command: [String: Any]) -> [String] {
        let name = command["commandName"] as? String ?? ""
        let arguments = (command["arguments"] as? [[String: Any]] ?? []).filter { $0["shouldDisplay"] as? Bool ?? true }
        var lines = [".SS \"kb \(escape(name))\"", escape(command["abstract"] as? String ?? "")]
        lines += paragraphs(command["discussion"] as? String ?? "")
        for argument in arguments {
            lines.append(".TP")
            lines.append(label(argument))
            var help = argument["abstract"] as? String ?? ""
            if let values = argument["allValues"] as? [String], !values.isEmpty { help += " (values: \(values.joined(separator: ", ")))" }
            if let value = argument["defaultValue"] as? String, !value.isEmpty { help += " (default: \(value))" }
            lines.append(escape(help))
        }
        return lines
    }

    /// `\fB--limit\fR \fIlimit\fR`, `\fIquery\fR...`.
    private static func label(_ argument: [String: Any]) -> String {
        let value = "\\fI" + escape(argument["valueName"] as? String ?? "value") + "\\fR"
        let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { name -> String? in
            guard let text = name["name"] as? String else { return nil }
            return "\\fB" + escape((name["kind"] as? String == "short" ? "-" : "--") + text) + "\\fR"
        }.joined(separator: ", ")
        let repeating = argument["isRepeating"] as? Bool == true ? "..." : ""
        switch argument["kind"] as? String {
        case "positional": return value + repeating
        case "flag": return names
        default: return names + " " + value + repeating
        }
    }

    /// Text as paragraphs; the EXAMPLES block as an indented list of command lines.
    private static func paragraphs(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var lines: [String] = []
        for block in text.components(separatedBy: "\n\n") {
            if block.hasPrefix("EXAMPLES:") {
                lines.append(".PP\n\\fBEXAMPLES\\fR")
                for line in block.split(separator: "\n").dropFirst() {
                    if line.hasPrefix("      ") {
                        lines += [".RS 8", escape(line.trimmingCharacters(in: .whitespaces)), ".RE"]
                    } else {
                        lines += [".PP", ".RS 4", "\\f(CR" + escape(line.trimmingCharacters(in: .whitespaces)) + "\\fR", ".RE"]
                    }
                }
            } else {
                lines += [".PP"] + block.split(separator: "\n").map { escape(String($0)) }
            }
        }
        return lines
    }

    /// Text safe in a man page: `\` as `\e`, `-` as `\-` (the ASCII minus, which groff would
    /// otherwise print as a hyphen), and a line that starts with `.` or `'` kept as text.
    static func escape(_ text: String) -> String {
        var out = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
        return out
    }
}
