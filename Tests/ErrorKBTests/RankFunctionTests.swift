import Foundation
import GRDB
import Testing
@testable import ErrorKBStore

/// kb ranks with `kb_bm25`, FTS5's bm25 given each phrase's row count from `search_terms`
/// instead of counting it per query (`RankFunction`): for a phrase of one term it must be bm25
/// itself, and for one phrase of several terms, the same order.
@Suite struct RankFunctionTests {
    static let kb = Fixtures.seedKB

    static func scores(_ db: Database, _ expression: String, kbRank: Bool) throws -> [Int64: Double] {
        let documents = RankFunction.documents(try SearchVocabulary.documents(of: expression, db))
        let score = kbRank ? "kb_bm25(search_index, 4.0, 1.0, ?)" : "bm25(search_index, 4.0, 1.0)"
        let rows = try Row.fetchAll(db, sql: "SELECT rowid, \(score) AS score FROM search_index WHERE search_index MATCH ?",
                                    arguments: kbRank ? [documents, expression] : [expression])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["rowid"] as Int64, $0["score"] as Double) })
    }

    /// Every term of the index counts the rows that hold it, as a MATCH of that term finds them.
    @Test func termCountsAreTheRowsAMatchFinds() throws {
        try Self.kb.reader.read { db in
            let terms = try Row.fetchAll(db, sql: "SELECT term, documents FROM search_terms ORDER BY term")
            #expect(terms.count > 500)
            for row in terms where (row["term"] as String).unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
                let term: String = row["term"]
                let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM search_index WHERE search_index MATCH ?", arguments: ["\"\(term)\""])
                #expect(rows == row["documents"], "\(term)")
            }
        }
    }

    /// One term, several terms, Chinese pairs and single characters, a prefix's completions:
    /// kb_bm25 gives bm25's score to the last bits for every phrase of one term.
    @Test(arguments: ["\"symbol\"", "\"余额\"", "\"余\"", "(\"order\" OR \"orders\")", "(\"invalid\") AND (\"symbol\")", "\"withdraw\" OR \"余额\""])
    func oneTermPhrasesScoreAsBM25(expression: String) throws {
        try Self.kb.reader.read { db in
            let expected = try Self.scores(db, expression, kbRank: false)
            let scored = try Self.scores(db, expression, kbRank: true)
            #expect(!expected.isEmpty)
            #expect(Set(scored.keys) == Set(expected.keys))
            for (rowid, score) in expected {
                #expect(abs((scored[rowid] ?? 0) - score) <= 1e-9 * abs(score), "\(expression) row \(rowid)")
            }
        }
    }

    /// A phrase of several terms (a Chinese run as its pairs) gets an upper bound of its row
    /// count, a constant factor: rows come in bm25's order.
    @Test(arguments: ["\"余额 额不 不足\"", "\"请稍 稍后 后再\""])
    func aPhraseOfSeveralTermsKeepsBM25sOrder(expression: String) throws {
        try Self.kb.reader.read { db in
            let expected = try Self.scores(db, expression, kbRank: false)
            let scored = try Self.scores(db, expression, kbRank: true)
            #expect(!expected.isEmpty)
            func order(_ scores: [Int64: Double]) -> [Int64] { scores.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key) }
            #expect(order(scored) == order(expected))
        }
    }

    @Test func phrasesAreReadInTheExpressionsOrder() {
        #expect(MatchExpression.phrases(in: "(\"a b\") AND (\"ord\"* OR \"余\")") == [
            .init(terms: ["a", "b"], isPrefix: false), .init(terms: ["ord"], isPrefix: true), .init(terms: ["余"], isPrefix: false),
        ])
    }
}
