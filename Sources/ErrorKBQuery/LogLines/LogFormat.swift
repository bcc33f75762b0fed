/// The ways an API error is written on a log line that `kb match` and `kb classify` read: by the
/// API itself, by the widely used client libraries, and by bots. The raw value is the name
/// reports and JSON give; the README lists each with an example line.
public enum LogFormat: String, Codable, Sendable, CaseIterable {
    /// The API's JSON answer anywhere on the line: `{"code":-2019,"msg":"Margin is insufficient."}`
    /// (also inside ccxt's, the Java connector's, node-binance-api's and the WebSocket API's lines).
    case json
    /// JSON escaped inside a string: `"error":"{\"code\":-2019,\"msg\":\"…\"}"`.
    case escapedJSON = "escaped-json"
    /// A Python dict's repr: `{'code': -2019, 'msg': 'Margin is insufficient.'}`.
    case pythonDict = "python-dict"
    /// Node's util.inspect of the answer (@binance/connector): `{ code: -2019, msg: 'Margin is insufficient.' }`.
    case nodeInspect = "node-inspect"
    /// python-binance's BinanceAPIException: `APIError(code=-2019): Margin is insufficient.`
    case pythonBinance = "python-binance"
    /// go-binance's APIError: `<APIError> code=-2019, msg=Margin is insufficient.`
    case goBinance = "go-binance"
    /// binance-connector (Python) ClientError's arguments: `(400, -2019, 'Margin is insufficient.', {…}, None)`.
    case connectorTuple = "binance-connector"
    /// binance-sdk (binance-common) errors: `BadRequestError: (-2019, 'Margin is insufficient.')`.
    case sdkTuple = "binance-sdk"
    /// binance-connector's examples: `error code: -2019, error message: Margin is insufficient.`
    case connectorExample = "binance-connector-example"
    /// A code then the message: Binance.Net's `[ServerError] -2019: Margin is insufficient.`, bots'
    /// `ERROR: -2019, Margin is insufficient.`, a page's own `-2022 REDUCE_ONLY_REJECT ReduceOnly Order is rejected.`
    case codeThenMessage = "code-message"
    /// A code without its message: `order rejected code=-4001`, `下单失败，错误码 -4001`.
    case codeOnly = "code-only"
    /// ccxt's error when it maps the message itself (the code is dropped):
    /// `ccxt.base.errors.InsufficientFunds: binance Account has insufficient balance for requested action.`
    case ccxt
    /// A documented message after any log prefix: `2024-05-01 12:00:00 ERROR Margin is insufficient.`
    case bare
}
