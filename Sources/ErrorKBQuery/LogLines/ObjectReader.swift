import Foundation

/// Reads one object literal as the API and client libraries print a payload, just far enough to
/// take its `code` and `msg` (or `message`), without building a dictionary:
///
///     {"code":-2019,"msg":"Margin is insufficient."}          JSON
///     {'code': -2019, 'msg': "Order's position side …"}       a Python dict's repr
///     { code: -2019, msg: 'Margin is insufficient.' }        Node's util.inspect
///
/// Keys are quoted with `"` or `'`, or bare identifiers; strings take either quote and JSON's or
/// Python's escapes; bare words (`null`, `None`, `True`, `undefined`) are values; arrays, objects
/// and tuples nest to `maxDepth`. Reading stops at the object's end, so its cost is the object's
/// length.
struct ObjectReader {
    let bytes: ArraySlice<UInt8>
    var index: Int
    /// The whole line (`bytes` may be a part of it), for column numbers in messages.
    let line: ArraySlice<UInt8>
    /// The code, once its value has been read whole (kept when the rest of the object fails).
    private(set) var code: Int64?
    private(set) var message: ArraySlice<UInt8>?
    /// How the `code` key was quoted: `"`, `'`, or 0 for a bare key (which tells JSON, a Python
    /// dict and Node's output apart).
    private(set) var codeKeyQuote: UInt8?
    private var sawKey = false

    static let maxDepth = 32
    private static let codeKey = Array("code".utf8), msgKey = Array("msg".utf8), messageKey = Array("message".utf8)

    /// What the object holds: its code and message when it has either key.
    struct Fields { var code: Int64?; var message: ArraySlice<UInt8>? }
    enum Outcome { case success(Fields?), failure(String) }
    struct Failure: Error { let reason: String }

    init(bytes: ArraySlice<UInt8>, index: Int, line: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.index = index
        self.line = line
    }

    /// Reads the object that starts at `index`.
    mutating func readPayload() -> Outcome {
        do {
            try expect(UInt8(ascii: "{"))
            try readMembers(depth: 0, capture: true)
            return .success(sawKey ? Fields(code: code, message: message) : nil)
        } catch let failure as Failure {
            return .failure(failure.reason)
        } catch {
            return .failure("\(error)")
        }
    }

    /// The members of an object whose `{` was read, through its `}`.
    private mutating func readMembers(depth: Int, capture: Bool) throws {
        skipSpace()
        if peek() == UInt8(ascii: "}") { index += 1; return }
        while true {
            skipSpace()
            let keyQuote = peek()
            let key = try readKey()
            skipSpace()
            try expect(UInt8(ascii: ":"))
            skipSpace()
            if capture && Self.equal(key, Self.codeKey) {
                sawKey = true
                codeKeyQuote = keyQuote == UInt8(ascii: "\"") || keyQuote == UInt8(ascii: "'") ? keyQuote : 0
                code = try readCode()
            } else if capture && (Self.equal(key, Self.msgKey) || Self.equal(key, Self.messageKey)) {
                sawKey = true
                if let quote = peek(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    message = try readString()
                } else {
                    try skipValue(depth: depth + 1)
                }
            } else {
                try skipValue(depth: depth + 1)
            }
            skipSpace()
            if peek() == UInt8(ascii: ",") {
                index += 1
                skipSpace()
                if peek() == UInt8(ascii: "}") { index += 1; return }
                continue
            }
            try expect(UInt8(ascii: "}"))
            return
        }
    }

