#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Substring {
    /// Trims ASCII whitespace, no-break spaces (U+00A0), ideographic spaces (U+3000) and BOMs
    /// (U+FEFF), working on UTF-8 bytes: this runs for every line of every document.
    package func trimmingWhitespace() -> Substring {
        let utf8 = self.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end {
            let length = Self.spaceLength(utf8, at: start, end: end)
            guard length > 0 else { break }
            start = utf8.index(start, offsetBy: length)
        }
        while start < end {
            let length = Self.trailingSpaceLength(utf8, from: start, before: end)
            guard length > 0 else { break }
            end = utf8.index(end, offsetBy: -length)
        }
        return self[start..<end]
    }

    /// Whether the text is empty or only spaces.
    package var isBlankText: Bool { trimmingWhitespace().isEmpty }

    private static func spaceLength(_ utf8: Substring.UTF8View, at index: Substring.UTF8View.Index, end: Substring.UTF8View.Index) -> Int {
        let byte = utf8[index]
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return 1 }
        guard byte == 0xC2 || byte == 0xE3 || byte == 0xEF else { return 0 }
        let rest = utf8[index..<end].prefix(3)
        if rest.starts(with: [0xC2, 0xA0]) { return 2 }
        if rest.elementsEqual([0xE3, 0x80, 0x80]) || rest.elementsEqual([0xEF, 0xBB, 0xBF]) { return 3 }
        return 0
    }

    private static func trailingSpaceLength(_ utf8: Substring.UTF8View, from start: Substring.UTF8View.Index, before end: Substring.UTF8View.Index) -> Int {
        let last = utf8[utf8.index(before: end)]
        if last == 0x20 || (last >= 0x09 && last <= 0x0D) { return 1 }
        let count = utf8.distance(from: start, to: end)
        if last == 0xA0, count >= 2, utf8[utf8.index(end, offsetBy: -2)] == 0xC2 { return 2 }
        if count >= 3 {
            let tail = utf8[utf8.index(end, offsetBy: -3)..<end]
            if tail.elementsEqual([0xE3, 0x80, 0x80]) || tail.elementsEqual([0xEF, 0xBB, 0xBF]) { return 3 }
        }
        return 0
    }
}

extension String {
    package func trimmingWhitespace() -> String { String(self[...].trimmingWhitespace()) }
}

extension Unicode.Scalar {
    /// Han, kana and Hangul letters: the scripts written without spaces between words.
    package var isCJK: Bool {
        switch value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF,
             0xF900...0xFAFF, 0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }

    /// A letter or a digit of any script (what search takes as part of a word): alphabetic, or
    /// with a numeric value. ASCII is answered without Unicode's property tables, which were a
    /// tenth of a search's time.
    package var isWordScalar: Bool {
        if value < 0x80 { return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
        return properties.isAlphabetic || properties.numericType != nil
    }
}

extension StringProtocol {
    /// Byte-level substring test, without Foundation (whose search folds characters and is slow).
    package func containsBytes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { pattern in
            // Native strings and their substrings are contiguous, so this copies nothing.
            utf8.withContiguousStorageIfAvailable { bytesContain($0, pattern) }
                ?? Array(utf8).withUnsafeBufferPointer { bytesContain($0, pattern) }
        }
    }

    /// Whether an ASCII byte occurs, without Foundation.
    package func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.count > 0 && memchr($0.baseAddress!, Int32(byte), $0.count) != nil } ?? utf8.contains(byte)
    }
}

/// memchr for the first byte, then memcmp.
private func bytesContain(_ haystack: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let p = pattern.baseAddress, !pattern.isEmpty else { return true }
    guard let h = haystack.baseAddress, haystack.count >= pattern.count else { return false }
    let last = haystack.count - pattern.count
    var start = 0
    while start <= last {
        guard let hit = memchr(h + start, Int32(p[0]), last - start + 1) else { return false }
        let index = hit.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: h)
        if memcmp(h + index, p, pattern.count) == 0 { return true }
        start = index + 1
    }
    return false
}
