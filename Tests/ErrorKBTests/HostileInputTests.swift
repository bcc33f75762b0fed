import Foundation
import GRDB
import Testing
@testable import ErrorKBImport
@testable import ErrorKBStore

/// Broken and hostile documents through the real `kb build`. Each build either imports what is
/// sound, exits 0 and names on stderr what it skipped (file and line), or fails with exit 3 and a
/// message that starts `kb: PATH`. Either way nothing is left half done:
/// - a failed build leaves the database that was already at --out byte-identical;
/// - a successful one replaces it with a complete database (integrity_check ok, `kb stats` works);
/// - another database in the same directory is never touched, and no `*.tmp` file is left there.
/// Tests run as root, so file modes cannot make a file unreadable or a directory read-only: the
/// tests use paths that no mode can make readable or writable instead (see each test).
@Suite struct HostileInputTests {
    /// A directory holding a valid database at out.db, and another at sibling.db.
    struct Workspace {
        let directory: String
        let out: String
        let sibling: String
        let old: Data

        init() throws {
            directory = Fixtures.temporaryDirectory().path
            out = directory + "/out.db"
            sibling = directory + "/sibling.db"
            old = try Data(contentsOf: URL(fileURLWithPath: Fixtures.builtDatabasePath))
            try old.write(to: URL(fileURLWithPath: out))
            try old.write(to: URL(fileURLWithPath: sibling))
        }

        func file(_ name: String, _ data: Data) throws -> String {
            let path = directory + "/" + name
            try data.write(to: URL(fileURLWithPath: path))
            return path
        }

        func build(_ documents: [String], _ flags: [String] = [], out: String? = nil, timeout: Double = 120) -> TestProcess.Result {
            TestProcess.kb(["build"] + documents + flags + ["--out", out ?? self.out], home: directory, timeout: timeout)
        }

        /// One value from the database at out.db.
        func value<T: DatabaseValueConvertible>(_ sql: String, as type: T.Type = T.self) -> T? {
            DatabaseCheck.value(out, sql, as: type)
        }
    }

    enum Outcome { case imports, fails, refused, either }

