import Foundation

/// A small JSON reader for one object: just enough to take `code` and `msg` from a payload,
/// fast and without building a dictionary per line.
struct JSONReader {
    let bytes: ArraySlice<UInt8>
    var index: Int
    /// Where the line starts, for column numbers in messages.
    let base: Int

    struct Fields { var code: Int64?; var message: ArraySlice<UInt8>? }
    private static let codeKey = Array("code".utf8), msgKey = Array("msg".utf8), messageKey = Array("message".utf8)
    enum Outcome { case success(Fields?), failure(String) }
    struct Failure: Error { let reason: String }

    mutating func readPayload() -> Outcome {
        do {
            var code: Int64?
            var message: ArraySlice<UInt8>?
            var sawKey = false
            try expect(UInt8(ascii: "{"))
            skipSpace()
            if peek() == UInt8(ascii: "}") { index += 1; return .success(nil) }
            while true {
                skipSpace()
                let key = try readStringBytes()
                skipSpace()
                try expect(UInt8(ascii: ":"))
                skipSpace()
                if Self.equal(key, Self.codeKey) {
                    sawKey = true
                    code = try readCode()
                } else if Self.equal(key, Self.msgKey) || Self.equal(key, Self.messageKey) {
                    sawKey = true
                    if peek() == UInt8(ascii: "\"") { message = try readStringBytes() } else { try skipValue() }
                } else {
                    try skipValue()
                }
                skipSpace()
                if peek() == UInt8(ascii: ",") { index += 1; continue }
                try expect(UInt8(ascii: "}"))
                return .success(sawKey ? Fields(code: code, message: message) : nil)
            }
        } catch let failure as Failure {
            return .failure(failure.reason)
        } catch {
            return .failure("\(error)")
        }
    }

    private static func equal(_ a: ArraySlice<UInt8>, _ b: [UInt8]) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in memcmp(x.baseAddress!, y.baseAddress!, b.count) == 0 } }
    }

    private func peek() -> UInt8? { index < bytes.endIndex ? bytes[index] : nil }

    private func column(_ at: Int) -> Int { at - base + 1 }

    private mutating func skipSpace() {
        while let b = peek(), b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { index += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard peek() == byte else {
            throw Failure(reason: peek() == nil ? "unexpected end of JSON" : "expected '\(Character(Unicode.Scalar(byte)))' at column \(column(index))")
        }
        index += 1
    }

    /// A number, or a string holding one ("code":"-1121").
    private mutating func readCode() throws -> Int64? {
        if peek() == UInt8(ascii: "\"") { return Int64(String(decoding: try readStringBytes(), as: UTF8.self).trimmingWhitespace()) }
        if peek() == UInt8(ascii: "n") { try skipValue(); return nil }
        let start = index
        while let b = peek(), b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || (0x30...0x39).contains(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") { index += 1 }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard !text.isEmpty else { throw Failure(reason: "expected a code at column \(column(start))") }
        return Int64(text) ?? Double(text).flatMap { $0.rounded() == $0 && abs($0) < 9e18 ? Int64($0) : nil }
    }

    /// A string's UTF-8 bytes, escapes undone (a slice of the line when it has none).
    mutating func readStringBytes() throws -> ArraySlice<UInt8> {
        try expect(UInt8(ascii: "\""))
        // Most strings have no escapes: take their bytes as they are.
        // memchr finds the closing quote; the string is plain when no backslash comes before it.
        let start = index
        let end = bytes.withUnsafeBufferPointer { buffer -> Int in
            let offset = start - bytes.startIndex
            guard let base = buffer.baseAddress, offset < buffer.count,
                  let quote = memchr(base + offset, Int32(UInt8(ascii: "\"")), buffer.count - offset) else { return bytes.endIndex }
            let length = base.distance(to: quote.assumingMemoryBound(to: UInt8.self)) - offset
            if memchr(base + offset, Int32(UInt8(ascii: "\\")), length) != nil { return start - 1 }
            return start + length
        }
        if end >= start, end < bytes.endIndex, bytes[end] == UInt8(ascii: "\"") {
            defer { index = end + 1 }
            return bytes[index..<end]
        }
        index -= 1
        return Array(try readString().utf8)[...]
    }

    mutating func readString() throws -> String {
        try expect(UInt8(ascii: "\""))
        var scalars = String.UnicodeScalarView()
        var run = index
        func flush(_ end: Int) { scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars) }
        while let b = peek() {
            if b == UInt8(ascii: "\"") {
                flush(index)
                index += 1
                return String(scalars)
            }
            if b == UInt8(ascii: "\\") {
                flush(index)
                index += 1
                guard let e = peek() else { break }
                index += 1
                switch e {
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "b"): scalars.append("\u{8}")
                case UInt8(ascii: "f"): scalars.append("\u{C}")
                case UInt8(ascii: "u"): scalars.append(try readUnicodeEscape())
                default: scalars.append(Unicode.Scalar(e))
                }
                run = index
                continue
            }
            if b < 0x20 { throw Failure(reason: "control character in a string at column \(column(index))") }
            index += 1
        }
        throw Failure(reason: "unterminated string")
    }

    private mutating func readHex4() throws -> UInt32 {
        guard index + 4 <= bytes.endIndex, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
            throw Failure(reason: "bad \\u escape at column \(column(index))")
        }
        index += 4
        return value
    }

    private mutating func readUnicodeEscape() throws -> Unicode.Scalar {
        let high = try readHex4()
        // A surrogate pair is one scalar; a lone or mismatched surrogate becomes U+FFFD.
        if (0xD800...0xDBFF).contains(high), index + 5 < bytes.endIndex, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
            let saved = index
            index += 2
            let low = try readHex4()
            if (0xDC00...0xDFFF).contains(low), let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) {
                return scalar
            }
            index = saved
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    /// Skips any JSON value, nested to a sane depth.
    private mutating func skipValue(depth: Int = 0) throws {
        guard depth < 64 else { throw Failure(reason: "JSON nested too deeply") }
        skipSpace()
        guard let b = peek() else { throw Failure(reason: "unexpected end of JSON") }
        switch b {
        case UInt8(ascii: "\""): _ = try readStringBytes()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = b == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            index += 1
            skipSpace()
            if peek() == close { index += 1; return }
            while true {
                skipSpace()
                if close == UInt8(ascii: "}") {
                    _ = try readStringBytes()
                    skipSpace()
                    try expect(UInt8(ascii: ":"))
                }
                try skipValue(depth: depth + 1)
                skipSpace()
                if peek() == UInt8(ascii: ",") { index += 1; continue }
                try expect(close)
                return
            }
        default:
            let start = index
            while let c = peek(), c != UInt8(ascii: ","), c != UInt8(ascii: "}"), c != UInt8(ascii: "]"), c > 0x20 { index += 1 }
            let word = String(decoding: bytes[start..<index], as: UTF8.self)
            guard word == "true" || word == "false" || word == "null" || Double(word) != nil else {
                throw Failure(reason: "unexpected '\(word.prefix(20))' at column \(column(start))")
            }
        }
    }
}
