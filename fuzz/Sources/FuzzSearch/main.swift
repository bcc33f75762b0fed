import ErrorKB
import Foundation
import FuzzerDriver

/// The seed corpus in memory, built once per process.
let knowledgeBase = try! KnowledgeBase.inMemory(EmbeddedCorpus.importSeed())

/// Any string as a search query, alone and with each filter: search must neither throw (an
/// SQLite error reaching the caller) nor crash.
func fuzzSearch(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let query = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    let options = [SearchOptions(), SearchOptions(domain: "wallet", lang: .zh, limit: 3),
                   SearchOptions(lang: .en, limit: 1, matchAny: true)]
    for option in options {
        do {
            _ = try knowledgeBase.search(query, options: option)
        } catch {
            fatalError("search threw for \(Array(query.utf8)) with \(option): \(error)")
        }
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzSearch($0, $1) })
