import ErrorKBSupport

/// kb's standard output. Everything a command prints goes through here (never `print`, whose
/// write errors are lost, nor `FileHandle.write`, which traps on them), so that output that
/// cannot be written (a full disk, a closed descriptor) ends kb with `kb: cannot write output: …`
/// and exit status 3. A pipe whose reader has gone ends kb by SIGPIPE, quietly, as for any tool.
enum Output {
    nonisolated(unsafe) private static let standard = DescriptorWriter(descriptor: 1)

    /// Why output could not be written.
    struct Failure: Error {
        let reason: String
    }

    /// Writes text as it is (JSON, CSV: data that keeps its bytes).
    static func write(_ text: String) throws {
        do { try standard.write(text) } catch let failure as DescriptorWriter.Failure {
            throw Failure(reason: failure.reason)
        }
    }

    /// Writes a line of text for a terminal: control characters in it are shown escaped (see
    /// `TerminalText`), so a name or a message from a document cannot move the cursor, clear the
    /// screen or hide what follows; the line breaks the renderer puts in stay.
    static func line(_ text: String) throws {
        try write(TerminalText.escaped(text, keepingLineBreaks: true) + "\n")
    }

    /// Writes what is buffered; called once the command is done.
    static func flush() throws {
        do { try standard.flush() } catch let failure as DescriptorWriter.Failure {
            throw Failure(reason: failure.reason)
        }
    }
}

/// Text made safe for a terminal: C0 and C1 control characters, DEL, and the invisible
/// characters that reorder or break lines (bidi overrides and isolates, line and paragraph
/// separators) are written as escapes (`\e`, `\t`, `\x7F`, `\u{202E}`); bytes of a file name that
/// are not UTF-8 as `\xFF` (see `SystemPath`).
enum TerminalText {
    static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) && !(keepingLineBreaks && $0 == "\n") }) else {
            return SystemPath.display(text)
        }
        var result = ""
        for scalar in text.unicodeScalars {
            if keepingLineBreaks && scalar == "\n" || !needsEscape(scalar) {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{1B}": result += "\\e"
            case "\u{0}"..."\u{7F}": result += "\\x" + hex(scalar.value, width: 2)
            default: result += "\\u{" + hex(scalar.value, width: 4) + "}"
            }
        }
        return SystemPath.display(result)
    }

    /// JSON text with the same characters written as `\uXXXX` escapes: still the same JSON (the
    /// encoder already escapes C0 controls; these can only stand inside strings), safe to print.
    static func escapedJSON(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { $0.value >= 0x7F && needsEscape($0) }) else { return json }
        var result = ""
        for scalar in json.unicodeScalars {
            if scalar.value >= 0x7F && needsEscape(scalar) {
                result += "\\u" + hex(scalar.value, width: 4)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
