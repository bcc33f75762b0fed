import Foundation
import GRDB
import GRDBSQLite

/// `kb_bm25(search_index, nameWeight, textWeight, documents)` (a weight per column, then `documents`): FTS5's own bm25 (k1 1.2, b 0.75,
/// the same formula and weights), except that how many rows hold each phrase of the query comes
/// from the caller, in `documents` (a blob of little-endian Int64, one per phrase, in the
/// query's order), instead of being counted.
///
/// FTS5's bm25 counts them by running each phrase as a query of its own the first time it is
/// called, which reads the phrase's whole doclist: on a million-row index, for one common
/// Chinese pair, that was 10 ms of CPU, where ranking the 300 rows of the window took 1. kb knows
/// each term's row count from `search_terms.documents` (see `SearchVocabulary.documents`). For a
/// phrase of one term the count is exact, so the score is bm25's to the last bit; for a phrase
/// of several terms (a Chinese run's pairs), the count is its rarest term's, an upper bound.
/// Within one phrase the count is a constant factor, so it never changes how rows of a one-word
/// query are ordered.
package enum RankFunction {
    /// The SQL name of the function.
    package static let name = "kb_bm25"

    /// Makes `kb_bm25` available on the connection.
    static func register(_ db: Database) {
        let api = FTS5.api(db)
        _ = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), name, nil, kbBM25, nil)
    }

    /// The `documents` argument for the given row counts.
    package static func documents(_ counts: [Int64]) -> Data {
        var data = Data(capacity: counts.count * 8)
        for count in counts { withUnsafeBytes(of: count.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }
}

/// The function itself. Per query (kept as FTS5 auxiliary data): the average row length and each
/// phrase's IDF; per row: the phrase frequencies, weighted by column, and the row's length.
private let kbBM25: fts5_extension_function = { api, fts, context, count, values in
    guard let api = api?.pointee, let values else { return }
    let phrases = Int(api.xPhraseCount(fts))
    var cached = api.xGetAuxdata(fts, 0)?.assumingMemoryBound(to: Double.self)
    if cached == nil {
        var rows: Int64 = 0, tokens: Int64 = 0
        var code = api.xRowCount(fts, &rows)
        if code == SQLITE_OK { code = api.xColumnTotalSize(fts, -1, &tokens) }
        guard code == SQLITE_OK, let memory = sqlite3_malloc64(UInt64(8 * (phrases + 1))) else {
            sqlite3_result_error_code(context, code == SQLITE_OK ? SQLITE_NOMEM : code)
            return
        }
        let table = memory.assumingMemoryBound(to: Double.self)
        table[0] = max(1, rows > 0 ? Double(tokens) / Double(rows) : 1)
        let columns = Int(api.xColumnCount(fts))
        let blob = Int(count) > columns ? sqlite3_value_blob(values[columns]) : nil
        let given = Int(count) > columns ? Int(sqlite3_value_bytes(values[columns])) / 8 : 0
        for phrase in 0..<phrases {
            var documents: Int64 = 1
            if phrase < given, let blob { documents = Int64(littleEndian: blob.loadUnaligned(fromByteOffset: phrase * 8, as: Int64.self)) }
            // FTS5's IDF, floored as FTS5 floors it (a term in more than half the rows).
            let idf = log((Double(rows) - Double(documents) + 0.5) / (Double(documents) + 0.5))
            table[phrase + 1] = idf > 0 ? idf : 1e-6
        }
        _ = api.xSetAuxdata(fts, memory, sqlite3_free)
        cached = table
    }
    guard let table = cached else { return }
    let columns = Int(api.xColumnCount(fts))
    var frequency = [Double](repeating: 0, count: phrases)
    var instances: Int32 = 0
    var code = api.xInstCount(fts, &instances)
    var index: Int32 = 0
    while code == SQLITE_OK, index < instances {
        var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
        code = api.xInst(fts, index, &phrase, &column, &offset)
        if code == SQLITE_OK, Int(phrase) < phrases {
            let weight = Int(column) < columns && Int(column) < min(Int(count), columns) ? sqlite3_value_double(values[Int(column)]) : 1
            frequency[Int(phrase)] += weight
        }
        index += 1
    }
    var length: Int32 = 0
    if code == SQLITE_OK { code = api.xColumnSize(fts, -1, &length) }
    guard code == SQLITE_OK else {
        sqlite3_result_error_code(context, code)
        return
    }
    let k1 = 1.2, b = 0.75
    var score = 0.0
    for phrase in 0..<phrases {
        let f = frequency[phrase]
        score += table[phrase + 1] * (f * (k1 + 1)) / (f + k1 * (1 - b + b * Double(length) / table[0]))
    }
    sqlite3_result_double(context, -score)
}
