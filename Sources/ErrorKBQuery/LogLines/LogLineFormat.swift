/// One way a client library or a bot writes an API error on a log line, read from the line's
/// UTF-8 bytes (trimmed). Each format is a type of its own, in a file of its own, listed in
/// `LogLineReader.textFormats`; object payloads (JSON, Python dicts, Node's output) are read by
/// `ObjectScanner`. A format looks at each byte of the line a bounded number of times.
protocol LogLineFormat {
    /// The error the line holds in this format, or nil when it does not hold this format.
    static func read(_ line: ArraySlice<UInt8>) -> FormatReading?
}

/// What a format found: the code (nil when the format says there is none, as in python-binance's
/// `APIError(code=0)` for an HTML answer) and the message, when the line gives them.
struct FormatReading {
    var code: Int64?
    var message: ArraySlice<UInt8>?
    var format: LogFormat
    /// Whether the message is only the text that follows the code on a free-form line
    /// (`CodeTail`): it counts when it is documented, else the line is its code alone.
    var tentative = false
    /// Where the error starts on the line, for the formats whose message runs to the end of it
    /// (python-binance's, go-binance's): a second error of the format in that message ends it
    /// (`LogLineReader.split`).
    var start: Int?
}

extension FormatReading {
    /// The rest of the line from `index` as the message, nil when nothing is left.
    static func rest(of line: ArraySlice<UInt8>, from index: Int) -> ArraySlice<UInt8>? {
        let message = ByteText.trimmed(line[min(index, line.endIndex)...])
        return message.isEmpty ? nil : message
    }
}
