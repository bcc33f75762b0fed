/// python-binance's BinanceAPIException (`"APIError(code=%s): %s" % (code, message)`), its
/// order exceptions and forks: `APIError(code=-2019): Margin is insufficient.` Code 0 is
/// python-binance's own, for an answer that was not JSON: an error without a Binance code.
enum PythonBinanceFormat: LogLineFormat {
    private static let marker = Array("(code=".utf8)

    static func read(_ line: ArraySlice<UInt8>) -> FormatReading? {
        guard let at = ByteText.find(marker, in: line), at > line.startIndex, ByteText.isWordByte(line[at - 1]),
              let (code, end) = ByteText.integer(in: line, at: at + marker.count),
              end < line.endIndex, line[end] == UInt8(ascii: ")") else { return nil }
        var index = end + 1
        if index < line.endIndex, line[index] == UInt8(ascii: ":") { index += 1 }
        var start = at - 1
        while start > line.startIndex, ByteText.isWordByte(line[start - 1]) { start -= 1 }
        return FormatReading(code: code == 0 ? nil : code, message: FormatReading.rest(of: line, from: index), format: .pythonBinance, start: start)
    }
}
