import Foundation

/// Columns of text padded to their widest cell, by display width (CJK counts double).
enum TextTable {
    /// Prints the table; with `fitting`, a terminal's width in columns, the widest columns are
    /// cut (ending in `…`) until each line fits, as far as every column can keep 6 columns.
    static func print(header: [String]?, rows: [[String]], fitting width: Int? = nil) throws {
        let all = (header.map { [$0] } ?? []) + rows
        guard let first = all.first else { return }
        var widths = Array(repeating: 0, count: first.count)
        for row in all { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], displayWidth(cell)) } }
        if let width { widths = fit(widths, into: width, headers: header?.map(displayWidth)) }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let cut = cut(cell, to: widths[i])
                return i == cells.count - 1 ? cut : cut + String(repeating: " ", count: max(0, widths[i] - displayWidth(cut)))
            }.joined(separator: "  ")
        }
        for row in all { try Output.line(line(row)) }
    }

    /// Column widths narrowed, widest first, until they and their gaps fit `total`: first no
    /// column narrower than its header (or 6), then none narrower than 6.
    static func fit(_ widths: [Int], into total: Int, headers: [Int]? = nil, minimum: Int = 6) -> [Int] {
        var widths = widths
        let gaps = 2 * max(0, widths.count - 1)
        for floors in [widths.indices.map { max(minimum, headers?[$0] ?? 0) }, Array(repeating: minimum, count: widths.count)] {
            while widths.reduce(0, +) + gaps > total,
                  let widest = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] }) {
                widths[widest] -= 1
            }
        }
        return widths
    }

    /// Text broken at spaces into lines of at most `width` display columns (a longer word is cut).
    static func wrap(_ text: String, width: Int?) -> [String] {
        wrap(text.split(separator: " ", omittingEmptySubsequences: false).map(String.init), width: width)
    }

    /// Items joined by `separator` into lines of at most `width` display columns, broken only
    /// between items; a continuation line starts with `indent` (an item too long is cut). Nil
    /// `width` (not a terminal) gives one line.
    static func wrap(_ items: [String], separator: String = " ", indent: String = "  ", width: Int?) -> [String] {
        let text = items.joined(separator: separator)
        guard let width, displayWidth(text) > width else { return [text] }
        var lines: [String] = [], line = ""
        for item in items {
            if line.isEmpty { line = item } else if displayWidth(line) + displayWidth(separator) + displayWidth(item) <= width { line += separator + item } else {
                lines.append(line + separator.trimmingCharacters(in: .whitespaces))
                line = indent + item
            }
        }
        lines.append(line)
        return lines.map { cut($0, to: width) }
    }

    /// Marked runs of text cut to `width` display columns, ending in an unmarked `…` when cut.
    static func cut<S: StringProtocol>(_ runs: [(text: S, highlighted: Bool)], to width: Int?) -> [(text: String, highlighted: Bool)] {
        let all = runs.map { (text: String($0.text), highlighted: $0.highlighted) }
        guard let width, displayWidth(all.map(\.text).joined()) > width else { return all }
        var result: [(text: String, highlighted: Bool)] = [], used = 0
        for run in all {
            var kept = ""
            for character in run.text {
                let w = displayWidth(String(character))
                if used + w > width - 1 { break }
                kept.append(character)
                used += w
            }
            if !kept.isEmpty { result.append((kept, run.highlighted)) }
            if kept.count < run.text.count { break }
        }
        return result + [("…", false)]
    }

    /// The text cut to `width` display columns, ending in `…` when cut.
    static func cut(_ text: String, to width: Int) -> String {
        guard displayWidth(text) > width else { return text }
        var result = "", used = 0
        for character in text {
            let w = displayWidth(String(character))
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (($1.value >= 0x1100 && ($1.properties.isIdeographic || (0xFF00...0xFF60).contains($1.value) || (0x3000...0x303F).contains($1.value))) ? 2 : 1) }
    }
}

/// The terminal kb writes to, when there is one.
enum Terminal {
    /// The width of the terminal on standard output, in columns; nil when standard output is not
    /// a terminal (a pipe or a file gets whole lines).
    static var width: Int? { width(of: 1) }

    /// The width of the terminal on a descriptor, in columns; nil when it is not a terminal.
    static func width(of descriptor: Int32) -> Int? {
        guard isatty(descriptor) == 1 else { return nil }
        var size = winsize()
        if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return nil
    }

    /// Whether standard error is a terminal (progress is shown only there).
    static var standardErrorIsTerminal: Bool { isatty(2) == 1 }
}
