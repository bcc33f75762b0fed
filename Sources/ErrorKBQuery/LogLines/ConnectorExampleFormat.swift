/// binance-connector's examples, which log the error's fields:
/// `Found error. status: 400, error code: -2019, error message: Margin is insufficient.` Without
/// `, error message: `, the text after the code is a tentative message (`CodeTail`).
enum ConnectorExampleFormat: LogLineFormat {
    private static let code = Array("error code: ".utf8), message = Array(", error message: ".utf8)

    static func read(_ line: ArraySlice<UInt8>) -> FormatReading? {
        guard let at = ByteText.find(code, in: line), let (value, end) = ByteText.integer(in: line, at: at + code.count) else { return nil }
        if ByteText.has(message, in: line, at: end) {
            return FormatReading(code: value == 0 ? nil : value, message: FormatReading.rest(of: line, from: end + message.count), format: .connectorExample)
        }
        return FormatReading(code: value == 0 ? nil : value, message: CodeTail.read(line, from: end), format: .connectorExample, tentative: true)
    }
}
