import GRDB
import Testing
@testable import ErrorKBModel

@Suite struct TemplateTests {
    @Test(arguments: [
        ("Too many requests; current limit is %s requests per minute.", ["%s"], [Placeholder.Style.printf]),
        ("参数％s为空。", ["％s"], [.fullwidth]),
        ("新地址在{0}小时后才可以提款。", ["{0}"], [.indexed]),
        ("Symbol {symbol} is closed at {1}", ["{symbol}", "{1}"], [.named, .indexed]),
        ("Illegal characters found in parameter '%s'; legal range is '%s'.", ["%s", "%s"], [.printf, .printf]),
        ("`%s` absolute value greater than `%s`", ["%s", "%s"], [.printf, .printf]),
        ("处理请求时发生未知错误。[%s]", ["%s"], [.printf]),
        ("Target strategy invalid for orderType '%s',reduceOnly '%b'.", ["%s", "%b"], [.printf, .printf]),
        ("Got %d orders", ["%d"], [.printf]),
        // A conversion followed by a letter: the argument and its unit (USD-M -4209, -4403).
        ("Leverage adjustment failed. Current symbol max leverage limit is %sx", ["%s"], [.printf]),
        ("杠杆调整失败。交易对最大杠杆为%sx", ["%s"], [.printf]),
        ("%s%s", ["%s", "%s"], [.printf, .printf]),
    ])
    func placeholdersAreRecognised(text: String, tokens: [String], styles: [Placeholder.Style]) {
        let found = PlaceholderScanner.scan(text)
        #expect(found.map(\.token) == tokens)
        #expect(found.map(\.style) == styles)
    }

    @Test(arguments: [
        "\"价格\"比最近Y分钟的平均加权价格高X％或X％太低。",  // full-width percent before a CJK letter
        "剩余余额已超过0.001BTC，请重新选择。",
        "price 在当前方向上(BUY或者SELL)比lastPrice价格超过X%或者低于Y%。",  // % in prose
        "Fees of 5% apply", "100%sure", "{\"code\":-1121}", "{}", "{ 0 }",
    ])
    func theseAreNotPlaceholders(text: String) {
        #expect(PlaceholderScanner.scan(text).isEmpty)
    }

    @Test func canonicalTemplateNumbersPlaceholdersInOrder() {
        let template = MessageTemplate("Illegal characters found in parameter '%s'; legal range is '%s'.")
        #expect(template.canonical == "Illegal characters found in parameter '{1}'; legal range is '{2}'.")
        #expect(template.placeholders.map(\.position) == [39, 60])
        #expect(MessageTemplate("请求权重过多； IP被禁止，直到％s。").canonical == "请求权重过多； IP被禁止，直到{1}。")
    }

    @Test func matchingExtractsArguments() {
        let orders = MessageTemplate("Too many new orders; current limit is %s orders per %s.")
        #expect(orders.match(normalized: MessageTemplate.normalize("Too many new orders; current limit is 10 orders per 10 SECOND.")) == ["10", "10 SECOND"])
        #expect(orders.match(normalized: "Too many new orders") == nil)
        let leverage = MessageTemplate("Leverage adjustment failed. Current symbol max leverage limit is %sx")
        #expect(leverage.canonical == "Leverage adjustment failed. Current symbol max leverage limit is {1}x")
        #expect(leverage.match(normalized: MessageTemplate.normalize("Leverage adjustment failed. Current symbol max leverage limit is 125x")) == ["125"])
        let range = MessageTemplate("Illegal characters found in parameter '%s'; legal range is '%s'.")
        #expect(range.match(normalized: "Illegal characters found in parameter 'a'b'; legal range is 'x'") == ["a'b", "x"])
        // The literal after a placeholder is found whole: the first "; " is inside the argument.
        let backtrack = MessageTemplate("%s; then %s")
        #expect(backtrack.match(normalized: "a; b; then c") == ["a; b", "c"])
        #expect(MessageTemplate("参数％s为空。").match(normalized: MessageTemplate.normalize("参数foo为空。")) == ["foo"])
        // An argument is never empty.
        #expect(MessageTemplate("Leverage `%s` is not valid").match(normalized: MessageTemplate.normalize("Leverage `` is not valid")) == nil)
        // Backticks are the pages' code markup: a runtime message has none.
        #expect(MessageTemplate("Leverage `%s` is not valid").match(normalized: MessageTemplate.normalize("Leverage 150 is not valid")) == ["150"])
        #expect(MessageTemplate.normalize("This listenKey does not exist. Please use `POST /fapi/v1/listenKey` to recreate `listenKey`.")
                == "This listenKey does not exist. Please use POST /fapi/v1/listenKey to recreate listenKey")
    }

    @Test func normalizationToleratesPunctuationAndSpacing() {
        #expect(MessageTemplate.normalize("  Invalid   symbol. ") == "Invalid symbol")
        #expect(MessageTemplate.normalize("余额不足。") == "余额不足")
    }

    /// Seed facts, through the `templates` view and the `placeholders` table of a built file.
    @Test func seedPlaceholderFacts() throws {
        try Fixtures.builtDatabase.read { db in
            let perDomain = try Row.fetchAll(db, sql: "SELECT domain, count(*) FROM templates GROUP BY domain ORDER BY domain")
                .map { "\($0[0] as String)=\($0[1] as Int)" }
            #expect(perDomain == ["coin-margined-futures=29", "wallet=22"])
            let tokens = try Row.fetchAll(db, sql: """
                SELECT d.domain, p.token, count(*) FROM placeholders p JOIN messages m ON m.id = p.message_id
                JOIN entries e ON e.id = m.entry_id JOIN documents d ON d.id = e.document_id
                GROUP BY d.domain, p.token ORDER BY d.domain, p.token
                """).map { "\($0[0] as String) \($0[1] as String) \($0[2] as Int)" }
            #expect(tokens == ["coin-margined-futures %b 1", "coin-margined-futures %s 36",
                               "wallet %s 4", "wallet {0} 3", "wallet ％s 22"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM table_rows WHERE placeholders > 0") == 0)
            let row = try Row.fetchOne(db, sql: "SELECT template, placeholders, tokens FROM templates WHERE code = -1003 AND domain = 'wallet' AND tokens = '%s,%s'")
            #expect(row?["template"] as String? == "请求权重过多； 当前限制是 {1} 每 {2} 的请求权重。 请使用 Websocket Streams 进行实时更新，以避免轮询API。")
            #expect(row?["placeholders"] as Int? == 2)
            #expect(try Int.fetchOne(db, sql: "SELECT sum(placeholders) FROM catalog") == 29 + 37)
        }
    }

    @Test func noTableRowHasAPlaceholder() {
        for row in Fixtures.wallet.parsed.tableRows {
            #expect(PlaceholderScanner.scan(row.message).isEmpty && PlaceholderScanner.scan(row.description).isEmpty)
        }
    }
}
