#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ErrorKBModel

/// Byte-level reading of a log line's UTF-8, for the formats: searching, numbers, character
/// classes. Every function looks at each byte a bounded number of times.
enum ByteText {
    /// Where `needle` first occurs in `line` at or after `from` (memchr for its first byte, then
    /// a comparison).
    static func find(_ needle: [UInt8], in line: ArraySlice<UInt8>, from: Int? = nil) -> Int? {
        let start = from ?? line.startIndex
        guard !needle.isEmpty, start >= line.startIndex, start < line.endIndex, line.endIndex - start >= needle.count else { return nil }
        return line.withUnsafeBufferPointer { buffer -> Int? in
            needle.withUnsafeBufferPointer { pattern -> Int? in
                guard let base = buffer.baseAddress, let p = pattern.baseAddress else { return nil }
                var offset = start - line.startIndex
                let last = buffer.count - pattern.count
                while offset <= last {
                    guard let hit = memchr(base + offset, Int32(p[0]), last - offset + 1) else { return nil }
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, p, pattern.count) == 0 { return line.startIndex + at }
                    offset = at + 1
                }
                return nil
            }
        }
    }

    /// Whether `line` holds `needle` at `index`.
    static func has(_ needle: [UInt8], in line: ArraySlice<UInt8>, at index: Int) -> Bool {
        index >= line.startIndex && index + needle.count <= line.endIndex && line[index..<(index + needle.count)].elementsEqual(needle)
    }

    /// Whether `line` holds `needle` at `index`, ignoring ASCII case (`needle` in lower case).
    static func hasFolded(_ needle: [UInt8], in line: ArraySlice<UInt8>, at index: Int) -> Bool {
        guard index >= line.startIndex, index + needle.count <= line.endIndex else { return false }
        for (offset, byte) in needle.enumerated() where lower(line[index + offset]) != byte { return false }
        return true
    }

    /// An integer at `index`: an optional minus (ASCII, or another one people paste: `MinusSign`),
    /// then 1-19 digits, ASCII or full-width
    /// (`－１１２１`), that no other digit, `.digit` or letter follows, within Int64 (a larger number
    /// is no code). Returns its value and where it ends.
    static func integer(in line: ArraySlice<UInt8>, at index: Int) -> (value: Int64, end: Int)? {
        var i = index
        var negative = false
        if i < line.endIndex, line[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        } else if let length = minusLength(line, at: i) {
            negative = true
            i += length
        }
        let digits = i
        var count = 0
        // 19 digits fit in UInt64; Int64's range is checked at the end (no overflow trap).
        var magnitude: UInt64 = 0
        while count < 19, let (digit, length) = digit(line, at: i) {
            magnitude = magnitude * 10 + UInt64(digit)
            i += length
            count += 1
        }
        guard i > digits else { return nil }
        if i < line.endIndex {
            let next = line[i]
            if isDigit(next) || isLetter(next) || self.digit(line, at: i) != nil { return nil }
            if next == UInt8(ascii: "."), i + 1 < line.endIndex, isDigit(line[i + 1]) { return nil }
        }
        guard magnitude <= (negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)) else { return nil }
        return (negative ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(magnitude), i)
    }

    /// The digit at `index`, ASCII or full-width (U+FF10-FF19: EF BC 90-99), and its length in bytes.
    @inline(__always)
    static func digit(_ line: ArraySlice<UInt8>, at index: Int) -> (value: UInt8, length: Int)? {
        guard index < line.endIndex else { return nil }
        let byte = line[index]
        if isDigit(byte) { return (byte - 0x30, 1) }
        guard byte == 0xEF, index + 2 < line.endIndex, line[index + 1] == 0xBC, line[index + 2] >= 0x90, line[index + 2] <= 0x99 else { return nil }
        return (line[index + 2] - 0x90, 3)
    }

    /// The length of a minus sign other than ASCII's (`MinusSign`, 3 bytes each) at `index`, nil
    /// when none is there.
    static func minusLength(_ line: ArraySlice<UInt8>, at index: Int) -> Int? {
        guard index + 2 < line.endIndex, isMinusLead(line[index]) else { return nil }
        let second = line[index + 1], third = line[index + 2]
        guard second & 0xC0 == 0x80, third & 0xC0 == 0x80 else { return nil }
        let value = UInt32(line[index] & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
        return MinusSign.isOther(value) ? 3 : nil
    }

    /// Whether a byte can start a minus sign: `-`'s own, or the lead byte of one of the others.
    @inline(__always)
    static func isMinusLead(_ byte: UInt8) -> Bool { byte == 0xE2 || byte == 0xEF }

    /// The character at `index` as a message names it: `'x'` for printable ASCII, `'－' (U+FF0D)`
    /// for another printable character, `U+0007` for one that prints nothing, `byte 0xFF` for a
    /// byte that starts no UTF-8 character (never a byte shown as Latin-1).
    static func describe(in line: ArraySlice<UInt8>, at index: Int) -> String {
        let byte = line[index]
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        var decoder = UTF8()
        var iterator = line[index..<min(index + 4, line.endIndex)].makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return "byte 0x" + String(byte, radix: 16, uppercase: true) }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .unassigned, .privateUse, .surrogate: return code
        default: return "'\(Character(scalar))' (\(code))"
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isWordByte(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) || byte == UInt8(ascii: "_") }
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// The index after the spaces from `index`.
    static func skipSpaces(_ line: ArraySlice<UInt8>, from index: Int) -> Int {
        var i = index
        while i < line.endIndex, isSpace(line[i]) { i += 1 }
        return i
    }

    /// `line` without spaces at either end.
    static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var result = line
        while let first = result.first, isSpace(first) { result.removeFirst() }
        while let last = result.last, isSpace(last) { result.removeLast() }
        return result
    }
}
