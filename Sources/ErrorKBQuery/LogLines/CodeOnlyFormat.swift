/// A code without its message, as bots log it: `order rejected code=-4001`, `ws error code=-1004`,
/// `错误码：－１１２１` (any minus sign, full-width digits: `ByteText.integer`),
/// `margin type change failed, code -4046`, `下单失败，错误码 -4001`, `Error -1008 from exchange`,
/// `binance returned -4001, retrying`. The number is a code when a code word comes just before it
/// (`code`, `错误码`; then positive codes count too, and `code=0` means success), or when it is
/// negative, has four or more digits, and the line speaks of an error (error, fail, reject,
/// returned, 错误, 失败, 异常, 拒绝). Prices, ports, offsets and ids are none of these.
/// The text after the code (`ERROR -4001 Price less than 0.`, `code=-2019 msg=…`) is a tentative
/// message (`CodeTail`): used when it is documented.
enum CodeOnlyFormat: LogLineFormat {
    static func read(_ line: ArraySlice<UInt8>) -> FormatReading? {
        if let (code, end) = namedCode(line) { return reading(code, line, end) }
        // A negative number of four or more digits that starts a word, in a line about an error.
        var erroneous: Bool?
        var from = line.startIndex
        while let minus = line[from...].firstIndex(where: { $0 == UInt8(ascii: "-") || ByteText.isMinusLead($0) }) {
            from = minus + 1
            guard minus == line.startIndex || !(ByteText.isWordByte(line[minus - 1]) || line[minus - 1] == UInt8(ascii: ".")),
                  let (code, end) = ByteText.integer(in: line, at: minus), code <= -1000, !followedByUnit(line, end) else { continue }
            if erroneous == nil { erroneous = LineFacts.speaksOfError(line) }
            if erroneous == true { return reading(code, line, end) }
            return nil
        }
        return nil
    }

    private static func reading(_ code: Int64, _ line: ArraySlice<UInt8>, _ end: Int) -> FormatReading {
        FormatReading(code: code, message: code == 0 ? nil : CodeTail.read(line, from: end), format: .codeOnly, tentative: true)
    }

    private static let codeWords: [[UInt8]] = ["错误码", "错误代码", "代码"].map { Array($0.utf8) }

    /// The number after a code word: `code=-4001`, `code: 51006`, `code -4046`, `错误码 -4001` (0
    /// is a success; other numbers of fewer than four digits are no Binance code).
    private static func namedCode(_ line: ArraySlice<UInt8>) -> (code: Int64, end: Int)? {
        // memchr finds the few places a code word can start: c, C, and the lead bytes of 错 and 代.
        var best: (at: Int, code: Int64, end: Int)?
        for lead in [UInt8(ascii: "c"), UInt8(ascii: "C"), 0xE9, 0xE4] {
            var from = line.startIndex
            while let at = ByteText.find([lead], in: line, from: from) {
                from = at + 1
                if let found = best, found.at < at { break }
                guard let (code, end) = code(after: at, in: line) else { continue }
                best = (at, code, end)
                break
            }
        }
        return best.map { ($0.code, $0.end) }
    }

    private static let code = Array("code".utf8)
    /// Full-width `：` and `＝`.
    private static let wideColon: [UInt8] = [0xEF, 0xBC, 0x9A], wideEquals: [UInt8] = [0xEF, 0xBC, 0x9D]

    /// The number after a code word at `at`, if one is there.
    private static func code(after at: Int, in line: ArraySlice<UInt8>) -> (code: Int64, end: Int)? {
        var start: Int
        if line[at] < 0x80 {
            guard ByteText.hasFolded(code, in: line, at: at), at == line.startIndex || !ByteText.isLetter(line[at - 1]) else { return nil }
            start = at + 4
        } else {
            guard let word = codeWords.first(where: { ByteText.has($0, in: line, at: at) }) else { return nil }
            start = at + word.count
        }
        var index = start
        while index < line.endIndex {
            if ByteText.isSpace(line[index]) || line[index] == UInt8(ascii: "=") || line[index] == UInt8(ascii: ":") {
                index += 1
            } else if ByteText.has(wideColon, in: line, at: index) || ByteText.has(wideEquals, in: line, at: index) {
                index += 3  // 错误码：－１１２１
            } else {
                break
            }
        }
        guard index > start, let (code, end) = ByteText.integer(in: line, at: index), code == 0 || code.magnitude >= 1000,
              !followedByUnit(line, end) else { return nil }
        return (code, end)
    }

    /// A unit or a fraction after a number makes it a quantity: `-1003ms`, `-0.5%`.
    private static func followedByUnit(_ line: ArraySlice<UInt8>, _ end: Int) -> Bool {
        end < line.endIndex && (line[end] == UInt8(ascii: "%") || line[end] == UInt8(ascii: "x"))
    }
}
