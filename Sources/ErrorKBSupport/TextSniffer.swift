/// Whether a log is text, judged from its first 64 KiB as its lines go by (as grep judges a
/// binary file from its first buffer): a compressed file (gzip, bzip2, xz, zstd, zip), a NUL
/// byte, or more than a tenth of the bytes outside UTF-8 is not a log kb can read, and counting
/// its "lines" as not errors would hide the real errors inside it.
package struct TextSniffer {
    /// What a reader throws for an input that is not text: `message` names the file and why.
    package struct NotText: Error {
        package let message: String

        package init(message: String) { self.message = message }
    }

    /// How many bytes from the start are looked at.
    package static let window = 1 << 16

    private var seen = 0
    private var invalid = 0

    /// The formats whose files start with these bytes, and how to read them instead.
    private static let magics: [(bytes: [UInt8], name: String, reader: String)] = [
        ([0x1F, 0x8B], "gzip", "zcat"), (Array("BZh".utf8), "bzip2", "bzcat"), ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz", "xzcat"),
        ([0x28, 0xB5, 0x2F, 0xFD], "zstd", "zstdcat"), ([0x50, 0x4B, 0x03, 0x04], "zip", "unzip -p"),
    ]

    /// Looks at a line (its bytes without the line end) and says why the input is not text, or
    /// nil while it may be. `name` is the file as the user gave it; `rerun` the command that
    /// reads standard input (`kb classify -`), for the hint.
    package init() {}

    package mutating func check(_ line: ArraySlice<UInt8>, number: Int, name: String, rerun: String) -> String? {
        guard seen < Self.window else { return nil }
        if number == 1, let magic = Self.magics.first(where: { line.starts(with: $0.bytes) }),
           magic.name != "bzip2" || (line.count > 3 && (0x31...0x39).contains(line[line.startIndex + 3])) {
            return "\(name): a \(magic.name)-compressed file, not text; read it with: \(magic.reader) \(name) | \(rerun)"
        }
        let part = line.prefix(Self.window - seen)
        if let nul = part.firstIndex(of: 0) {
            return "\(name): line \(number): not text (a NUL byte at byte \(nul - line.startIndex + 1) of the line): a binary file, not a log"
        }
        invalid += Self.invalidBytes(part)
        seen += part.count + 1
        return seen >= Self.window ? finish(name: name) : nil
    }

    /// At the end of the window or of the input: whether too much of what was seen is not UTF-8.
    package func finish(name: String) -> String? {
        guard invalid * 10 > seen else { return nil }
        return "\(name): not text (\(invalid) of its first \(seen) bytes are not UTF-8): a binary file, not a log"
    }

    /// The bytes of `bytes` that belong to no well-formed UTF-8 sequence.
    package static func invalidBytes(_ bytes: ArraySlice<UInt8>) -> Int {
        var invalid = 0
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return invalid
            case .error: invalid += 1
            }
        }
    }
}
