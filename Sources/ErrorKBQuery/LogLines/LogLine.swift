/// What a line of a log says about an API error, as `kb match` and `kb classify` read it: the
/// format it is written in, the code and message it carries, or why its payload cannot be read.
public struct LogLine: Equatable, Sendable {
    /// What kind of line it is.
    public enum Kind: String, Codable, Sendable {
        /// An API error in a known format (`format`), with its code and message when given.
        case error
        /// An answer that says it succeeded (`{"code":0,…}`, `code=0`): not an error.
        case success
        /// A payload that cannot be read (cut short, or not well formed): `reason` says why; `code`
        /// is its code when that was read whole.
        case malformed
        /// No error in a known format: the text may still hold a documented message.
        case text
        /// Nothing but spaces.
        case blank
    }

    /// What kind of line it is.
    public var kind: Kind
    /// The format the error is written in (`bare` for text).
    public var format: LogFormat?
    /// The code the line carries.
    public var code: Int64?
    /// The message the line carries; for text, the line trimmed.
    public var message: String?
    /// The text after a code on a free-form line (`ERROR -4001 Price less than 0.`): the message
    /// when it is documented, which only `MessageMatcher` can tell (`message` is then nil).
    public var followingText: String?
    /// Why a malformed payload cannot be read.
    public var reason: String?
    /// Whether the line looks like an error: a known error shape, an exception, an error level
    /// or word (not logged as information).
    public var looksLikeError: Bool

    /// Reads one line (see `LogFormat` for the formats).
    public static func read(_ line: Substring) -> LogLine {
        LogLine(LogLineReader.read(Array(line.utf8)[...]))
    }

    init(_ reading: LineReading) {
        var reading = reading
        reading.settleFacts()
        kind = Kind(reading.kind)
        format = reading.format
        code = reading.code
        let text = reading.message.map { String(decoding: $0, as: UTF8.self) }
        if reading.tentative { followingText = text } else { message = text }
        reason = reading.reason
        looksLikeError = reading.looksLikeError
    }

    /// A line of the given kind, for tests and callers that know the parts.
    public init(kind: Kind, format: LogFormat? = nil, code: Int64? = nil, message: String? = nil, reason: String? = nil, looksLikeError: Bool = true) {
        self.kind = kind
        self.format = format
        self.code = code
        self.message = message
        self.reason = reason
        self.looksLikeError = looksLikeError
    }
}

extension LogLine.Kind {
    init(_ kind: LineReading.Kind) {
        switch kind {
        case .error: self = .error
        case .success: self = .success
        case .malformed: self = .malformed
        case .text: self = .text
        case .blank: self = .blank
        }
    }
}
