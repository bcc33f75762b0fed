import ErrorKBSupport

/// Markdown pipe tables of message-keyed rows:
///
///     Error message | Description                   (a leading and trailing `|` are optional)
///     ------------ | ------------
///     "Filter failure: LOT_SIZE" | `quantity` is too high…
///     | "Filter failure: MAX_POSITION" | The account's position…   (with a leading pipe, a row
///                                                                   runs until a line ends in `|`)
enum PipeTable {
    /// A header line: it holds a pipe and the next line is the `---|---` separator.
    static func startsTable(_ lines: LineWindow, at index: Int) -> Bool {
        guard lines[index].text.containsByte(UInt8(ascii: "|")), lines.has(index + 1) else { return false }
        return isSeparator(lines[index + 1].text)
    }

    static func isSeparator(_ text: Substring) -> Bool {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.contains("-"), trimmed.contains("|") || trimmed.count >= 3 else { return false }
        return trimmed.allSatisfy { $0 == "-" || $0 == "|" || $0 == ":" || $0 == " " }
    }

    /// The runtime messages a first cell names (see `TableCell.messages`).
    static func messages(inCell cell: Substring) -> [String] {
        TableCell.messages(in: InlineMarkup.clean(cell).replacingOccurrences(of: "\n", with: " "))
    }
}
