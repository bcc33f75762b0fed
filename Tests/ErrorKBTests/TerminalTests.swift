import Foundation
import Testing

/// kb at a terminal and in a pipe (issue 17): hits are coloured only on a terminal, never marked
/// up with `**`; tables fit the terminal's width; kb build shows its progress on a terminal only.
@Suite struct TerminalTests {
    let db = Fixtures.builtDatabasePath
    static let colour = "\u{1B}[31;1m"

    @Test func searchColoursHitsOnATerminal() {
        let result = TestProcess.terminal(["search", "withdraw", "--limit", "3", "--db", db])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("ASSET_\(Self.colour)WITHDRAW\u{1B}[0m_\(Self.colour)WITHDRAW\u{1B}[0mING_NOT_ENOUGH"))
        #expect(!result.stdout.contains("**"))
    }

    @Test func aPipeGetsNoMarkupAtAll() {
        for query in [["withdraw"], ["Price", "*", "QTY"], ["余额"]] {
            let result = TestProcess.kb(["search"] + query + ["--db", db])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stdout.contains("**") && !result.stdout.contains("\u{1B}"), "\(query)")
        }
        let piped = TestProcess.kb(["search", "withdraw", "--limit", "1", "--db", db])
        #expect(piped.stdout.hasSuffix("   ASSET_WITHDRAW_WITHDRAWING_NOT_ENOUGH\n"))
    }

    @Test(arguments: [(["NO_COLOR": "1"], [String]()), (["TERM": "dumb"], []), ([:], ["--color", "never"])])
    func noColourWhenAskedOrTheTerminalCannot(environment: [String: String], flags: [String]) {
        let result = TestProcess.terminal(["search", "withdraw", "--limit", "2", "--db", db] + flags, environment: environment)
        #expect(result.status == 0)
        #expect(result.stdout.contains("ASSET_WITHDRAW_WITHDRAWING_NOT_ENOUGH"))
        #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("**"))
    }

    @Test func colorAlwaysColoursAPipeAndBeatsNoColor() {
        let result = TestProcess.kb(["search", "withdraw", "--limit", "1", "--color", "always", "--db", db], environment: ["NO_COLOR": "1"])
        #expect(result.stdout.contains("\(Self.colour)WITHDRAW\u{1B}[0m"))
        // An empty NO_COLOR does not count (no-color.org).
        let empty = TestProcess.terminal(["search", "withdraw", "--limit", "1", "--db", db], environment: ["NO_COLOR": ""])
        #expect(empty.stdout.contains(Self.colour))
    }

    @Test func statsFitTheTerminal() {
        for columns in [80, 100] {
            let result = TestProcess.terminal(["stats", "--db", db], columns: columns)
            #expect(result.status == 0)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count >= 3)
            #expect(lines.allSatisfy { Self.displayWidth($0) <= columns }, "\(lines.map(Self.displayWidth))")
            #expect(result.stdout.contains("\nbinan"))
        }
        // A pipe gets whole lines: the longest file name unabridged.
        let piped = TestProcess.kb(["stats", "--db", db])
        #expect(piped.stdout.contains("binance-coin-margined-futures-error-code.en.md  coin-margined-futures"))
        #expect(!piped.stdout.contains("…"))
    }

    @Test func buildShowsProgressOnATerminalOnly() throws {
        let directory = Fixtures.temporaryDirectory()
        let page = directory.appendingPathComponent("big.md")
        try DatabaseCheck.generatedDocument(sections: 8, perSection: 2_500).write(to: page)
        let out = directory.appendingPathComponent("big.db").path
        let terminal = TestProcess.terminal(["build", page.path, "--out", out], timeout: 600)
        #expect(terminal.status == 0, "\(terminal.stdout)")
        // Redrawn in place: carriage return, erase line; the last report counts every entry.
        #expect(terminal.stdout.contains("\r\u{1B}[Kkb: "))
        #expect(terminal.stdout.contains("20,000 entries"))
        #expect(terminal.stdout.contains("big.md (1/1)"))
        // Cleared before the summary, which is as before.
        #expect(terminal.stdout.contains("\r\u{1B}[Kwrote \(out)\n"))
        let piped = TestProcess.kb(["build", page.path, "--out", out])
        #expect(piped.status == 0)
        #expect(piped.stderr.isEmpty, "\(piped.stderr)")
        #expect(!piped.stdout.contains("\u{1B}") && piped.stdout.hasPrefix("wrote \(out)\n"))
    }

    /// Columns a line takes at a terminal (CJK and full-width forms count double).
    static func displayWidth(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) { $0 + (($1.value >= 0x1100 && ($1.properties.isIdeographic || (0xFF00...0xFF60).contains($1.value) || (0x3000...0x303F).contains($1.value))) ? 2 : 1) }
    }
}
