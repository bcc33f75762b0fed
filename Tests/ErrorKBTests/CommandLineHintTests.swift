import ErrorKB
import ErrorKBModel
import ErrorKBStore
import Foundation
import Testing
@testable import kb

/// kb's command line as git and gh users expect it (issue 17): suggestions for mistyped commands
/// and options, codes in every form people type, help with examples, a man page, completions and
/// a version that says which data it holds.
@Suite struct CommandLineHintTests {
    let db = Fixtures.builtDatabasePath

    @Test(arguments: [(["serch", "余额"], "kb search 余额"), (["sho", "-1121"], "kb show -1121"), (["shwo", "bad_symbol"], "kb show bad_symbol"),
                      (["stat"], "kb stats"), (["duplicate", "--kind", "code_shared"], "kb duplicates --kind code_shared"),
                      (["clasify", "app log"], "kb classify 'app log'")])
    func aMistypedCommandGetsTheNearestOne(arguments: [String], suggestion: String) {
        let result = TestProcess.kb(arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "kb: '\(arguments[0])' is not a kb command; did you mean '\(suggestion)'?\n")
    }

    @Test func anUnknownCommandListsTheCommands() {
        let result = TestProcess.kb(["frobnicate"])
        #expect(result.status == 2 && result.stderr.contains("the commands are: search, show, match"))
    }

    /// Every subcommand that takes --format says so for --formt: a usage error with the suggestion.
    @Test func unknownOptionsAreUsageErrorsWithASuggestionOnEverySubcommand() {
        let commands: [[String]] = [["search", "x"], ["show", "-1121"], ["match", "x"], ["classify", "-"], ["diff", "a", "b"], ["duplicates"],
                                    ["stats"], ["build"], ["add", "x.md"], ["update"], ["export"]]
        for command in commands {
            let result = TestProcess.kb([command[0], "--formt", "json"] + command.dropFirst() + ["--db", db])
            #expect(result.status == 2, "\(command[0]): \(result.stderr)")
            let message = result.stderr.lowercased()
            #expect(message.contains("unknown option '--formt'") && message.contains("did you mean '--format'?"), "\(command[0]): \(result.stderr)")
        }
        let show = TestProcess.kb(["show", "--formt", "json", "-1121", "--db", db])
        #expect(show.stderr.hasPrefix("kb: Error: unknown option '--formt'; did you mean '--format'?\n"))
        let search = TestProcess.kb(["search", "--limt", "3", "withdraw", "--db", db])
        #expect(search.status == 2 && search.stderr.contains("unknown option '--limt'; did you mean '--limit'?"))
        // Codes are not options, and a dashed word after -- is searched for.
        #expect(TestProcess.kb(["search", "-1121", "--db", db]).status == 0)
        #expect(TestProcess.kb(["search", "--", "--limt", "--db", db]).status == 1)
    }

    @Test func showSuggestsSearchForWhatIsNotACode() {
        let name = TestProcess.kb(["show", "abc", "--db", db])
        #expect(name.status == 1)
        #expect(name.stderr == "kb: no entry for 'abc'; to search names and messages: kb search abc\n")
        // Names may hold spaces and Chinese (`Request Throttled`, 无效的交易对): text no name has is
        // nothing found, with the search to run.
        let text = TestProcess.kb(["show", "余额 不足", "--db", db])
        #expect(text.status == 1)
        #expect(text.stderr == "kb: no entry for '余额 不足'; to search names and messages: kb search '余额 不足'\n")
        // A code that is not documented gets no such hint.
        #expect(TestProcess.kb(["show", "-99999", "--db", db]).stderr == "kb: no entry for '-99999'\n")
    }

    @Test(arguments: ["－１１２１", "-１１２１", "‐1121", "﹣1121", "−1121", "–1121", "‑1121", "－1121", "１１２１"])
    func everyMinusAndFullWidthDigitsAreCodes(key: String) {
        #expect(LookupKey(key) == .code(-1121) || (key == "１１２１" && LookupKey(key) == .code(1121)))
        let result = TestProcess.kb(["show", key, "--db", db, "--format", "tsv", "--fields", "code,domain", "--no-header"])
        #expect(result.status == 0, "\(key): \(result.stderr)")
        #expect(result.stdout == "-1121\tcoin-margined-futures\n-1121\twallet\n")
    }

