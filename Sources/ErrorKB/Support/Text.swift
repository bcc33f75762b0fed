extension Substring {
    func trimmingWhitespace() -> Substring {
        var result = self
        while let first = result.first, first.isWhitespace { result.removeFirst() }
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return result
    }
}

extension String {
    func trimmingWhitespace() -> String { String(self[...].trimmingWhitespace()) }
}

extension Unicode.Scalar {
    /// Han, kana and Hangul letters: the scripts written without spaces between words.
    var isCJK: Bool {
        switch value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF,
             0xF900...0xFAFF, 0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }
}

/// The language of a message: `zh` when it contains any CJK letter, else `en`.
public enum MessageLanguage: String, Sendable, Codable, CaseIterable {
    case en, zh

    public init(of text: some StringProtocol) {
        self = text.unicodeScalars.contains(where: \.isCJK) ? .zh : .en
    }
}
