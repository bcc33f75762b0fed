import Foundation
import Testing
@testable import ErrorKBQuery

/// `kb search` on what support people paste and type (set 14c's kinds of miss, the newcomer QA's
/// D7 and D12), through the real kb on the database of the real pages (`SearchPages`).
@Suite(.enabled(if: SearchPages.available, "skipped: ../shared is absent"), .serialized)
struct SearchTypedQueryTests {
    /// The codes of the first hits (a table row's codes as one list), `partial`, the words searched
    /// besides those typed, and stderr.
    func search(_ query: String, limit: Int = 3) throws -> (codes: [[Int]], partial: Bool, expansions: [String], stderr: String) {
        let result = TestProcess.kb(["search", query, "--db", SearchPages.path, "--format", "json", "--limit", "\(limit)"])
        #expect(result.status == 0, "\(query): \(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let hits = try #require(object["hits"] as? [[String: Any]])
        return (hits.map { ($0["code"] as? Int).map { [$0] } ?? ($0["codes"] as? [Int] ?? []) }, object["partial"] as? Bool ?? true,
                (object["expansions"] as? [[String: Any]] ?? []).compactMap { $0["words"] as? String }, result.stderr)
    }

    /// D7: -4178's template is on the COIN-M page, the oldest rows of the file; the text fits it
    /// (its `%s` is `20`), as it fits USD-M's -4164 and, leaving more to `%s`, -5029.
    @Test func aPastedMessageListsEveryTemplateItFitsTheClosestFirst() throws {
        let notional = try search("Order's notional must be no smaller than 20 (unless you choose reduce only)")
        #expect(notional.codes == [[-4164], [-4178], [-5029]] && !notional.partial && notional.stderr.isEmpty, "\(notional)")
        let coinMargined = TestProcess.kb(["search", "Order's notional must be no smaller than 20 (unless you choose reduce only)", "--db", SearchPages.path,
                                           "--domain", "coin-margined-futures", "--format", "tsv", "--fields", "code", "--limit", "1"])
        #expect(coinMargined.stdout == "code\n-4178\n", "\(coinMargined.stdout)")
        let chinese = try search("订单的名义价值不可以小于100，除了使用reduce only")
        #expect(chinese.codes.first == [-4164] && !chinese.partial, "\(chinese)")
        for (query, code) in [("Too many new orders; current limit is 50 orders per 10 SECOND.", -1015),
                              ("Parameter 'newClientOrderId' sent when not required.", -1106),
                              ("More than 24 hours between startTime and endTime.", -1127),
                              ("Not less than the minimum pick-up quantity 0.001.", -4022)] {
            let found = try search(query)
            #expect(found.codes.first == [code] && !found.partial, "\(query): \(found)")
        }
    }

    /// A message's words in another order are its whole text (`Margin is insufficient.`), ahead
    /// of a phrase inside a longer message (-2028 `…: insufficient margin balance.`).
    @Test func wordsInAnotherOrderAreTheWholeMessage() throws {
        #expect(try search("insufficient margin").codes.prefix(2) == [[-2019], [-2028]])
        #expect(try search("交易对无效").codes.first == [-1121])
    }

    /// Of hits with some of a Chinese query, the one with more of its letter pairs first:
    /// -1007's 等待后端服务器响应超时 has 服务器 and 超时; -1016's 服务器下线 only 服务器.
    @Test func chineseWithSomeOfTheWordsRanksByHowMuchOfThemAHitHas() throws {
        let found = try search("服务器超时")
        #expect(found.codes.prefix(2) == [[-1007], [-1016]] && found.partial)
    }

    /// Users' words for what the pages say otherwise (lexicon/search-synonyms.tsv, and a word the
    /// pages inflect when nothing has every word: duplicate → duplicated); a synonym's
    /// whole match ranks with whole matches (-2013 before the rows with every word typed), and a
    /// modifier's synonym alone is not searched (不够 → 不足 would be every balance error).
    @Test func usersWordsFindThePagesWords() throws {
        for (query, code, words) in [("order not found", -2013, "order does not exist"), ("IP被封", -1003, "被禁止"),
                                     ("持仓方向不匹配", -4061, "不一致"), ("price not multiple of tick size", -4014, "not increased by"),
                                     ("recvWindow too large", -1131, "must be less than"), ("提币地址不合法", -4033, "提款"),
                                     ("not enough margin", -2019, "insufficient"), ("stop price above max price", -4007, "greater than"),
                                     ("duplicate client order id", -4116, "duplicated"), ("保证金不够", -2019, "margin is insufficient")] {
            let found = try search(query)
            #expect(found.codes.first == [code] && found.expansions.contains(words), "\(query): \(found)")
        }
        let permission = try search("API权限不够", limit: 5)
        #expect(permission.codes.prefix(2).contains([-2015]) && !permission.codes.contains([-2018]), "\(permission)")
        // A placeholder is no Chinese typed: -1008's `per %s %s` has none of 不够.
        #expect(!permission.codes.contains([-1008]), "\(permission)")
    }

