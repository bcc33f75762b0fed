import Foundation

/// What a line of a log says about an error: an API payload `{"code":…,"msg":…}` somewhere in it,
/// or a bare message.
public enum ErrorPayload: Equatable, Sendable {
    /// An error the line holds in one of the formats `PayloadLine` knows: its code and message, when given.
    case payload(code: Int64?, message: String?)
    /// No error in a known format: the line itself (trimmed) may be a documented message.
    case bare(String)
    /// The line holds what looks like a payload but is not valid JSON.
    case malformed(reason: String)
    /// Nothing but spaces.
    case blank

    /// Reads the line as `PayloadLine.parse` does.
    public static func parse(_ line: Substring) -> ErrorPayload {
        switch PayloadLine.parse(Array(line.utf8)[...]) {
        case .blank: return .blank
        case .bare(let bytes): return .bare(String(decoding: bytes, as: UTF8.self))
        case .malformed(let reason): return .malformed(reason: reason)
        case .payload(let code, let message): return .payload(code: code, message: message.map { String(decoding: $0, as: UTF8.self) })
        }
    }
}
