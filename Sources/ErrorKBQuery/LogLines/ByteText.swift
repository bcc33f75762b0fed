#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// An integer at `index`: an optional minus (ASCII or U+2212), then 1-19 digits that no
    /// other digit, `.digit` or letter follows, within Int64 (a larger number is no code).
    /// Returns its value and where it ends.
    static func integer(in line: ArraySlice<UInt8>, at index: Int) -> (value: Int64, end: Int)? {
        var i = index
        var negative = false
        if i < line.endIndex, line[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        } else if has(minusSign, in: line, at: i) {
            negative = true
            i += 3
        }
        let digits = i
        // 19 digits fit in UInt64; Int64's range is checked at the end (no overflow trap).
        var magnitude: UInt64 = 0
        while i < line.endIndex, isDigit(line[i]), i - digits < 19 {
            magnitude = magnitude * 10 + UInt64(line[i] - 0x30)
            i += 1
        }
        guard i > digits else { return nil }
        if i < line.endIndex {
            let next = line[i]
            if isDigit(next) || isLetter(next) { return nil }
            if next == UInt8(ascii: "."), i + 1 < line.endIndex, isDigit(line[i + 1]) { return nil }
        }
        guard magnitude <= (negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)) else { return nil }
        return (negative ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(magnitude), i)
    }

    /// U+2212 MINUS SIGN, which pages and some logs write for `-`.
    static let minusSign: [UInt8] = [0xE2, 0x88, 0x92]

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