    @Test func aDashInsideANameIsNotAMinus() {
        #expect(LookupKey("BAD–SYMBOL") == .name("BAD–SYMBOL"))
        #expect(LookupKey("1121–") == .name("1121–"))
    }

    @Test func everySubcommandsHelpHasExamples() {
        for name in UsageHints.commandNames where name != "help" {
            let help = TestProcess.kb([name, "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("\nEXAMPLES:\n  kb \(name)") || help.stdout.contains("\nEXAMPLES:\n  zcat"), "\(name)")
        }
    }

    @Test func theManualPageKeepsChineseAndTheMinusSign() throws {
        let page = TestProcess.kb(["generate-manual"])
        #expect(page.status == 0)
        #expect(page.stdout.hasPrefix(".TH KB 1 "))
        #expect(page.stdout.contains("kb search 余额"))
        #expect(page.stdout.contains("−1121, －１１２１"))
        // An ASCII minus in a command line is \- (a plain - would print as a hyphen).
        #expect(page.stdout.contains("kb show \\-1121"))
        #expect(!page.stdout.contains("kb show -1121"))
        for name in UsageHints.commandNames where name != "help" { #expect(page.stdout.contains(".SS \"kb \(name.replacingOccurrences(of: "-", with: "\\-"))\"")) }
        // As man shows it: groff keeps the text and prints an ASCII minus.
        let file = Fixtures.temporaryDirectory().appendingPathComponent("kb.1")
        try page.stdout.write(to: file, atomically: true, encoding: .utf8)
        let rendered = TestProcess.shell("preconv -e utf-8 '\(file.path)' | groff -man -Tutf8 -P-c 2>/dev/null")
        guard rendered.status == 0, !rendered.stdout.isEmpty else { return }  // no groff here: the source checks above stand
        #expect(rendered.stdout.contains("kb search 余额"))
        #expect(rendered.stdout.contains("kb show -1121"))
        #expect(rendered.stdout.contains("−1121,") && rendered.stdout.contains("－１１２１"))
    }

    @Test func completionsOfferFilesAndTheDatabasesDomains() {
        let bash = TestProcess.kb(["--generate-completion-script", "bash"])
        #expect(bash.status == 0)
        #expect(bash.stdout.contains("---completion search -- --domain"))
        // --db and a build's documents complete file names.
        let zsh = TestProcess.kb(["--generate-completion-script", "zsh"]).stdout
        #expect(zsh.contains("'--db[") && zsh.contains(":db:_files'"), "\(zsh.prefix(0))")
        #expect(zsh.contains(":documents:_files"))
        // The domains come from the database the command line names.
        let domains = TestProcess.kb(["---completion", "search", "--", "--domain", "5", "0", "kb", "search", "--db", db, "--domain", ""])
        #expect(domains.stdout == "coin-margined-futures\nwallet\n", "\(domains.stderr)")
        let prefixed = TestProcess.kb(["---completion", "show", "--", "--domain", "5", "1", "kb", "show", "--db=\(db)", "--domain", "w"])
        #expect(prefixed.stdout == "wallet\n")
    }

    @Test func versionTellsTheSchemaAndTheBuiltInCorpus() {
        let home = Fixtures.temporaryDirectory().path
        let result = TestProcess.kb(["--version"], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "kb \(Release.version)")
        #expect(lines.contains("schema version \(Schema.version)"))
        let seed = Fixtures.packageRoot.appendingPathComponent("seed").path
        let documents = ((try? FileManager.default.contentsOfDirectory(atPath: seed)) ?? []).filter { $0 != "MANIFEST.md" }
        #expect(lines.contains("built-in corpus: \(documents.count) documents"))
        for document in documents { #expect(lines.contains { $0.hasPrefix("  \(document) ") }, "\(document)") }
        #expect(result.stdout.contains("https://developers.binance.com/docs/zh-CN/wallet/error-code"))
        // The date of each copy, as seed/MANIFEST.md states it; a page without a URL says so.
        if documents.contains("spot-errors.en.md") {
            #expect(lines.contains { $0.hasPrefix("  spot-errors.en.md ") && $0.contains(" 2026-05-18  (no URL)") }, "\(result.stdout)")
        }
    }
}
