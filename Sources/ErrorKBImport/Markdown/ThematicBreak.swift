extension MarkdownParser {
    /// A thematic break (`---`, `***`, `___`, spaced or not): a rule between blocks (the one
    /// between a bilingual file's two pages), never a message.
    enum ThematicBreak: LineRecognizer {
        static func read(at index: Int, in parser: inout MarkdownParser) -> Int? {
            let line = parser.lines[index]
            // On bytes, stopping at the first that is neither the mark nor a space: every bullet
            // starts like a rule.
            let bytes = line.trimmed.utf8
            guard let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_"),
                  bytes.allSatisfy({ $0 == first || $0 == 0x20 || $0 == 0x09 }), bytes.lazy.filter({ $0 == first }).count >= 3,
                  line.text.utf8.prefix(while: { $0 == 0x20 }).count <= 3 else { return nil }
            parser.builder.mark(line.number, .rule)
            return index + 1
        }
    }
}
