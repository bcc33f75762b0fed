#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the API payloads a line holds as object literals (`ObjectReader`'s shapes), anywhere on
/// the line, in time linear in its length whatever it holds:
///
/// - one pass tracks braces and quoted strings (quotes count only inside braces, so that an
///   apostrophe in the text before a payload does not hide it; memchr skips to the next brace
///   outside objects and to a string's closing quote); each object that closes at a depth up to
///   `maxDepth` is read once by `ObjectReader`, so a byte is read at most `maxDepth` + 1 times;
/// - an object that never closes is read once, from the innermost one that starts like a payload;
/// - JSON escaped inside a string (`"error":"{\"code\":-2019,…}"`) is unescaped a region at a
///   time, each region once, and scanned the same way.
///
/// `work` counts the bytes looked at, so that tests can check the bound without timing.
struct ObjectScanner {
    /// The deepest object read on its own; deeper ones are read as part of their parents.
    static let maxDepth = 16

    /// A payload with a code: its code, message and format.
    typealias Coded = (code: Int64, message: ArraySlice<UInt8>?, format: LogFormat)

    /// What the line's objects say, best first: payloads with a code, one that failed to read,
    /// one with only a message.
    struct Finding {
        /// Every payload with a code, in line order (a batch answer, two payloads on a line): an
        /// object that holds one is not read itself (the WebSocket API's `{"error":{"code":…}}`).
        var coded: [Coded] = []
        var malformed: (reason: String, code: Int64?)?
        var messageOnly: ArraySlice<UInt8>?
    }

    private(set) var work = 0

    /// Scans the line, and its escaped JSON when it has some.
    mutating func scan(_ line: ArraySlice<UInt8>) -> Finding {
        var finding = Finding()
        scanObjects(line, into: &finding)
        if finding.coded.isEmpty, ByteText.find(Self.escapedOpen, in: line) != nil { scanEscaped(line, into: &finding) }
        return finding
    }

    private static let escapedOpen = Array(#"{\""#.utf8)

    private mutating func scanObjects(_ line: ArraySlice<UInt8>, into finding: inout Finding) {
        var open: [Int] = []          // where the objects at depth 1...maxDepth start
        var depth = 0
        var lastCoded = Int.min       // where the last payload with a code starts
        var index = line.startIndex
        line.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let offset = line.startIndex
            let end = line.endIndex
            while index < end {
                if depth == 0 {
                    // Outside any object only a brace matters.
                    guard let found = memchr(base + (index - offset), Int32(UInt8(ascii: "{")), end - index) else {
                        work += end - index
                        index = end
                        break
                    }
                    let at = offset + base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    work += at - index + 1
                    depth = 1
                    open.append(at)
                    index = at + 1
                    continue
                }
                let byte = base[index - offset]
                work += 1
                switch byte {
                case UInt8(ascii: "{"):
                    depth += 1
                    if depth <= Self.maxDepth { open.append(index) }
                case UInt8(ascii: "}"):
                    if depth <= Self.maxDepth {
                        // An object that holds a payload already read is not one itself.
                        let start = open.removeLast()
                        if lastCoded < start {
                            let before = finding.coded.count
                            read(line, start, through: index, into: &finding)
                            if finding.coded.count > before { lastCoded = start }
                        }
                    }
                    depth -= 1
                case UInt8(ascii: "\""):
                    index = skipString(base, offset, from: index, end: end, quote: byte)
                    continue
                case UInt8(ascii: "'"):
                    // An apostrophe opens a string only where a key or value starts (a Python dict's
                    // quotes); elsewhere it is text.
                    var before = index - 1
                    while before > offset, ByteText.isSpace(base[before - offset]) { before -= 1 }
                    let previous = base[before - offset]
                    if previous == UInt8(ascii: "{") || previous == UInt8(ascii: ",") || previous == UInt8(ascii: ":")
                        || previous == UInt8(ascii: "[") || previous == UInt8(ascii: "(") {
                        index = skipString(base, offset, from: index, end: end, quote: byte)
                        continue
                    }
                default:
                    break
                }
                index += 1
            }
        }
        // Objects that never close: a payload cut short, read once from the innermost that
        // starts like one.
        if finding.coded.isEmpty, finding.malformed == nil, let start = open.last(where: { startsLikePayload(line, $0) }) {
            var reader = ObjectReader(bytes: line, index: start, line: line)
            if case .failure(let reason) = reader.readPayload() { finding.malformed = (reason, reader.code) }
            work += reader.index - start
        }
    }

