import Foundation
import GRDB
import Testing
@testable import ErrorKBModel
@testable import ErrorKBImport
@testable import ErrorKBStore
@testable import ErrorKBQuery

@Suite struct SearchTests {
    let kb = Fixtures.seedKB

    @Test func chineseTwoCharacterWordFindsWalletEntries() throws {
        let hits = try kb.search("余额", options: .init(limit: 100))
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { $0.domain == "wallet" })
        #expect(hits.contains { $0.code == -3041 })
        // The snippet is plain text; the highlights are where 余额 is in it.
        #expect(hits.allSatisfy { hit in !hit.snippet.contains("*") && !hit.highlights.isEmpty
            && hit.highlights.allSatisfy { String(String.UnicodeScalarView(Array(hit.snippet.unicodeScalars)[$0])) == "余额" } })
        // Every wallet message or name holding 余额 is found, and nothing else.
        let expected = Set(Fixtures.wallet.parsed.entries.filter { $0.messages.contains { $0.text.contains("余额") } }.map(\.line))
        #expect(Set(hits.filter { $0.kind == .entry }.map(\.line)) == expected)
    }

    @Test func oneCharacterAndLongerSubstrings() throws {
        let one = try kb.search("币", options: .init(limit: 500))
        #expect(one.contains { $0.code == -10007 })
        let expectedOne = Fixtures.wallet.parsed.entries.filter { e in e.messages.contains { $0.text.contains("币") } || (e.name ?? "").contains("币") }.count
        #expect(one.filter { $0.kind == .entry }.count == expectedOne)
        let long = try kb.search("余额不足", options: .init(limit: 100))
        #expect(Set(long.filter { $0.via == nil }.compactMap(\.code)) == [-3041, -6012, -5002, -4026])
        // The synonym file's 余额不足 → `balance is insufficient` adds the English pages' hits: its
        // whole match (-2018 `Balance is insufficient.`) after the whole matches typed (余额不足 and
        // 余额不足。), the others after every hit of the words typed.
        #expect(long.prefix(3).map(\.code) == [-3041, -6012, -2018] && long[2].via?.words == "balance is insufficient")
        let synonyms = long.dropFirst(3).drop { $0.via == nil }
        #expect(!synonyms.isEmpty && synonyms.allSatisfy { $0.via?.words == "balance is insufficient" && $0.via?.kind == .synonym })
        // Nothing holds 足余额 whole: what holds part of it is shown, marked as partial.
        let partial = try kb.searchResults("足余额", options: .init())
        #expect(partial.partial && !partial.hits.isEmpty && partial.hits.allSatisfy { !$0.messages.contains { $0.text.contains("足余额") } })
        #expect(try !kb.searchResults("余额不足", options: .init()).partial)
    }

    @Test func englishWordsArePrefixesAndIdentifiersSplitAtUnderscores() throws {
        let hits = try kb.search("withdraw", options: .init(limit: 100))
        let names = hits.compactMap(\.name)
        #expect(names.contains("CAPITAL_WITHDRAW_MIN_AMOUNT"))
        #expect(names.contains("WITHDRAW_NOT_NEGATIVE"))
        #expect(hits.count == Fixtures.wallet.parsed.entries.filter { ($0.name ?? "").contains("WITHDRAW") }.count + 1)
        #expect(try kb.search("WITHDRAW", options: .init(limit: 100)).count == hits.count)
    }

    @Test func severalWordsMustAllMatch() throws {
        let hits = try kb.search("invalid symbol", options: .init(limit: 50))
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { hit in
            let text = (hit.messages.map(\.text) + [hit.name ?? ""]).joined(separator: " ").lowercased()
            return text.contains("invalid") && text.contains("symbol")
        })
        #expect(hits.contains { $0.code == -1121 && $0.domain == "coin-margined-futures" })
    }

    /// The last word is expanded into the stored words it completes to; the hits are exactly
    /// those of FTS5's own prefix query, also past the expansion limit (where the prefix stays).
    @Test(arguments: ["withdr", "sym", "inval", "ord", "exce", "a", "UNKNOWN", "zzz"])
    func aPrefixFindsWhatFTS5PrefixQueriesFind(prefix: String) throws {
        var every = SearchOptions(limit: 10_000)
        every.grouped = false
        let found = Set(try kb.search(prefix, options: every).map { "\($0.domain) \($0.line)" })
        let expected = try Fixtures.builtDatabase.read { db in
            Set(try String.fetchAll(db, sql: """
                SELECT d.domain || ' ' || coalesce(e.line, r.line) FROM search_index f
                LEFT JOIN entries e ON e.id = f.rowid LEFT JOIN table_rows r ON r.id = -f.rowid
                JOIN documents d ON d.id = coalesce(e.document_id, r.document_id)
                WHERE search_index MATCH ?
                """, arguments: ["\"\(prefix)\"*"]))
        }
        #expect(expected.count <= FullTextQuery.rankingWindow)
        #expect(found == expected, "\(prefix): \(found.symmetricDifference(expected).sorted().prefix(10))")
        let completions = try Fixtures.builtDatabase.read { try SearchVocabulary.completions(of: prefix.lowercased(), limit: 1_000, $0) } ?? []
        #expect(completions.allSatisfy { $0.hasPrefix(prefix.lowercased()) && $0 == $0.lowercased() })
    }

    @Test func searchTermsHoldTheIndexedWords() throws {
        let words = try Fixtures.builtDatabase.read { try String.fetchAll($0, sql: "SELECT term FROM search_terms") }
        #expect(Set(["withdrawal", "symbol", "capital", "withdraw", "unknown", "request", "余额", "币"]).isSubset(of: Set(words)))
        #expect(words.allSatisfy { $0 == $0.lowercased() })
        #expect(!words.contains("capital_withdraw"))  // the tokenizer splits at '_'
    }

    @Test func snippetsMarkEveryMatchLongestFirst() {
        let marked = { (snippet: Snippet) in snippet.runs.map { $0.highlighted ? "[\($0.text)]" : String($0.text) }.joined() }
        let order = Snippet.make(["Order would immediately trigger; ORDER rejected."], terms: ["order", "ord", "trigger", "order"])
        #expect(order.text == "Order would immediately trigger; ORDER rejected.")
        #expect(order.highlights == [0..<5, 24..<31, 33..<38])
        #expect(marked(order) == "[Order] would immediately [trigger]; [ORDER] rejected.")
        #expect(marked(Snippet.make(["ababab"], terms: ["ba", "ab"])) == "[ab][ab][ab]")
        // Ranges count code points: a CJK character is one, an emoji with a modifier two.
        let chinese = Snippet.make(["账户余额不足 👍🏽 余额"], terms: ["余额"])
        #expect(chinese.highlights == [2..<4, 10..<12])
        // A literal * in the text is text, and a * in the query matches it, unmarked by any **.
        let star = Snippet.make(["`price` * `quantity`"], terms: ["*"])
        #expect(star.text == "`price` * `quantity`" && star.highlights == [8..<9])
        // The first text that holds a term is shown, trimmed around the match.
        let long = String(repeating: "x ", count: 80) + "needle end"
        let snippet = Snippet.make(["no match here", long], terms: ["NEEDLE"])
        #expect(snippet.text.hasPrefix("…x x") && snippet.text.hasSuffix("x needle end"))
        #expect(marked(snippet).hasSuffix("x [needle] end"))
        #expect(snippet.text.count == 1 + Snippet.width)
    }

    /// One connection refreshes the words after every fill (the vocabulary table is made once
    /// per connection and then reused): a replaced document's words go, the new ones come.
    @Test func searchTermsFollowEveryFillOfOneConnection() throws {
        let queue = try DatabaseQueue()
        try Schema.migrate(queue)
        func page(_ text: String) throws -> ImportedDocument {
            try DocumentImporter.importData(Data("#### \\-1000 UNKNOWN\n\n-   \(text)\n".utf8), fileName: "page.md", domain: "d", locale: "en")
        }
        func words() throws -> Set<String> { try queue.read { Set(try String.fetchAll($0, sql: "SELECT term FROM search_terms")) } }
        let first = try queue.write { try DocumentStore.fill($0, with: [page("Zebra crossing.")], keepIndexes: true) }
        #expect(first.map(\.action) == [.added])
        #expect(try words() == ["unknown", "zebra", "crossing"])
        let second = try queue.write { try DocumentStore.fill($0, with: [page("Yak shaving.")], keepIndexes: true) }
        #expect(second.map(\.action) == [.replaced])
        #expect(try words() == ["unknown", "yak", "shaving"])
    }

    /// A page of `count` entries (codes from -100000 down) whose words match nothing else here,
    /// which makes a file big enough for the ranking window (`FullTextQuery.exactRankRows`).
    static let filler = try! DocumentImporter.importData(Data(
        (1...(FullTextQuery.exactRankRows + 1)).map { "#### \\-\(100_000 + $0) FILLER_\($0)\n\n-   Padding text.\n" }.joined(separator: "\n").utf8),
        fileName: "filler.md", domain: "filler", locale: "en")

    /// In a file the size of a real knowledge base every match is ranked and counted: the best
    /// match is found however many rows match before it (the window ranks only the newest 300).
    @Test func aSmallFileRanksEveryMatch() throws {
        let others = (2...(FullTextQuery.rankingWindow + 100)).map { "#### \\-\($0) NAME_\($0)\n\n-   A longer message that says common once, number \($0).\n" }
        let page = "#### \\-1 BEST\n\n-   Common common.\n\n" + others.joined(separator: "\n")
        let document = try DocumentImporter.importData(Data(page.utf8), fileName: "small.md", domain: "d", locale: "en")
        let small = try KnowledgeBase.inMemory([document]).searchResults("common", options: .init(limit: 1))
        #expect(small.hits.map(\.code) == [-1] && small.total == others.count + 1 && !small.totalIsCapped)
        // Past `exactRankRows` rows the window ranks the newest 300 matches only (-101…-400,
        // which tie on bm25; a tie goes to the lower rowid), and counts up to `countCap`.
        let big = try KnowledgeBase.inMemory([document, Self.filler]).searchResults("common", options: .init(limit: 1))
        #expect(big.hits.map(\.code) == [-101] && big.total == SearchResults.countCap && big.totalIsCapped)
    }

    /// The ranking window (the first matches in document order) never cuts below the limit.
    @Test func aLimitAboveTheRankingWindowGetsThatManyHits() throws {
        let count = FullTextQuery.rankingWindow + 200
        let page = (1...count).map { "#### \\-\($0) NAME_\($0)\n\n-   A common message, number \($0).\n" }.joined(separator: "\n")
        let big = try KnowledgeBase.inMemory([DocumentImporter.importData(Data(page.utf8), fileName: "big.md", domain: "d", locale: "en"), Self.filler])
        #expect(try big.search("common", options: .init(limit: count + 10)).count == count)
        #expect(try big.search("message common", options: .init(limit: count)).count == count)
        #expect(try big.search("common", options: .init(limit: 20)).count == 20)
    }

    /// Many matching table rows (negative rowids) do not crowd the entries out of the ranking
    /// window, which is taken from the highest rowid down.
    @Test func tableRowsDoNotCrowdOutEntries() throws {
        let rows = (1...(FullTextQuery.rankingWindow + 100)).map { "| \"Filter failure: F\($0)\" | A long description that mentions the word common once, row \($0). |" }
        let page = "#### \\-1 COMMON_ONE\n\n-   Common common.\n\n#### \\-2 COMMON_TWO\n\n-   Common.\n\n## Filters\n\n| Error message | Description |\n| --- | --- |\n"
            + rows.joined(separator: "\n") + "\n"
        let document = try DocumentImporter.importData(Data(page.utf8), fileName: "rows.md", domain: "d", locale: "en")
        #expect(document.tableRowCount == rows.count && document.entryCount == 2)
        let hits = try KnowledgeBase.inMemory([document, Self.filler]).search("common", options: .init(limit: 2))
        #expect(Set(hits.map(\.code)) == [-1, -2])
    }

    @Test func theLastWordIsAPrefixAndTheOthersAreWhole() throws {
        #expect(try kb.search("invalid symb", options: .init(limit: 50)).contains { $0.code == -1121 })
        // No word starts with "inval" but the last: only hits with some of the words, marked partial.
        let partial = try kb.searchResults("inval symbol", options: .init(limit: 50))
        #expect(partial.partial && partial.hits.allSatisfy { hit in (hit.messages.map(\.text) + [hit.name ?? ""]).contains { $0.lowercased().contains("symbol") } })
        #expect(try kb.search("symbol inval", options: .init(limit: 50)).contains { $0.code == -1121 })
    }

    @Test(arguments: ["-1121", "1121", "−1121"])
    func aCodeListsItsOwnEntriesFirst(query: String) throws {
        var every = SearchOptions(limit: 5)
        every.grouped = false
        let hits = try kb.search(query, options: every)
        #expect(hits.prefix(2).map(\.code) == [-1121, -1121])
        #expect(Set(hits.prefix(2).map(\.domain)) == ["wallet", "coin-margined-futures"])
        // One result per meaning: -1121 once, documented on both pages.
        let grouped = try kb.search(query, options: .init(limit: 5))
        #expect(grouped.first?.code == -1121 && grouped.filter { $0.code == -1121 }.count == 1)
        #expect(Set((grouped.first?.places ?? []).map(\.domain)) == ["wallet", "coin-margined-futures"])
    }

    @Test func filtersByDomainAndLanguage() throws {
        let wallet = try kb.search("invalid", options: .init(domain: "wallet", limit: 50))
        #expect(wallet.allSatisfy { $0.domain == "wallet" })
        let english = try kb.search("UTC", options: .init(lang: .en, limit: 50))
        #expect(english.count == 3)
        let chinese = try kb.search("UTC", options: .init(lang: .zh, limit: 50))
        #expect(chinese.count == 3)
    }

    @Test func tableRowsAreSearchable() throws {
        let hits = try kb.search("LOT_SIZE", options: .init(limit: 10))
        #expect(hits.contains { $0.kind == .tableRow && $0.messages.first?.text == "Filter failure: LOT_SIZE" })
    }

    @Test(arguments: ["\"", "*", "(", "NEAR", "NEAR(", "AND", "OR", "NOT", "{0}", "%s", "-", "--", "'", "a\"b", "name_terms:x",
                      "^", "\u{0}", "(((", "\"unterminated", "* OR *", "余额\"", "{name_terms}: x", String(repeating: "x", count: 10_000)])
    func hostileInputIsSearchedAsText(query: String) throws {
        _ = try kb.search(query, options: .init(limit: 5))
    }

    @Test func symbolsAreSearchedLiterally() throws {
        let percent = try kb.search("%s", options: .init(limit: 200))
        #expect(!percent.isEmpty)
        // ％s (full width, the Chinese pages' form) is the same placeholder.
        #expect(percent.allSatisfy { ($0.messages.map(\.text) + [$0.name ?? ""]).contains { $0.lowercased().replacingOccurrences(of: "％", with: "%").contains("%s") } })
        #expect(percent.contains { $0.messages.contains { $0.text.contains("％s") } })
        let braces = try kb.search("{0}", options: .init(limit: 50))
        #expect(Set(braces.compactMap(\.code)) == [-4036, -10041, -10043])
    }

    /// Why the index stores character pairs: on SQLite 3.40.1 the trigram tokenizer finds nothing
    /// for two characters, by MATCH or by LIKE. Our index finds them.
    @Test func trigramTokenizerCannotFindTwoCharacters() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram'); INSERT INTO t VALUES ('此资产余额不足。')")
            let version = try String.fetchOne(db, sql: "SELECT sqlite_version()")
            let like = try Int.fetchOne(db, sql: "SELECT count(*) FROM t WHERE x LIKE '%余额%'")
            if version == "3.40.1" { #expect(like == 0) }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t WHERE x LIKE '%余额不%'") == 1)
        }
        #expect(try kb.search("余额", options: .init()).contains { $0.code == -4026 })
    }

    @Test func indexFormWritesCharacterPairsThenCharacters() {
        // Pairs stay adjacent (a phrase of pairs is a substring); each character is a token too.
        #expect(SearchIndex.indexForm("此资产余额不足。") == "此资 资产 产余 余额 额不 不足 足 此 资 产 余 额 不 。")
        #expect(SearchIndex.indexForm("CAPITAL_WITHDRAW") == "CAPITAL_WITHDRAW")
        #expect(SearchIndex.indexForm("参数％s为空。") == "参数 数 参 ％s 为空 空 为 。")
        #expect(MatchExpression.term("余额不足") == "\"余额 额不 不足\"")
        #expect(MatchExpression.term("币") == "\"币\"")
        #expect(MatchExpression.term("API密钥") == "\"API\"* AND \"密钥\"")
        #expect(MatchExpression.term("API密钥", prefix: false) == "\"API\" AND \"密钥\"")
        #expect(MatchExpression.term("\"*(") == nil)
    }
}
