import Foundation
import GRDB
import Testing
@testable import ErrorKBSupport
@testable import ErrorKBStore

/// The seed facts again, this time through the analyst views of a file that `kb build` wrote.
@Suite struct BuiltDatabaseTests {
    let db = Fixtures.builtDatabase

    @Test func stampedWithSchemaVersionAndApplicationID() throws {
        try db.read { db in
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == Schema.version)
            #expect(try Int32.fetchOne(db, sql: "PRAGMA application_id") == Schema.applicationID)
            let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'search_index'") ?? ""
            #expect(sql.contains("content=\"search_content\""))
        }
    }

    @Test func catalogHasOneRowPerMessage() throws {
        try db.read { db in
            let counts = try Row.fetchAll(db, sql: """
                SELECT domain, count(message), count(*), count(DISTINCT code) FROM catalog GROUP BY domain ORDER BY domain
                """).map { [$0[0] as String, String($0[1] as Int), String($0[2] as Int), String($0[3] as Int)] }
            // wallet: 259 messages plus -1010, which has none and appears once with message NULL.
            #expect(counts == [["coin-margined-futures", "187", "187", "152"], ["wallet", "259", "260", "235"]])
            let row = try Row.fetchOne(db, sql: "SELECT * FROM catalog WHERE code = -1010 AND domain = 'wallet'")
            #expect(row?["message"] as String? == nil)
            #expect(row?["section"] as String? == "订单拒绝错误")
            let columns = try db.columns(in: "catalog").map(\.name)
            #expect(columns == ["domain", "locale", "code", "name", "section", "message", "lang", "source", "line", "template", "placeholders"])
            let message = try Row.fetchOne(db, sql: "SELECT source, line, lang FROM catalog WHERE code = -1099")
            #expect(message?["source"] as String? == "https://developers.binance.com/docs/zh-CN/wallet/error-code")
            #expect(message?["line"] as Int? == 76)
            #expect(message?["lang"] as String? == "zh")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM catalog WHERE message IS NOT NULL AND (message LIKE '%\\%s%' ESCAPE '\\' OR message LIKE '%％s%' OR message LIKE '%{0}%' OR message LIKE '%\\%b%' ESCAPE '\\')") == 51)
        }
    }

    @Test func tableRowCatalogView() throws {
        try db.read { db in
            #expect(try db.columns(in: "table_row_catalog").map(\.name) == ["domain", "locale", "section", "message", "description", "codes", "source", "line"])
            let groups = try Row.fetchAll(db, sql: "SELECT section, codes, count(*) FROM table_row_catalog GROUP BY section, codes ORDER BY section")
                .map { "\($0[0] as String)|\(($0[1] as String?) ?? "NULL")|\($0[2] as Int)" }
            #expect(groups == ["订单拒绝错误|-1010,-2010,-2011|26", "过滤器故障|NULL|14"])
        }
    }

    @Test func codesAcrossTheTwoDomains() throws {
        try db.read { db in
            let shared = try Int64.fetchAll(db, sql: "SELECT DISTINCT code FROM duplicates WHERE kind = 'code_shared' ORDER BY code")
            let conflicts = try Int64.fetchAll(db, sql: "SELECT DISTINCT code FROM duplicates WHERE kind = 'code_conflict' ORDER BY code DESC")
            #expect(shared.count == 40)
            #expect(shared.contains(-1000))
            // 41 codes the two domains name differently, and -5012, which the wallet page
            // documents twice with two names: a code with more than one meaning.
            #expect(conflicts.count == 42)
            #expect(conflicts.contains(-5012))
            #expect(shared.count + conflicts.count == 81 + 1)
            let expectedConflicts = Set<Int64>([-5012, -2026, -2022, -2021, -1008, -1004])
            #expect(Set(conflicts.filter { $0 > -4000 || $0 == -5012 }) == expectedConflicts)
            #expect(conflicts.filter { $0 <= -4001 && $0 >= -4060 }.count == 36)
            let both = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (SELECT code FROM catalog GROUP BY code HAVING count(DISTINCT domain) = 2)
                """)
            #expect(both == 81)
            let capital = try Row.fetchAll(db, sql: "SELECT domain, name FROM duplicates WHERE kind = 'code_conflict' AND code = -4001 ORDER BY domain")
                .map { "\($0[0] as String)=\($0[1] as String)" }
            #expect(capital == ["coin-margined-futures=PRICE_LESS_THAN_ZERO", "wallet=CAPITAL_INVALID"])
        }
    }

    @Test func duplicatesWithinTheWalletPage() throws {
        try db.read { db in
            let repeated = try Row.fetchAll(db, sql: "SELECT domain, code, name FROM duplicates WHERE kind = 'code_repeated' ORDER BY name DESC")
                .map { "\($0[0] as String) \($0[1] as Int64) \($0[2] as String)" }
            #expect(repeated == ["wallet -5012 TRANSFER_PENDING", "wallet -5012 FUTURE_ACCT_OR_SUBRELATION_NOT_EXIST"])
            let names = try String.fetchAll(db, sql: "SELECT DISTINCT name FROM duplicates WHERE kind = 'name_shared' ORDER BY name")
            #expect(names == ["AMOUNT_TOO_LARGE", "AMOUNT_TOO_SMALL", "ASSET_NOT_SUPPORTED", "COIN_NOT_COLLATERAL", "COIN_NOT_LOANABLE",
                              "INSUFFICIENT_AMOUNT", "INVALID_AMOUNT", "INVALID_PARAMETER", "QUOTA_REACHED", "REPAY_NOT_AVAILABLE", "SERVER_BUSY"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM duplicates WHERE kind = 'name_shared'") == 24)  // 2 × 9 names + 3 × 2 names
        }
    }

    @Test func documentsKeepDigestSizeAndLineAccounting() throws {
        try db.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT file_name, sha256, size, line_count FROM documents ORDER BY file_name")
            #expect(rows.count == 2)
            for row in rows {
                let file = Fixtures.packageRoot.appendingPathComponent("seed").appendingPathComponent(row["file_name"])
                let data = try Data(contentsOf: file)
                #expect(row["sha256"] as String == SHA256.hex(of: data))
                #expect(row["size"] as Int == data.count)
            }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM line_kinds WHERE kind = 'unexplained'") == 0)
            // Every line is counted exactly once.
            let accounted = try Int.fetchAll(db, sql: """
                SELECT (SELECT sum(lines) FROM line_kinds k WHERE k.document_id = d.id) - d.line_count FROM documents d
                """)
            #expect(accounted == [0, 0])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM mentions") == 2)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM entry_relations WHERE relation = 'replaces' AND code = -1999") == 1)
        }
    }
}
