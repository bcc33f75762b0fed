import ErrorKBSupport

/// Tables of a scraped page: cells separated by a tab, the first cell a quoted message.
///
///     报错信息<TAB>描述
///     "Filter failure: LOT_SIZE"<TAB>"数量"太高，太低和/或不遵循该交易对的步长规则。
enum TabTable {
    static func isHeader(_ text: Substring) -> Bool {
        text.containsByte(0x09) && !text.trimmingWhitespace().hasPrefix("\"")
    }

    static func row(_ text: Substring) -> (message: String, description: String)? {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.hasPrefix("\""), let tab = trimmed.firstIndex(of: "\t") else { return nil }
        var key = trimmed[..<tab].trimmingWhitespace()
        if key.hasPrefix("\"") { key = key.dropFirst() }
        if key.hasSuffix("\"") { key = key.dropLast() }
        return (String(key), clean(trimmed[trimmed.index(after: tab)...]))
    }

    /// Trims a cell and drops the `｜` debris that the scrape left at some row ends.
    static func clean(_ cell: Substring) -> String { TableCell.trimmingDebris(cell) }
}
