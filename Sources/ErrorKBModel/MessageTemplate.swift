#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A documented message seen as a template: literal segments around its placeholders.
///
///     "Too many new orders; current limit is %s orders per %s."
///     canonical: "Too many new orders; current limit is {1} orders per {2}."
public struct MessageTemplate: Sendable, Equatable {
    /// The placeholders, in order.
    public let placeholders: [Placeholder]
    /// The message with its placeholders numbered in order: `{1}`, `{2}`, …
    public let canonical: String
    /// The literal text before, between and after the placeholders, normalized for matching.
    package let segments: [String]
    /// How much literal text the template has: the more, the more specific a fit.
    package var literalLength: Int { utf8Segments.reduce(0) { $0 + $1.count } }
    @usableFromInline let utf8Segments: [[UInt8]]

    /// The template of a documented message.
    public init(_ text: String) {
        let placeholders = PlaceholderScanner.scan(text)
        self.placeholders = placeholders
        guard !placeholders.isEmpty else {
            // A plain message is its own template; it is matched whole.
            canonical = text
            segments = [MessageTemplate.normalize(text)]
            utf8Segments = [Array(segments[0].utf8)]
            return
        }
        var canonical = ""
        var segments: [String] = []
        var cursor = text.startIndex
        for (number, placeholder) in placeholders.enumerated() {
            let start = text.index(text.startIndex, offsetBy: placeholder.position)
            canonical += text[cursor..<start] + "{\(number + 1)}"
            segments.append(String(text[cursor..<start]))
            cursor = text.index(start, offsetBy: placeholder.token.count)
        }
        canonical += text[cursor...]
        segments.append(String(text[cursor...]))
        self.canonical = canonical
        // Only the outer ends are trimmed, so "…is %s orders" keeps its inner spaces.
        var normalized = segments.map { MessageTemplate.comparisonSegment($0) }
        normalized[0] = MessageTemplate.trimLeading(normalized[0])
        normalized[normalized.count - 1] = MessageTemplate.trimTrailing(normalized[normalized.count - 1])
        self.segments = normalized
        utf8Segments = normalized.map { Array($0.utf8) }
    }

    /// Whether the message has placeholders (else it is matched whole).
    public var hasPlaceholders: Bool { !placeholders.isEmpty }

    /// The arguments that turn this template into `message`, or nil when it does not fit.
    /// `message` must already be `normalize`d. Each argument is at least one byte. Works on
    /// UTF-8 bytes: literals are valid UTF-8, so a match never splits a character.
    public func match(normalized message: String) -> [String]? {
        guard hasPlaceholders else { return segments[0] == message ? [] : nil }
        return match(bytes: Array(message.utf8))
    }

