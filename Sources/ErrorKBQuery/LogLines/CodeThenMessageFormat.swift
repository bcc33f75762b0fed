/// A code, then its message:
///
///     [ServerError] -2019: Margin is insufficient.              Binance.Net (CryptoExchange.Net's Error)
///     Order placement failed: -2019: Margin is insufficient.    Binance.Net, older
///     ERROR: -2019, Margin is insufficient.                     bots
///     -2022 REDUCE_ONLY_REJECT ReduceOnly Order is rejected.    a line copied from a page
///     [-2011] Unknown order sent.                               bots: the code in brackets
///     -2015 (Invalid API-key, IP, or permissions for action.)   bots: the message in parentheses
///
/// The code is a negative number of four or more digits that starts a word; `: ` or `, ` follows
/// it (a text after `, ` is a tentative message, as in `returned -4001, retrying`), or, at the
/// start of the line, a name in capitals. A code in brackets (`[-2011]`,
/// `(-2011)`) followed by text, or a code that starts the line followed by a text in parentheses
/// that ends it, gives a tentative message (`CodeTail`): used when it is documented. Prices,
/// offsets and PnL (`-1021.37`, `-1003ms`) are not codes.
enum CodeThenMessageFormat: LogLineFormat {
    static func read(_ line: ArraySlice<UInt8>) -> FormatReading? {
        var index = line.startIndex
        while index < line.endIndex {
            guard let minus = line[index...].firstIndex(where: { $0 == UInt8(ascii: "-") || ByteText.isMinusLead($0) }) else { return nil }
            index = minus + 1
            guard minus == line.startIndex || isOpening(line[minus - 1]),
                  let (code, end) = ByteText.integer(in: line, at: minus), code <= -1000 else { continue }
            if end + 1 < line.endIndex, line[end] == UInt8(ascii: ":") || line[end] == UInt8(ascii: ","), line[end + 1] == UInt8(ascii: " ") {
                guard let message = FormatReading.rest(of: line, from: end + 2) else { continue }
                // After `-4001, ` a bot may go on with anything (`retrying`): tentative.
                return FormatReading(code: code, message: message, format: .codeThenMessage, tentative: line[end] == UInt8(ascii: ","))
            }
            if minus == line.startIndex, end < line.endIndex, line[end] == UInt8(ascii: " "), startsWithName(line, ByteText.skipSpaces(line, from: end)) {
                return FormatReading(code: code, message: FormatReading.rest(of: line, from: end), format: .codeThenMessage)
            }
            if let tail = bracketed(line, minus, end) ?? parenthesized(line, minus, end) {
                return FormatReading(code: code, message: tail, format: .codeThenMessage, tentative: true)
            }
        }
        return nil
    }

    /// The text after `[-2011]` or `(-2011)`.
    private static func bracketed(_ line: ArraySlice<UInt8>, _ minus: Int, _ end: Int) -> ArraySlice<UInt8>? {
        guard minus > line.startIndex, end < line.endIndex else { return nil }
        let open = line[minus - 1], close = line[end]
        guard (open == UInt8(ascii: "[") && close == UInt8(ascii: "]")) || (open == UInt8(ascii: "(") && close == UInt8(ascii: ")")) else { return nil }
        return CodeTail.read(line, from: end + 1)
    }

    /// The text of `-2015 (…)` when the code starts the line and the parentheses end it.
    private static func parenthesized(_ line: ArraySlice<UInt8>, _ minus: Int, _ end: Int) -> ArraySlice<UInt8>? {
        let open = ByteText.skipSpaces(line, from: end)
        guard minus == line.startIndex, open > end, open < line.endIndex, line[open] == UInt8(ascii: "("),
              line.last == UInt8(ascii: ")") else { return nil }
        return CodeTail.read(line, from: open)
    }

    /// What may come just before the code: a space or an opening or separating mark.
    private static func isOpening(_ byte: UInt8) -> Bool {
        ByteText.isSpace(byte) || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ":")
    }

    /// A name in capitals (`REDUCE_ONLY_REJECT`, `TOO_MANY_REQUESTS`) at `index`.
    private static func startsWithName(_ line: ArraySlice<UInt8>, _ index: Int) -> Bool {
        var i = index
        var letters = 0
        while i < line.endIndex, (line[i] >= 0x41 && line[i] <= 0x5A) || line[i] == UInt8(ascii: "_") || ByteText.isDigit(line[i]) {
            if line[i] != UInt8(ascii: "_") { letters += 1 }
            i += 1
        }
        return letters >= 2 && (i == line.endIndex || ByteText.isSpace(line[i]))
    }
}
