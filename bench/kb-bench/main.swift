import ErrorKB
import Foundation
import GRDB

// In-process search latency through the library.
//   kb-bench DB QUERIES_FILE [LIMIT]
// Runs every query (one per line) once to warm up, then once timed; prints one JSON line with
// p50/p90/p99/max in milliseconds and how many queries found nothing.
//
//   kb-bench search-csv DB
// Prints the rows of DB's search index in the form kb indexes them (CSV: rowid, name, text), so
// that the sqlite3 CLI path of bench/suite.py builds the same index from a file.
let arguments = CommandLine.arguments
if arguments.count == 3, arguments[1] == "search-csv" {
    func field(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    let queue = try DatabaseQueue(path: arguments[2], configuration: { var c = Configuration(); c.readonly = true; return c }())
    let output = FileHandle.standardOutput
    var buffer = ""
    try queue.read { db in
        let rows = try Row.fetchCursor(db, sql: "SELECT id, name_terms, text_terms FROM search_content ORDER BY id")
        while let row = try rows.next() {
            let id: Int64 = row[0]
            buffer += "\(id),\(field(SearchIndex.indexForm(row[1]))),\(field(SearchIndex.indexForm(row[2])))\r\n"
            if buffer.utf8.count > 1 << 20 { output.write(Data(buffer.utf8)); buffer = "" }
        }
    }
    output.write(Data(buffer.utf8))
    exit(0)
}
// kb-bench agreement DB QUERIES_FILE [LIMIT]
// For each query, the top 10 hits as kb ranks them (bm25 over the ranking window) against the
// top 10 with every match ranked; prints how many queries agree exactly, as one JSON line.
if arguments.count >= 4, arguments[1] == "agreement" {
    let kb = try KnowledgeBase.open(path: arguments[2])
    let queries = try String(contentsOfFile: arguments[3], encoding: .utf8).split(separator: "\n").map(String.init)
    var same = 0
    var differing: [String] = []
    for query in queries {
        var full = SearchOptions(limit: 10)
        full.rankEveryMatch = true
        func key(_ hit: SearchHit) -> String { "\(hit.domain) \(hit.locale) \(hit.line) \(hit.kind.rawValue)" }
        let a = try kb.search(query, options: SearchOptions(limit: 10)).map(key), b = try kb.search(query, options: full).map(key)
        if a == b { same += 1 } else { differing.append(query) }
    }
    for query in differing.prefix(20) { FileHandle.standardError.write(Data("differs: \(query)\n".utf8)) }
    print(String(decoding: try JSONSerialization.data(withJSONObject: ["queries": queries.count, "same_top10": same], options: [.sortedKeys]), as: UTF8.self))
    exit(0)
}
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: kb-bench DB QUERIES_FILE [LIMIT]\n".utf8))
    exit(2)
}
let kb = try KnowledgeBase.open(path: arguments[1])
let queries = try String(contentsOfFile: arguments[2], encoding: .utf8).split(separator: "\n").map(String.init)
let limit = arguments.count > 3 ? Int(arguments[3]) ?? 20 : 20
for query in queries.prefix(50) { _ = try kb.search(query, options: SearchOptions(limit: limit)) }
var timings: [Double] = []
var empty = 0
var slowest: [(ms: Double, query: String)] = []
for query in queries {
    let start = DispatchTime.now().uptimeNanoseconds
    let hits = try kb.search(query, options: SearchOptions(limit: limit))
    timings.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    slowest.append((timings.last!, query))
    if hits.isEmpty { empty += 1 }
}
// KB_BENCH_SLOWEST=N lists the N slowest queries on stderr.
if let count = ProcessInfo.processInfo.environment["KB_BENCH_SLOWEST"].flatMap(Int.init) {
    for (ms, query) in slowest.sorted(by: { $0.ms > $1.ms }).prefix(count) {
        FileHandle.standardError.write(Data(String(format: "%8.2f ms  %@\n", ms, query).utf8))
    }
}
let sorted = timings.sorted()
func percentile(_ p: Double, _ sorted: [Double]) -> Double { sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))] }
let result: [String: Any] = ["queries": sorted.count, "empty": empty, "p50_ms": percentile(0.50, sorted), "p90_ms": percentile(0.90, sorted),
                             "p99_ms": percentile(0.99, sorted), "max_ms": sorted.last ?? 0]
print(String(decoding: try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys]), as: UTF8.self))
