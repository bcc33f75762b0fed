import Foundation

/// Where bytes come from: memory (the seed corpus, tests), a regular file read in chunks, a
/// stream named by a path (a FIFO, `/dev/stdin`, a process substitution's `/dev/fd/63`), or a
/// descriptor already open (standard input).
package enum ByteSource: @unchecked Sendable {
    case memory(Data)
    /// A regular file: anything else (a FIFO, a device) is refused before it can block.
    case file(path: String)
    /// Anything that can be read but a directory; opening a FIFO waits for its writer.
    case stream(path: String)
    case descriptor(Int32)
    /// Part of a regular file: `length` bytes from `offset` (one page of a file that holds several).
    case fileRange(path: String, offset: Int, length: Int)

    /// `length` bytes from `offset` of a memory or regular-file source (a stream cannot be read twice).
    package func slice(offset: Int, length: Int) -> ByteSource {
        switch self {
        case .memory(let data):
            let start = data.startIndex + offset
            return .memory(data.subdata(in: start..<(start + length)))
        case .file(let path):
            return .fileRange(path: path, offset: offset, length: length)
        case .fileRange(let path, let base, _):
            return .fileRange(path: path, offset: base + offset, length: length)
        case .stream, .descriptor:
            preconditionFailure("a stream cannot be sliced")
        }
    }
}
