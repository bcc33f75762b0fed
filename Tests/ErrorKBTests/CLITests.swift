import Foundation
import Testing

/// The `kb` binary as a user runs it: exit codes, output formats, builds that fail safely.
@Suite struct CLITests {
    let home = Fixtures.temporaryDirectory().path

    @Test(arguments: ["-1121", "1121", "−1121", "BAD_SYMBOL", "bad_symbol"])
    func showAcceptsEveryFormOfACode(key: String) {
        let result = TestProcess.kb(["show", key, "--db", Fixtures.builtDatabasePath])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("-1121 BAD_SYMBOL    coin-margined-futures · en"))
        #expect(result.stdout.contains("-1121 BAD_SYMBOL    wallet · zh-CN"))
        #expect(result.stdout.contains("[zh] 无效的交易对。"))
        #expect(result.stdout.contains("binance-wallet-error-code.zh-CN.txt:119"))
    }

    @Test func showJSONHasTheDocumentedFields() throws {
        let result = TestProcess.kb(["show", "-4001", "--format", "json", "--db", Fixtures.builtDatabasePath])
        #expect(result.status == 0)
        let hits = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(hits.map { $0["name"] as? String } == ["PRICE_LESS_THAN_ZERO", "CAPITAL_INVALID"])
        for key in ["domain", "locale", "code", "name", "section", "messages", "source", "line"] {
            #expect(hits.allSatisfy { $0[key] != nil }, "missing \(key)")
        }
        let messages = hits.first?["messages"] as? [[String: Any]]
        #expect(messages?.first?["text"] as? String == "Price less than 0.")
        #expect(messages?.first?["lang"] as? String == "en")
    }

    @Test func showListsTheTableRowsThatExplainACode() {
        let result = TestProcess.kb(["show", "-2010", "--domain", "wallet", "--db", Fixtures.builtDatabasePath])
        #expect(result.stdout.contains("explained by 26 table rows"))
        #expect(result.stdout.contains("\"Account has insufficient balance for requested action.\""))
    }

    @Test func searchWorksOnTheEmbeddedCorpusFromAnyDirectory() {
        let result = TestProcess.kb(["search", "余额", "--limit", "3"], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("1. ") || $0.hasPrefix("2. ") || $0.hasPrefix("3. ") }.count == 3)
        // A pipe gets the plain words: no ** and no colour.
        #expect(result.stdout.contains("余额") && !result.stdout.contains("**") && !result.stdout.contains("\u{1B}"))
        // A second run reads the cached seed database.
        #expect(TestProcess.kb(["search", "withdraw", "--format", "csv"], home: home).stdout.hasPrefix("kind,domain,locale,code,codes,name,section,messages,source,line,snippet,highlights,score,places,via\n"))
    }

    @Test func exitCodes() {
        let db = Fixtures.builtDatabasePath
        #expect(TestProcess.kb(["show", "-1121", "--db", db]).status == 0)
        let missing = TestProcess.kb(["show", "-99999", "--db", db])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no entry for '-99999'"))
        #expect(TestProcess.kb(["search", "zzzqqq", "--db", db]).status == 1)
        #expect(TestProcess.kb(["search", "x", "--limit", "0", "--db", db]).status == 2)
        #expect(TestProcess.kb(["show", "--format", "yaml", "-1", "--db", db]).status == 2)
        #expect(TestProcess.kb(["nonsense"]).status == 2)
        let unknownDomain = TestProcess.kb(["search", "x", "--domain", "nope", "--db", db])
        #expect(unknownDomain.status == 2)
        #expect(unknownDomain.stderr == "kb: unknown domain 'nope'; this database has: coin-margined-futures, wallet\n")
        let noDB = TestProcess.kb(["show", "-1121", "--db", "/nonexistent/kb.db"])
        #expect(noDB.status == 3)
        #expect(noDB.stderr.contains("/nonexistent/kb.db"))
    }

    @Test func aFileThatIsNotADatabaseIsRefusedClearly() throws {
        let path = home + "/notes.db"
        try Data("just some text, not SQLite\n".utf8).write(to: URL(fileURLWithPath: path))
        let result = TestProcess.kb(["show", "-1121", "--db", path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("\(path): not an ErrorKB database"))
    }

    /// The built-in corpus: the 11 pages of seed/MANIFEST.md. Entries and messages are the sums
    /// of the independent counts (Fixtures/corpus-counts); table rows count spot's cell that
    /// holds two messages as two rows (58 + 1 per spot page).
    @Test func buildPrintsASummary() {
        let out = home + "/kb.db"
        let result = TestProcess.kb(["build", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        for line in ["documents         11", "sections          88", "entries           2013", "messages          2554",
                     "table rows        278", "duplicate groups  358 (80 code_conflict, 3 code_repeated, 240 code_shared, 35 name_shared)",
                     "unexplained lines 0"] {
            #expect(result.stdout.contains(line), "\(line)")
        }
    }

    /// build and add print a summary, as a table or JSON; CSV is a usage error, and nothing is written.
    @Test func buildAndAddRefuseCSV() throws {
        let out = home + "/csv.db"
        let build = TestProcess.kb(["build", "--out", out, "--format", "csv"])
        #expect(build.status == 2)
        #expect(build.stderr.hasPrefix("kb: ") && build.stderr.contains("--format table or json"), "\(build.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let add = TestProcess.kb(["add", Fixtures.packageRoot.appendingPathComponent("seed/binance-coin-margined-futures-error-code.en.md").path,
                                 "--db", Fixtures.builtDatabasePath, "--format", "csv"])
        #expect(add.status == 2)
        #expect(add.stderr.contains("--format table or json"), "\(add.stderr)")
    }

    @Test func aFailedBuildLeavesTheOldFileUntouched() throws {
        let out = home + "/keep.db"
        #expect(TestProcess.kb(["build", "--out", out]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: out))
        let orphan = home + "/orphan.md"
        try Data("#### \\-1000 UNKNOWN\n\n-   An unknown error.\n".utf8).write(to: URL(fileURLWithPath: orphan))
        let result = TestProcess.kb(["build", orphan, "--out", out])
        // The page needs flags: a usage error.
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(orphan): the document has no source URL to tell its domain and locale; pass --domain and --locale"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: home).filter { $0.contains(".tmp") }
        #expect(leftovers.isEmpty)
        // With the flags it builds.
        let flagged = TestProcess.kb(["build", orphan, "--out", out, "--domain", "spot", "--locale", "en"])
        #expect(flagged.status == 0, "\(flagged.stderr)")
        #expect(TestProcess.kb(["show", "-1000", "--db", out]).stdout.contains("UNKNOWN    spot · en"))
    }

    @Test func buildNamesMissingFilesAndDirectories() {
        let missing = TestProcess.kb(["build", home + "/nope.md", "--out", home + "/x.db"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("\(home)/nope.md: cannot read: no such file"))
        let directory = TestProcess.kb(["build", home, "--out", home + "/x.db"])
        #expect(directory.stderr.contains("\(home): cannot read: it is a directory"))
        let badOut = TestProcess.kb(["build", "--out", "/nonexistent-dir/kb.db"])
        #expect(badOut.status == 3)
        #expect(badOut.stderr.contains("/nonexistent-dir/kb.db: cannot write"))
    }

    @Test func theBinaryWorksCopiedAloneToAnotherDirectory() throws {
        let alone = URL(fileURLWithPath: home).appendingPathComponent("bin/kb")
        try FileManager.default.createDirectory(at: alone.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestProcess.kbBinary, to: alone)
        let result = TestProcess.kb(["show", "-2015"], home: home, executable: alone)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("[zh] 无效的API密钥，IP或操作权限。"))
    }

    @Test func duplicatesAndStatsCommands() {
        let db = Fixtures.builtDatabasePath
        let repeated = TestProcess.kb(["duplicates", "--kind", "code_repeated", "--db", db, "--format", "csv"])
        #expect(repeated.stdout == "kind,domain,code,name\ncode_repeated,wallet,-5012,FUTURE_ACCT_OR_SUBRELATION_NOT_EXIST\ncode_repeated,wallet,-5012,TRANSFER_PENDING\n")
        let stats = TestProcess.kb(["stats", "--db", db])
        #expect(stats.stdout.contains("binance-wallet-error-code.zh-CN.txt"))
        #expect(stats.stdout.contains("236      235    259       40          0"))
    }

    /// What the built-in corpus answers with no --db: every product's current page, both
    /// languages where there are two.
    @Test func theBuiltInCorpusAnswersForEveryProduct() {
        let minNotional = TestProcess.kb(["show", "-4164"], home: home)
        #expect(minNotional.status == 0, "\(minNotional.stderr)")
        #expect(minNotional.stdout.contains("-4164 MIN_NOTIONAL    usds-margined-futures · en"))
        #expect(minNotional.stdout.contains("-4164 MIN_NOTIONAL    usds-margined-futures · zh-CN"))
        #expect(minNotional.stdout.contains("[en] Order's notional must be no smaller than %s (unless you choose reduce only)"))
        let wallet = TestProcess.kb(["show", "-3045", "--domain", "wallet"], home: home)
        #expect(wallet.stdout.contains("-3045 SYSTEM    wallet · en\n  section: 3xxx-5xxx SAPI-specific issues\n  [en] The system doesn't have enough asset now."))
        #expect(wallet.stdout.contains("-3045 SYSTEM    wallet · zh-CN"))
        let options = TestProcess.kb(["search", "期权", "--format", "csv"], home: home)
        #expect(options.status == 0)
        #expect(options.stdout.contains("entry,usds-margined-futures,zh-CN,-4065,,INVALID_OPTIONS_AMOUNT,"))
        let stats = TestProcess.kb(["stats", "--format", "csv"], home: home)
        let documents = stats.stdout.components(separatedBy: "\n").dropFirst().filter { !$0.isEmpty }.map { $0.split(separator: ",").prefix(3).joined(separator: " ") }
        #expect(documents == [
            "binance-coin-margined-futures-error-code.en.md coin-margined-futures en", "binance-wallet-error-code.zh-CN.txt wallet zh-CN",
            "crypto-loan-error-code.en.md crypto-loan en", "options-error-code.en.md options-trading en",
            "portfolio-margin-error-code.en.md portfolio-margin en", "portfolio-margin-pro-error-code.en.md portfolio-margin-pro en",
            "spot-errors.en.md spot en", "spot-errors.zh-CN.md spot zh-CN", "usds-margined-futures-error-code.en.md usds-margined-futures en",
            "usds-margined-futures-error-code.zh-CN.md usds-margined-futures zh-CN", "wallet-error-code.en.md wallet en",
        ], "\(stats.stdout)")
    }
}
