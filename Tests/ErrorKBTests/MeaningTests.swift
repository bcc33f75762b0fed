import Foundation
import GRDB
import Testing
@testable import ErrorKBImport
@testable import ErrorKBStore

/// Meanings (`entries.meaning`), the table-row codes that come from links and from other pages,
/// and the duplicates view that follows them: on small pages written here, so that they run
/// anywhere, and on the real pages of ../shared when it is there.
@Suite struct MeaningTests {
    /// A spot-like page: -1013 links to its filter table (whose HTML anchor differs from the
    /// heading's slug), an order-rejection section that names its codes.
    static let spot = """
        # Error codes

        ## 10xx - General

        ### -1013 INVALID_MESSAGE
         * The request is rejected by the API.
         * Potential error messages can be found in [Filter Failures](#filter-failures) or [Failures](#other-errors).

        ### -1021 INVALID_TIMESTAMP
         * Timestamp for this request is outside of the recvWindow.

        ### -2015 REJECTED_MBX_KEY
         * Invalid API-key, IP, or permissions for action.

        ### -4001 PRICE_LESS_THAN_ZERO
         * Price less than 0.

        <a id="other-errors"></a>

        ## Messages for -1010 ERROR_MSG_RECEIVED, -2010 NEW_ORDER_REJECTED
        Error message | Description
        ------------ | ------------
        "Market is closed." | The symbol is not trading.

        <a id="filter_failures"></a>

        ## Filter failures
        Error message | Description
        ------------ | ------------
        "Filter failure: LOT_SIZE" | `quantity` is too high.

        """

    /// The same product in Chinese: translated names (as the zh spot page has them).
    static let spotChinese = """
        # 错误代码

        ## 10xx - 常规问题

        ### -1021 时间同步问题
         * 此请求的时间戳在recvWindow之外。

        ### -2015 API Key权限，例如该Key不存在
         * 无效的API密钥，IP或操作权限。

        """

    /// A wallet-like page in another domain: another meaning of -4001, -5012 twice with two
    /// names, and a copy of the filter table (with a row spot's lacks) but no -1013 entry.
    static let wallet = """
        # Error codes

        ## 11xx - Request issues

        ### -2015 REJECTED_MBX_KEY
        - Invalid API-key, IP, or permissions for action.

        ### -4001 CAPITAL_INVALID
        - Invalid operation.

        ### -5012 FUTURE_ACCT_OR_SUBRELATION_NOT_EXIST
        - Future account or sub relation not exists.

        ### -5012 TRANSFER_PENDING
        - Asset transfer is in progress.

        ## Filter failures
        | Error message | Description |
        | --- | --- |
        | "Filter failure: LOT_SIZE" | quantity is too high. |
        | "Filter failure: PERCENT_PRICE_BY_SIDE" | price is too far from the last price. |

        """

    static func database() throws -> KnowledgeBase {
        try KnowledgeBase.inMemory([
            DocumentImporter.importData(Data(spot.utf8), fileName: "spot.md", domain: "spot", locale: "en"),
            DocumentImporter.importData(Data(spotChinese.utf8), fileName: "spot.zh.md", domain: "spot", locale: "zh-CN"),
            DocumentImporter.importData(Data(wallet.utf8), fileName: "wallet.md", domain: "wallet", locale: "en"),
        ])
    }

    static func rows(_ kb: KnowledgeBase, _ sql: String) throws -> [[String]] {
        try kb.read { db in try Row.fetchAll(db, sql: sql).map { row in row.databaseValues.map { $0.isNull ? "NULL" : "\($0.storage.value!)" } } }
    }

