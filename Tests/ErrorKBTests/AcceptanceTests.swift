import Foundation
import Testing
@testable import ErrorKBStore
@testable import ErrorKBQuery

/// The acceptance material of issue 13 (Fixtures/runtime-errors, made without reading ErrorKB):
/// 370 real-looking error and noise lines, ccxt's Binance message and code keys, and a mixed bot
/// log of 2,000 lines with the expected answer of every line. Scored through the real `kb` by
/// the fixture's `score.py`; the figures go to the test's output.
@Suite(.enabled(if: SharedPages.available, "skipped: ../shared is absent"), .serialized)
struct AcceptanceTests {
    static let folder = Fixtures.packageRoot.appendingPathComponent("Tests/ErrorKBTests/Fixtures/runtime-errors")

    static func score() throws -> [String: Any] {
        let result = TestProcess.tool("python3", [folder.appendingPathComponent("score.py").path, "--kb", TestProcess.kbBinary.path,
                                                  "--db", SharedPages.path, "--json"], timeout: 600)
        guard result.status == 0, let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
            Issue.record("score.py failed: \(result.summary)")
            return [:]
        }
        return report
    }

    @Test(.timeLimit(.minutes(10)))
    func theAcceptanceSetIsAnsweredRight() throws {
        let report = try Self.score()
        let acceptance = report["acceptance"] as? [String: Any]
        let perKind = acceptance?["per_kind"] as? [String: [String: Int]] ?? [:]
        let all = perKind["all"] ?? [:]
        print("acceptance.jsonl:", perKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "; "))
        // No answer names a wrong code, and every case is right (the database has the bilingual
        // USD-M page's Chinese half, the evidence of 7 cases).
        #expect(all["wrong"] == nil && all["missed"] == nil, "\(acceptance?["failures"] ?? "")")
        #expect((all["right"] ?? 0) >= 370 && (all["page_missing"] ?? 0) == 0)
        let ccxt = report["ccxt"] as? [String: Any]
        print("ccxt:", ccxt?["message_keys"] ?? "", ccxt?["code_keys"] ?? "")
        #expect(ccxt?["message_keys"] as? [String: Int] == ["right": 22], "\(ccxt?["message_failures"] ?? "")")
        #expect(ccxt?["code_keys"] as? [String: Int] == ["right": 422])
        let mixed = report["mixed_log"] as? [String: Any]
        print("mixed log:", mixed?["per_class"] ?? "", "accuracy", mixed?["accuracy_error_lines_with_code"] ?? "",
              "counting missing pages as misses", mixed?["accuracy_counting_missing_pages_as_misses"] ?? "")
        #expect(mixed?["wrong_code"] as? Int == 0, "\(mixed?["failures"] ?? "")")
        #expect((mixed?["accuracy_error_lines_with_code"] as? Double ?? 0) >= 0.98)
        let perClass = mixed?["per_class"] as? [String: [String: Int]] ?? [:]
        #expect(perClass["noise"] == ["right": 720] && perClass["blank"] == ["right": 88])
    }

    /// classify and match agree on every line of the mixed log: through the library line by line,
    /// and through the binary, in total.
    @Test func classifyAndMatchAgreeOnEveryLine() throws {
        let matcher = try MessageMatcher(KnowledgeBase.open(path: SharedPages.path))
        let log = try String(contentsOf: Self.folder.appendingPathComponent("mixed-2000.log"), encoding: .utf8)
        let lines = log.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 2000)
        for (index, line) in lines.enumerated() {
            var classifier = Classifier(matcher: matcher)
            classifier.add(String(line), number: index + 1)
            let report = classifier.report()
            let result = matcher.match(line: String(line))
            let row = report.rows.first
            switch result.answer {
            case .code, .codes, .undocumented:
                #expect(report.errors == 1 && row?.codes == result.codes && row?.ambiguous == result.ambiguous
                        && row?.match == (result.undocumented ? nil : result.match) && row?.domains == result.domains, "line \(index + 1): \(line)")
            case .unmatched: #expect(report.unmatched == 1, "line \(index + 1): \(line)")
            case .notError: #expect(report.notErrors == 1 || (line.allSatisfy(\.isWhitespace) && report.lines == 0), "line \(index + 1): \(line)")
            case .malformed: #expect(report.malformed == 1, "line \(index + 1): \(line)")
            }
        }
        // The binary: kb classify's counts are the sum of kb match --lines' answers.
        let path = Self.folder.appendingPathComponent("mixed-2000.log").path
        let classify = TestProcess.kb(["classify", path, "--format", "json", "--db", SharedPages.path])
        let matched = TestProcess.kb(["match", "--lines", path, "--format", "json", "--db", SharedPages.path])
        let report = try JSONSerialization.jsonObject(with: Data(classify.stdout.utf8)) as? [String: Any] ?? [:]
        let answers = try JSONSerialization.jsonObject(with: Data(matched.stdout.utf8)) as? [[String: Any]] ?? []
        // Blank lines get no answer, as classify leaves them out of its lines.
        let blank = lines.filter { $0.allSatisfy(\.isWhitespace) }.count
        #expect(blank == 88 && answers.count == 2000 - blank && report["lines"] as? Int == answers.count)
        var byCodes: [String: Int] = [:]
        let errors = answers.flatMap { [$0] + ($0["more"] as? [[String: Any]] ?? []) }
        for answer in errors where ["code", "codes", "undocumented"].contains(answer["answer"] as? String) {
            byCodes["\(answer["codes"] as? [Int] ?? [])", default: 0] += 1
        }
        var rows: [String: Int] = [:]
        for row in report["rows"] as? [[String: Any]] ?? [] { rows["\(row["codes"] as? [Int] ?? [])", default: 0] += row["count"] as? Int ?? 0 }
        #expect(rows == byCodes)
        for (key, answer) in [("unmatched", "unmatched"), ("not_errors", "not_error"), ("malformed", "malformed")] {
            #expect(report[key] as? Int == answers.filter { $0["answer"] as? String == answer }.count, "\(key)")
        }
    }
}
