import ErrorKBSupport

/// Inline HTML and markdown that pages carry into messages and cells: line breaks (`<br>`,
/// `<br/>`, `<br></br>`), entities (`&lt;`, `&#39;`), anchors (`<a id="…"></a>`) and links.
enum InlineMarkup {
    /// Text with breaks turned into newlines, anchors and empty links removed, links unwrapped,
    /// entities decoded and markdown escapes undone. Each line is trimmed; empty lines dropped.
    static func clean(_ text: Substring) -> String {
        let utf8 = text.utf8
        let has = { (byte: UInt8) in utf8.contains(byte) }
        // Most lines hold none of this markup: each step runs only where its bytes occur.
        var result = String(text)
        if has(UInt8(ascii: "<")) {
            result = removeAnchors(result)
            for br in ["<br></br>", "<br/>", "<br />", "<br>", "<BR>"] where result.containsBytes(br) {
                result = result.replacingOccurrences(of: br, with: "\n")
            }
        }
        if has(UInt8(ascii: "[")) { result = unwrapLinks(result) }
        if has(UInt8(ascii: "\\")) { result = MarkdownText.unescape(result[...]) }
        if has(UInt8(ascii: "&")) { result = decodeEntities(result) }
        guard result.utf8.contains(0x0A) else { return String(result[...].trimmingWhitespace()) }
        return result.split(separator: "\n").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// Whether a line is nothing but an HTML anchor: `<a id="other-errors"></a>`.
    static func isAnchorLine(_ text: Substring) -> Bool {
        let trimmed = text.trimmingWhitespace()
        return (trimmed.hasPrefix("<a ") || trimmed.hasPrefix("<a\t")) && removeAnchors(String(trimmed)).allSatisfy(\.isWhitespace)
    }

    static func removeAnchors(_ text: String) -> String {
        guard text.containsBytes("<a") else { return text }
        var result = text
        while let open = result.range(of: "<a "), let close = result.range(of: "</a>", range: open.upperBound..<result.endIndex) {
            result.removeSubrange(open.lowerBound..<close.upperBound)
        }
        return result
    }

    /// `[text](url "title")` → text; a link whose text is empty or zero-width (a heading's
    /// "direct link" marker) disappears.
    static func unwrapLinks(_ text: String) -> String {
        // Linear: the next `]` and `)` after every position are found in one backward pass.
        let characters = Array(text)
        var nextBracket = [Int](repeating: characters.count, count: characters.count + 1)
        var nextParen = nextBracket
        for i in stride(from: characters.count - 1, through: 0, by: -1) {
            nextBracket[i] = characters[i] == "]" ? i : nextBracket[i + 1]
            nextParen[i] = characters[i] == ")" ? i : nextParen[i + 1]
        }
        var result = ""
        var i = 0
        while i < characters.count {
            let close = characters[i] == "[" ? nextBracket[i + 1] : characters.count
            guard close + 1 < characters.count, characters[close + 1] == "(", nextParen[close + 2] < characters.count else {
                result.append(characters[i])
                i += 1
                continue
            }
            let label = characters[(i + 1)..<close]
            result += String(label.filter { !$0.unicodeScalars.allSatisfy { $0.properties.isDefaultIgnorableCodePoint } })
            i = nextParen[close + 2] + 1
        }
        return result
    }

    private static let entities: [String: String] = [
        "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": "\"", "&apos;": "'", "&#39;": "'", "&nbsp;": " ",
        // Minus signs before a code (`### &minus;1000`): CodeLine reads each as a minus.
        "&minus;": "\u{2212}", "&ndash;": "\u{2013}", "&hyphen;": "\u{2010}", "&mdash;": "\u{2014}",
    ]

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let tail = rest[amp...]
            if let semicolon = tail.prefix(10).firstIndex(of: ";") {
                let entity = String(tail[...semicolon])
                if let plain = entities[entity] {
                    result += plain
                    rest = tail[tail.index(after: semicolon)...]
                    continue
                }
                if entity.hasPrefix("&#") {
                    let digits = entity.dropFirst(2).dropLast()
                    let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                    if let value, let scalar = Unicode.Scalar(value) {
                        result.unicodeScalars.append(scalar)
                        rest = tail[tail.index(after: semicolon)...]
                        continue
                    }
                }
            }
            result += "&"
            rest = tail.dropFirst()
        }
        return result + rest
    }
}
