import ErrorKBSupport

/// The lines of a document as a parser sees them: by index (line number - 1), read from a
/// `LineReader` (and decoded by a `LineDecoder`) as the parser looks ahead, and let go once the
/// parser has moved past them. A
/// parser may look ahead as far as it needs (an unclosed fence reads to the end); memory holds
/// only the lines between the oldest one kept and the furthest one looked at.
final class LineWindow {
    private let reader: LineReader
    private var decoder: LineDecoder
    private var buffer: [SourceLine] = []
    /// The index of `buffer[0]`.
    private var base = 0
    /// Lines before `buffer[head]` are let go.
    private var head = 0
    private var exhausted = false
    /// The most lines held at once (for tests: it stays small however long the document).
    private(set) var peakRetained = 0

    init(_ reader: LineReader) {
        self.reader = reader
        decoder = LineDecoder(fileName: reader.fileName)
    }

    /// Why reading stopped early: the input could not be read, or is not UTF-8.
    var error: ImportError? {
        decoder.error ?? reader.failure.map { .unreadable(file: $0.path, reason: $0.reason) }
    }

    /// Lines whose NUL bytes were removed.
    var nulLines: [Int] { decoder.nulLines }

    /// Whether the document has a line at `index`.
    func has(_ index: Int) -> Bool {
        load(through: index)
        return index < base + buffer.count
    }

    subscript(index: Int) -> SourceLine {
        load(through: index)
        precondition(index >= base + head, "line \(index + 1) was already let go")
        return buffer[index - base]
    }

    /// The first index at or after `start` whose line satisfies `predicate`.
    func firstIndex(from start: Int, where predicate: (SourceLine) -> Bool) -> Int? {
        var index = start
        while has(index) {
            if predicate(self[index]) { return index }
            index += 1
        }
        return nil
    }

    /// The index of the document's last line (-1 when it has none); reads to the end.
    var lastIndex: Int {
        while load() {}
        return base + buffer.count - 1
    }

    /// Up to `count` lines from the start (for telling the format), without letting any go.
    func prefix(_ count: Int) -> ArraySlice<SourceLine> {
        load(through: count - 1)
        return buffer[head..<min(buffer.count, head + count)]
    }

    /// Lets go of the lines before `index`, handing each to `dropped` first.
    func release(below index: Int, _ dropped: (SourceLine) -> Void) {
        let end = min(index - base, buffer.count)
        guard end > head else { return }
        for position in head..<end { dropped(buffer[position]) }
        head = end
        // Compact now and then, so that letting go is cheap per line.
        if head >= 4096 && head * 2 >= buffer.count {
            buffer.removeFirst(head)
            base += head
            head = 0
        }
    }

    private func load(through index: Int) {
        while index >= base + buffer.count, load() {}
    }

    /// Reads the next lines; false at the end.
    private func load() -> Bool {
        guard !exhausted else { return false }
        guard let block = reader.nextBlock(), let lines = decoder.decode(block) else {
            exhausted = true
            return false
        }
        buffer.append(contentsOf: lines)
        peakRetained = max(peakRetained, buffer.count - head)
        return true
    }
}
