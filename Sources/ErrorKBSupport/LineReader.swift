import Foundation

/// The project's one line reader, for documents and logs alike. Reads its source a chunk at a
/// time, so that memory does not grow with the input, and hands over blocks of whole lines as
/// bytes. Lines end at LF, CRLF or a lone CR (also when a CRLF is split between chunks); a final
/// line ending does not start a new line; a leading BOM is dropped. When asked, the SHA-256 is
/// computed of the bytes as read (BOM included), as is `size`.
package final class LineReader {
    /// Whole lines: `bytes` holds them with their line endings, `lines` each line's range in
    /// `bytes` (line ending excluded); the first is line `firstNumber` of the input.
    package struct Block {
        package let bytes: [UInt8]
        package let lines: [Range<Int>]
        package let firstNumber: Int
        /// Where `bytes` starts in the input: a line's input offset is `offset + lines[i].lowerBound`
        /// (exact up to the first line cut to `maxLineLength`).
        package let offset: Int
        /// Indices in `lines` of the lines cut to `maxLineLength`, in order.
        package var cutLines: [Int] = []
    }

    /// Why the input could not be read (a failure to open it, or a read that failed).
    package struct Failure: Error, Equatable {
        package let path: String
        package let reason: String
    }

    /// The default chunk: large enough that per-chunk work is negligible, small next to the input.
    package static let defaultChunkSize = 1 << 20

    /// The input's name, for messages.
    package let fileName: String
    private let chunkSize: Int
    /// Lines longer than this are cut to it (`lastLineWasCut`); nil keeps every byte.
    package let maxLineLength: Int?
    /// The descriptor read from, and whether this reader opened it (and so closes it).
    private var descriptor: Int32 = -1
    private var ownsDescriptor = false
    private var pending: Data?
    /// Bytes left to read, for part of a file.
    private var remaining = Int.max
    private var carry: [UInt8] = []
    /// The input offset of `carry`'s first byte.
    private var carryOffset = 0
    /// The number of the first line.
    private let firstLine: Int
    /// Whether the carried line was cut to `maxLineLength`; what follows it up to its end is skipped.
    private var carryCut = false
    private var skipLeadingLF = false
    private var atStart = true
    private var finished = false
    private var digest: SHA256?
    /// Bytes read so far.
    package private(set) var size = 0
    /// Lines read so far (numbered from `firstLine`); the input's line count once the last block
    /// was handed over.
    package private(set) var lineCount = 0
    /// Set when a read failed: reading stops there.
    package private(set) var failure: Failure?
    /// The block `nextLine` reads from, and the index of its next line.
    private var current: Block?
    private var nextIndex = 0

    /// Opens the source; throws `Failure` when a file cannot be opened. `hashing` computes the
    /// SHA-256 of what is read; `maxLineLength` (bytes) cuts longer lines, so that memory stays
    /// flat whatever the input. Lines are numbered from `firstLine` (a page that starts further
    /// down its file).
    package init(_ source: ByteSource, fileName: String, chunkSize: Int = LineReader.defaultChunkSize, hashing: Bool = true,
                 maxLineLength: Int? = nil, firstLine: Int = 1) throws {
        self.fileName = fileName
        self.firstLine = firstLine
        self.chunkSize = max(1, chunkSize)
        self.maxLineLength = maxLineLength.map { max(1, $0) }
        digest = hashing ? SHA256() : nil
        switch source {
        case .memory(let data):
            pending = data
        case .file(let path):
            try open(path, regularOnly: true)
        case .stream(let path):
            try open(path, regularOnly: false)
        case .descriptor(let fd):
            descriptor = fd
        case .fileRange(let path, let offset, let length):
            try open(path, regularOnly: true)
            guard lseek(descriptor, off_t(offset), SEEK_SET) == off_t(offset) else {
                throw Failure(path: path, reason: String(cString: strerror(errno)))
            }
            remaining = length
        }
    }

    deinit { if ownsDescriptor { close(descriptor) } }

    private func open(_ path: String, regularOnly: Bool) throws {
        do { descriptor = try SystemFile.openForReading(path, regularOnly: regularOnly) } catch let failure as FileStatus.Failure {
            throw Failure(path: path, reason: failure.reason)
        }
        ownsDescriptor = true
    }

    /// The hex SHA-256 of every byte read (of nothing when not hashing); call after the last line.
    package func sha256() -> String {
        var hash = digest ?? SHA256()
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Whether the line `nextLine` returned last was cut to `maxLineLength`.
    package private(set) var lastLineWasCut = false

    /// The next line's bytes, without its line ending; nil at the end of the input.
    package func nextLine() -> ArraySlice<UInt8>? {
        while true {
            if let block = current, nextIndex < block.lines.count {
                defer { nextIndex += 1 }
                lastLineWasCut = !block.cutLines.isEmpty && block.cutLines.contains(nextIndex)
                return block.bytes[block.lines[nextIndex]]
            }
            guard let block = nextBlock() else { current = nil; return nil }
            current = block
            nextIndex = 0
        }
    }

    /// The next lines (at least one), or nil at the end of the input or after a failed read.
    /// Each chunk is searched for line endings once, so a line over many chunks costs no more
    /// than its bytes; with `maxLineLength`, only that much of a longer line is kept.
    package func nextBlock() -> Block? {
        while !finished {
            guard let chunk = readChunk() else { return nil }
            if chunk.isEmpty {
                finished = true
                var last = carry
                carry = []
                var offset = atStart ? 0 : carryOffset
                if atStart, last.starts(with: [0xEF, 0xBB, 0xBF]) { last.removeFirst(3); offset = 3 }
                guard !last.isEmpty else { return nil }
                defer { carryCut = false }
                return block(last, firstLineCut: carryCut, offset: offset)
            }
            digest?.update(chunk)
            size += chunk.count
            if atStart {
                // Too few bytes yet to tell a BOM: wait for more.
                carry += chunk
                if carry.count < 3 { continue }
                atStart = false
                let bytes = carry
                carry = []
                let block = bytes.withUnsafeBufferPointer { consume($0, from: $0.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0, at: 0) }
                if let block { return block }
                continue
            }
            let chunkOffset = size - chunk.count
            if let block = chunk.withUnsafeBytes({ consume($0.bindMemory(to: UInt8.self), from: 0, at: chunkOffset) }) { return block }
        }
        return nil
    }

    /// Takes a chunk's bytes from `start`: the lines it completes, with the line carried over from
    /// the chunks before as the first; what follows its last line ending is carried on. `chunkOffset`
    /// is the input offset of `bytes[0]`.
    private func consume(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, at chunkOffset: Int) -> Block? {
        var start = start
        if skipLeadingLF, start < bytes.count {
            if bytes[start] == 0x0A { start += 1 }
            skipLeadingLF = false
        }
        // Complete lines end at the last line ending; the rest waits for the next chunk.
        guard let lastEnd = bytes[start...].lastIndex(where: { $0 == 0x0A || $0 == 0x0D }) else {
            if carry.isEmpty { carryOffset = chunkOffset + start }
            keep(bytes[start...])
            return nil
        }
        // A CR that ends the chunk may be the first half of a CRLF.
        if bytes[lastEnd] == 0x0D { skipLeadingLF = true }
        // The first line continues what was carried over.
        let firstEnd = bytes[start...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D })!
        let offset = carry.isEmpty ? chunkOffset + start : carryOffset
        keep(bytes[start..<firstEnd])
        var lines = carry
        let cut = carryCut
        carry = []
        carryCut = false
        lines.append(contentsOf: bytes[firstEnd...lastEnd])
        carryOffset = chunkOffset + lastEnd + 1
        keep(bytes[(lastEnd + 1)...])
        return block(lines, firstLineCut: cut, offset: offset)
    }

    /// Adds to the line carried to the next chunk, up to `maxLineLength`.
    private func keep(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        guard !carryCut else { return }
        if let limit = maxLineLength, carry.count + bytes.count > limit {
            carry += bytes.prefix(limit - carry.count)
            carryCut = true
        } else {
            carry += bytes
        }
    }

    /// The next chunk; empty at the end, nil when the read failed.
    private func readChunk() -> Data? {
        if let data = pending {
            // Memory is read in chunks too, so that both sources split lines the same way.
            pending = data.count > chunkSize ? data.dropFirst(chunkSize) : nil
            return data.prefix(chunkSize)
        }
        guard descriptor >= 0, remaining > 0 else { return Data() }
        let size = min(chunkSize, remaining)
        var data = Data(count: size)
        while true {
            let count = data.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, size) }
            if count >= 0 {
                data.count = count
                remaining -= count
                return data
            }
            if errno == EINTR { continue }
            failure = Failure(path: fileName, reason: String(cString: strerror(errno)))
            finished = true
            return nil
        }
    }

    /// The lines of `bytes`; the first was cut to `maxLineLength` when `firstLineCut`, and any
    /// other line longer than that is cut here.
    private func block(_ bytes: [UInt8], firstLineCut: Bool, offset: Int) -> Block? {
        var lines = Self.lineRanges(in: bytes)
        guard !lines.isEmpty else { return nil }
        var cut: [Int] = firstLineCut ? [0] : []
        if let limit = maxLineLength {
            for index in lines.indices where lines[index].count > limit {
                lines[index] = lines[index].lowerBound..<(lines[index].lowerBound + limit)
                if index > 0 || !firstLineCut { cut.append(index) }
            }
        }
        defer { lineCount += lines.count }
        return Block(bytes: bytes, lines: lines, firstNumber: firstLine + lineCount, offset: offset, cutLines: cut)
    }

    /// Each line's range in `bytes` from `start`, line endings (LF, CRLF, a lone CR) excluded. A
    /// final line ending does not start a new line.
    package static func lineRanges(in bytes: [UInt8], from start: Int = 0) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, start < buffer.count else { return [] }
            var lines: [Range<Int>] = []
            let count = buffer.count
            var start = start
            // Most input has no CR at all: then each line ends at the next LF.
            guard memchr(base + start, 0x0D, count - start) != nil else {
                while start < count {
                    let lf = memchr(base + start, 0x0A, count - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
                    lines.append(start..<lf)
                    start = lf + 1
                }
                return lines
            }
            var lf = -1
            while start < count {
                // The next LF is kept until passed, so that lines ending at a lone CR do not scan to
                // it again; a CR before it ends the line earlier (CRLF or a lone CR).
                if lf < start {
                    lf = memchr(base + start, 0x0A, count - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
                }
                var end = lf
                if let cr = memchr(base + start, 0x0D, lf - start) {
                    end = base.distance(to: cr.assumingMemoryBound(to: UInt8.self))
                }
                lines.append(start..<end)
                start = end < lf && end + 1 != lf ? end + 1 : lf + 1  // a lone CR, else LF or CRLF
            }
            return lines
        }
    }
}
