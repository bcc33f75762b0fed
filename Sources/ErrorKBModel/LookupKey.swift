import ErrorKBSupport

/// What `kb show` was asked for: a code or a name.
public enum LookupKey: Equatable, Sendable {
    case code(Int64)
    case name(String)

    /// "-1121", "1121", "−1121" (Unicode minus) are codes; anything else is a name.
    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        if let code = CodeLine(trimmed[...], requireMinus: false), code.name == nil {
            self = .code(code.code)
        } else {
            self = .name(trimmed)
        }
    }
}
