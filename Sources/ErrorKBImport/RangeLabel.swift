/// A code range label at the start of a section title: "10xx", "3xxx-5xxx", "11xx - 2xxx", "6XXX".
enum RangeLabel {
    static func prefix(of text: Substring) -> Substring? {
        guard let lead = text.utf8.first, (0x30...0x39).contains(lead), let first = label(at: text) else { return nil }
        var end = first.endIndex
        // An optional second label after a dash: "3xxx-5xxx", "11xx - 2xxx".
        var rest = text[end...].drop(while: { $0 == " " })
        if rest.first == "-" {
            rest = rest.dropFirst().drop(while: { $0 == " " })
            if let second = label(at: rest) { end = second.endIndex }
        }
        return text[text.startIndex..<end]
    }

    /// Digits then at least one x, ending the word: "10xx", "6XXX".
    private static func label(at text: Substring) -> Substring? {
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        let xs = text[digits.endIndex...].prefix(while: { $0 == "x" || $0 == "X" })
        guard !digits.isEmpty, !xs.isEmpty else { return nil }
        if let next = text[xs.endIndex...].first, next.isLetter || next.isNumber { return nil }
        return text[text.startIndex..<xs.endIndex]
    }
}
