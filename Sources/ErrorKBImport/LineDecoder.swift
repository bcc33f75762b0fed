import ErrorKBSupport

/// Turns the line reader's blocks of bytes into a document's numbered text lines. Each block is
/// checked as UTF-8 with its NUL bytes (so that removing them cannot make bad bytes good); NULs
/// are then removed from the text (SQLite and its clients read text as C strings, which end at a
/// NUL) and each line that had one is reported.
struct LineDecoder {
    let fileName: String
    /// Lines whose NUL bytes were removed.
    private(set) var nulLines: [Int] = []
    /// Set at the first block that is not UTF-8: reading stops there.
    private(set) var error: ImportError?

    init(fileName: String) {
        self.fileName = fileName
    }

    /// The block's lines; nil when it is not UTF-8 (see `error`).
    mutating func decode(_ block: LineReader.Block) -> [SourceLine]? {
        guard var text = String(validating: block.bytes, as: UTF8.self) else {
            let bad = block.lines.firstIndex { String(validating: block.bytes[$0], as: UTF8.self) == nil } ?? 0
            error = .notUTF8(file: fileName, line: block.firstNumber + bad)
            return nil
        }
        var ranges = block.lines
        if block.bytes.contains(0) {
            // Only lines hold NULs (line endings are CR and LF), so each range shrinks by its own
            // NULs and moves back by those before it.
            var removed = 0
            ranges = block.lines.enumerated().map { offset, range in
                let nuls = block.bytes[range].reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
                if nuls > 0 { nulLines.append(block.firstNumber + offset) }
                defer { removed += nuls }
                return (range.lowerBound - removed)..<(range.upperBound - removed - nuls)
            }
            text = String(decoding: block.bytes.filter { $0 != 0 }, as: UTF8.self)
        }
        return SourceLine.lines(of: text, at: ranges, firstNumber: block.firstNumber)
    }
}
