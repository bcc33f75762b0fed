/// The Python clients whose exceptions print as their arguments:
///
///     binance.error.ClientError: (400, -2019, 'Margin is insufficient.', {…headers…}, None)
///                                 status, code, message (binance-connector, binance-futures-connector)
///     binance_common.errors.BadRequestError: (-2019, 'Margin is insufficient.')
///                                 code, message (binance-sdk-*, which keeps the code in status_code)
///
/// A `None` code is an error without a Binance code (an HTML answer).
enum ErrorTupleFormat: LogLineFormat {
    static func read(_ line: ArraySlice<UInt8>) -> FormatReading? {
        var from = line.startIndex
        while from < line.endIndex, let open = line[from...].firstIndex(of: UInt8(ascii: "(")) {
            from = open + 1
            if let reading = tuple(line, at: ByteText.skipSpaces(line, from: open + 1)) { return reading }
        }
        return nil
    }

    private static let none = Array("None".utf8)

    /// `INT, (INT|None), 'message'` or `INT, 'message'` from `index`.
    private static func tuple(_ line: ArraySlice<UInt8>, at index: Int) -> FormatReading? {
        guard let (first, afterFirst) = ByteText.integer(in: line, at: index), let comma = self.comma(line, afterFirst) else { return nil }
        var code: Int64? = first
        var format = LogFormat.sdkTuple
        var index = comma
        if let (second, end) = ByteText.integer(in: line, at: index), let next = self.comma(line, end) {
            code = second
            format = .connectorTuple
            index = next
        } else if ByteText.has(none, in: line, at: index), let next = self.comma(line, index + none.count) {
            code = nil
            format = .connectorTuple
            index = next
        }
        guard index < line.endIndex, line[index] == UInt8(ascii: "'") || line[index] == UInt8(ascii: "\"") else { return nil }
        var reader = ObjectReader(bytes: line, index: index, line: line)
        guard let message = try? reader.readString() else { return nil }
        return FormatReading(code: code == 0 ? nil : code, message: message, format: format)
    }

    /// The index after `, ` at `index`, or nil.
    private static func comma(_ line: ArraySlice<UInt8>, _ index: Int) -> Int? {
        let at = ByteText.skipSpaces(line, from: index)
        guard at < line.endIndex, line[at] == UInt8(ascii: ",") else { return nil }
        return ByteText.skipSpaces(line, from: at + 1)
    }
}
