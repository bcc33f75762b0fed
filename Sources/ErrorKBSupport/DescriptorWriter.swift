#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes to a file descriptor through a buffer, and throws when a write fails, with the
/// system's reason: Foundation's `FileHandle.write` traps on an error and `print` drops it, and
/// neither will do for output that must either arrive or be reported (standard output, the
/// temporary file of a write).
package final class DescriptorWriter {
    /// A write that failed: the errno and its text ("No space left on device").
    package struct Failure: Error, Equatable {
        package let code: Int32
        package var reason: String { String(cString: strerror(code)) }
    }

    package let descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int

    /// Writes to `descriptor`, which stays open (the caller owns it); `capacity` bytes are
    /// gathered before a write.
    package init(descriptor: Int32, capacity: Int = 1 << 16) {
        self.descriptor = descriptor
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    package func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(bytes: $0) }
    }

    package func write(_ data: Data) throws {
        try data.withUnsafeBytes { try write(bytes: $0.bindMemory(to: UInt8.self)) }
    }

    package func write(bytes: UnsafeBufferPointer<UInt8>) throws {
        if buffer.count + bytes.count > capacity { try flush() }
        if bytes.count >= capacity {
            try Self.writeAll(descriptor, bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Writes what is buffered.
    package func flush() throws {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        try buffer.withUnsafeBufferPointer { try Self.writeAll(descriptor, $0) }
    }

    /// write(2) until every byte is written (it may take part), retrying after a signal.
    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = systemWrite(descriptor, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(code: errno)
            }
            next += written
            left -= written
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
