import Foundation

/// A log made for the parallel classify tests, with what it holds counted as it is written
/// (not by the code under test): rounds of lines kb counts, payloads it cannot read, blank lines,
/// CRLF lines, 1,500 distinct unmatched texts per round (so the group limit of 1,000 is passed
/// in every range, and a text first seen early recurs after it in later ranges), optionally one
/// line over 1 MiB after 1.2 MB of long lines that are read (so that the long line falls in a
/// later range whatever the number of jobs), and a last line without a line ending.
struct GeneratedLog {
    var bytes: [UInt8] = []
    /// Lines, blank ones included (as kb numbers them).
    private(set) var lineCount = 0
    /// Non-blank lines (the report's `lines`).
    private(set) var nonBlank = 0
    private(set) var malformedLines: [Int] = []
    private(set) var tooLongLines: [Int] = []
    /// Where the line over 1 MiB starts in `bytes`.
    private(set) var longLineOffset: Int?
    /// Lines of the text first seen on line 1, "ERROR recurring failure alpha".
    private(set) var recurringLines: [Int] = []
    /// Unmatched lines (the recurring text and the distinct ones).
    private(set) var unmatched = 0
    private(set) var notErrors = 0
    /// Lines of the one -1121 payload ("Invalid symbol.").
    private(set) var invalidSymbol = 0

    static let recurring = "ERROR recurring failure alpha"
    static let distinctPerRound = 1_500

    init(rounds: Int, withLongLine: Bool) {
        for round in 0..<rounds {
            add(Self.recurring, crlf: true, unmatched: true)
            add(#"{"code":-1121,"msg":"Invalid symbol."}"#)
            invalidSymbol += 1
            add(#"2026-11-21 ERROR {"code":-1015,"msg":"Too many new orders; current limit is \#(round + 1)0 orders per 10 SECOND."}"#, crlf: true)
            add(#"{"code":-1121,"msg":"Invalid symbol."#)
            malformedLines.append(lineCount)
            add("")
            add("nothing documented says this", notError: true)
            for index in 0..<Self.distinctPerRound {
                // Letters, not digits: digits are masked, and these must stay distinct.
                add("ERROR unique failure \(Self.letters(round * Self.distinctPerRound + index))", crlf: index % 7 == 0, unmatched: true)
                if index % 50 == 0 { add("plain note \(Self.letters(index))", notError: true) }
                if withLongLine && round == rounds - 1 && index == Self.distinctPerRound / 2 {
                    for _ in 0..<6 { add("plain padding " + String(repeating: "p", count: 200_000), notError: true) }
                    longLineOffset = bytes.count
                    add("ERROR " + String(repeating: "x", count: (1 << 20) + 10))
                    tooLongLines.append(lineCount)
                }
            }
            add("Filter failure: LOT_SIZE", crlf: round % 2 == 1)
        }
        // The last line has no line ending.
        add(Self.recurring, unmatched: true)
        bytes.removeLast()
    }

    private mutating func add(_ line: String, crlf: Bool = false, unmatched: Bool = false, notError: Bool = false) {
        bytes += Array(line.utf8) + (crlf ? [0x0D, 0x0A] : [0x0A])
        lineCount += 1
        if !line.isEmpty { nonBlank += 1 }
        if line == Self.recurring { recurringLines.append(lineCount) }
        if unmatched { self.unmatched += 1 }
        if notError { notErrors += 1 }
    }

    /// Four letters for a number: distinct for distinct numbers below 26⁴.
    static func letters(_ number: Int) -> String {
        var number = number
        var letters = ""
        for _ in 0..<4 {
            letters.append(Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(number % 26))))
            number /= 26
        }
        return letters
    }

    /// Writes the log to a new temporary file.
    func write() throws -> String {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("generated.log").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
