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

    public mutating func next() -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
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
