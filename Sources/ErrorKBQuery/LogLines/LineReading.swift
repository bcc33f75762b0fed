/// What one line of a log says, read from its UTF-8 bytes without making strings (`classify`
/// reads every line with it; `LogLine` is the same with strings).
struct LineReading {
    enum Kind: UInt8 {
        /// An API error: its code and message, when the line gives them.
        case error
        /// An answer that says it succeeded (`{"code":0,…}`, `{"code":200,…}`, `code=0`).
        case success
        /// A payload that cannot be read (cut short, or not well formed).
        case malformed
        /// No error in a known format: the text may still hold a documented message.
        case text
        /// Nothing but spaces.
        case blank
    }

    var kind: Kind
    var format: LogFormat?
    var code: Int64?
    /// The message, or for a text line the line itself (trimmed).
    var message: ArraySlice<UInt8>?
    /// Whether `message` is only the text after a code on a free-form line (`CodeTail`): the
    /// decision keeps it when it is documented and drops it otherwise.
    var tentative = false
    /// Why a malformed payload cannot be read.
    var reason: String?
    /// Whether the line looks like an error (a known error shape, an exception, an error level
    /// or word); a text line that matches nothing is then an unmatched error, else not an error.
    var looksLikeError: Bool
    /// Whether the line is logged as information (INFO, DEBUG, TRACE): near matches are not
    /// tried on it.
    var isInformation = false
    /// The line's other errors after this one, in line order: the payloads of a batch answer
    /// (`[{"code":-2022,…},{"code":-4164,…}]`) or of a line that holds several. Each is answered
    /// and counted like a line of its own.
    var more: [ObjectScanner.Coded] = []
    /// The line (trimmed), for what the decision reads from it only when it needs to (`ProductHint`).
    var line: ArraySlice<UInt8> = []
    /// The line itself, when `looksLikeError` and `isInformation` are still to be read from its
    /// words (`facts`): most lines never need them.
    var pendingFacts: ArraySlice<UInt8>?

    /// `looksLikeError` and `isInformation`, read now if they were left for later.
    mutating func settleFacts() {
        guard let line = pendingFacts else { return }
        let facts = LineFacts(line)
        if kind == .text { looksLikeError = facts.looksLikeError }
        isInformation = facts.isInformation
        pendingFacts = nil
    }
}

/// Reads a line in every format, in order: object payloads that carry a code (JSON, escaped JSON,
/// Python dicts, Node's output), a payload that cannot be read, the libraries' text formats, an
/// object with a message only, ccxt's message, else text.
/// Linear in the line's length (see `ObjectScanner`); `work` counts the bytes the object scan
/// looked at.
enum LogLineReader {
    /// The text formats, most specific first: each looks for its own marks, so the order only
    /// matters when a line holds two shapes.
    static let textFormats: [any LogLineFormat.Type] = [
        PythonBinanceFormat.self, GoBinanceFormat.self, ConnectorExampleFormat.self, ErrorTupleFormat.self,
        CodeThenMessageFormat.self, CodeOnlyFormat.self,
    ]

    static func read(_ line: ArraySlice<UInt8>, work: UnsafeMutablePointer<Int>? = nil) -> LineReading {
        let trimmed = ByteText.trimmed(line)
        guard !trimmed.isEmpty else { return LineReading(kind: .blank, looksLikeError: false) }
        var scanner = ObjectScanner()
        let objects = scanner.scan(trimmed)
        work?.pointee += scanner.work
        if let first = objects.coded.first {
            // 0 is success; a small positive number is an HTTP status, not a Binance code. A line
            // with errors is their line, whatever success answers it also holds.
            let errors = objects.coded.count == 1 ? (isSuccess(first.code) ? [] : objects.coded) : objects.coded.filter { !isSuccess($0.code) }
            guard let coded = errors.first else {
                return LineReading(kind: .success, format: first.format, code: first.code, message: first.message, looksLikeError: false)
            }
            return LineReading(kind: .error, format: coded.format, code: coded.code, message: coded.message, looksLikeError: true,
                               more: Array(errors.dropFirst()), line: trimmed)
        }
        // A payload that starts like one but cannot be read: its numbers are not read as codes.
        if let malformed = objects.malformed {
            return LineReading(kind: .malformed, format: .json, code: malformed.code, reason: malformed.reason, looksLikeError: true)
        }
        for format in textFormats {
            guard let found = format.read(trimmed) else { continue }
            if found.format == .codeOnly && found.code == 0 {
                return LineReading(kind: .success, format: found.format, code: 0, looksLikeError: false)
            }
            let (message, more) = split(found, format)
            return LineReading(kind: .error, format: found.format, code: found.code, message: message, tentative: found.tentative,
                               looksLikeError: true, more: more, line: trimmed)
        }
        if let message = objects.messageOnly {
            return LineReading(kind: .error, format: .json, message: message, looksLikeError: true, line: trimmed)
        }
        if let found = CCXTFormat.read(trimmed) {
            return LineReading(kind: .error, format: .ccxt, message: found.message, looksLikeError: true, line: trimmed, pendingFacts: trimmed)
        }
        return LineReading(kind: .text, format: .bare, message: trimmed, looksLikeError: false, line: trimmed, pendingFacts: trimmed)
    }

    /// A message that runs to the end of the line, cut where another error of its format starts
    /// (`retry 1: APIError(code=-1021): … retry 2: APIError(code=-1022): …`), and those errors.
    private static func split(_ found: FormatReading, _ format: any LogLineFormat.Type) -> (ArraySlice<UInt8>?, [ObjectScanner.Coded]) {
        guard found.start != nil, var message = found.message else { return (found.message, []) }
        var first: ArraySlice<UInt8>?
        var more: [ObjectScanner.Coded] = []
        while let next = format.read(message), let start = next.start, let code = next.code {
            let before = ByteText.trimmed(message[..<start])
            if more.isEmpty { first = before } else { more[more.count - 1].message = before.isEmpty ? nil : before }
            more.append((code, next.message, next.format))
            guard let rest = next.message else { break }
            message = rest
        }
        return more.isEmpty ? (found.message, []) : (first.flatMap { $0.isEmpty ? nil : $0 }, more)
    }

    /// A code that says the request succeeded: 0, or an HTTP status (100–999), not a Binance code.
    private static func isSuccess(_ code: Int64) -> Bool { code == 0 || (100...999).contains(code) }

    /// The line's `index`-th other error (`LineReading.more`), read as a line of its own.
    static func other(_ index: Int, of reading: LineReading) -> LineReading {
        let coded = reading.more[index]
        return LineReading(kind: .error, format: coded.format, code: coded.code, message: coded.message, looksLikeError: true, line: reading.line)
    }
}