    @Test func entriesOfOneErrorShareAMeaning() throws {
        let kb = try Self.database()
        let meanings = try Self.rows(kb, "SELECT code, names, domains, locales, entries FROM meanings ORDER BY code DESC, meaning")
        #expect(meanings == [
            ["-1013", "INVALID_MESSAGE", "spot", "en", "1"],
            // A translation (same domain, other locale) with a translated name.
            ["-1021", "INVALID_TIMESTAMP | 时间同步问题", "spot", "en,zh-CN", "2"],
            // The same name in two domains, and a translation whose name is a Chinese sentence.
            ["-2015", "REJECTED_MBX_KEY | API Key权限，例如该Key不存在", "spot,wallet", "en,zh-CN", "3"],
            // Two names, two messages: two meanings.
            ["-4001", "PRICE_LESS_THAN_ZERO", "spot", "en", "1"],
            ["-4001", "CAPITAL_INVALID", "wallet", "en", "1"],
            // One page documenting a code twice with two names: two meanings.
            ["-5012", "FUTURE_ACCT_OR_SUBRELATION_NOT_EXIST", "wallet", "en", "1"],
            ["-5012", "TRANSFER_PENDING", "wallet", "en", "1"],
        ])
    }

    @Test func codeConflictsFollowMeanings() throws {
        let kb = try Self.database()
        let conflicts = try Self.rows(kb, "SELECT domain, code, name FROM duplicates WHERE kind = 'code_conflict' ORDER BY code DESC, domain, name")
        #expect(conflicts == [["spot", "-4001", "PRICE_LESS_THAN_ZERO"], ["wallet", "-4001", "CAPITAL_INVALID"],
                              ["wallet", "-5012", "FUTURE_ACCT_OR_SUBRELATION_NOT_EXIST"], ["wallet", "-5012", "TRANSFER_PENDING"]])
        let shared = try Self.rows(kb, "SELECT DISTINCT code FROM duplicates WHERE kind = 'code_shared' ORDER BY code DESC")
        #expect(shared == [["-2015"]])
        let counts = try kb.read { db in try KnowledgeBase.duplicateGroupCounts(db) }
        #expect(counts["code_conflict"] == 2 && counts["code_shared"] == 1)
    }

    @Test func tableRowsGetTheCodesOfLinksAndOfTheTablesTheyCopy() throws {
        let kb = try Self.database()
        let anchors = try Self.rows(kb, "SELECT s.title, a.anchor FROM section_anchors a JOIN sections s ON s.id = a.section_id ORDER BY s.id, a.anchor")
        #expect(anchors.contains(["Filter failures", "filter-failures"]) && anchors.contains(["Filter failures", "filter_failures"]))
        #expect(anchors.contains(["Messages for -1010 ERROR_MSG_RECEIVED, -2010 NEW_ORDER_REJECTED", "other-errors"]))
        let links = try Self.rows(kb, """
            SELECT e.code, l.anchor, s.title FROM entry_links l JOIN entries e ON e.id = l.entry_id LEFT JOIN sections s ON s.id = l.section_id ORDER BY l.id
            """)
        #expect(links == [["-1013", "filter-failures", "Filter failures"],
                          ["-1013", "other-errors", "Messages for -1010 ERROR_MSG_RECEIVED, -2010 NEW_ORDER_REJECTED"]])
        let codes = try Self.rows(kb, """
            SELECT d.domain, r.message, group_concat(c.code || ':' || c.via, ' ') FROM table_rows r JOIN documents d ON d.id = r.document_id
            JOIN table_row_codes c ON c.table_row_id = r.id GROUP BY r.id ORDER BY r.id
            """)
        #expect(codes == [
            ["spot", "Market is closed.", "-1010:section -2010:section -1013:link"],
            ["spot", "Filter failure: LOT_SIZE", "-1013:link"],
            // The wallet's copy of the filter table, even the row spot's table lacks.
            ["wallet", "Filter failure: LOT_SIZE", "-1013:message"],
            ["wallet", "Filter failure: PERCENT_PRICE_BY_SIDE", "-1013:message"],
        ])
    }

    /// The real pages: the rules say -1151 and -2015 are one meaning each (the zh spot page only
    /// translates their names), -4001 and -1008 are two.
    @Test(.enabled(if: SharedPages.available, "skipped: ../shared is absent"))
    func theRealPagesConflictOnlyWhereTheMeaningsDiffer() throws {
        try SharedPages.database().read { db in
        let conflicts = Set(try Int64.fetchAll(db, sql: "SELECT DISTINCT code FROM duplicates WHERE kind = 'code_conflict'"))
        #expect(!conflicts.contains(-1151) && !conflicts.contains(-2015) && !conflicts.contains(-1021))
        #expect(conflicts.isSuperset(of: [-4001, -1008, -1004, -5012, -1099]))
        // -1008: the futures pages' "Request Throttled" shares spot's SERVER_BUSY message, options' TOO_MANY_REQUESTS does not.
        #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM meanings WHERE code = -1008") == 2)
        let filter = try String.fetchAll(db, sql: """
            SELECT DISTINCT d.domain || ':' || c.code || ':' || c.via FROM table_rows r JOIN documents d ON d.id = r.document_id
            JOIN table_row_codes c ON c.table_row_id = r.id WHERE r.message = 'Filter failure: LOT_SIZE' ORDER BY 1
            """)
        #expect(filter == ["portfolio-margin-pro:-1013:message", "spot:-1013:link", "wallet:-1013:message"])
        }
    }
}
