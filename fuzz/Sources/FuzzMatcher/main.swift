import ErrorKB
import Foundation
import FuzzerDriver

// The matcher given an arbitrary message or payload: the bytes as a bare message, as a log line
// for ErrorPayload.parse (then matched with the code and message it found), and as a log for the
// Classifier, line by line. The first byte picks a code and a domain to match with.
let knowledgeBase = try! KnowledgeBase.inMemory(EmbeddedCorpus.importSeed())
let matcher = try! MessageMatcher(knowledgeBase)
let codes: [Int64?] = [nil, -1121, -4001, -2010, -1015, -1000, 0, Int64.min, Int64.max, -1]
let domains: [String?] = [nil, "wallet", "coin-margined-futures", "nope"]

func fuzzMatcher(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data, count > 0 else { return 0 }
    let selector = Int(data[0])
    let bytes = UnsafeBufferPointer(start: data + 1, count: count - 1)
    let text = String(decoding: bytes, as: UTF8.self)
    let domain = domains[selector & 3]
    _ = matcher.match(message: text, code: codes[(selector >> 2) % codes.count], domain: domain)
    _ = matcher.match(message: nil, code: codes[(selector >> 2) % codes.count], domain: domain)
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(64) {
        if case .payload(let code, let message) = ErrorPayload.parse(line) {
            _ = matcher.match(message: message, code: code, domain: domain)
        }
    }
    var classifier = Classifier(matcher: matcher, domain: domain)
    var number = 0
    for line in Array(bytes).split(separator: 0x0A, omittingEmptySubsequences: false) {
        number += 1
        classifier.add(bytes: line, number: number)
    }
    _ = classifier.report()
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzMatcher($0, $1) })
