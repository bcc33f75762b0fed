import Foundation
import Testing

/// Control characters from a query, a path or a document never reach the terminal raw: on
/// stderr each is escaped and every line still starts with `kb: `; table output escapes them too
/// (JSON escapes them by its own rules; CSV keeps data as it is).
@Suite struct TerminalEscapeTests {
    let directory = Fixtures.temporaryDirectory().path

    /// Bytes that must not reach a terminal: ESC, BEL, CR, the C1 CSI, a bidi override.
    static func raw(_ text: String) -> [String] {
        ["\u{1B}", "\u{07}", "\r", "\u{9B}", "\u{202E}"].filter { text.contains($0) }
    }

    func expectClean(_ result: TestProcess.Result, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(Self.raw(result.stdout).isEmpty && Self.raw(result.stderr).isEmpty, "\(result.summary)", sourceLocation: sourceLocation)
        for line in result.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            #expect(line.hasPrefix("kb: "), "a stderr line without kb: \(line)", sourceLocation: sourceLocation)
        }
    }

    @Test func aQueryWithEscapeSequences() {
        let result = TestProcess.kb(["show", "\u{1B}[2J\u{1B}[31mX", "--db", Fixtures.builtDatabasePath], home: directory)
        // No entry has that name: nothing found, with the search to run, escaped like any message.
        #expect(result.status == 1, "\(result.summary)")
        expectClean(result)
        #expect(result.stderr == ("kb: no entry for '\\e[2J\\e[31mX'; to search names and messages: kb search '\\e[2J\\e[31mX'\n"),
                "\(result.stderr)")
        let name = TestProcess.kb(["show", "X\u{1B}[2J", "--db", Fixtures.builtDatabasePath, "--domain", "wallet"], home: directory)
        expectClean(name)
    }

    @Test func aPathWithANewline() {
        let path = directory + "/a\nb.db"
        let result = TestProcess.kb(["show", "-1121", "--db", path], home: directory)
        #expect(result.status == 3)
        expectClean(result)
        #expect(result.stderr == "kb: \(directory)/a\\nb.db: no such database\n", "\(result.stderr)")
    }

    @Test func aDocumentWhoseNameAndTextHoldEscapeSequences() throws {
        let page = directory + "/evil\u{1B}]0;owned\u{07}.md"
        try Data("""
            #### \\-97006 EVIL\u{1B}[2J_NAME

            -   Message \u{1B}[31mred\u{1B}[0m and \u{202E}reversed\u{9B}.
            stray line \u{1B}[1A

            """.utf8).write(to: URL(fileURLWithPath: page))
        let db = directory + "/e.db"
        let build = TestProcess.kb(["build", page, "--out", db, "--domain", "d", "--locale", "en"], home: directory)
        #expect(build.status == 0, "\(build.summary)")
        expectClean(build)
        #expect(build.stdout.contains("unexplained") || build.stderr.contains("evil\\e]0;owned\\x07.md"), "\(build.summary)")
        for format in ["table", "json"] {
            for query in [["show", "-97006"], ["search", "reversed"], ["match", "--code", "-97006"], ["stats"]] {
                let result = TestProcess.kb(query + ["--db", db, "--format", format], home: directory)
                #expect(result.status == 0, "\(query) \(format): \(result.summary)")
                expectClean(result)
            }
        }
        let show = TestProcess.kb(["show", "-97006", "--db", db], home: directory)
        #expect(show.stdout.contains("Message \\e[31mred\\e[0m and \\u{202E}reversed\\u{009B}."), "\(show.stdout)")
        // CSV is data: the bytes stay as they are; a list in a field is JSON, which writes control characters as escapes.
        let csv = TestProcess.kb(["show", "-97006", "--db", db, "--format", "csv"], home: directory)
        #expect(csv.stdout.contains(",EVIL\u{1B}[2J_NAME,"))
        #expect(csv.stdout.contains("Message \\u001b[31mred\\u001b[0m"))
    }
}
