/// The text of an HTML block as a reader sees it: runs of spaces and line breaks in the source
/// are one space; a `<br>` (read as U+2028) is a line break; each line is trimmed.
enum HTMLText {
    static func clean(_ text: String) -> String {
        var lines: [String] = []
        var line = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == "\u{2028}" {
                lines.append(line)
                line = ""
                pendingSpace = false
            } else if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}" {
                pendingSpace = !line.isEmpty
            } else {
                if pendingSpace { line.append(" ") }
                pendingSpace = false
                line.unicodeScalars.append(scalar)
            }
        }
        lines.append(line)
        return lines.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
