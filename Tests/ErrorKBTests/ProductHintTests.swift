import Testing
@testable import ErrorKBQuery

/// A line's URL, API path or host names its product (ProductHint's doc comment cites the pages),
/// and that narrows an answer its code leaves ambiguous, never one its message settles. On the
/// two seed pages: -4001 is PRICE_LESS_THAN_ZERO on COIN-M (seed :290) and CAPITAL_INVALID on the
/// wallet (SAPI) page (wallet zh-CN :232); -4003 QTY_LESS_THAN_ZERO (:298) and CAPITAL_IEV (:236).
@Suite struct ProductHintTests {
    static let matcher = try! MessageMatcher(Fixtures.seedKB)

    @Test(arguments: [
        ("POST https://eapi.binance.com/eapi/v1/order", .options),
        ("https://fapi.binance.com/fapi/v1/order?symbol=BTCUSDT", .usdsMargined),
        ("GET /dapi/v1/positionRisk", .coinMargined),
        ("wss://dstream.binance.com/ws", .coinMargined),
        ("ws-fapi.binance.com order.place", .usdsMargined),
        ("https://testnet.binancefuture.com/fapi/v1/order", .usdsMargined),
        ("https://testnet.binancefuture.com/dapi/v1/order", .coinMargined),
        ("POST /papi/v1/um/order", .portfolioMargin),
        ("https://api.binance.com/sapi/v1/capital/withdraw/apply", .sapi),
        ("https://api.binance.com/api/v3/order", .spot),
        ("wss://ws-api.binance.com:443/ws-api/v3", .spot),
        ("https://testnet.binance.vision/api/v3/order", .spot),
        ("api1.binance.com timed out", .spot),
        ("请求 https://eapi.binance.com/eapi/v1/order 失败", .options),
        ("GET /fapi/v1/order then GET /dapi/v1/order", [.usdsMargined, .coinMargined]),
    ] as [(String, ProductHint)])
    func aPathOrHostNamesItsProduct(_ line: String, _ expected: ProductHint) {
        #expect(ProductHint.read(Array(line.utf8)[...]) == expected)
    }

    @Test(arguments: ["rapid/v1 failed", "the api is down", "capital/api/", "myfapi/v1", "grapi.binance.community", "ERROR -4001"])
    func otherWordsNameNoProduct(_ line: String) {
        #expect(ProductHint.read(Array(line.utf8)[...]) == [])
    }

    @Test(arguments: [
        ("https://dapi.binance.com/dapi/v1/order code=-4001", "PRICE_LESS_THAN_ZERO", ["coin-margined-futures"]),
        ("GET /sapi/v1/capital/config/getall failed: code=-4001", "CAPITAL_INVALID", ["wallet"]),
        ("POST https://api.binance.com/sapi/v1/asset/transfer {\"code\":-4003}", "CAPITAL_IEV", ["wallet"]),
        ("请求 /dapi/v1/order 失败，错误码 -4003", "QTY_LESS_THAN_ZERO", ["coin-margined-futures"]),
    ] as [(String, String, [String])])
    func aURLSettlesAnAmbiguousCode(_ line: String, _ name: String, _ domains: [String]) {
        let result = Self.matcher.match(line: line)
        #expect(result.answer == .code && !result.ambiguous)
        #expect(result.meanings.map(\.name) == [name])
        #expect(result.domains == domains && result.urlDomains == domains)
        #expect(result.candidates.allSatisfy { domains.contains($0.domain) } && !result.candidates.isEmpty)
    }

    @Test func aURLNeverOverridesTheMessage() {
        // The message is COIN-M's -4001 (seed :292); /sapi/ would say CAPITAL_INVALID.
        let result = Self.matcher.match(line: "GET /sapi/v1/asset {\"code\":-4001,\"msg\":\"Price less than 0.\"}")
        #expect(result.meanings.map(\.name) == ["PRICE_LESS_THAN_ZERO"] && result.match == .exact && result.urlDomains == nil)
        // A product with none of the code's meanings leaves it ambiguous, as without a URL.
        let options = Self.matcher.match(line: "POST /eapi/v1/order code=-4001")
        #expect(options.ambiguous && options.meanings.count == 2 && options.urlDomains == nil)
    }

    @Test func classifyCountsANarrowedCodeApartFromTheAmbiguousOne() {
        var classifier = Classifier(matcher: Self.matcher)
        for (number, line) in ["/dapi/v1/order code=-4001", "/sapi/v1/x code=-4001", "ERROR code=-4001", "/dapi/v2/order code=-4001"].enumerated() {
            classifier.add(line, number: number + 1)
        }
        let rows = classifier.report().rows.map { "\($0.count) \($0.name ?? "-") \($0.ambiguous) \($0.domains)" }
        #expect(rows == ["2 PRICE_LESS_THAN_ZERO false [\"coin-margined-futures\"]", "1 - true [\"coin-margined-futures\", \"wallet\"]",
                         "1 CAPITAL_INVALID false [\"wallet\"]"])
    }
}
