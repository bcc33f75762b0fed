import Foundation
import Testing
@testable import ErrorKBQuery

/// Every log format `kb match` and `kb classify` read (`LogFormat`), each with the lines the
/// libraries print, after English and Chinese log prefixes; and the lines that are not errors.
@Suite struct LogFormatTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var line: String
        var format: LogFormat
        var code: Int64?
        var message: String?
        /// A tentative message: the text after a bare code, which the matcher keeps when documented.
        var following: String?
        var testDescription: String { line }
    }

    static let margin = "Margin is insufficient."

    static let formats: [Case] = [
        .init(line: #"{"code":-2019,"msg":"Margin is insufficient."}"#, format: .json, code: -2019, message: margin),
        .init(line: #"{"code": -2019, "msg": "Margin is insufficient."}"#, format: .json, code: -2019, message: margin),
        .init(line: #"2024-05-01 12:00:00,123 ERROR order failed: {"code":-1121,"msg":"Invalid symbol."}"#, format: .json, code: -1121, message: "Invalid symbol."),
        // ccxt keeps the API's answer after the exchange id; the Java connector and node-binance-api print it as it came.
        .init(line: #"ccxt.base.errors.InsufficientFunds: binanceusdm {"code":-2019,"msg":"Margin is insufficient."}"#, format: .json, code: -2019, message: margin),
        .init(line: #"InsufficientFunds: binanceusdm {"code":-2019,"msg":"Margin is insufficient."}"#, format: .json, code: -2019, message: margin),
        .init(line: #"com.binance.connector.client.exceptions.BinanceClientException: {"code":-2019,"msg":"Margin is insufficient."}"#, format: .json, code: -2019, message: margin),
        .init(line: #"futuresOrder error: {"code":-2019,"msg":"Margin is insufficient."}"#, format: .json, code: -2019, message: margin),
        // The WebSocket API nests the error; its status and rate limits are not codes.
        .init(line: #"{"id":"c4f2","status":400,"error":{"code":-2019,"msg":"Margin is insufficient."},"rateLimits":[{"rateLimitType":"REQUEST_WEIGHT","limit":6000,"count":12}]}"#,
              format: .json, code: -2019, message: margin),
        .init(line: #"{"level": "error", "msg": "order failed", "error": "{\"code\":-2019,\"msg\":\"Margin is insufficient.\"}"}"#, format: .escapedJSON, code: -2019, message: margin),
        .init(line: #"2024-05-01 12:00:00 ERROR order failed: {\"code\":-2019,\"msg\":\"Margin is insufficient.\"}"#, format: .escapedJSON, code: -2019, message: margin),
        .init(line: "{'code': -2019, 'msg': 'Margin is insufficient.'}", format: .pythonDict, code: -2019, message: margin),
        .init(line: #"{'code': -4061, 'msg': "Order's position side does not match user's setting."}"#, format: .pythonDict, code: -4061,
              message: "Order's position side does not match user's setting."),
        .init(line: "ValueError: {'code': -2010, 'msg': 'Market is closed.'}", format: .pythonDict, code: -2010, message: "Market is closed."),
        .init(line: "{ code: -2019, msg: 'Margin is insufficient.' }", format: .nodeInspect, code: -2019, message: margin),
        .init(line: "APIError(code=-2019): Margin is insufficient.", format: .pythonBinance, code: -2019, message: margin),
        .init(line: "binance.exceptions.BinanceAPIException: APIError(code=-2019): Margin is insufficient.", format: .pythonBinance, code: -2019, message: margin),
        .init(line: "开空仓失败: binance.exceptions.BinanceAPIException: APIError(code=-1013): Filter failure: LOT_SIZE", format: .pythonBinance, code: -1013,
              message: "Filter failure: LOT_SIZE"),
        .init(line: "<APIError> code=-2019, msg=Margin is insufficient.", format: .goBinance, code: -2019, message: margin),
        .init(line: "开空仓失败: <APIError> code=-2019, msg=Margin is insufficient.", format: .goBinance, code: -2019, message: margin),
        .init(line: "binance.error.ClientError: (400, -2019, 'Margin is insufficient.', {'Content-Type': 'application/json;charset=UTF-8'}, None)",
              format: .connectorTuple, code: -2019, message: margin),
        .init(line: "binance.error.ClientError: (400, -2019, 'Margin is insufficient.', {'Content-Length': '52'})", format: .connectorTuple, code: -2019, message: margin),
        .init(line: "binance_common.errors.BadRequestError: (-2019, 'Margin is insufficient.')", format: .sdkTuple, code: -2019, message: margin),
        .init(line: #"ERROR:root:new_order() error: (-4061, "Order's position side does not match user's setting.")"#, format: .sdkTuple, code: -4061,
              message: "Order's position side does not match user's setting."),
        .init(line: "ERROR:root:Found error. status: 400, error code: -2019, error message: Margin is insufficient.", format: .connectorExample, code: -2019, message: margin),
        .init(line: "[ServerError] -2019: Margin is insufficient.", format: .codeThenMessage, code: -2019, message: margin),
        .init(line: "Order placement failed: -2019: Margin is insufficient.", format: .codeThenMessage, code: -2019, message: margin),
        .init(line: "ERROR: -2019, Margin is insufficient.", format: .codeThenMessage, code: -2019, following: margin),
        .init(line: "-2022 REDUCE_ONLY_REJECT ReduceOnly Order is rejected.", format: .codeThenMessage, code: -2022,
              message: "REDUCE_ONLY_REJECT ReduceOnly Order is rejected."),
        .init(line: "order rejected code=-4001", format: .codeOnly, code: -4001),
        .init(line: "margin type change failed, code -4046", format: .codeOnly, code: -4046),
        .init(line: "下单失败，错误码 -4001", format: .codeOnly, code: -4001),
        .init(line: "Error -1008 from exchange, backing off 5s", format: .codeOnly, code: -1008),
        .init(line: "ERROR: -1008", format: .codeOnly, code: -1008),
        .init(line: "ccxt.base.errors.InsufficientFunds: binance Account has insufficient balance for requested action.", format: .ccxt,
              message: "Account has insufficient balance for requested action."),
        .init(line: "freqtrade.exceptions.TemporaryError: Could not place sell order due to InvalidOrder. Message: binance Filter failure: PERCENT_PRICE_BY_SIDE",
              format: .ccxt, message: "Filter failure: PERCENT_PRICE_BY_SIDE"),
    ]

    @Test(arguments: formats)
    func eachFormatGivesItsCodeAndMessage(_ example: Case) {
        let line = LogLine.read(example.line[...])
        #expect(line.kind == .error)
        #expect(line.format == example.format)
        #expect(line.code == example.code)
        #expect(line.message == example.message)
        if let following = example.following { #expect(line.followingText == following) }
        #expect(line.looksLikeError)
    }

    /// Lines with prices, offsets, ports, ids, timestamps, success answers and HTTP statuses: no
    /// code is read from them, and none looks like an error.
    static let noise = [
        "2024-05-01 12:00:00,123 INFO Order filled: BTCUSDT BUY 0.001 @ 63250.10 orderId=28457130923",
        "2024-05-01 12:00:02 DEBUG https://fapi.binance.com:443 \"POST /fapi/v1/order HTTP/1.1\" 200 1543",
        "2024-05-01 12:00:03 INFO PnL BTCUSDT unrealized=-1021.37 USDT",
        "2024-05-01 12:00:04 INFO funding rate -0.0100% next at 1714579200000",
        #"{"code":200,"msg":"The operation of cancel all open order is done."}"#,
        #"{"code":0,"msg":"success"}"#,
        "ws api response code=0 id=7",
        #"{"e":"ORDER_TRADE_UPDATE","E":1714564800123,"o":{"s":"BTCUSDT","c":"x-1013a","X":"FILLED"}}"#,
        "listening on 0.0.0.0:8080",
        "2024-05-01 12:00:06 INFO serverTime=1714564806123 offset=-1003ms",
        "2024-05-01 12:00:07 INFO balance USDT free=2015.00 locked=0.00",
        "2024-05-01 12:00:11 INFO strategy tick #4164 done in 3ms",
        "2024-05-01 12:00:10 INFO position BTCUSDT qty=-0.002 entry=63310.0",
        #"2024-05-01 12:00:16 INFO {"code":"000000","message":null,"data":{"status":"SUCCESS"},"success":true}"#,
        "订单已成交: BTCUSDT 买入 0.001 @ 63250.1",
        "2024-05-01 12:00:17 INFO 心跳正常 延迟 35ms",
        "Traceback (most recent call last):",
        "  File \"/app/bot/exchange.py\", line 212, in place_order",
        "2024-05-01 12:00:20 INFO Margin is sufficient: available=1021.55 USDT",
    ]

    @Test(arguments: noise)
    func noiseIsNotAnError(_ text: String) {
        let line = LogLine.read(text[...])
        #expect(line.kind == .text || line.kind == .success)
        #expect(line.code == nil || line.code == 0 || line.code == 200)
        #expect(!line.looksLikeError)
    }

    /// Errors without a Binance code: they look like errors (so classify reports them as
    /// unmatched), and carry no code.
    @Test(arguments: [
        "binance.exceptions.BinanceAPIException: APIError(code=0): Invalid JSON error message from Binance: <html>502 Bad Gateway</html>",
        "binance_common.errors.ServerError: Server error: 503",
        "AxiosError: Request failed with status code 400",
        "ccxt.base.errors.RequestTimeout: binance GET https://api.binance.com/api/v3/exchangeInfo",
        "binance.error.ClientError: (400, None, '<html><body>Bad Request</body></html>', {'Content-Type': 'text/html'}, None)",
        "2024-05-01 12:00:00 ERROR 下单失败 未知原因",
    ])
    func errorsWithoutACodeLookLikeErrors(_ text: String) {
        let line = LogLine.read(text[...])
        #expect(line.code == nil)
        #expect(line.looksLikeError)
    }

    @Test func aPayloadCutShortIsMalformedAndItsWholeCodeIsKept() {
        #expect(LogLine.read(#"{"code":-2019,"msg":"Margin is insuff"#[...]) == LogLine(kind: .malformed, format: .json, code: -2019, reason: "unterminated string"))
        // Cut inside the number: the code is not known.
        #expect(LogLine.read(#"{"code":-20"#[...]).code == nil)
        #expect(LogLine.read(#"{"id":"x","status":400,"error":{"code":-1013,"msg":"Filter fai"#[...]).code == -1013)
        // A cut escaped payload: its numbers are not read as codes by the text formats.
        let cut = LogLine.read(#"2024-05-01 WARNING retry {"level": "error", "msg": "order failed", "error": "{\"code\":-3006"#[...])
        #expect(cut.kind == .malformed && cut.code == nil)
    }

    /// Codes at the ends of Int64 are read without a trap (issue 16's odd values: `abs` of
    /// Int64.min and a 19-digit overflow trapped in the text formats); beyond it, no code.
    @Test(arguments: [
        ("order rejected code=-9223372036854775808", Int64.min),
        ("ERROR: -9223372036854775808, Margin is insufficient.", Int64.min),
        ("<APIError> code=-9223372036854775808, msg=Margin is insufficient.", Int64.min),
        ("APIError(code=9223372036854775807): Margin is insufficient.", Int64.max),
        ("order rejected code=-9223372036854775809", nil),
        ("<APIError> code=9999999999999999999, msg=Margin is insufficient.", nil),
    ] as [(String, Int64?)])
    func codesAtTheEndsOfInt64AreReadWithoutATrap(_ text: String, code: Int64?) {
        #expect(LogLine.read(text[...]).code == code)
    }
}
