/// UTF-8 bytes as a dictionary key: hashed as one block, with none of String's Unicode
/// normalization, which matters when a key is looked up once per log line.
package struct ByteKey: Hashable, Sendable {
    package let bytes: [UInt8]

    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Hashes the length and at most 48 bytes from the ends: messages differ early or late, and
    /// equality still compares every byte.
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