    private static func equal(_ a: ArraySlice<UInt8>, _ b: [UInt8]) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in memcmp(x.baseAddress!, y.baseAddress!, b.count) == 0 } }
    }

    func peek() -> UInt8? { index < bytes.endIndex ? bytes[index] : nil }

    /// The column of byte `at`, in characters (a CJK character or `－` is one column).
    func column(_ at: Int) -> Int { line[line.startIndex..<at].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }

    private mutating func skipSpace() {
        while let b = peek(), b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { index += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard peek() == byte else {
            throw Failure(reason: peek() == nil ? "unexpected end of the payload" : "expected '\(Character(Unicode.Scalar(byte)))' at column \(column(index))")
        }
        index += 1
    }

    /// A key: a quoted string or a bare identifier (`code` in Node's output).
    private mutating func readKey() throws -> ArraySlice<UInt8> {
        if let quote = peek(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") { return try readString() }
        let start = index
        while let b = peek(), ByteText.isWordByte(b) || b == UInt8(ascii: "$") { index += 1 }
        guard index > start else {
            throw Failure(reason: peek() == nil ? "unexpected end of the payload" : "expected a key at column \(column(index))")
        }
        return bytes[start..<index]
    }

    /// A number, or a string holding one (`"code":"-1121"`); nil for anything else.
    private mutating func readCode() throws -> Int64? {
        guard let first = peek() else { throw Failure(reason: "unexpected end of the payload") }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            let text = ByteText.trimmed(try readString())
            // "－１１２１" as well as "-1121".
            if let (value, end) = ByteText.integer(in: text, at: text.startIndex), end == text.endIndex { return value }
            return Int64(String(decoding: text, as: UTF8.self))
        }
        if first >= 0x80, let (value, end) = ByteText.integer(in: bytes, at: index) {
            // A code written with another minus sign or full-width digits: {"code":－１１２１}.
            index = end
            guard index < bytes.endIndex else { throw Failure(reason: "unexpected end of the payload") }
            return value
        }
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || ByteText.isDigit(first) else {
            try skipValue(depth: 1)
            return nil
        }
        let start = index
        // Most codes are plain integers: read them without making a string.
        var value: Int64 = 0
        var digits = 0
        var negative = false
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { negative = first == UInt8(ascii: "-"); index += 1 }
        while let b = peek(), ByteText.isDigit(b), digits < 18 {
            value = value * 10 + Int64(b - 0x30)
            digits += 1
            index += 1
        }
        while let b = peek(), b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || ByteText.isDigit(b) || b == UInt8(ascii: ".")
                || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") { index += 1 }
        // A number the line ends in may have been cut short.
        guard index < bytes.endIndex else { throw Failure(reason: "unexpected end of the payload") }
        if digits > 0 && index - start == digits + (first == UInt8(ascii: "-") || first == UInt8(ascii: "+") ? 1 : 0) {
            return negative ? -value : value
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if let value = Int64(text) { return value }
        guard let value = Double(text) else { throw Failure(reason: "expected a code at column \(column(start))") }
        return value.rounded() == value && abs(value) < 9e18 ? Int64(value) : nil
    }

    /// Skips any value: a string, a number or bare word, or an object, array or tuple nested to
    /// `maxDepth`.
    private mutating func skipValue(depth: Int) throws {
        guard depth < Self.maxDepth else { throw Failure(reason: "the payload is nested too deeply") }
        skipSpace()
        guard let b = peek() else { throw Failure(reason: "unexpected end of the payload") }
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            try skipString(quote: b)
        case UInt8(ascii: "{"):
            index += 1
            try readMembers(depth: depth, capture: false)
        case UInt8(ascii: "["), UInt8(ascii: "("):
            let close = b == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: ")")
            index += 1
            skipSpace()
            if peek() == close { index += 1; return }
            while true {
                try skipValue(depth: depth + 1)
                skipSpace()
                if peek() == UInt8(ascii: ",") {
                    index += 1
                    skipSpace()
                    if peek() == close { index += 1; return }
                    continue
                }
                try expect(close)
                return
            }
        default:
            let start = index
            while let c = peek(), ByteText.isWordByte(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: ".") {
                index += 1
            }
            guard index > start else { throw Failure(reason: "unexpected \(ByteText.describe(in: bytes, at: start)) at column \(column(start))") }
        }
    }
}
