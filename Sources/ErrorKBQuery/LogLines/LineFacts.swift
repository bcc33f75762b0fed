/// What the words of a line say about it, read in one pass: whether it names an exception
/// (`AxiosError:`, `ccxt.base.errors.RequestTimeout:`), an error level or word (`ERROR`,
/// `failed`, `错误`, `失败`), or an information level (`INFO`, `DEBUG`, `TRACE`).
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

    private static let errorWords: Set<String> = ["ERROR", "ERR", "FATAL", "CRITICAL", "SEVERE", "PANIC", "error", "Error", "err",
                                                  "failed", "Failed", "FAILED", "fail", "failure", "Failure", "rejected", "Rejected",
                                                  "reject", "exception", "Exception", "returned"]
    private static let informationWords: Set<String> = ["INFO", "DEBUG", "TRACE", "info", "debug", "trace"]
    private static let chineseWords: [[UInt8]] = ["错误", "失败", "异常", "告警", "拒绝"].map { Array($0.utf8) }

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
            while index < line.endIndex, ByteText.isWordByte(line[index]) || line[index] == UInt8(ascii: ".") { index += 1 }
            let word = line[start..<index]
            let colon = index < line.endIndex && line[index] == UInt8(ascii: ":")
            if word.count <= 9 {
                let text = String(decoding: word, as: UTF8.self)
                if Self.errorWords.contains(text) { speaksOfError = true }
                if Self.informationWords.contains(text) { isInformation = true }
            }
            if colon && (Self.endsWith(word, "Error") || Self.endsWith(word, "Exception")) || Self.hasModule(word) {
                namesException = true
            }
            // A dotted level ("bot.ERROR"): its last part counts too.
            if let dot = word.lastIndex(of: UInt8(ascii: ".")), String(decoding: word[(dot + 1)...], as: UTF8.self) == "ERROR" {
                speaksOfError = true
            }
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
