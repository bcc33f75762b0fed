import Foundation

/// Where a document's bytes come from: memory (the seed corpus, tests) or a file read in chunks.
public enum DocumentBytes: Sendable {
    case memory(Data)
    case file(path: String)
}

/// Reads a document as numbered lines, a chunk at a time, so that memory does not grow with the
/// document. Lines end at LF, CRLF or a lone CR (also when a CRLF is split between chunks); a
/// final line ending does not start a new line; a leading BOM is dropped. Each chunk is checked
/// as UTF-8; NUL bytes are removed from the text and reported by line. The SHA-256 and size are
/// of the bytes as read, BOM and NULs included.
final class LineReader {
    let fileName: String
    private var handle: FileHandle?
    private var pending: Data?
    private let chunkSize: Int
    private var carry: [UInt8] = []
    private var skipLeadingLF = false
    private var atStart = true
    private var finished = false
    private var digest = SHA256()
    private(set) var size = 0
    /// Lines read so far; the document's line count once `next()` returned nil.
    private(set) var lineCount = 0
    /// Lines whose NUL bytes were removed.
    private(set) var nulLines: [Int] = []
    /// Set when a chunk is not UTF-8: reading stops there.
    private(set) var error: ImportError?

    /// The default chunk: large enough that per-chunk work is negligible, small next to the document.
    static let defaultChunkSize = 1 << 20

    init(_ bytes: DocumentBytes, fileName: String, chunkSize: Int = LineReader.defaultChunkSize) throws {
        self.fileName = fileName
        self.chunkSize = max(1, chunkSize)
        switch bytes {
        case .memory(let data):
            pending = data
        case .file(let path):
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw ImportError.unreadable(file: path, reason: String(cString: strerror(errno)))
            }
            self.handle = handle
        }
    }

    deinit { try? handle?.close() }

    /// The hex SHA-256 of every byte read; call after the last line.
    func sha256() -> String { digest.finalize().map { String(format: "%02x", $0) }.joined() }

    /// The next lines (at least one), or nil at the end of the document or at an invalid chunk.
    func next() -> [SourceLine]? {
        while !finished {
            let chunk: Data
            if let data = pending {
                // Memory is read in chunks too, so that both sources split lines the same way.
                chunk = data.prefix(chunkSize)
                pending = data.count > chunkSize ? data.dropFirst(chunkSize) : nil
            } else if let handle {
                do { chunk = try handle.read(upToCount: chunkSize) ?? Data() } catch {
                    self.error = .unreadable(file: fileName, reason: error.localizedDescription)
                    finished = true
                    return nil
                }
            } else {
                chunk = Data()
            }
            if chunk.isEmpty {
                finished = true
                var last = carry
                carry = []
                if atStart, last.starts(with: [0xEF, 0xBB, 0xBF]) { last.removeFirst(3) }
                guard !last.isEmpty else { return nil }
                return decode(last)
            }
            digest.update(chunk)
            size += chunk.count
            var bytes = carry
            bytes.append(contentsOf: chunk)
            carry = []
            var start = 0
            if atStart {
                // Too few bytes yet to tell a BOM: wait for more.
                if bytes.count < 3 { carry = bytes; continue }
                atStart = false
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
            }
            if skipLeadingLF, start < bytes.count {
                if bytes[start] == 0x0A { start += 1 }
                skipLeadingLF = false
            }
            // Complete lines end at the last line ending; the rest waits for the next chunk.
            guard let lastEnd = bytes[start...].lastIndex(where: { $0 == 0x0A || $0 == 0x0D }) else {
                carry = Array(bytes[start...])
                continue
            }
            // A CR that ends the chunk may be the first half of a CRLF.
            if bytes[lastEnd] == 0x0D { skipLeadingLF = true }
            carry = Array(bytes[(lastEnd + 1)...])
            if let lines = decode(Array(bytes[start...lastEnd])), !lines.isEmpty { return lines }
            if error != nil { return nil }
        }
        return nil
    }

    /// Turns whole lines of bytes into numbered lines.
    private func decode(_ bytes: [UInt8]) -> [SourceLine]? {
        // Checked with its NULs (valid UTF-8), so removing them cannot make bad bytes good.
        guard var text = String(validating: bytes, as: UTF8.self) else {
            error = .notUTF8(file: fileName, line: lineCount + Self.firstInvalidLine(bytes))
            finished = true
            return nil
        }
        if bytes.contains(0) {
            nulLines += SourceLine.split(text, firstNumber: lineCount + 1).filter { $0.text.utf8.contains(0) }.map(\.number)
            text = String(decoding: bytes.filter { $0 != 0 }, as: UTF8.self)
        }
        let lines = SourceLine.split(text, firstNumber: lineCount + 1)
        lineCount += lines.count
        return lines
    }

    /// The 1-based line (within `bytes`) of the first byte that is not UTF-8.
    private static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
        var line = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            guard length > 0, index + length <= bytes.count,
                  String(validating: bytes[index..<index + length], as: UTF8.self) != nil else { return line }
            if byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) { line += 1 }
            index += length
        }
        return line
    }
}
