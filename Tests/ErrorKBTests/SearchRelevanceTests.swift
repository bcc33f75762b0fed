import Foundation
import Testing
@testable import ErrorKBQuery

/// Search relevance on the real pages, measured with issue 14's acceptance material, made
/// without reading ErrorKB by two colleagues independently: Fixtures/search-queries (100 support
/// queries with the codes that are right first, and 43 pasted-text cases) and
/// Fixtures/search-queries-14b (88 more queries, written after the first set's misses were fixed;
/// the code was not tuned on them), and Fixtures/search-queries-14c (60 queries as people type
/// them, written before the ranking was changed for them). The figures go to the test's output;
/// the expectations are floors at what the current ranking reaches, so a change that loses answers fails.
@Suite(.enabled(if: SearchPages.available, "skipped: ../shared is absent"), .serialized)
struct SearchRelevanceTests {
    static let folder = Fixtures.packageRoot.appendingPathComponent("Tests/ErrorKBTests/Fixtures/search-queries")
    static let secondSet = Fixtures.packageRoot.appendingPathComponent("Tests/ErrorKBTests/Fixtures/search-queries-14b/queries.jsonl")
    static let thirdSet = Fixtures.packageRoot.appendingPathComponent("Tests/ErrorKBTests/Fixtures/search-queries-14c/queries.jsonl")

    /// Runs every query and case of the three sets through the real `kb search --format json --limit
    /// 10` (run.py) and scores the results (score.py --json): `queries` and `cases` for the first
    /// set, `queries-14b` and `queries-14c` for the others.
    nonisolated(unsafe) static let report: [String: Any] = {
        let results = Fixtures.temporaryDirectory().appendingPathComponent("results.jsonl").path
        let command = "\(TestProcess.kbBinary.path) search --db \(SearchPages.path) --format json --limit 10"
        let first = folder.appendingPathComponent("queries.jsonl").path, cases = folder.appendingPathComponent("punctuation_cases.jsonl").path
        let run = TestProcess.tool("sh", ["-c", "python3 \"$0\" --cmd \"$1\" \"$2\" \"$3\" \"$4\" \"$5\" > \"$6\"", folder.appendingPathComponent("run.py").path, command,
                                          first, cases, secondSet.path, thirdSet.path, results], timeout: 600)
        precondition(run.status == 0, "run.py failed: \(run.stderr)")
        var report: [String: Any] = [:]
        for (arguments, key) in [(["--queries", first, "--cases", cases], ""), (["--queries", secondSet.path], "-14b"), (["--queries", thirdSet.path], "-14c")] {
            let score = TestProcess.tool("python3", [folder.appendingPathComponent("score.py").path, "--json"] + arguments + [results])
            let parsed = try? JSONSerialization.jsonObject(with: Data(score.stdout.utf8)) as? [String: Any]
            for (name, value) in parsed ?? [:] { report[name + (name == "queries" ? key : "")] = value }
        }
        return report
    }()

    /// top-1, top-3 and the misses of one set, printed.
    static func figures(_ key: String) throws -> (n: Int, top1: Int, top3: Int, misses: [String]) {
        let queries = try #require(report[key] as? [String: Any], "\(report.keys)")
        let (n, top1, top3) = (queries["n"] as? Int ?? 0, queries["top1"] as? Int ?? 0, queries["top3"] as? Int ?? 0)
        let misses = (queries["misses"] as? [[String: Any]] ?? []).map { "\($0["query"] ?? "") → \($0["got"] ?? "")" }
        print("\(key): top-1 \(top1)/\(n), top-3 \(top3)/\(n), lenient top-3 \(queries["lenient3"] ?? ""), errors \(queries["errors"] ?? "")")
        print("misses at top-1:", misses.joined(separator: "; "))
        #expect(queries["errors"] as? Int == 0)
        return (n, top1, top3, misses)
    }

