/// The text that follows a code on a free-form line, as the message it may be:
///
///     ERROR -4001 Price less than 0.                                  Price less than 0.
///     下单失败 code=-2019 msg=杠杆账户余额不足                            杠杆账户余额不足
///     WARN: Binance error -2015 (Invalid API-key, IP, or permissions for action.)
///                                                                     Invalid API-key, IP, or permissions for action.
///     [-2011] Unknown order sent.                                     Unknown order sent.
///     错误码：－２０１９，杠杆账户余额不足                                   杠杆账户余额不足
///
/// Separators after the code (`:` `,` `;` `)` `]` `-` and their full-width forms), a label
/// (`msg=`, `message:`, `reason=`, `原因：`, …) and brackets or quotes around the whole rest are
/// left out. Such a text is tentative (`FormatReading.tentative`): it is the message only when it
/// is documented (`MessageMatcher.decide`); `, retrying` after a code is not.
enum CodeTail {
    /// The text after the number that ends at `index`, nil when nothing is left.
    static func read(_ line: ArraySlice<UInt8>, from index: Int) -> ArraySlice<UInt8>? {
        var i = skipSeparators(line, from: index)
        if let afterLabel = label(line, at: i) { i = skipSeparators(line, from: afterLabel) }
        var tail = ByteText.trimmed(line[min(i, line.endIndex)...])
        tail = unwrapped(tail)
        return tail.isEmpty ? nil : tail
    }

    /// Full-width `：` `，` `；` `）` `】` (EF BC 9A, 8C, 9B, 89; E3 80 91).
    private static let wideSeparators: [[UInt8]] = [[0xEF, 0xBC, 0x9A], [0xEF, 0xBC, 0x8C], [0xEF, 0xBC, 0x9B], [0xEF, 0xBC, 0x89], [0xE3, 0x80, 0x91]]

    private static func skipSeparators(_ line: ArraySlice<UInt8>, from index: Int) -> Int {
        var i = index
        while i < line.endIndex {
            let byte = line[i]
            if ByteText.isSpace(byte) || ":,;)]>|".utf8.contains(byte) {
                i += 1
            } else if byte == UInt8(ascii: "-"), i + 1 < line.endIndex, ByteText.isSpace(line[i + 1]) {
                i += 1  // `-4001 - Price less than 0.`
            } else if let wide = wideSeparators.first(where: { ByteText.has($0, in: line, at: i) }) {
                i += wide.count
            } else {
                break
            }
        }
        return i
    }

    private static let labels: [[UInt8]] = ["msg", "message", "reason", "error message", "error", "错误信息", "信息", "原因", "消息"]
        .map { Array($0.utf8) }

    /// The index after a label and its `=`, `:` or `：` at `index`, or nil when none is there.
    private static func label(_ line: ArraySlice<UInt8>, at index: Int) -> Int? {
        for label in labels where label[0] >= 0x80 ? ByteText.has(label, in: line, at: index) : ByteText.hasFolded(label, in: line, at: index) {
            let after = ByteText.skipSpaces(line, from: index + label.count)
            guard after < line.endIndex else { continue }
            if line[after] == UInt8(ascii: "=") || line[after] == UInt8(ascii: ":") { return after + 1 }
            if ByteText.has(wideSeparators[0], in: line, at: after) { return after + 3 }
        }
        return nil
    }

    /// Pairs that may wrap the whole message: `(…)`, `[…]`, `"…"`, `'…'`, `（…）`, `“…”`.
    private static let pairs: [([UInt8], [UInt8])] = [("(", ")"), ("[", "]"), ("\"", "\""), ("'", "'"), ("（", "）"), ("“", "”"), ("「", "」")]
        .map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// The text without a pair of brackets or quotes that wraps all of it.
    private static func unwrapped(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        for (open, close) in pairs where text.count > open.count + close.count
            && ByteText.has(open, in: text, at: text.startIndex) && ByteText.has(close, in: text, at: text.endIndex - close.count) {
            let inner = text[(text.startIndex + open.count)..<(text.endIndex - close.count)]
            // `(a) and (b)` is not one wrapped text; a quoted text may hold an apostrophe.
            if open == close || ByteText.find(close, in: inner) == nil { return ByteText.trimmed(inner) }
        }
        return text
    }
}
