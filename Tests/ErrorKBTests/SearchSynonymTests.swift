import Foundation
import Testing
@testable import ErrorKBQuery

/// Issue 14: the words users type that the pages say otherwise (lexicon/search-synonyms.tsv) and
/// error names typed the way the pages do not spell them.
@Suite struct SearchSynonymTests {
    static let file = Fixtures.packageRoot.appendingPathComponent("lexicon/search-synonyms.tsv")

    @Test func theCompiledInFileIsTheRepositorysEveryLineWithAPage() throws {
        let text = try String(contentsOf: Self.file, encoding: .utf8)
        let parsed = try SearchSynonyms(parsing: text, file: "lexicon/search-synonyms.tsv")
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.allSatisfy(\.isWhitespace) }
        #expect(parsed.lines.count == lines.count && lines.count >= 20)
        #expect(SearchSynonyms.builtIn.lines.map(\.expansion) == parsed.lines.map(\.expansion))
        // Every line says where the pages use its words: a page of the built-in corpus, then a code.
        let pages = Set(try FileManager.default.contentsOfDirectory(atPath: Fixtures.packageRoot.appendingPathComponent("seed").path))
        for line in parsed.lines {
            let source = try #require(line.expansion.source)
            let page = String(source.prefix { $0 != " " })
            #expect(pages.contains(page) && source.contains { $0 == "-" }, "\(line.expansion.phrase): \(source)")
        }
    }

    @Test func aBadLineIsNamedWithItsNumber() {
        #expect(throws: SynonymFileError(file: "f.tsv", line: 3, reason: "expected phrase, words and source separated by tabs, got 2 field(s)")) {
            try SearchSynonyms(parsing: "# comment\nrate limit\ttoo many requests\tspot-errors.en.md -1003\nrate limit\ttoo many requests\n", file: "f.tsv")
        }
        #expect(throws: SynonymFileError.self) { try SearchSynonyms(parsing: "!!\twords\tsource\n", file: "f.tsv") }
    }

    @Test func aPhraseIsReplacedWhereverItIsInTheQuery() throws {
        let synonyms = try SearchSynonyms(parsing: """
            too long\tlength\tx -1
            限频\t请求过多\tx -1
            rate limit\ttoo many requests\tx -1
            """, file: "f.tsv")
        #expect(synonyms.alternatives(of: "Client order id TOO LONG!").map(\.query) == ["client order id length"])
        #expect(synonyms.alternatives(of: "被限频了").map(\.query) == ["被 请求过多 了"])
        #expect(synonyms.alternatives(of: "rate limited").isEmpty && synonyms.alternatives(of: "too").isEmpty)
        #expect(synonyms.alternatives(of: "Rate-limit").map(\.expansion.phrase) == ["rate limit"])
        // Two steps: the second's phrase holds part of the first's words; its label is what was typed.
        let chain = try SearchSynonyms(parsing: "不够\t不足\tx -1\n保证金不足\tmargin is insufficient\tx -2\n金\tgold\tx -3\n", file: "f.tsv")
        #expect(chain.chainedAlternatives(of: "账户保证金不够了").map { "\($0.expansion.phrase)=\($0.query)" }
                == ["不够=账户保证金 不足 了", "金=账户保证 gold 不够了", "保证金不够=账户 margin is insufficient 了"])
    }

    @Test func nearNamesAreWithinASmallEditDistanceOrShareALongPrefix() {
        #expect(NearNames.typedName(" MARGIN_NOT_SUFFICIENT ") == "MARGIN_NOT_SUFFICIENT" && NearNames.typedName("lot_size") == "lot_size")
        #expect(NearNames.typedName("margin not sufficient") == nil && NearNames.typedName("_X") == nil && NearNames.typedName("1_2") == nil)
        #expect(NearNames.distance("MARGIN_NOT_SUFFICIENT", "MARGIN_NOT_SUFFICIEN") == 1)
        #expect(NearNames.distance("margin_not_sufficien", "MARGIN_NOT_SUFFICIEN") == nil)
        #expect(NearNames.distance("TOO_MANY_REQUEST", "TOO_MANY_REQUESTS") == 1 && NearNames.distance("LOT_SIZ", "LOT_SIZE") == 1)
        // Three edits, but a long shared prefix: 17 of 20 characters.
        #expect(NearNames.distance("CAPITAL_WITHDRAW_X", "CAPITAL_WITHDRAW_ABC") == 3)
        // INVALID_SYMBOL is a message word pair, not a misspelt INVALID_SYMBOLSTATUS.
        #expect(NearNames.distance("INVALID_SYMBOL", "INVALID_SYMBOLSTATUS") == nil && NearNames.distance("LOT_SIZE", "LOT_SIDE_X") == nil)
    }

    /// Through the real kb on the two original seed documents (COIN-M en has -1003
    /// TOO_MANY_REQUESTS and -2019 MARGIN_NOT_SUFFICIEN; no page has the word rate).
    @Test func aSynonymFindsWhatThePagesCallItAndSaysSo() throws {
        let json = TestProcess.kb(["search", "rate", "limit", "--format", "json", "--limit", "5", "--db", Fixtures.builtDatabasePath])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let hits = try #require(object["hits"] as? [[String: Any]])
        #expect(hits.first?["code"] as? Int == -1003, "\(json.stdout)")
        let via = try #require(hits.first?["via"] as? [String: Any])
        #expect(via["kind"] as? String == "synonym" && via["phrase"] as? String == "rate limit" && via["words"] as? String == "too many requests")
        let expanded = (object["expansions"] as? [[String: Any]] ?? []).map { "\($0["phrase"] ?? "") → \($0["words"] ?? "")" }
        #expect(expanded == ["rate limit → too many requests", "rate limit → request weight"])
        // What only the typed words found (some of them: `limit`) comes after every synonym hit.
        let labelled = hits.map { $0["via"] is [String: Any] }
        #expect(labelled.firstIndex(of: false).map { !labelled[$0...].contains(true) } ?? true)
        #expect(json.stderr.isEmpty)
        let table = TestProcess.kb(["search", "rate", "limit", "--limit", "2", "--db", Fixtures.builtDatabasePath])
        #expect(table.status == 0 && table.stdout.contains("found as 'too many requests' (synonym of 'rate limit')"))
        #expect(table.stderr.contains("kb: 'rate limit' also searched as 'too many requests', 'request weight' (search synonyms;"), "\(table.stderr)")
    }

    @Test func aMistypedErrorNameFindsTheNearName() throws {
        let json = TestProcess.kb(["search", "MARGIN_NOT_SUFFICIENT", "--format", "json", "--limit", "3", "--db", Fixtures.builtDatabasePath])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let first = try #require((object["hits"] as? [[String: Any]])?.first)
        #expect(first["code"] as? Int == -2019 && first["name"] as? String == "MARGIN_NOT_SUFFICIEN")
        #expect((first["via"] as? [String: Any])?["kind"] as? String == "near_name")
        let table = TestProcess.kb(["search", "MARGIN_NOT_SUFFICIENT", "--limit", "1", "--db", Fixtures.builtDatabasePath])
        #expect(table.stderr.contains("no entry is named MARGIN_NOT_SUFFICIENT; near names searched: MARGIN_NOT_SUFFICIEN"), "\(table.stderr)")
        #expect(table.stdout.contains("near name (you typed MARGIN_NOT_SUFFICIENT)"))
        // A name that exists is no typo: nothing near is searched.
        let exact = TestProcess.kb(["search", "MARGIN_NOT_SUFFICIEN", "--format", "json", "--limit", "3", "--db", Fixtures.builtDatabasePath])
        let exactObject = try #require(try JSONSerialization.jsonObject(with: Data(exact.stdout.utf8)) as? [String: Any])
        #expect((exactObject["expansions"] as? [Any])?.isEmpty == true && (exactObject["hits"] as? [[String: Any]])?.first?["code"] as? Int == -2019)
    }

    /// A word no page has is searched as the index word it inflects or the nearest one, with the
    /// other words; alone it is no answer when they find nothing with it.
    @Test func aWordNoPageHasIsSearchedAsTheNearestIndexWord() throws {
        func search(_ words: [String]) throws -> (hits: [[String: Any]], expansions: [String]) {
            let result = TestProcess.kb(["search"] + words + ["--format", "json", "--limit", "5", "--db", Fixtures.builtDatabasePath])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
            return (object["hits"] as? [[String: Any]] ?? [],
                    (object["expansions"] as? [[String: Any]] ?? []).map { "\($0["kind"] ?? "") \($0["phrase"] ?? "") → \($0["words"] ?? "")" })
        }
        let typo = try search(["insufficent", "balance"])
        #expect(typo.expansions == ["near_word insufficent → insufficient"])
        let first = try #require(typo.hits.first)
        #expect((first["via"] as? [String: Any])?["words"] as? String == "insufficient")
        // `insufficient balance` is -2018's whole message in another order (`Balance is insufficient.`).
        #expect(first["code"] as? Int == -2018 && (first["messages"] as? [[String: Any]] ?? []).contains { $0["text"] as? String == "Balance is insufficient." },
                "\(first)")
        let inflected = try search(["withdrawals"])
        #expect(inflected.expansions == ["near_word withdrawals → withdrawal"] && !inflected.hits.isEmpty)
        // Words the index has, and the last word as the start of one, are never corrected.
        #expect(try search(["insufficient", "balanc"]).expansions.isEmpty)
    }
}