    /// D12: at an 80-column terminal every line fits (the places wrap between places, the title
    /// and snippet end in …); a pipe gets whole lines.
    @Test func theListFitsTheTerminal() throws {
        let arguments = ["search", "Too much request weight used", "--limit", "3", "--db", SearchPages.path]
        let terminal = TestProcess.terminal(arguments, columns: 80, environment: ["TERM": "dumb"])
        let lines = terminal.stdout.split(separator: "\n").map(String.init)
        #expect(terminal.status == 0 && lines.count >= 6)
        #expect(lines.allSatisfy { TerminalTests.displayWidth($0) <= 80 }, "\(lines.map(TerminalTests.displayWidth))")
        #expect(lines.contains { $0.hasPrefix("   documented in: ") } && lines.contains { $0.hasPrefix("     ") && $0.contains(" · ") })
        #expect(lines.contains { $0.hasSuffix("…") })
        let piped = TestProcess.kb(arguments)
        let places = try #require(piped.stdout.split(separator: "\n").first { $0.hasPrefix("   documented in: ") })
        #expect(TerminalTests.displayWidth(String(places)) > 80 && places.hasSuffix("wallet · en, wallet · zh-CN"), "\(places)")
        #expect(piped.stdout.hasPrefix("1. -1003 TOO_MANY_REQUESTS    portfolio-margin-pro · en · 10xx - General Server or Network issues\n"))
    }

    /// README: `％s` (full-width, as Chinese pages and input methods write it) is the placeholder `%s`.
    @Test func aFullWidthPlaceholderIsThePlaceholder() throws {
        let full = try search("％s", limit: 20), half = try search("%s", limit: 20)
        #expect(full.codes == half.codes && full.codes.count == 20)
        #expect(try search("请求权重过多 ％s").codes == search("请求权重过多 %s").codes)
    }
}

/// The ranking's text rules on their own (SearchRanking.swift).
@Suite struct RankTokensTests {
    @Test func aTemplateFitsTextWithItsPlaceholdersFilledCountingWhatTheyStandFor() {
        let text = RankTokens.of("Order's notional must be no smaller than 20 (unless you choose reduce only)")
        #expect(RankTokens.filledWords(text, RankTokens.of("Order's notional must be no smaller than %s (unless you choose reduce only)")) == 1)
        #expect(RankTokens.filledWords(text, RankTokens.of("Order's notional must be no smaller than %s")) == 6)
        #expect(RankTokens.filledWords(text, RankTokens.of("Order's notional must be no smaller than 5.0 (unless you choose reduce only)")) == nil)
        #expect(RankTokens.filledWords(RankTokens.of("Invalid symbol."), RankTokens.of("invalid SYMBOL")) == 0)
    }

    @Test func theSameWordsInAnotherOrderLeavingOutLittleWords() {
        #expect(RankTokens.sameWords(RankTokens.of("insufficient margin"), RankTokens.of("Margin is insufficient.")))
        #expect(RankTokens.sameWords(RankTokens.of("交易对无效"), RankTokens.of("无效的交易对。")))
        #expect(!RankTokens.sameWords(RankTokens.of("margin"), RankTokens.of("Margin.")))
        #expect(!RankTokens.sameWords(RankTokens.of("insufficient margin balance"), RankTokens.of("Margin is insufficient.")))
        #expect(!RankTokens.sameWords(RankTokens.of("parameter has too much precision"), RankTokens.of("Parameter '%s' has too much precision.")))
    }

    @Test func chineseCountsByItsLetterPairsAndEnglishNotAtAll() {
        #expect(RankTokens.units(of: RankTokens.of("服务器超时")) == [["服", "务"], ["务", "器"], ["器", "超"], ["超", "时"]])
        #expect(RankTokens.units(of: RankTokens.of("余 API key 被锁")) == [["余"], ["被", "锁"]])
    }
}
