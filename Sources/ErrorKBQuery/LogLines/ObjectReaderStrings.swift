import Foundation

// ObjectReader's strings: read with their escapes undone (JSON's and Python's), or skipped.
extension ObjectReader {
    /// A string's UTF-8 bytes, escapes undone (a slice of the line when it has none).
    mutating func readString() throws -> ArraySlice<UInt8> {
        guard let quote = peek(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            throw Failure(reason: peek() == nil ? "unexpected end of the payload" : "expected a string at column \(column(index))")
        }
        index += 1
        let start = index
        // Most strings have no escapes: the string is plain when no backslash comes before the
        // first closing quote.
        if let end = find(quote, in: start..<bytes.endIndex), find(UInt8(ascii: "\\"), in: start..<end) == nil {
            index = end + 1
            return bytes[start..<end]
        }
        return Array(try readEscapedString(quote: quote).utf8)[...]
    }

    /// Past a string whose value is not needed: its closing quote is the first one that an even
    /// number of backslashes precedes.
    mutating func skipString(quote: UInt8) throws {
        let open = index
        index += 1
        while true {
            guard let at = find(quote, in: index..<bytes.endIndex) else {
                index = open
                _ = try readString()
                return
            }
            var backslashes = 0
            while at - backslashes - 1 > open, bytes[at - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
            index = at + 1
            if backslashes % 2 == 0 { return }
        }
    }

    private mutating func readEscapedString(quote: UInt8) throws -> String {
        var scalars = String.UnicodeScalarView()
        var run = index
        func flush(_ end: Int) { scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars) }
        while let b = peek() {
            if b == quote {
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
                case UInt8(ascii: "x"): scalars.append(Unicode.Scalar(UInt8(try readHex(2))))
                default: scalars.append(Unicode.Scalar(e))
                }
                run = index
                continue
            }
            if b < 0x20 && b != 0x09 { throw Failure(reason: "control character in a string at column \(column(index))") }
            index += 1
        }
        throw Failure(reason: "unterminated string")
    }

    private mutating func readHex(_ digits: Int) throws -> UInt32 {
        guard index + digits <= bytes.endIndex, let value = UInt32(String(decoding: bytes[index..<index + digits], as: UTF8.self), radix: 16) else {
            throw Failure(reason: "bad escape at column \(column(index))")
        }
        index += digits
        return value
    }

    private mutating func readUnicodeEscape() throws -> Unicode.Scalar {
        let high = try readHex(4)
        // A surrogate pair is one scalar; a lone or mismatched surrogate becomes U+FFFD.
        if (0xD800...0xDBFF).contains(high), index + 5 < bytes.endIndex, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
            let saved = index
            index += 2
            let low = try readHex(4)
            if (0xDC00...0xDFFF).contains(low), let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) {
                return scalar
            }
            index = saved
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    /// The first index of `byte` in `range` of `bytes` (memchr: strings are most of a payload).
    private func find(_ byte: UInt8, in range: Range<Int>) -> Int? {
        guard !range.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            let offset = range.lowerBound - bytes.startIndex
            guard let base = buffer.baseAddress, let hit = memchr(base + offset, Int32(byte), range.count) else { return nil }
            return bytes.startIndex + base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }
}
