/// binance-connector's examples, which log the error's fields:
/// `Found error. status: 400, error code: -2019, error message: Margin is insufficient.`
enum ConnectorExampleFormat: LogLineFormat {
    private static let code = Array("error code: ".utf8), message = Array(", error message: ".utf8)

    static func read(_ line: ArraySlice<UInt8>) -> FormatReading? {
        guard let at = ByteText.find(code, in: line), let (value, end) = ByteText.integer(in: line, at: at + code.count) else { return nil }
        let text = ByteText.has(message, in: line, at: end) ? FormatReading.rest(of: line, from: end + message.count) : nil
        return FormatReading(code: value == 0 ? nil : value, message: text, format: .connectorExample)
    }
}
