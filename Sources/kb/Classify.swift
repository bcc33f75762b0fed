import ArgumentParser
import ErrorKB
import ErrorKBSupport
import Foundation

struct Classify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Count a log's errors by documented error.",
        discussion: "Reads lines that are API payloads {\"code\":…,\"msg\":…}, log lines holding one, or bare messages. Streams in constant memory; a malformed line is reported with its number and counted.")

    @Argument(help: "The log to read; - or nothing for standard input.")
    var file: String?

    @Option(help: "Only match errors of this domain (API product).")
    var domain: String?

    @OptionGroup var options: ReadOptions

    func run() throws {
        let name = file ?? "-"
        let reader: LineReader
        do {
            reader = try LineReader(name == "-" ? .handle(.standardInput) : .file(path: name), fileName: name, hashing: false)
        } catch let failure as LineReader.Failure {
            throw KBFailure("\(name): cannot read: \(failure.reason)")
        }
        var classifier = Classifier(matcher: try MessageMatcher(options.open(domain: domain)), domain: domain)
        var number = 0
        while let line = reader.nextLine() {
            number += 1
            if let reason = classifier.add(bytes: line, number: number) {
                FileHandle.standardError.write(Data("kb: \(name):\(number): malformed payload: \(reason)\n".utf8))
            }
        }
        if let failure = reader.failure { throw KBFailure("\(name): cannot read: \(failure.reason)") }
        let report = classifier.report()
        switch options.format {
        case .json: try Output.json(report)
        case .csv:
            var rows = report.rows.map { [$0.domain, $0.code.map(String.init), $0.name, $0.template, String($0.count)] }
            rows.append(["unmatched", nil, nil, nil, String(report.unmatched)])
            rows.append(["malformed", nil, nil, nil, String(report.malformed)])
            Output.csv(header: ["domain", "code", "name", "template", "count"], rows: rows)
        case .table:
            Output.table(header: ["count", "domain", "code", "name", "template"],
                         rows: report.rows.map { [String($0.count), $0.domain ?? "", Output.code($0.code), $0.name ?? "", $0.template ?? ""] })
            print("unmatched \(report.unmatched), malformed \(report.malformed), lines \(report.lines)")
        }
    }
}
