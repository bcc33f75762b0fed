import Testing
@testable import ErrorKBModel

/// The hand-counted facts of binance-wallet-error-code.zh-CN.txt, read through the library.
@Suite struct WalletSeedTests {
    let doc = Fixtures.wallet
    var parsed: ParsedDocument { doc.parsed }

    @Test func originComesFromTheSourceURL() {
        #expect(doc.origin == DocumentOrigin(domain: "wallet", locale: "zh-CN"))
        #expect(parsed.sourceURL == "https://developers.binance.com/docs/zh-CN/wallet/error-code")
        #expect(parsed.format == .scrapedText)
        #expect(parsed.title == "错误代码")
    }

    @Test func fourteenSections() {
        let titles = parsed.sections.map(\.title)
        #expect(titles == [
            "10xx -常规服务器或网络问题", "11xx - 2xxx Request issues", "3xxx-5xxx SAPI 具体问题", "6XXX - 币安宝相关",
            "70xx - 期货", "20xxx - 合约/现货策略交易", "过滤器故障", "10xxx - 质押借币", "13xxx - 杠杆代币",
            "12xxx - 流动性挖矿", "18xxx - 币安码", "21xxx - 統一帳戶", "订单拒绝错误",
            "关于 POST /api/v3/order/cancelReplace 的错误",
        ])
        #expect(parsed.sections.filter { $0.rangeLabel != nil }.count == 11)
        #expect(parsed.sections.first?.rangeLabel == "10xx")
        #expect(parsed.sections[2].rangeLabel == "3xxx-5xxx")
    }

    @Test func entriesAndDistinctCodes() {
        #expect(Set(parsed.entries.map(\.code)).count == 235)
        let rejection = parsed.sections.firstIndex { $0.title == "订单拒绝错误" }
        let mainList = parsed.entries.filter { $0.section != rejection }
        #expect(mainList.count == 235)
        #expect(parsed.entries.count == 236)
    }

    @Test func code5012IsDefinedTwiceAndBothAreKept() {
        let entries = Fixtures.entries(doc, code: -5012)
        #expect(entries.map(\.name) == ["TRANSFER_PENDING", "FUTURE_ACCT_OR_SUBRELATION_NOT_EXIST"])
        #expect(entries.map(\.line) == [346, 350])
        #expect(entries.map { $0.messages.map(\.text) } == [["资产转移正在进行中。"], ["合约帐户或子账户关系不存在。"]])
    }

    @Test func code1010AppearsOnlyInOrderRejections() {
        let entries = Fixtures.entries(doc, code: -1010)
        #expect(entries.count == 1)
        #expect(entries.first?.name == "ERROR_MSG_RECEIVED")
        #expect(entries.first?.messages.isEmpty == true)
        #expect(entries.first.flatMap { $0.section.map { parsed.sections[$0].title } } == "订单拒绝错误")
    }

    @Test func codes2010And2011AreListedAgainAsMentionsNotEntries() {
        #expect(parsed.mentions.map(\.code) == [-2010, -2011])
        #expect(parsed.mentions.map(\.line) == [565, 566])
        for mention in parsed.mentions {
            #expect(parsed.entries[mention.entry].code == mention.code)
            #expect(parsed.entries[mention.entry].line < mention.line)
        }
        #expect(Fixtures.entries(doc, code: -2010).count == 1)
        #expect(Fixtures.entries(doc, code: -2011).count == 1)
    }

    @Test func messagesAndPlaceholders() {
        let messages = parsed.entries.flatMap(\.messages)
        #expect(messages.count == 259)
        #expect(messages.filter { containsPlaceholder($0.text) }.count == 22)
    }

    @Test func namelessEntriesHaveOneEnglishAndOneChineseMessage() {
        let nameless = parsed.entries.filter { $0.name == nil }
        #expect(nameless.map(\.code) == [-18002, -18003, -18004, -18005, -18006, -18007])
        for entry in nameless {
            #expect(entry.messages.map(\.lang) == [.en, .zh])
        }
    }

    @Test func messagesGetALanguageOnAMixedPage() {
        let messages = parsed.entries.flatMap(\.messages)
        #expect(Fixtures.entries(doc, code: -1151).first?.messages.map(\.lang) == [.en])
        #expect(Fixtures.entries(doc, code: -1000).first?.messages.map(\.lang) == [.zh, .zh])
        // English lines: -1151 (line 138) and the six -18xxx English messages; the rest are Chinese.
        #expect(messages.filter { $0.lang == .en }.map(\.line) == [138, 528, 531, 534, 537, 540, 543])
    }

    @Test(arguments: [
        (Int64(-1099), "Not found, authenticated, or authorized"), (-1151, "重复的交易对"), (-12014, "TOO MANY REQUESTS"),
        (-20121, "Invalid symbol"), (-20124, "Invalid algo id or it has been completed"),
        (-20204, "The notional of USD is less or more than the limit"),
        (-2021, "Order cancel-replace partially failed"), (-2022, "Order cancel-replace failed."), (-3045, "SYSTEM"),
    ])
    func namesAreKeptVerbatim(code: Int64, name: String) {
        #expect(Fixtures.entries(doc, code: code).map(\.name) == [name])
    }

    @Test func code1099KeepsItsMessageAndRecordsTheReplacement() {
        let entry = Fixtures.entries(doc, code: -1099).first
        #expect(entry?.messages.map(\.text) == ["替换错误代码-1999"])
        #expect(entry?.relations == [.init(relation: "replaces", code: -1999, line: 76)])
    }

    @Test func code10047KeepsTheMessageAfterBlankLines() {
        let entry = Fixtures.entries(doc, code: -10047).first
        #expect(entry?.messages.map(\.text) == ["受当地法规管制，您所在地区暂不支持该币种。"])
        #expect(entry?.messages.first?.line == 504)
    }

    @Test func tableRows() {
        let rows = parsed.tableRows
        #expect(rows.count == 40)
        let filters = rows.filter { $0.message.hasPrefix("Filter failure: ") }
        #expect(filters.count == 14)
        #expect(filters.allSatisfy { $0.codes.isEmpty })
        let rejections = rows.filter { !$0.message.hasPrefix("Filter failure: ") }
        #expect(rejections.count == 26)
        #expect(rejections.allSatisfy { $0.codes == [-1010, -2010, -2011] })
        #expect(rows.allSatisfy { !$0.description.hasSuffix("｜") && !$0.description.hasSuffix(" ") })
        let oco = rows.first { $0.message == "The relationship of the prices for the orders is not correct." }
        #expect(oco?.description == "OCO订单中设置的价格不符合报价规则：\nThe rules are:\nSELL Orders: Limit Price > Last Price > Stop Price\nBUY Orders: Limit Price < Last Price < Stop Price")
        #expect(oco.map { ($0.line, $0.lastLine) } ?? (0, 0) == (589, 595))
        let either = rows.first { $0.message == "Order was not canceled due to cancel restrictions." }
        #expect(either?.description == "cancelRestrictions 设置为 ONLY_NEW 但订单状态不是 NEW\n或\ncancelRestrictions 设置为 ONLY_PARTIALLY_FILLED 但订单状态不是 PARTIALLY_FILLED。")
        #expect(rows.first { $0.message == "Trailing stop orders are not supported for this symbol." }?.description == "此symbol不支持 trailingDelta")
    }

    @Test func everyLineIsExplained() {
        #expect(parsed.lineKinds.count == 864)
        #expect(parsed.unexplainedLines.isEmpty)
        #expect(parsed.lineKinds[0..<40].allSatisfy { !$0.isContent || $0 == .blank })
        #expect(parsed.lineKinds[40] == .section)
        #expect(parsed.lineKinds[613...].allSatisfy { [.footer, .toc, .blank].contains($0) })
        #expect(parsed.lineKinds[613] == .footer)
        #expect(parsed.lineKinds[863] == .footer)
        #expect(parsed.lineKinds[6..<29].allSatisfy { $0 == .navigation })
        #expect(parsed.lineKinds[32..<36].allSatisfy { $0 == .jsonExample })
    }

    @Test func namesSharedBySeveralCodes() {
        var byName: [String: [Int64]] = [:]
        for entry in parsed.entries { if let name = entry.name { byName[name, default: []].append(entry.code) } }
        let shared = byName.filter { Set($0.value).count > 1 }
        #expect(shared == [
            "SERVER_BUSY": [-1004, -1008], "INVALID_PARAMETER": [-1130, -10026, -10028],
            "INVALID_AMOUNT": [-10012, -10018, -10022], "COIN_NOT_LOANABLE": [-10007, -10008],
            "COIN_NOT_COLLATERAL": [-10009, -10010], "INSUFFICIENT_AMOUNT": [-10013, -10041],
            "AMOUNT_TOO_SMALL": [-10029, -10039], "AMOUNT_TOO_LARGE": [-10030, -10040],
            "REPAY_NOT_AVAILABLE": [-10032, -10034], "ASSET_NOT_SUPPORTED": [-10042, -10043],
            "QUOTA_REACHED": [-10031, -10044],
        ])
    }
}
