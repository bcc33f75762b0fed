import ErrorKB
import Foundation
import FuzzerDriver

// The search path given an arbitrary string as a query against the seed corpus. The first byte
// picks the options (domain, language, limit, any-term matching); the rest is the query. Limits
// stay small: every hit is rendered (details, snippet), which would dominate the time per input. Search
// must neither throw (an SQLite error reaching the caller) nor crash.
let knowledgeBase = try! KnowledgeBase.inMemory(EmbeddedCorpus.importSeed())
let domains: [String?] = [nil, "wallet", "coin-margined-futures", "nope"]
let languages: [MessageLanguage?] = [nil, .en, .zh, nil]

func fuzzSearch(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data, count > 0 else { return 0 }
    let selector = Int(data[0])
    let query = String(decoding: UnsafeBufferPointer(start: data + 1, count: count - 1), as: UTF8.self)
    let options = SearchOptions(domain: domains[selector & 3], lang: languages[(selector >> 2) & 3],
                                limit: [1, 2, 3, 10][(selector >> 4) & 3], matchAny: selector & 0x40 != 0)
    do {
        _ = try knowledgeBase.search(query, options: options)
    } catch {
        fatalError("search threw for \(Array(query.utf8).prefix(200)) with \(options): \(error)")
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzSearch($0, $1) })
