import ErrorKBSupport

/// The language of a message: `zh` when it contains any CJK letter, else `en`.
public enum MessageLanguage: String, Sendable, Codable, CaseIterable {
    case en, zh

    /// The language of `text`: `zh` when it contains any CJK letter.
    public init(of text: some StringProtocol) {
        self = text.unicodeScalars.contains(where: \.isCJK) ? .zh : .en
    }
}