    /// The index after the string that opens at `from` (its closing quote is the first one no
    /// backslash escapes), or `end` when it does not close.
    private mutating func skipString(_ base: UnsafePointer<UInt8>, _ offset: Int, from: Int, end: Int, quote: UInt8) -> Int {
        var index = from + 1
        while index < end {
            guard let found = memchr(base + (index - offset), Int32(quote), end - index) else {
                work += end - index
                return end
            }
            let at = offset + base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            work += at - index + 1
            var backslashes = 0
            while at - backslashes - 1 > from, base[at - backslashes - 1 - offset] == UInt8(ascii: "\\") { backslashes += 1 }
            if backslashes % 2 == 0 { return at + 1 }
            index = at + 1
        }
        return end
    }

    /// Reads the object `line[start...end]`.
    private mutating func read(_ line: ArraySlice<UInt8>, _ start: Int, through end: Int, into finding: inout Finding) {
        var reader = ObjectReader(bytes: line[start...end], index: start, line: line)
        let outcome = reader.readPayload()
        work += reader.index - start
        switch outcome {
        case .success(let fields?):
            if let code = fields.code {
                let format: LogFormat = reader.codeKeyQuote == UInt8(ascii: "'") ? .pythonDict : reader.codeKeyQuote == 0 ? .nodeInspect : .json
                finding.coded.append((code, fields.message, format))
            } else if finding.messageOnly == nil, let message = fields.message {
                finding.messageOnly = message
            }
        case .success(nil):
            break
        case .failure(let reason):
            if finding.malformed == nil, startsLikePayload(line, start) { finding.malformed = (reason, reader.code) }
        }
    }

    private static let payloadKeys: [[UInt8]] = ["code", "msg", "message"].map { Array($0.utf8) }

    /// Whether the object at `start` opens with a `code`, `msg` or `message` key, quoted or not.
    private func startsLikePayload(_ line: ArraySlice<UInt8>, _ start: Int) -> Bool {
        var i = ByteText.skipSpaces(line, from: start + 1)
        if i < line.endIndex, line[i] == UInt8(ascii: "\"") || line[i] == UInt8(ascii: "'") { i += 1 }
        return Self.payloadKeys.contains { key in
            guard ByteText.has(key, in: line, at: i) else { return false }
            let after = i + key.count
            return after == line.endIndex || !ByteText.isWordByte(line[after])
        }
    }

    /// Each region from `{\"` to the end of the string that holds it (a `"` no backslash
    /// escapes), unescaped once and scanned for objects.
    private mutating func scanEscaped(_ line: ArraySlice<UInt8>, into finding: inout Finding) {
        var from = line.startIndex
        while let start = ByteText.find(Self.escapedOpen, in: line, from: from) {
            var region: [UInt8] = []
            var index = start
            while index < line.endIndex {
                let byte = line[index]
                work += 1
                if byte == UInt8(ascii: "\\"), index + 1 < line.endIndex {
                    region.append(line[index + 1])
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "\"") { break }
                region.append(byte)
                index += 1
            }
            var inner = Finding()
            scanObjects(region[...], into: &inner)
            finding.coded += inner.coded.map { ($0.code, $0.message.map { Array($0)[...] }, .escapedJSON) }
            if finding.malformed == nil, let malformed = inner.malformed { finding.malformed = malformed }
            if finding.messageOnly == nil, let message = inner.messageOnly { finding.messageOnly = Array(message)[...] }
            from = max(index, start + 1)
        }
    }
}
