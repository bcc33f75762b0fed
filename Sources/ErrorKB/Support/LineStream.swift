import Foundation

/// Reads a file or standard input line by line in fixed-size chunks: constant memory however
/// long the input. Lines end at LF; a CR before it is dropped. Each line is its UTF-8 bytes.
public struct LineStream: Sequence, IteratorProtocol {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    private let chunk: Int

    public init(_ handle: FileHandle, chunkSize: Int = 1 << 16) {
        self.handle = handle
        self.chunk = chunkSize
    }

    /// memchr: the line scan is the hot loop of a large log.
    private func newlineIndex() -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { pointer in
            guard let base = pointer.baseAddress, let found = memchr(base + start, 0x0A, pointer.count - start) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    public mutating func next() -> ArraySlice<UInt8>? {
        while true {
            if let newline = newlineIndex() {
                var end = newline
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[start..<end]
                start = newline + 1
                return line
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                return line
            }
            buffer.removeFirst(start)
            start = 0
            let data = (try? handle.read(upToCount: chunk)) ?? nil
            if let data, !data.isEmpty { buffer.append(contentsOf: data) } else { finished = true }
        }
    }
}
