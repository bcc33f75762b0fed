import Foundation
import Testing
@testable import ErrorKBStore
@testable import ErrorKBQuery

/// "this message is documented under -1003 in …" names exactly the products whose pages write
/// that message under that code, not every product of the code's meaning. Expected domains from
/// grep on the pages: Too many requests queued. is -1003's in spot-errors.en.md:23,
/// crypto-loan-error-code.en.md and wallet-error-code.en+zh-CN.md (options :43 has it under -1008,
/// the answer); Unknown order sent. is a table row of spot en/zh-CN (:374/:373), wallet zh-CN (:571)
/// and PM-Pro (:1038); 余额不足 is -2018's in USDⓈ-M zh-CN (en+zh-CN :1695), -3041's and (with 。)
/// -6012's in wallet zh-CN (:221, :372).
@Suite(.enabled(if: SharedPages.available, "skipped: ../shared is absent"))
struct NoteDomainTests {
    var matcher: MessageMatcher { SharedPages.matcher! }

    @Test(arguments: [
        (#"{"code":-1008,"msg":"Too many requests queued."}"#, [Int64(-1003): ["spot"]]),
        (#"{"code":-2011,"msg":"Unknown order sent."}"#, [-1010: ["portfolio-margin-pro", "spot", "wallet"], -2010: ["portfolio-margin-pro", "spot", "wallet"]]),
        (#"{"code":-2019,"msg":"余额不足"}"#, [-2018: ["usds-margined-futures"], -3041: ["wallet"], -6012: ["wallet"]]),
        ("APIError(code=-4001): 余额不足", [-2018: ["usds-margined-futures"], -3041: ["wallet"], -6012: ["wallet"]]),
    ])
    func aNoteNamesWhereTheMessageIsWritten(line: String, expected: [Int64: [String]]) {
        let notes = matcher.match(line: line).notes
        for (code, domains) in expected {
            #expect(notes.first { $0.code == code }?.domains == domains, "\(code)")
        }
    }

    /// Every note of every line: its domains are among those whose pages hold the text under it
    /// (here, a subset of its meaning's domains, and never one without the text).
    @Test func noNoteNamesADomainWithoutTheText() {
        for line in [#"{"code":-1008,"msg":"Too many requests queued."}"#, #"{"code":-4999,"msg":"Margin is insufficient."}"#,
                     #"{"code":-2011,"msg":"Unknown order sent."}"#, "ERROR -4001 Margin is insufficient."] {
            for note in matcher.match(line: line).notes {
                let placed = Set(matcher.texts.filter { $0.display == note.message }.flatMap { text in
                    text.hits.compactMap { hit -> String? in
                        switch hit {
                        case .message(let m):
                            let entry = matcher.entries[Int(matcher.messages[Int(m)].entry)]
                            return entry.code == note.code ? matcher.domains[Int(entry.domain)] : nil
                        case .tableRow(let r):
                            let row = matcher.tableRows[Int(r)]
                            return row.codes.contains(note.code) ? matcher.domains[Int(row.domain)] : nil
                        }
                    }
                })
                #expect(!note.domains.isEmpty && Set(note.domains).isSubset(of: placed), "\(line): \(note)")
            }
        }
    }

    /// The newcomer's case on the pages that write the message (crypto-loan and the bilingual
    /// wallet page beside spot and the futures pages): crypto-loan, spot, wallet; not the 7
    /// products of -1003's meaning.
    @Test func theNewcomersCaseNamesThreeProducts() throws {
        let corpus = SharedPages.root.appendingPathComponent("corpus")
        let pages = ["crypto-loan-error-code.en.md", "wallet-error-code.en+zh-CN.md", "spot-errors.en.md", "options-error-code.en.md",
                     "usds-margined-futures-error-code.en.md", "portfolio-margin-error-code.en.md", "portfolio-margin-pro-error-code.en.md"]
        guard pages.allSatisfy({ FileManager.default.fileExists(atPath: corpus.appendingPathComponent($0).path) }) else { return }
        let db = Fixtures.temporaryDirectory().appendingPathComponent("notes.db").path
        let build = TestProcess.kb(["build", "--out", db] + pages.map { corpus.appendingPathComponent($0).path }
                                   + [SharedPages.root.appendingPathComponent("seed-docs/binance-coin-margined-futures-error-code.en.md").path,
                                      "--origin", "spot-errors.en*=spot/en", "--origin", "options-error-code*=options/en",
                                      "--origin", "crypto-loan*=crypto-loan/en"])
        #expect(build.status == 0, "\(build.stderr)")
        let match = TestProcess.kb(["match", "--db", db, #"{"code":-1008,"msg":"Too many requests queued."}"#])
        #expect(match.status == 0)
        #expect(match.stdout.contains("note: this message is documented under -1003 TOO_MANY_REQUESTS in crypto-loan, spot, wallet, not the answer\n"))
    }
}
