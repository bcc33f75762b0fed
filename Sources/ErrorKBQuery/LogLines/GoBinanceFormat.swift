/// go-binance's APIError (`fmt.Sprintf("<APIError> code=%d, msg=%s", …)`), and any
/// `code=-2019, msg=…`: `<APIError> code=-2019, msg=Margin is insufficient.`
enum GoBinanceFormat: LogLineFormat {
    private static let code = Array("code=".utf8), message = Array(", msg=".utf8), name = Array("<APIError> ".utf8)

    static func read(_ line: ArraySlice<UInt8>) -> FormatReading? {
        var from = line.startIndex
        while let at = ByteText.find(code, in: line, from: from) {
            from = at + code.count
            guard at == line.startIndex || !ByteText.isWordByte(line[at - 1]),
                  let (value, end) = ByteText.integer(in: line, at: at + code.count), ByteText.has(message, in: line, at: end) else { continue }
            let start = ByteText.has(name, in: line, at: at - name.count) ? at - name.count : at
            return FormatReading(code: value == 0 ? nil : value, message: FormatReading.rest(of: line, from: end + message.count), format: .goBinance,
                                 start: start)
        }
        return nil
    }
}