    static let flags = ["--domain", "d", "--locale", "en"]
    static var coinM: Data { try! Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("seed/binance-coin-margined-futures-error-code.en.md")) }
    static var wallet: Data { try! Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("seed/binance-wallet-error-code.zh-CN.txt")) }

    /// The checks every case shares. `path` is the file the messages must name; `line`, when
    /// given, must be named as FILE:LINE whatever the outcome.
    @discardableResult
    func check(_ result: TestProcess.Result, _ workspace: Workspace, _ outcome: Outcome, names path: String, line: Int? = nil,
               sourceLocation: SourceLocation = #_sourceLocation) -> TestProcess.Result {
        let name = (path as NSString).lastPathComponent
        #expect(!result.timedOut && result.signal == nil, "crashed or hung: \(result.summary)", sourceLocation: sourceLocation)
        switch outcome {
        case .imports: #expect(result.status == 0, "\(result.summary)", sourceLocation: sourceLocation)
        case .fails: #expect(result.status == 3, "\(result.summary)", sourceLocation: sourceLocation)
        // A page that needs --domain/--locale, or a bad value for them: a usage error.
        case .refused: #expect(result.status == 2, "\(result.summary)", sourceLocation: sourceLocation)
        case .either: #expect(result.status == 0 || result.status == 3, "\(result.summary)", sourceLocation: sourceLocation)
        }
        for raw in ["SQLite error", "Fatal error", "DatabaseError", "SQLITE_"] {
            #expect(!result.stderr.contains(raw), "raw error on stderr: \(result.stderr.prefix(500))", sourceLocation: sourceLocation)
        }
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.allSatisfy { $0.hasPrefix("kb: ") && $0.contains(name) }, "stderr does not name \(name): \(result.stderr.prefix(500))",
                sourceLocation: sourceLocation)
        if let line {
            #expect(result.stderr.contains("\(name):\(line):"), "stderr does not name \(name):\(line): \(result.stderr.prefix(500))",
                    sourceLocation: sourceLocation)
        }
        let now = (try? Data(contentsOf: URL(fileURLWithPath: workspace.out))) ?? Data()
        if result.status == 0 {
            #expect(DatabaseCheck.integrity(workspace.out) == "ok", sourceLocation: sourceLocation)
            let stats = TestProcess.kb(["stats", "--db", workspace.out], home: workspace.directory)
            #expect(stats.status == 0, "kb stats on the new file: \(stats.summary)", sourceLocation: sourceLocation)
        } else {
            #expect(result.stderr.hasPrefix("kb: \(path)"), "the message does not start with kb: \(path): \(result.stderr.prefix(500))",
                    sourceLocation: sourceLocation)
            #expect(now == workspace.old, "a failed build changed \(workspace.out)", sourceLocation: sourceLocation)
        }
        #expect((try? Data(contentsOf: URL(fileURLWithPath: workspace.sibling))) == workspace.old, "sibling.db changed",
                sourceLocation: sourceLocation)
        #expect(DatabaseCheck.temporaryFiles(in: workspace.directory).isEmpty,
                "temporary files left: \(DatabaseCheck.temporaryFiles(in: workspace.directory))", sourceLocation: sourceLocation)
        return result
    }

    // MARK: Encodings and line endings

    @Test func emptyFile() throws {
        let workspace = try Workspace()
        let path = try workspace.file("empty.md", Data())
        let result = check(workspace.build([path]), workspace, .either, names: path)
        if result.status == 0 { #expect(workspace.value("SELECT count(*) FROM entries", as: Int.self) == 0) }
    }

    @Test func binaryFileOfRandomBytes() throws {
        let workspace = try Workspace()
        var random = SplitMix64(seed: 0xB1_7E5)
        var bytes = (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &random) }
        bytes[10] = 0xFF  // never valid UTF-8, whatever the generator gave
        let path = try workspace.file("random.bin", Data(bytes))
        check(workspace.build([path], Self.flags), workspace, .either, names: path)
    }

    @Test func invalidUTF8InTheMiddle() throws {
        let workspace = try Workspace()
        let path = try workspace.file("invalid.md", Data("#### \\-1 A\n\n-   fine.\n\n#### \\-2 B\n\n-   bad ".utf8) + Data([0xFF, 0xFE]) + Data(" here.\n".utf8))
        check(workspace.build([path], Self.flags), workspace, .either, names: path, line: 7)
    }

    @Test func utf8WithByteOrderMark() throws {
        let workspace = try Workspace()
        let path = try workspace.file("bom.md", Data([0xEF, 0xBB, 0xBF]) + Self.coinM)
        let result = check(workspace.build([path]), workspace, .imports, names: path)
        #expect(result.stderr.isEmpty)
        #expect(workspace.value("SELECT count(*) FROM entries", as: Int.self) == 152)
        #expect(workspace.value("SELECT line FROM entries WHERE code = -1121", as: Int.self) == 187)
    }

    @Test func utf16WithByteOrderMark() throws {
        let workspace = try Workspace()
        let text = String(decoding: Self.coinM, as: UTF8.self)
        let path = try workspace.file("utf16.md", text.data(using: .utf16)!)  // BOM, then little-endian
        let result = check(workspace.build([path]), workspace, .either, names: path)
        // Read as UTF-16, it is the whole page; anything less would be garbage.
        if result.status == 0 { #expect(workspace.value("SELECT count(*) FROM entries", as: Int.self) == 152) }
    }

    @Test(arguments: [("crlf", "\r\n", "\r\n", "\r\n"), ("cr", "\r", "\r", "\r"), ("mixed", "\r\n", "\n", "\r")])
    func lineEndings(name: String, first: String, second: String, third: String) throws {
        let workspace = try Workspace()
        let endings = [first, second, third]
        let lines = String(decoding: Self.coinM, as: UTF8.self).components(separatedBy: "\n")
        let text = lines.enumerated().map { $0.element + ($0.offset < lines.count - 1 ? endings[$0.offset % 3] : "") }.joined()
        let path = try workspace.file("\(name).md", Data(text.utf8))
        let result = check(workspace.build([path]), workspace, .imports, names: path)
        #expect(result.stderr.isEmpty)
        #expect(workspace.value("SELECT count(*) FROM entries", as: Int.self) == 152)
        #expect(workspace.value("SELECT count(*) FROM messages", as: Int.self) == 187)
        #expect(workspace.value("SELECT line FROM entries WHERE code = -1121", as: Int.self) == 187)
        #expect(workspace.value("SELECT line_count FROM documents", as: Int.self) == 666)
    }

    @Test func overlongAndSurrogateEncodings() throws {
        // C0 AF is an overlong "/", ED A0 80 a UTF-16 surrogate (U+D800) encoded as UTF-8,
        // F4 90 80 80 is past U+10FFFF: none is UTF-8.
        for (name, bad) in [("overlong.md", [0xC0, 0xAF]), ("surrogate.md", [0xED, 0xA0, 0x80]), ("beyond.md", [0xF4, 0x90, 0x80, 0x80])] as [(String, [UInt8])] {
            let workspace = try Workspace()
            let path = try workspace.file(name, Data("#### \\-1 A\n\n-   m".utf8) + Data(bad) + Data(".\n".utf8))
            check(workspace.build([path], Self.flags), workspace, .either, names: path, line: 3)
        }
    }

    @Test func aLineOfByteOrderMarksOnly() throws {
        let workspace = try Workspace()
        let path = try workspace.file("feff.md", Data("\u{FEFF}\u{FEFF}\n\u{FEFF}\n#### \\-1 A\n\n-   m.\n".utf8))
        check(workspace.build([path], Self.flags), workspace, .imports, names: path)
        #expect(workspace.value("SELECT count(*) FROM entries WHERE code = -1", as: Int.self) == 1)
    }

    @Test(.bug(id: "nul-truncates", "found here, fixed in 6be6354: a NUL byte silently truncates names, messages and the stored raw text (GRDB binds Swift strings as C strings); the raw text is no longer stored (migration 005)"))
    func nulBytesInsideALine() throws {
        let workspace = try Workspace()
        let data = Data("#### \\-1 A".utf8) + Data([0]) + Data("B\n\n-   msg".utf8) + Data([0]) + Data(" with nul.\n".utf8)
        let path = try workspace.file("nul.md", data)
        let result = check(workspace.build([path], Self.flags), workspace, .either, names: path)
        guard result.status == 0 else {
            #expect(result.stderr.contains("nul.md:1:"), "a failure names the first line with a NUL")
            return
        }
        // Imported: the text may keep or drop the NUL, but must not end at it unless the line is named.
        let name = workspace.value("SELECT name FROM entries WHERE code = -1", as: String.self) ?? ""
        let message = workspace.value("SELECT text FROM messages", as: String.self) ?? ""
        #expect(name.contains("B") || result.stderr.contains("nul.md:1:"), "name cut at the NUL: \(name.debugDescription)")
        #expect(message.contains("with nul") || result.stderr.contains("nul.md:3:"), "message cut at the NUL: \(message.debugDescription)")
        #expect(workspace.value("SELECT size FROM documents", as: Int.self) == data.count)
    }

    // MARK: Size and shape

    @Test func aTenMegabyteLine() throws {
        let workspace = try Workspace()
        let filler = String(repeating: "lorem ipsum dolor sit amet ", count: 10_000_000 / 27 + 1).prefix(10_000_000)
        var lines = String(decoding: Self.coinM, as: UTF8.self).components(separatedBy: "\n")
        lines.insert(contentsOf: ["", String(filler)], at: 1)
        let path = try workspace.file("long-line.md", Data(lines.joined(separator: "\n").utf8))
        let result = check(workspace.build([path]), workspace, .imports, names: path)
        #expect(result.seconds < 60, "took \(result.seconds) s")
        #expect(workspace.value("SELECT count(*) FROM entries", as: Int.self) == 152)
    }

    @Test func aTruncatedDocument() throws {
        // The COIN-M page cut in the middle of the line "#### \-4019 COMPOSITE_SCALE_OVERFLOW":
        // it loses its source line (at the end), so it needs --domain and --locale.
        let workspace = try Workspace()
        let text = String(decoding: Self.coinM, as: UTF8.self)
        let cut = text.range(of: "#### \\-4019 COMPO")!.upperBound
        let path = try workspace.file("truncated.md", Data(text[..<cut].utf8))
        let bare = check(workspace.build([path]), workspace, .refused, names: path)
        #expect(bare.stderr.contains("--domain and --locale"))
        check(workspace.build([path], Self.flags), workspace, .imports, names: path)
        #expect((workspace.value("SELECT count(*) FROM entries", as: Int.self) ?? 0) >= 81)
        #expect(workspace.value("SELECT count(*) FROM entries WHERE code = -4018", as: Int.self) == 1)
    }

    @Test func aTruncatedDocumentCutInsideACharacter() throws {
        let workspace = try Workspace()
        let bytes = Self.wallet
        let at = bytes.range(of: Data("余额".utf8))!.lowerBound + 1
        let line = bytes[..<at].filter { $0 == 0x0A }.count + 1
        let path = try workspace.file("cut.txt", bytes[..<at])
        check(workspace.build([path]), workspace, .either, names: path, line: line)
    }

    @Test func aDocumentInNoKnownFormat() throws {
        let workspace = try Workspace()
        let path = try workspace.file("prose.txt", Data("""
            It was a bright cold day in April, and the clocks were striking thirteen.
            Winston Smith, his chin nuzzled into his breast in an effort to escape the vile wind,
            slipped quickly through the glass doors of Victory Mansions.

            """.utf8))
        let result = check(workspace.build([path]), workspace, .either, names: path)
        if result.status == 0 {
            #expect(workspace.value("SELECT count(*) FROM entries", as: Int.self) == 0)
            #expect(result.stderr.contains("prose.txt"), "an import of nothing says so")
        }
    }

    @Test func veryDeepNesting() throws {
        let workspace = try Workspace()
        let text = "#### \\-1 A\n\n-   m.\n\n" + String(repeating: ">", count: 100_000) + " quoted\n"
            + String(repeating: "- ", count: 50_000) + "item\n" + String(repeating: "<span>", count: 20_000) + "x\n"
            + String(repeating: "    ", count: 20_000) + "-   indented\n" + String(repeating: "`", count: 50_000) + "\n"
        let path = try workspace.file("deep.md", Data(text.utf8))
        let result = check(workspace.build([path], Self.flags, timeout: 60), workspace, .imports, names: path)
        #expect(result.seconds < 30, "took \(result.seconds) s")
        #expect(workspace.value("SELECT count(*) FROM entries WHERE code = -1", as: Int.self) == 1)
    }

    @Test(.bug(id: "link-quadratic", "found here, fixed in 6be6354: InlineMarkup's link stripping rescans the rest of the line for each '[': a line of 20k '[a](' takes ~19 s in a debug build"))
    func unclosedLinksDoNotTakeQuadraticTime() throws {
        let workspace = try Workspace()
        let text = "#### \\-1 A\n\n-   " + String(repeating: "[a](", count: 20_000) + "\n\n#### \\-2 B\n\n-   " + String(repeating: "[", count: 20_000) + "\n"
        let path = try workspace.file("links.md", Data(text.utf8))
        let result = check(workspace.build([path], Self.flags, timeout: 20), workspace, .imports, names: path)
        #expect(result.seconds < 10, "took \(result.seconds) s for \(text.utf8.count) bytes")
    }

    @Test func oneHundredThousandHeadings() throws {
        let workspace = try Workspace()
        var text = ""
        for index in 1...100_000 { text += "#### \\-\(index) NAME\\_\(index)\n\n-   Message \(index).\n\n" }
        let path = try workspace.file("headings.md", Data(text.utf8))
        check(workspace.build([path], Self.flags), workspace, .imports, names: path)
        #expect(workspace.value("SELECT count(*) FROM entries", as: Int.self) == 100_000)
    }

    @Test func twoMillionBlankLines() throws {
        let workspace = try Workspace()
        let path = try workspace.file("blank.md", Data("#### \\-1 A\n\n-   m.\n".utf8) + Data(repeating: 0x0A, count: 2_000_000))
        check(workspace.build([path], Self.flags), workspace, .imports, names: path)
        #expect(workspace.value("SELECT count(*) FROM entries", as: Int.self) == 1)
    }

}
