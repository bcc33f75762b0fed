/// UTF-8 bytes as a dictionary key: hashed as one block, with none of String's Unicode
/// normalization, which matters when a key is looked up once per log line.
struct ByteKey: Hashable, Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
