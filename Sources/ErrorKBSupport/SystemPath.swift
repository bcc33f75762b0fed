#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths as the kernel takes them: bytes, which need not be UTF-8 (a file name written on a
/// Latin-1 system, say). kb carries every path as a String: bytes that are not valid UTF-8 are
/// carried as one scalar each from a private-use block (byte 0x80 + n as U+10FE80 + n, the way
/// Python's "surrogateescape" carries them), so that a path read from the command line, the
/// environment or a directory reaches the kernel byte for byte. A valid UTF-8 sequence for one
/// of those scalars is escaped byte by byte too, so the mapping is exact both ways.
package enum SystemPath {
    /// The first of the 128 scalars that stand for the bytes 0x80…0xFF.
    private static let escapeBase: UInt32 = 0x10FE00

    /// The string form of bytes from the system: an argument, an environment value, a file name.
    package static func string(_ bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            if let (scalar, length) = decode(bytes, at: index), !isEscape(scalar.value) {
                scalars.append(scalar)
                index += length
            } else {
                // A byte that is not part of valid UTF-8 (always ≥ 0x80; ASCII always decodes).
                scalars.append(Unicode.Scalar(escapeBase + UInt32(bytes[index]))!)
                index += 1
            }
        }
        return String(scalars)
    }

    /// The bytes a path string stands for.
    package static func bytes(_ path: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count)
        for scalar in path.unicodeScalars {
            if isEscape(scalar.value) {
                bytes.append(UInt8(scalar.value - escapeBase))
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        return bytes
    }

    /// Calls `body` with the path as the kernel takes it, NUL-terminated.
    package static func withCString<T>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
        var bytes = bytes(path).map { CChar(bitPattern: $0) }
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    /// The path as text for people and for the database: escaped bytes as `\xFF`.
    package static func display(_ path: String) -> String {
        guard path.unicodeScalars.contains(where: { isEscape($0.value) }) else { return path }
        var text = ""
        for scalar in path.unicodeScalars {
            if isEscape(scalar.value) {
                let byte = UInt8(scalar.value - escapeBase)
                text += "\\x" + String(byte, radix: 16, uppercase: true)
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// An environment variable as a path string; nil when unset.
    package static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return string(UnsafeBufferPointer(start: UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self), count: strlen(value)))
    }

    /// The last component of a path ("a/b.md" → "b.md"), as the importer names documents.
    package static func lastComponent(_ path: String) -> String {
        let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        return trimmed.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? trimmed
    }

    /// The directory part of a path ("a/b.md" → "a", "b.md" → ".", "/b" → "/").
    package static func directory(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func isEscape(_ value: UInt32) -> Bool {
        value >= escapeBase + 0x80 && value <= escapeBase + 0xFF
    }

    /// The scalar whose well-formed UTF-8 starts at `index`, and its length (Unicode's table 3-7).
    private static func decode(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            let byte = bytes[index + offset]
            let (min, max): (UInt8, UInt8) = offset == 1 ? (low, high) : (0x80, 0xBF)
            guard byte >= min && byte <= max else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return Unicode.Scalar(value).map { ($0, length) }
    }
}
