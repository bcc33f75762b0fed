#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// UTF-8 bytes as a dictionary key: hashed as one block, with none of String's Unicode
/// normalization, which matters when a key is looked up once per log line.
package struct ByteKey: Hashable, Sendable {
    package let bytes: [UInt8]

    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    // Inlinable, as are the hash below and the template match, because they run for every line
    // of a log in another module (the matcher's), where a call the optimizer cannot see into
    // costs a third of classify's time.
    @inlinable
    package static func == (a: ByteKey, b: ByteKey) -> Bool {
        a.bytes.count == b.bytes.count && a.bytes.withUnsafeBytes { x in
            b.bytes.withUnsafeBytes { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
    }

    /// Hashes the length and at most 48 bytes from the ends: messages differ early or late, and
    /// equality still compares every byte.
    @inlinable
    package func hash(into hasher: inout Hasher) {
        hasher.combine(bytes.count)
        bytes.withUnsafeBytes { raw in
            if raw.count <= 48 {
                hasher.combine(bytes: raw)
            } else {
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw[..<32]))
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw[(raw.count - 16)...]))
            }
        }
    }
}
