#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file cut into byte ranges of whole lines, for jobs that read one range each
/// (`kb classify --jobs`). Every range but the last ends just after a `\n`, so each line (an LF,
/// CRLF or lone-CR line alike) lies in one range and `LineReader` reads a range's lines exactly
/// as it reads them in the whole file. No range after the first starts with a UTF-8 BOM, which
/// `LineReader` would drop at the start of its input.
package enum LineRanges {
    /// About `count` ranges of about equal length, none shorter than `minimumLength` bytes
    /// (fewer ranges when the file is small; one when it is smaller than twice that); a range
    /// holds at least one line, so a file of a few long lines gives fewer ranges. Throws
    /// `LineReader.Failure` when the file cannot be opened or read.
    package static func split(path: String, count: Int, minimumLength: Int) throws -> [Range<Int>] {
        let descriptor: Int32
        do { descriptor = try SystemFile.openForReading(path, regularOnly: true) } catch let failure as FileStatus.Failure {
            throw LineReader.Failure(path: path, reason: failure.reason)
        }
        defer { close(descriptor) }
        guard let status = FileStatus.of(descriptor: descriptor) else {
            throw LineReader.Failure(path: path, reason: String(cString: strerror(errno)))
        }
        let size = Int(status.size)
        let wanted = min(count, size / max(1, minimumLength))
        guard wanted > 1 else { return [0..<size] }
        var ends = [0]
        for index in 1..<wanted {
            let nominal = max(size / wanted * index, ends[ends.count - 1] + 1)
            guard nominal < size, let end = try lineStart(at: nominal, in: descriptor, size: size, path: path), end < size else { break }
            ends.append(end)
        }
        ends.append(size)
        return zip(ends, ends.dropFirst()).map { $0..<$1 }
    }

    /// The first offset at or after `offset` that starts a line (follows a `\n`) and does not
    /// start with a BOM; nil when no line starts there before the end.
    static func lineStart(at offset: Int, in descriptor: Int32, size: Int, path: String) throws -> Int? {
        var position = offset - 1  // the byte before a line start is its predecessor's LF
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while position < size {
            let count = try read(descriptor, into: &buffer, at: position, path: path)
            guard count > 0 else { return nil }
            let found = buffer.withUnsafeBufferPointer { bytes in
                bytes.prefix(count).firstIndex(of: 0x0A)
            }
            guard let found else { position += count; continue }
            let start = position + found + 1
            var head = [UInt8](repeating: 0, count: 3)
            let headCount = try read(descriptor, into: &head, at: start, path: path)
            if headCount == 3 && head == [0xEF, 0xBB, 0xBF] { position = start; continue }
            return start
        }
        return nil
    }

    /// pread(2) until the buffer is full or the file ends; the bytes read.
    private static func read(_ descriptor: Int32, into buffer: inout [UInt8], at offset: Int, path: String) throws -> Int {
        var total = 0
        while total < buffer.count {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + total, $0.count - total, off_t(offset + total)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw LineReader.Failure(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            total += count
        }
        return total
    }
}