    /// `match(normalized:)` on the message's UTF-8 bytes, so that many templates can try one message.
    func match(bytes: [UInt8]) -> [String]? {
        matchRanges(bytes: bytes)?.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// Where each argument lies in `bytes`, or nil when the template does not fit.
    @inlinable
    package func matchRanges(bytes: [UInt8]) -> [Range<Int>]? {
        matchRanges(in: bytes[...])
    }

    /// Where each argument lies in `bytes` (indices of `bytes`), or nil when the template does
    /// not fit. Each placeholder takes the shortest text that lets the next literal follow; since
    /// every argument is at least one byte, a literal that cannot be found after the shortest
    /// binding cannot be found after a longer one either, so no binding is tried twice and the
    /// cost is one pass per literal.
    @inlinable
    package func matchRanges(in bytes: ArraySlice<UInt8>) -> [Range<Int>]? {
        let first = utf8Segments[0], last = utf8Segments[utf8Segments.count - 1]
        guard bytes.count > first.count + last.count, Self.equal(bytes, at: bytes.startIndex, first),
              Self.equal(bytes, at: bytes.endIndex - last.count, last) else { return nil }
        var ranges: [Range<Int>] = []
        var start = bytes.startIndex + first.count
        let end = bytes.endIndex - last.count
        for segment in 1..<(utf8Segments.count - 1) {
            let literal = utf8Segments[segment]
            guard let found = Self.find(literal, in: bytes, from: start + 1, before: end) else { return nil }
            ranges.append(start..<found)
            start = found + literal.count
        }
        guard start < end else { return nil }
        ranges.append(start..<end)
        return ranges
    }

    /// Whether `bytes` holds `literal` at `index` (which leaves room for it).
    @usableFromInline
    static func equal(_ bytes: ArraySlice<UInt8>, at index: Int, _ literal: [UInt8]) -> Bool {
        literal.isEmpty || bytes.withUnsafeBufferPointer { buffer in
            literal.withUnsafeBufferPointer { memcmp(buffer.baseAddress! + (index - bytes.startIndex), $0.baseAddress!, literal.count) == 0 }
        }
    }

    @usableFromInline
    static func find(_ needle: [UInt8], in bytes: ArraySlice<UInt8>, from start: Int, before end: Int) -> Int? {
        guard !needle.isEmpty else { return start < end ? start : nil }
        var i = start
        let first = needle[0]
        while i + needle.count <= end {
            if bytes[i] == first && bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// The form runtime and documented messages are compared in: backticks dropped, whitespace runs collapsed,
    /// ends trimmed, trailing punctuation dropped ("Invalid symbol" = "Invalid symbol.").
    /// Works on UTF-8 bytes: it runs once per log line.
    public static func normalize(_ text: String) -> String {
        String(decoding: normalizedBytes(text.utf8), as: UTF8.self)
    }

    /// `normalize` of a slice of a log line (no generic dispatch: this runs for every line).
    package static func normalizedBytes(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        bytes.withUnsafeBufferPointer { normalizedBytes($0) }
    }

    /// `normalize` from and to UTF-8 bytes.
    package static func normalizedBytes(_ utf8: some Collection<UInt8>) -> [UInt8] {
        if let bytes = utf8.withContiguousStorageIfAvailable({ normalizedBytes($0) }) { return bytes }
        return Array(utf8).withUnsafeBufferPointer { normalizedBytes($0) }
    }

    /// One pass into preallocated storage: this runs once per log line.
    private static func normalizedBytes(_ source: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var bytes = [UInt8](unsafeUninitializedCapacity: source.count) { output, written in
            written = collapse(source, into: output.baseAddress!, trimLeading: true, dropBackticks: true)
        }
        trimTrailing(&bytes)
        return bytes
    }

    package static func collapseWhitespace(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendCollapsed(text.utf8, to: &bytes, trimLeading: false, dropBackticks: false)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A template's literal in the comparison form (spaces collapsed, backticks dropped).
    static func comparisonSegment(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendCollapsed(text.utf8, to: &bytes, trimLeading: false, dropBackticks: true)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func trimLeading(_ text: String) -> String {
        String(text.drop(while: \.isWhitespace))
    }

    /// Drops trailing whitespace and punctuation.
    static func trimTrailing(_ text: String) -> String {
        var bytes = Array(text.utf8)
        trimTrailing(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ASCII whitespace, no-break space (C2 A0) and the ideographic space (E3 80 80) become one space.
    private static func appendCollapsed(_ utf8: some Collection<UInt8>, to bytes: inout [UInt8], trimLeading: Bool, dropBackticks: Bool) {
        let source = Array(utf8)
        let collapsed = source.withUnsafeBufferPointer { input in
            [UInt8](unsafeUninitializedCapacity: input.count) { output, written in
                written = collapse(input, into: output.baseAddress!, trimLeading: trimLeading, dropBackticks: dropBackticks)
            }
        }
        bytes += collapsed
    }

    /// Writes `source` with its space runs collapsed (and backticks dropped: they are the pages'
    /// code markup, never in a runtime message); returns how many bytes it wrote (never more than
    /// it read).
    private static func collapse(_ source: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>, trimLeading: Bool,
                                 dropBackticks: Bool) -> Int {
        var lastWasSpace = trimLeading
        var i = 0, written = 0
        let count = source.count
        while i < count {
            let byte = source[i]
            // Most bytes are none of the few this function changes: copy them at once.
            if byte > 0x20 && byte != 0x60 && byte != 0xC2 && byte != 0xE3 {
                output[written] = byte
                written += 1
                lastWasSpace = false
                i += 1
                continue
            }
            if byte == 0x60 && dropBackticks {
                i += 1
                continue
            }
            var spaceLength = 0
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                spaceLength = 1
            } else if byte == 0xC2, i + 1 < count, source[i + 1] == 0xA0 {
                spaceLength = 2
            } else if byte == 0xE3, i + 2 < count, source[i + 1] == 0x80, source[i + 2] == 0x80 {
                spaceLength = 3
            }
            if spaceLength > 0 {
                if !lastWasSpace { output[written] = 0x20; written += 1 }
                lastWasSpace = true
                i += spaceLength
            } else {
                // Lead bytes C2/E3 never appear inside a character, so a byte at a time is safe.
                output[written] = byte
                written += 1
                lastWasSpace = false
                i += 1
            }
        }
        return written
    }

    /// . ! ; , : | and their full-width forms 。！；，：｜ (E3 80 82; EF BC 81, 9B, 8C, 9A; EF BD 9C), and spaces.
    private static func trimTrailing(_ bytes: inout [UInt8]) {
        while let last = bytes.last {
            switch last {
            case 0x20, 0x2E, 0x21, 0x3B, 0x2C, 0x3A, 0x7C, 0x09...0x0D:
                bytes.removeLast()
            case 0x82 where bytes.count >= 3 && bytes[bytes.count - 3] == 0xE3 && bytes[bytes.count - 2] == 0x80,
                 0x81 where bytes.count >= 3 && bytes[bytes.count - 3] == 0xEF && bytes[bytes.count - 2] == 0xBC,
                 0x9B where bytes.count >= 3 && bytes[bytes.count - 3] == 0xEF && bytes[bytes.count - 2] == 0xBC,
                 0x8C where bytes.count >= 3 && bytes[bytes.count - 3] == 0xEF && bytes[bytes.count - 2] == 0xBC,
                 0x9A where bytes.count >= 3 && bytes[bytes.count - 3] == 0xEF && bytes[bytes.count - 2] == 0xBC,
                 0x9C where bytes.count >= 3 && bytes[bytes.count - 3] == 0xEF && bytes[bytes.count - 2] == 0xBD:
                bytes.removeLast(3)
            default:
                return
            }
        }
    }
}
