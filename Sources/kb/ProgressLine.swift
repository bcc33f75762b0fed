import ErrorKB
import ErrorKBSupport
import Foundation

/// `kb build`'s progress on stderr, when stderr is a terminal: one line, redrawn in place at most
/// ten times a second (`\r`, then erase to the end of the line), cleared when the build ends, so
/// that the summary and any messages print as they would without it. Nothing when stderr is a
/// file or a pipe. A line of kb's own rather than a library's: the display is one line of text,
/// and the progress libraries for Swift bring a terminal framework with them.
final class ProgressLine: @unchecked Sendable {
    private let writer = DescriptorWriter(descriptor: 2, capacity: 0)
    private let began = Date()
    private var lastDrawn: Date?
    private var drawn = false

    /// A progress line, or nil when stderr is not a terminal (or TERM is dumb: no cursor control).
    static func onTerminal() -> ProgressLine? {
        guard Terminal.standardErrorIsTerminal, SystemPath.environment("TERM") != "dumb" else { return nil }
        return ProgressLine()
    }

    /// The progress to hand to the builder.
    var progress: BuildProgress { BuildProgress { [self] in draw($0) } }

    private func draw(_ snapshot: BuildProgress.Snapshot) {
        let now = Date()
        if let lastDrawn, now.timeIntervalSince(lastDrawn) < 0.1, !snapshot.documentDone { return }
        lastDrawn = now
        let text = Self.text(snapshot, elapsed: now.timeIntervalSince(began))
        let width = Terminal.width(of: 2) ?? 80
        try? writer.write("\r\u{1B}[K" + TextTable.cut(TerminalText.escaped(text), to: max(20, width - 1)))
        drawn = true
    }

    /// What the line says: the document, how many rows are stored, the rate and the time.
    static func text(_ snapshot: BuildProgress.Snapshot, elapsed: Double) -> String {
        let rows = snapshot.entries + snapshot.tableRows
        let rate = elapsed > 0 ? Int(Double(rows) / elapsed) : 0
        let document = SystemPath.lastComponent(snapshot.document)
        let tableRows = snapshot.tableRows > 0 ? ", \(grouped(snapshot.tableRows)) table rows" : ""
        return "kb: \(String(format: "%.1f", elapsed)) s, \(grouped(snapshot.entries)) entries\(tableRows), \(grouped(rate))/s, "
            + "\(document) (\(snapshot.documentNumber)/\(snapshot.documents))"
    }

    /// Clears the line.
    func finish() {
        if drawn { try? writer.write("\r\u{1B}[K") }
        drawn = false
    }

    private static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
