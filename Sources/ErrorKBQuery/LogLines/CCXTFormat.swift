/// ccxt's error when its map recognised the message: the exchange id, then the message alone (the
/// code is dropped): `ccxt.base.errors.InsufficientFunds: binance Account has insufficient
/// balance for requested action.`, also in JavaScript (`InsufficientFunds: binanceusdm …`) and
/// wrapped by freqtrade (`… Message: binance …`). When ccxt keeps the API's answer
/// (`binance {"code":-2019,…}`), `ObjectScanner` reads that first.
enum CCXTFormat: LogLineFormat {
    private static let exchanges: [[UInt8]] = ["binanceusdm ", "binancecoinm ", "binanceus ", "binance "].map { Array($0.utf8) }

    private static let marker = Array(": binance".utf8)

    static func read(_ line: ArraySlice<UInt8>) -> FormatReading? {
        guard let colon = ByteText.find(marker, in: line) else { return nil }
        let at = colon + 2
        for exchange in exchanges where ByteText.has(exchange, in: line, at: at) {
            return FormatReading(code: nil, message: FormatReading.rest(of: line, from: at + exchange.count), format: .ccxt)
        }
        return nil
    }
}
