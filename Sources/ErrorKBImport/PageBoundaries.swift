import ErrorKBModel
import ErrorKBSupport

/// Where the pages of a file start. Most files hold one page. A markdown file may hold several
/// one after another: `wallet-error-code.en+zh-CN.md` is the English wallet page, a `---`, then
/// the Chinese one. A level-1 heading after code headings, in a page whose own title is level 1,
/// starts the next page (the scrapes that repeat `# Error Codes` before any code are one page).
/// Each page is imported as a document of its own: its bytes, digest, lines and locale.
package enum PageBoundaries {
    /// One page: its first line and where its bytes lie in the file (the whole file: `length` nil).
    package struct Page: Equatable, Sendable {
        package var firstLine: Int
        package var offset: Int
        package var length: Int?
    }

    /// The pages of a document, read once (without hashing) before it is imported. Fails as
    /// reading the document would (unreadable).
    package static func scan(_ bytes: ByteSource, fileName: String) throws -> [Page] {
        let reader: LineReader
        do {
            reader = try LineReader(bytes, fileName: fileName, hashing: false)
        } catch let failure as LineReader.Failure {
            throw ImportError.unreadable(file: failure.path, reason: failure.reason)
        }
        var starts: [(line: Int, offset: Int)] = []
        var state = State()
        while let block = reader.nextBlock() {
            for (index, range) in block.lines.enumerated() where state.startsPage(block.bytes[range], line: block.firstNumber + index) {
                starts.append((block.firstNumber + index, block.offset + range.lowerBound))
            }
        }
        if let failure = reader.failure { throw ImportError.unreadable(file: failure.path, reason: failure.reason) }
        guard !starts.isEmpty else { return [Page(firstLine: 1, offset: 0, length: nil)] }
        var pages = [Page(firstLine: 1, offset: 0, length: starts[0].offset)]
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1].offset : reader.size
            pages.append(Page(firstLine: start.line, offset: start.offset, length: end - start.offset))
        }
        return pages
    }

    /// What the scan knows at a line: front matter, fences, and whether the current page has a
    /// level-1 title and code headings yet.
    private struct State {
        var inFrontMatter = false
        var inFence = false
        var levelOneTitle = false
        var sawCode = false

        /// Whether `line` starts a new page. Only its first bytes are looked at, except for a
        /// heading while the page has no code heading yet.
        mutating func startsPage(_ bytes: ArraySlice<UInt8>, line: Int) -> Bool {
            let text = bytes.drop { $0 == 0x20 }
            if line == 1, isRule(bytes) { inFrontMatter = true; return false }
            if inFrontMatter { if isRule(bytes) { inFrontMatter = false }; return false }
            guard bytes.count - text.count <= 3, let first = text.first else { return false }
            if first == UInt8(ascii: "`") || first == UInt8(ascii: "~"), text.prefix(3).allSatisfy({ $0 == first }), text.count >= 3 {
                inFence.toggle()
                return false
            }
            guard first == UInt8(ascii: "#"), !inFence else { return false }
            let hashes = text.prefix { $0 == UInt8(ascii: "#") }.count
            let after = text.dropFirst(hashes).first
            guard after == nil || after == 0x20 || after == 0x09 else { return false }
            if hashes == 1 {
                defer { levelOneTitle = true }
                if sawCode && levelOneTitle {
                    sawCode = false
                    return true
                }
                return false
            }
            if !sawCode, let heading = MarkdownText.heading(Substring(String(decoding: bytes, as: UTF8.self))) {
                sawCode = CodeLine(InlineMarkup.clean(heading.text)[...], requireMinus: false) != nil
            }
            return false
        }

        private func isRule(_ bytes: ArraySlice<UInt8>) -> Bool {
            let trimmed = bytes.filter { $0 != 0x20 && $0 != 0x09 }
            return trimmed.count == 3 && trimmed.allSatisfy { $0 == UInt8(ascii: "-") }
        }
    }
}
