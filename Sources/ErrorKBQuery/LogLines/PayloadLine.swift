/// `ErrorPayload` on UTF-8 bytes, without making strings: what `classify` reads each line with.
enum PayloadLine {
    case payload(code: Int64?, message: ArraySlice<UInt8>?)
    case bare(ArraySlice<UInt8>)
    case malformed(reason: String)
    case blank

    /// The ways an error can be written on a log line, tried in order: the first that finds an
    /// error on the line answers; a line none of them reads is a bare message, unless one found
    /// an error it could not read (malformed).
    static let formats: [any LogLineFormat.Type] = [JSONPayloadFormat.self]

    static func parse(_ line: ArraySlice<UInt8>) -> PayloadLine {
        var trimmed = line
        while let first = trimmed.first, isSpace(first) { trimmed.removeFirst() }
        while let last = trimmed.last, isSpace(last) { trimmed.removeLast() }
        guard !trimmed.isEmpty else { return .blank }
        var firstFailure: String?
        for format in formats {
            switch format.read(trimmed) {
            case .error(let code, let message)?: return .payload(code: code, message: message)
            case .malformed(let reason)?: if firstFailure == nil { firstFailure = reason }
            case nil: continue
            }
        }
        if let firstFailure { return .malformed(reason: firstFailure) }
        return .bare(trimmed)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
}

/// One way an API error is written on a log line (by the API itself, or a client library), read
/// from the line's UTF-8 bytes (trimmed). Each format is a type of its own, in a file of its own,
/// listed in `PayloadLine.formats`.
protocol LogLineFormat: Sendable {
    /// The error the line holds in this format, why it cannot be read, or nil when the line does
    /// not hold this format.
    static func read(_ line: ArraySlice<UInt8>) -> LogLineReading?
}

/// What a `LogLineFormat` found on a line.
enum LogLineReading {
    /// An error, with its code and message when given.
    case error(code: Int64?, message: ArraySlice<UInt8>?)
    /// What looks like an error in this format, but cannot be read.
    case malformed(reason: String)
}