    @Test func theQuerySetFindsTheRightCodeFirst() throws {
        let set = try Self.figures("queries")
        #expect(set.n == 100)
        // Before issue 14 (main a81b181, the 8 pages the importer then read): top-1 46, top-3 50;
        // before synonyms, near names and words (30dc897, 11 pages): 86, 92; before set 14c's
        // rules (5f714a4): 95, 100.
        #expect(set.top1 >= 98 && set.top3 >= 100, "\(set.misses)")
    }

    @Test func theSecondQuerySetFindsTheRightCodeFirst() throws {
        let set = try Self.figures("queries-14b")
        #expect(set.n == 88)
        // Before synonyms, near names and words (30dc897): top-1 70, top-3 79. The issue's bar
        // (first ≥ 80 %, top 3 ≥ 93.3 %) is 71 and 83 of 88. Before set 14c's rules (5f714a4): 76, 84.
        #expect(set.top1 >= 82 && set.top3 >= 87, "\(set.misses)")
    }

    @Test func theThirdQuerySetFindsTheRightCodeFirst() throws {
        let set = try Self.figures("queries-14c")
        #expect(set.n == 60)
        // Before any change made for it (5f714a4): top-1 41, top-3 49; main 13227ab without this
        // set's rules: 42, 51. The issue's bar is 48 and 56 of 60.
        #expect(set.top1 >= 56 && set.top3 >= 58, "\(set.misses)")
    }

