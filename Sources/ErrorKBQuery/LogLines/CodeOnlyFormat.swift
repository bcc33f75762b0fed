/// A code without its message, as bots log it: `order rejected code=-4001`, `ws error code=-1004`,
/// `margin type change failed, code -4046`, `下单失败，错误码 -4001`, `Error -1008 from exchange`,
/// `binance returned -4001, retrying`. The number is a code when a code word comes just before it
/// (`code`, `错误码`; then positive codes count too, and `code=0` means success), or when it is
/// negative, has four or more digits, and the line speaks of an error (error, fail, reject,
/// returned, 错误, 失败, 异常, 拒绝). Prices, ports, offsets and ids are none of these.
enum CodeOnlyFormat: LogLineFormat {
    static func read(_ line: ArraySlice<UInt8>) -> FormatReading? {
        var erroneous: Bool?
        var index = line.startIndex
        while index < line.endIndex {
            guard let start = line[index...].firstIndex(where: { $0 == UInt8(ascii: "-") || $0 == 0xE2 || ByteText.isDigit($0) }) else { return nil }
            let startsWord = start == line.startIndex || !(ByteText.isWordByte(line[start - 1]) || line[start - 1] == UInt8(ascii: ".")
                                                         || line[start - 1] == UInt8(ascii: "-"))
            guard startsWord, let (code, end) = ByteText.integer(in: line, at: start) else {
                index = start + 1
                while index < line.endIndex, ByteText.isDigit(line[index]) { index += 1 }
                continue
            }
            index = end
            let named = codeWordBefore(line, start)
            if named && (code == 0 || abs(code) >= 1000) && !followedByUnit(line, end) {
                return FormatReading(code: code == 0 ? 0 : code, message: nil, format: .codeOnly)
            }
            if code <= -1000, !followedByUnit(line, end) {
                if erroneous == nil { erroneous = LineFacts.speaksOfError(line) }
                if erroneous == true { return FormatReading(code: code, message: nil, format: .codeOnly) }
            }
        }
        return nil
    }

    private static let codeWords: [[UInt8]] = ["code", "错误码", "错误代码", "代码"].map { Array($0.utf8) }

    /// Whether `code`, `code=`, `code:`, `错误码` (and spaces) ends just before `index`.
    private static func codeWordBefore(_ line: ArraySlice<UInt8>, _ index: Int) -> Bool {
        var i = index
        while i > line.startIndex, ByteText.isSpace(line[i - 1]) || line[i - 1] == UInt8(ascii: "=") || line[i - 1] == UInt8(ascii: ":") { i -= 1 }
        return codeWords.contains { word in
            let start = i - word.count
            return ByteText.hasFolded(word, in: line, at: start) && (start == line.startIndex || !ByteText.isLetter(line[start - 1])
                                                                    || word.first! >= 0x80)
        }
    }

    /// A unit or a fraction after a number makes it a quantity: `-1003ms`, `-0.5%`.
    private static func followedByUnit(_ line: ArraySlice<UInt8>, _ end: Int) -> Bool {
        end < line.endIndex && (line[end] == UInt8(ascii: "%") || line[end] == UInt8(ascii: "x"))
    }
}
