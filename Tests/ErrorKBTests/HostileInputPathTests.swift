import Foundation
import GRDB
import Testing

/// Hostile input, continued: codes, headings, tables, and paths that cannot be read or written.
extension HostileInputTests {
    // MARK: Codes, headings, tables

    @Test(.bug(id: "code-range", "found here, fixed in 6be6354: a heading whose code has more than 18 digits is silently dropped: its heading is counted as the title or prose and its message as prose; nothing is reported"))
    func aCodeOutOfSixtyFourBitRange() throws {
        let workspace = try Workspace()
        let path = try workspace.file("range.md", Data("""
            #### \\-99999999999999999999 X

            -   Out of range.

            #### \\-1 OK

            -   fine.

            """.utf8))
        let result = check(workspace.build([path], Self.flags), workspace, .either, names: path, line: 1)
        if result.status == 0 { #expect(workspace.value("SELECT count(*) FROM entries WHERE code = -1", as: Int.self) == 1) }
    }

    @Test(.bug(id: "code-range", "found here, fixed in 6be6354: a 19-digit code within Int64 (-9223372036854775807) is dropped without a word"))
    func aNineteenDigitCodeInRange() throws {
        let workspace = try Workspace()
        let path = try workspace.file("max.md", Data("#### \\-9223372036854775807 MAX\n\n-   The largest.\n\n#### \\-1 OK\n\n-   fine.\n".utf8))
        let result = check(workspace.build([path], Self.flags), workspace, .either, names: path)
        if result.status == 0 {
            let imported = workspace.value("SELECT count(*) FROM entries WHERE code = -9223372036854775807", as: Int.self) == 1
            #expect(imported || result.stderr.contains("max.md:1:"), "neither imported nor reported")
            let show = TestProcess.kb(["show", "-9223372036854775807", "--db", workspace.out], home: workspace.directory)
            #expect(show.signal == nil && (show.status == 0 || show.status == 1), "\(show.summary)")
        }
    }

    @Test func aHeadingWithACodeAndNothingElse() throws {
        let workspace = try Workspace()
        let path = try workspace.file("bare.md", Data("#### \\-1234\n".utf8))
        let result = check(workspace.build([path], Self.flags), workspace, .imports, names: path)
        let imported = workspace.value("SELECT count(*) FROM entries WHERE code = -1234", as: Int.self) == 1
        #expect(imported || result.stderr.contains("bare.md:1:"))
        if imported {
            let show = TestProcess.kb(["show", "-1234", "--db", workspace.out], home: workspace.directory)
            #expect(show.status == 0 && show.stdout.contains("-1234 (no name)"), "\(show.summary)")
        }
    }

    @Test func aTableWithAHeaderAndNoRows() throws {
        let workspace = try Workspace()
        let path = try workspace.file("table.md", Data("# Errors\n\n| Code | Message |\n| --- | --- |\n".utf8))
        let result = check(workspace.build([path], Self.flags), workspace, .either, names: path)
        if result.status == 0 {
            #expect(workspace.value("SELECT count(*) FROM table_rows", as: Int.self) == 0)
            #expect(workspace.value("SELECT count(*) FROM entries", as: Int.self) == 0)
        }
    }

    @Test(.bug(id: "duplicate-input", "found here, fixed in 6be6354: the same document given twice: the summary counts it twice (documents 2, entries 304) while the file holds it once, and nothing says the second was skipped"))
    func theSameDocumentTwice() throws {
        let workspace = try Workspace()
        let first = try workspace.file("coin-m.md", Self.coinM)
        let copy = try workspace.file("copy.md", Self.coinM)
        let result = check(workspace.build([first, copy]), workspace, .either, names: copy)
        guard result.status == 0 else { return }
        let summary = result.stdout.split(separator: "\n").first { $0.contains("entries") }.flatMap { Int($0.split(separator: " ").last ?? "") }
        let stored = workspace.value("SELECT count(*) FROM entries", as: Int.self)
        #expect(summary == stored, "summary says \(summary.map(String.init) ?? "?") entries, the file holds \(stored.map(String.init) ?? "?")")
        if workspace.value("SELECT count(*) FROM documents", as: Int.self) == 1 {
            #expect(result.stderr.contains("copy.md"), "the copy was dropped without a word")
        }
    }

    @Test func oneBrokenDocumentAmongGoodOnesFailsTheWholeBuild() throws {
        let workspace = try Workspace()
        let broken = try workspace.file("broken.md", Data("#### \\-1 A\n\n-   ".utf8) + Data([0xC3, 0x28]) + Data("\n".utf8))
        let good = try workspace.file("good.md", Self.coinM)
        let result = check(workspace.build([good, broken]), workspace, .either, names: broken, line: 3)
        if result.status == 0 { #expect(workspace.value("SELECT count(*) FROM entries", as: Int.self) ?? 0 >= 152) }
    }

    @Test func anInvalidDomainFlag() throws {
        let workspace = try Workspace()
        let path = try workspace.file("page.md", Self.coinM)
        let result = check(workspace.build([path], ["--domain", "a b/../c", "--locale", "en"]), workspace, .refused, names: path)
        #expect(result.stderr.contains("--domain"))
    }

    // MARK: Paths that cannot be read or written

    @Test func aDirectoryGivenAsADocument() throws {
        let workspace = try Workspace()
        let directory = workspace.directory + "/pages"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let result = check(workspace.build([directory]), workspace, .fails, names: directory)
        #expect(result.stderr.contains("directory"))
    }

    @Test func anUnreadableFile() throws {
        // Tests run as root, which reads a file whatever its mode (chmod 000 proves nothing), so
        // the unreadable files are a path whose parent is a regular file (ENOTDIR) and a symlink
        // to nowhere (ENOENT).
        let workspace = try Workspace()
        let underAFile = workspace.sibling + "/page.md"
        check(workspace.build([underAFile]), workspace, .fails, names: underAFile)
        let dangling = workspace.directory + "/dangling.md"
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: workspace.directory + "/nowhere/page.md")
        check(workspace.build([dangling]), workspace, .fails, names: dangling)
    }

    @Test(.bug(id: "device-message", "found here, fixed in 6be6354: /dev/null is refused with 'You don't have permission', which is false (root can read it)"))
    func aCharacterDevice() throws {
        let workspace = try Workspace()
        let result = check(workspace.build(["/dev/null"]), workspace, .either, names: "/dev/null")
        if result.status == 3 { #expect(!result.stderr.contains("permission"), "\(result.stderr)") }
    }

    @Test func outInAMissingDirectory() throws {
        let workspace = try Workspace()
        let out = workspace.directory + "/missing/kb.db"
        let result = check(workspace.build([], out: out), workspace, .fails, names: out)
        #expect(result.stderr.contains("cannot write"))
        #expect(!FileManager.default.fileExists(atPath: workspace.directory + "/missing"))
    }

    @Test func outInADirectoryThatCannotBeWritten() throws {
        // Root writes into any directory whatever its mode, so the "read-only directory" is a
        // path whose parent is a regular file, which nobody can create a file in. The file
        // there (a valid database) must stay as it was.
        let workspace = try Workspace()
        let out = workspace.sibling + "/kb.db"
        let result = check(workspace.build([], out: out), workspace, .fails, names: out)
        #expect(result.stderr.contains("cannot write"))
    }

    @Test func outThatIsADirectory() throws {
        let workspace = try Workspace()
        let out = workspace.directory + "/adir"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        check(workspace.build([], out: out), workspace, .fails, names: out)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    }
}