    /// The issue's example: -1015 was five of the top 5, once per product.
    @Test func oneResultPerMeaningListsWhereItIsDocumented() throws {
        func codes(_ arguments: [String]) throws -> [[String: Any]] {
            let result = TestProcess.kb(["search", "too", "many", "orders", "--db", SearchPages.path, "--format", "json", "--limit", "5"] + arguments)
            return try #require((try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])?["hits"] as? [[String: Any]])
        }
        let grouped = try codes([])
        #expect(grouped.first?["code"] as? Int == -1015)
        #expect(grouped.filter { $0["code"] as? Int == -1015 }.count == 1)
        let places = (grouped.first?["places"] as? [[String: String]] ?? []).map { "\($0["domain"] ?? "") \($0["locale"] ?? "")" }
        let documented = try #require(DatabaseCheck.value(SearchPages.path, """
            SELECT group_concat(place, ',') FROM (SELECT DISTINCT d.domain || ' ' || d.locale AS place FROM entries e JOIN documents d ON d.id = e.document_id
            WHERE e.meaning = (SELECT meaning FROM entries WHERE code = -1015 AND name = 'TOO_MANY_ORDERS' LIMIT 1) ORDER BY d.domain, d.locale)
            """, as: String.self))
        #expect(places.joined(separator: ",") == documented && places.count >= 5)
        let every = try codes(["--all"])
        #expect(every.filter { $0["code"] as? Int == -1015 }.count >= 4 && every.allSatisfy { $0["places"] == nil || $0["places"] is NSNull })
    }

    @Test func pastedTextFindsWhatItsWordsFind() throws {
        let cases = try #require(Self.report["cases"] as? [String: Any])
        let failures = (cases["failures"] as? [[String: Any]] ?? []).map { "\($0["id"] ?? "") \($0["query"] ?? ""): \($0["problems"] ?? "")" }
        print("punctuation cases: \(cases["ok"] ?? "")/\(cases["n"] ?? "")", failures)
        // Before issue 14: 20 of 43; before the meaning's pages counted in the ranking, 42 (p036,
        // `symbol: invalid`, ranked -4140 third where `invalid symbol` ranks -1122).
        #expect((cases["ok"] as? Int ?? 0) >= 43, "\(failures)")
    }
}

/// A database of the real pages beside the project, named one by one: the two seed documents and
/// the current page of every product in ../shared/corpus (the bilingual files are a page per
/// language; of two versions of a page, the one given last is current: USD-M en is the
/// standalone page, wallet zh-CN the bilingual file's half). Built once per test run by the real
/// `kb build`.
enum SearchPages {
    static let root = Fixtures.packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let files = [
        "seed-docs/binance-coin-margined-futures-error-code.en.md", "seed-docs/binance-wallet-error-code.zh-CN.txt",
        "corpus/spot-errors.en.md", "corpus/spot-errors.zh-CN.md", "corpus/usds-margined-futures-error-code.en+zh-CN.md",
        "corpus/usds-margined-futures-error-code.en.md", "corpus/portfolio-margin-pro-error-code.en.md", "corpus/options-error-code.en.md",
        "corpus/portfolio-margin-error-code.en.md", "corpus/crypto-loan-error-code.en.md", "corpus/wallet-error-code.en+zh-CN.md",
    ]
    static let origins = ["options-error-code*=options/en", "crypto-loan-error-code*=crypto-loan/en"]

    static var available: Bool {
        files.allSatisfy { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
    }

    static let path: String = {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("pages.db").path
        let result = TestProcess.kb(["build", "--out", path] + files.map { root.appendingPathComponent($0).path } + origins.flatMap { ["--origin", $0] })
        precondition(result.status == 0, "kb build of the shared pages failed: \(result.stderr)")
        return path
    }()
}

/// `kb search` on the command line: options, the cut list, the total.
@Suite struct SearchCommandTests {
    @Test(arguments: [(["--domian", "wallet", "余额"], "--domain"), (["余额", "--limt", "5"], "--limit"), (["--fromat", "json", "x"], "--format")])
    func aMistypedOptionIsAUsageError(arguments: [String], nearest: String) {
        let result = TestProcess.kb(["search"] + arguments)
        #expect(result.status == 2 && result.stdout.isEmpty)
        #expect(result.stderr.contains("unknown option '\(arguments.first { $0.hasPrefix("--") }!)'") && result.stderr.contains("did you mean '\(nearest)'"),
                "\(result.stderr)")
    }

    @Test func dashedTextIsAQueryAfterTheTerminatorAndCodesAnywhere() {
        #expect(TestProcess.kb(["search", "--", "--domian"]).status == 1)
        for query in ["-1121", "−1121", "(-1121)", "code=-1121"] {
            let result = TestProcess.kb(["search", query, "--limit", "1", "--format", "json"])
            #expect(result.status == 0 && result.stdout.contains("-1121"), "\(query): \(result.stderr)")
        }
    }

    @Test func aCutListSaysSoAndJSONHasTheTotal() throws {
        let expected = try #require(DatabaseCheck.value(Fixtures.builtDatabasePath, "SELECT count(*) FROM search_index WHERE search_index MATCH '\"withdraw\"*'", as: Int.self))
        #expect(expected > 5)
        let table = TestProcess.kb(["search", "withdraw", "--limit", "5", "--db", Fixtures.builtDatabasePath])
        #expect(table.status == 0 && table.stderr == "kb: 5 of \(expected) shown; --limit to see more\n", "\(table.stderr)")
        let json = TestProcess.kb(["search", "withdraw", "--limit", "5", "--format", "json", "--db", Fixtures.builtDatabasePath])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["hits"] as? [Any])?.count == 5 && object["total"] as? Int == expected && object["partial"] as? Bool == false)
        #expect(json.stderr.isEmpty)
        let all = TestProcess.kb(["search", "withdraw", "--limit", "\(expected)", "--db", Fixtures.builtDatabasePath])
        #expect(all.status == 0 && all.stderr.isEmpty)
    }

    @Test func tableRowsShowTheirCodes() throws {
        let json = TestProcess.kb(["search", "Duplicate order sent", "--limit", "3", "--format", "json", "--db", Fixtures.builtDatabasePath])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let first = try #require((object["hits"] as? [[String: Any]])?.first)
        #expect(first["kind"] as? String == "table_row" && first["codes"] as? [Int] == [-1010, -2010, -2011])
    }
}
