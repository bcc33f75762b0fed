/// What the words of a line say about it, read in one pass without making strings: whether it
/// names an exception (`AxiosError:`, `ccxt.base.errors.RequestTimeout:`), an error level or word
/// (`ERROR`, `failed`, `错误`, `失败`), or an information level (`INFO`, `DEBUG`, `TRACE`).
struct LineFacts {
    /// An exception class before a colon, or a module path of errors.
    private(set) var namesException = false
    /// An error level or word.
    private(set) var speaksOfError = false
    /// An information level: the line reports, it does not fail.
    private(set) var isInformation = false

    /// Whether the line looks like an error: it names an exception, or speaks of an error and is
    /// not logged as information.
    var looksLikeError: Bool { namesException || (speaksOfError && !isInformation) }

    private static let errorWords = ["ERROR", "ERR", "FATAL", "CRITICAL", "SEVERE", "PANIC", "error", "Error", "err", "failed", "Failed",
                                     "FAILED", "fail", "failure", "Failure", "rejected", "Rejected", "reject", "exception", "Exception",
                                     "returned"].map(Word.init)
    private static let informationWords = ["INFO", "DEBUG", "TRACE", "info", "debug", "trace"].map(Word.init)
    /// The error words by length (a word of another length is looked at no further).
    private static let errorWordsByLength: [[Word]] = (0...9).map { length in errorWords.filter { $0.length == length } }
    private static let chineseWords: [[UInt8]] = ["错误", "失败", "异常", "告警", "拒绝"].map { Array($0.utf8) }

    /// A word of at most 9 bytes as a number and a length, compared without a string.
    private struct Word: Equatable {
        var packed: UInt64
        var ninth: UInt8
        var length: Int

        init(_ text: String) { self.init(Array(text.utf8)[...]) }

        init(_ bytes: ArraySlice<UInt8>) {
            packed = 0
            for byte in bytes.prefix(8) { packed = packed << 8 | UInt64(byte) }
            ninth = bytes.count > 8 ? bytes[bytes.startIndex + 8] : 0
            length = bytes.count
        }
    }

    init(_ line: ArraySlice<UInt8>) {
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            guard ByteText.isLetter(byte) else {
                if byte >= 0xE0, !speaksOfError, Self.chineseWords.contains(where: { ByteText.has($0, in: line, at: index) }) {
                    speaksOfError = true
                }
                index += 1
                continue
            }
            // A word, with the dots of a module path: binance.exceptions.BinanceAPIException
            let start = index
            var lastDot: Int?
            while index < line.endIndex, ByteText.isWordByte(line[index]) || line[index] == UInt8(ascii: ".") {
                if line[index] == UInt8(ascii: ".") { lastDot = index }
                index += 1
            }
            let word = line[start..<index]
            let colon = index < line.endIndex && line[index] == UInt8(ascii: ":")
            if word.count >= 3 && word.count <= 9 && (!Self.errorWordsByLength[word.count].isEmpty || word.count == 4 || word.count == 5) {
                let packed = Word(word)
                if Self.errorWordsByLength[word.count].contains(packed) { speaksOfError = true }
                if (word.count == 4 || word.count == 5) && Self.informationWords.contains(packed) { isInformation = true }
            }
            if let lastDot {
                // A dotted level ("bot.ERROR"): its last part counts too.
                if word[(lastDot + 1)...].elementsEqual("ERROR".utf8) { speaksOfError = true }
                if Self.hasModule(word) { namesException = true }
            }
            if colon && (Self.endsWith(word, "Error") || Self.endsWith(word, "Exception")) { namesException = true }
        }
    }

    /// Whether the line speaks of an error at all, whatever its level.
    static func speaksOfError(_ line: ArraySlice<UInt8>) -> Bool { LineFacts(line).speaksOfError }

    private static func endsWith(_ word: ArraySlice<UInt8>, _ suffix: String) -> Bool {
        word.count > suffix.utf8.count && word.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
    }

    private static let modules: [[UInt8]] = [".errors.", ".exceptions.", ".error.", ".exception."].map { Array($0.utf8) }

    private static func hasModule(_ word: ArraySlice<UInt8>) -> Bool {
        word.count > 8 && modules.contains { ByteText.find($0, in: word) != nil }
    }
}
