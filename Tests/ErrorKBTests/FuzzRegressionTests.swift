import Foundation
import Testing
import ErrorKBFuzzHarness
@testable import ErrorKBModel
@testable import ErrorKBStore
@testable import ErrorKBQuery
@testable import ErrorKBBuild

/// Inputs that crashed or broke the library, found by the fuzz targets in fuzz/ (each kept as the
/// bytes libFuzzer saved, replayed through the targets' own harness, `FuzzHarness`) and by the
/// hostile query test.
/// A crash runs in a child process (an exit test), so that it fails its test and not the run.
@Suite struct FuzzRegressionTests {
    /// The seed corpus in memory, as the fuzz targets load it.
    static func seedKB() throws -> KnowledgeBase { try KnowledgeBase.inMemory(EmbeddedCorpus.importSeed()) }

    // MARK: Search: a NUL in a term

    @Test(.bug(id: "search-nul", "found here, fixed in 6be6354: Snippet traps: on Linux, Foundation's range(of:) finds \"BAD_SYMBOL\\0\" in \"BAD_SYMBOL\" with a range one past the end"))
    func aSearchTermEndingInNULDoesNotCrash() async {
        await #expect(processExitsWith: .success) {
            let kb = try FuzzRegressionTests.seedKB()
            // With matchAny the literal check is skipped, so the hit reaches the snippet.
            _ = try kb.search("BAD_SYMBOL\u{0}", options: SearchOptions(matchAny: true))
        }
    }

    /// FuzzSearch, crash-7e8aa098d04e43e544e7633ddd1f86a7f0ece2c6: the query "A\0\0\0\ts".
    @Test(.bug(id: "search-nul", "found by FuzzSearch, fixed in 6be6354"))
    func fuzzSearchCrash7e8aa098() async {
        await #expect(processExitsWith: .success) {
            FuzzHarness.search([0x00, 0x41, 0x00, 0x00, 0x00, 0x09, 0x73])
        }
    }

    /// FuzzSearch, crash-02c276eb06a37e773e878910ab8d2166319ff705: the query ")\0\0", a term of
    /// symbols only, whose literal check matches every text with ")" (the NUL cuts the bound string).
    @Test(.bug(id: "search-nul", "found by FuzzSearch, fixed in 6be6354"))
    func fuzzSearchCrash02c276eb() async {
        await #expect(processExitsWith: .success) {
            FuzzHarness.search([0x00, 0x29, 0x00, 0x00])
        }
    }

    @Test(.bug(id: "search-nul", "found here, fixed in 6be6354: the same trap from the command line: a payload message with \\u0000 and --suggest"))
    func matchSuggestWithANULInThePayloadDoesNotCrash() {
        let result = TestProcess.kb(["match", "--payload", #"{"code":-1,"msg":"BAD_SYMBOL\u0000"}"#, "--suggest", "--db", Fixtures.builtDatabasePath])
        #expect(result.signal == nil && !result.timedOut, "\(result.summary)")
        #expect(result.status == 0 || result.status == 1, "\(result.summary)")
    }

    // MARK: Search: many terms

    @Test(.bug(id: "search-depth", "found here, fixed in 6be6354: 983 or more terms that need the literal check exceed SQLite's expression depth (1000), reported as 'the database is damaged'"))
    func aQueryOfAThousandSymbolTermsIsNotAnSQLiteError() throws {
        let kb = try Self.seedKB()
        for query in [String(repeating: "% ", count: 1000), String(repeating: "{0} ", count: 2000), String(repeating: "a% ", count: 1500)] {
            #expect(throws: Never.self, "\(query.prefix(20))… (\(query.count) characters)") {
                _ = try kb.search(query)
            }
        }
        let cli = TestProcess.kb(["search"] + Array(repeating: "%", count: 1000) + ["--db", Fixtures.builtDatabasePath])
        #expect(cli.status == 0 || cli.status == 1, "\(cli.summary)")
        #expect(!cli.stderr.contains("damaged"), "\(cli.stderr.prefix(300))")
    }

    // MARK: Payloads: a high surrogate escape followed by one that is not a low surrogate

    @Test(.bug(id: "payload-surrogate", "found by FuzzMatcher, fixed in cb15d20: JSONReader.readUnicodeEscape traps on arithmetic overflow: \\uD800 followed by \\u0041 computes 0x10000 + (0 << 10) + (0x41 &- 0xDC00)"))
    func aHighSurrogateEscapeDoesNotCrashThePayloadReader() async {
        await #expect(processExitsWith: .success) {
            for line in [#"{"code":-1121,"msg":"\ud800\u0041"}"#, #"{"msg":"\udbff\ud7ff"}"#, #"{"msg":"\ud89e\ud89e"}"#] {
                switch LogLine.read(line[...]).kind {
                case .error, .malformed: break
                default: exit(EXIT_FAILURE)
                }
            }
        }
    }

    @Test(.bug(id: "payload-surrogate", "found by FuzzMatcher, fixed in cb15d20: the same trap from the command line, in kb classify and kb match --payload"))
    func classifyAndMatchSurviveABrokenSurrogatePair() throws {
        let log = Fixtures.temporaryDirectory().appendingPathComponent("surrogate.log")
        try Data(#"{"code":-1121,"msg":"\ud800\u0041"}"#.utf8 + [0x0A]).write(to: log)
        let classify = TestProcess.kb(["classify", log.path, "--db", Fixtures.builtDatabasePath])
        #expect(classify.signal == nil && classify.status == 0, "\(classify.summary)")
        let match = TestProcess.kb(["match", "--payload", #"{"code":-1121,"msg":"\ud800\u0041"}"#, "--db", Fixtures.builtDatabasePath])
        #expect(match.signal == nil && (match.status == 0 || match.status == 1), "\(match.summary)")
    }

    /// FuzzMatcher, crash-1b46b46ece2b05b1e8a7c24e81aae02285652ce9: a log whose line holds
    /// `{"\ud89e\ud89e"…`.
    @Test(.bug(id: "payload-surrogate", "found by FuzzMatcher, fixed in cb15d20"))
    func fuzzMatcherCrash1b46b46e() async {
        await #expect(processExitsWith: .success) {
            FuzzHarness.matcher([
                0x24, 0xE5, 0x60, 0x8F, 0x82, 0x48, 0x7B, 0x22, 0x0A, 0x0A, 0x0A, 0xF6, 0x03, 0xF5, 0xF5, 0xF5, 0xF5, 0xF5, 0xED, 0x0A,
                0x0A, 0x0A, 0x0A, 0x0A, 0x0A, 0x0A, 0x0A, 0x0A, 0x0A, 0x0A, 0x0A, 0x0A, 0x0A, 0x0A, 0x0A, 0x56, 0x56, 0x56, 0x56, 0x56,
                0x56, 0x0A, 0x0A, 0x0A, 0x0A, 0x0A, 0x0A, 0x0A, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x0A, 0x0A, 0x0A, 0x0A,
                0x0A, 0x0A, 0x0A, 0x0A, 0x00, 0x7B, 0x22, 0x22, 0x63, 0x6F, 0x64, 0x65, 0x22, 0x3A, 0x34, 0x7B, 0x22, 0x63, 0x6F, 0x64,
                0x65, 0x22, 0x3A, 0x22, 0x2D, 0x22, 0x3A, 0x31, 0x32, 0x2D, 0x39, 0x32, 0x32, 0x33, 0x33, 0x37, 0x32, 0x30, 0x33, 0x36,
                0x38, 0x35, 0x34, 0x37, 0x37, 0x35, 0x38, 0x0A, 0x7B, 0x22, 0x5C, 0x75, 0x64, 0x38, 0x39, 0x65, 0x5C, 0x75, 0x64, 0x38,
                0x39, 0x65, 0x22, 0xE6, 0x95, 0xB0, 0x66, 0x6F, 0x6F, 0xA9, 0x3A, 0x2D, 0x31, 0x31, 0x25, 0x73, 0xB1, 0x35, 0x2C, 0xE7,
                0xE4, 0xE3, 0x80, 0xB8, 0x22, 0x6D, 0x73, 0x67, 0x22, 0xE6, 0x95, 0xB0, 0x66, 0x6F, 0x6F, 0xA9, 0x3A, 0x2D, 0x31, 0x31,
                0xB1, 0x35, 0x2C, 0xE7, 0xE4, 0xE3, 0x80, 0xB8, 0x22, 0x6D, 0x73, 0x67, 0x22, 0x3A, 0x22, 0x63, 0x6F, 0x64, 0x65, 0x22,
                0x3A, 0x0A, 0x0A, 0x0A, 0x0A, 0x00, 0x7B, 0x22, 0x22, 0x63, 0x6F, 0x64, 0x65, 0x22, 0x3A, 0x34, 0x7B, 0x22, 0x63, 0x6F,
                0x64, 0x65, 0x22, 0x3A, 0x22, 0x2D, 0x22, 0x3A, 0x31, 0x32, 0x29, 0x2D, 0x39, 0x32, 0x32, 0x33, 0x33, 0x37, 0x32, 0x4C,
                0x33, 0x36, 0x38, 0x35, 0x34, 0x37, 0x37, 0x3B, 0x38, 0x0A, 0x7B, 0x22, 0x5C, 0x75, 0x64, 0x38, 0x39, 0x65, 0x22, 0xE6,
                0x95, 0xB0, 0x66, 0x6F, 0x6F, 0xA9, 0x3A, 0x2D, 0x31, 0x31, 0x25, 0x73, 0xB1, 0x35, 0x2C, 0xE7, 0xE4, 0xE3, 0x80, 0xB8,
                0x22, 0x6D, 0x73, 0x67, 0x22, 0x3A, 0x22, 0x63, 0x6F, 0x64, 0x65, 0x22, 0x3A, 0x2D, 0x31, 0x31, 0x65, 0x34, 0x30, 0x30,
                0x31, 0x32, 0xEF, 0xBC, 0x85, 0x73, 0x31, 0xBA, 0x54, 0xBA, 0x20, 0x6D, 0x20, 0x22, 0x6D, 0x73, 0x82, 0xE6, 0x61, 0x6E,
                0x79, 0x20, 0x63, 0x2D, 0x31, 0x31, 0x65, 0x34, 0x30, 0x30, 0x31, 0x32, 0xEF, 0xBC, 0x85, 0x73, 0x31, 0xBA, 0x54, 0xBA,
                0x20, 0x6D, 0x20, 0x22, 0x6D, 0x73, 0x82, 0xE6, 0x61, 0x6E, 0x79, 0x20, 0x63, 0x6F, 0x64, 0x65, 0x22, 0x3A, 0x2D, 0x31,
                0x30, 0x31, 0x34, 0x2C, 0x22, 0x6D, 0x73, 0x67, 0x22, 0x3A, 0x22, 0x54, 0x6F, 0x6F, 0x20, 0x6D, 0x61, 0x6E, 0x79, 0x20,
                0x6E, 0x65, 0x77,
            ])
        }
    }

    /// FuzzLogLine, crash-fbf2dde1643804a04429e87134bb04d0602919d1 (its first 30 s run): the line
    /// `\x81 ` (a continuation byte, then a space) read one byte past the end when its word starts
    /// were sought (AddressSanitizer: heap-buffer-overflow in startsWord).
    @Test(.bug(id: "logline-continuation", "found by FuzzLogLine, fixed with this test"))
    func fuzzLogLineCrashFbf2dde1() async {
        await #expect(processExitsWith: .success) {
            FuzzHarness.logLine([0x81, 0x20])
            FuzzHarness.logLine([0x81])
            FuzzHarness.logLine([0x45, 0x52, 0x52, 0x4F, 0x52, 0x20, 0x81, 0x20])
        }
    }

    /// FuzzLogLine's seeds, replayed: each line, and each repeated to 100 KB (the target's inputs
    /// are long lines: the scanner must stay linear in them).
    @Test func theLogLineTargetTakesItsSeeds() throws {
        let folder = Fixtures.packageRoot.appendingPathComponent("fuzz/corpus/logline")
        let seeds = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(seeds.count >= 19)
        for seed in seeds {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(seed)))
            FuzzHarness.logLine(bytes)
            FuzzHarness.logLine(Array(repeatElement(bytes, count: 100_000 / max(bytes.count, 1) + 1).joined()))
        }
    }
}
