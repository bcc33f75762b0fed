import Foundation
import Testing
@testable import ErrorKBQuery

/// Error lines as client libraries, bots and logs print them (Fixtures/real-lines/lines.jsonl:
/// batch answers, two payloads on a line, URLs that name the product, ccxt in JS and PHP,
/// freqtrade, hummingbot, Jesse, the Java, Go, Node and Rust connectors, Binance.Net, raw HTTP,
/// k8s, docker and journald prefixes, Chinese bots), each with the answers worked out by hand
/// from the pages before kb was run (its `cite` gives page:line). Every error of a line is
/// checked, in order: `kb match` answers each, and `kb classify` counts each.
@Suite(.enabled(if: SharedPages.available, "skipped: ../shared is absent"))
struct RealLineTests {
    var matcher: MessageMatcher { SharedPages.matcher! }

    /// One expected answer: its kind, its code (or a code its codes include), and what it must say.
    struct Expected: Decodable {
        var answer: MatchResult.Answer
        var code: Int64?
        var includes: Int64?
        var name: String?
        var match: MatchCandidate.How?
        var domain: String?
        var ambiguous: Bool?
    }

    struct Case: Decodable {
        var kind: String
        var input: String
        var errors: [Expected]
        var cite: String
    }

    static let cases: [Case] = {
        let url = Fixtures.packageRoot.appendingPathComponent("Tests/ErrorKBTests/Fixtures/real-lines/lines.jsonl")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map { try! JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
    }()

    /// What is wrong with one answer, or nil when it is right.
    static func problems(_ result: MatchResult, _ expected: Expected) -> String? {
        var problems: [String] = []
        if result.answer != expected.answer { problems.append("answer \(result.answer)") }
        if let code = expected.code, result.codes != [code] { problems.append("codes \(result.codes)") }
        if let code = expected.includes, !result.codes.contains(code) { problems.append("codes \(result.codes)") }
        let answered = expected.answer == .code || expected.answer == .codes
        if result.ambiguous != (answered ? expected.ambiguous ?? false : false) { problems.append("ambiguous \(result.ambiguous)") }
        if let name = expected.name, !(result.meanings.count == 1 && result.meanings[0].names.contains(name)) {
            problems.append("meanings \(result.meanings.map(\.names))")
        }
        if let how = expected.match, result.match != how { problems.append("match \(result.match.map { $0.rawValue } ?? "nil")") }
        if let domain = expected.domain, !result.domains.contains(domain) { problems.append("domains \(result.domains)") }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    @Test func everyErrorOfEveryLineIsAnsweredAsThePagesSay() {
        #expect(Self.cases.count == 47)
        var wrong: [String] = []
        for (number, example) in Self.cases.enumerated() {
            let result = matcher.match(line: example.input)
            let answers = [result] + (result.more ?? [])
            var why = answers.count == example.errors.count ? [] : ["\(answers.count) errors, expected \(example.errors.count)"]
            why += zip(answers, example.errors).compactMap(Self.problems)
            if !why.isEmpty { wrong.append("line \(number + 1) (\(example.kind), \(example.cite)): " + why.joined(separator: "; ")) }
        }
        print("real-lines: \(Self.cases.count - wrong.count) of \(Self.cases.count) lines right")
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
    }

    /// classify counts each error of each line under the code match answers, and its totals add
    /// up: lines = error lines + not errors; errors = error lines + the further errors of lines
    /// that hold several.
    @Test func classifyCountsEveryErrorAsMatchAnswersIt() throws {
        var classifier = Classifier(matcher: matcher)
        var expected: [Int64: Int] = [:]
        var errorLines = 0, errors = 0
        for (number, example) in Self.cases.enumerated() {
            classifier.add(example.input, number: number + 1)
            let counted = example.errors.filter { $0.answer != .notError }
            if !counted.isEmpty { errorLines += 1 }
            errors += counted.count
            for error in counted where error.answer == .code || error.answer == .undocumented { expected[error.code!, default: 0] += 1 }
        }
        let report = classifier.report()
        #expect(report.lines == 47 && report.errorLines == 44 && report.errors == 52 && report.notErrors == 3)
        #expect(report.errorLines == errorLines && report.errors == errors)
        #expect(report.lines == report.errorLines + report.unmatched + report.notErrors + report.malformed + report.tooLong)
        var counted: [Int64: Int] = [:]
        for row in report.rows { if let code = row.code { counted[code, default: 0] += row.count } }
        #expect(counted == expected)
    }
}
