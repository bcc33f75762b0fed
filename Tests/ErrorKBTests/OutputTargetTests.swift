import Foundation
import Testing

/// What `--out` (and `--datasette-metadata`, `kb export --out`, `kb add --db`) may replace: an
/// absent file, an ErrorKB database, or with `--force` any regular file; never a device, a FIFO,
/// a directory, an input of the same command, or the other output. Symlinked targets are followed,
/// by build and add alike; a replaced file keeps its mode; nothing is renamed into place before
/// everything the command writes is complete.
@Suite struct OutputTargetTests {
    let directory = Fixtures.temporaryDirectory().path
    var seed: String { Fixtures.builtDatabasePath }
    static let page = Data("#### \\-97002 TARGET\n\n-   A page.\n".utf8)
    static let flags = ["--domain", "d", "--locale", "en"]

    func file(_ name: String, _ data: Data) throws -> String {
        let path = directory + "/" + name
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    func build(_ arguments: [String]) -> TestProcess.Result {
        TestProcess.kb(["build"] + arguments, home: directory, timeout: 60)
    }

    /// A refusal: exit 2 or 3, one `kb:` line naming the target, and in time (no blocking).
    func expectRefused(_ result: TestProcess.Result, naming name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!result.timedOut && result.signal == nil, "\(result.summary)", sourceLocation: sourceLocation)
        #expect(result.status == 2 || result.status == 3, "\(result.summary)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("kb: ") && result.stderr.contains(name), "\(result.stderr)", sourceLocation: sourceLocation)
    }

    /// The file's type bits (S_IFCHR, S_IFIFO, …), not following a symlink.
    func fileType(_ path: String) -> mode_t? {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : nil
    }

    @Test func aCharacterDeviceIsNeverReplaced() throws {
        // A null device of our own (mknod needs root; without it the case cannot be made).
        let device = directory + "/null"
        guard mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0 else { return }
        for arguments in [["--out", device], ["--out", device, "--force"]] {
            expectRefused(build(arguments), naming: "null")
            #expect(fileType(device) == S_IFCHR)
        }
        expectRefused(TestProcess.kb(["export", "--db", seed, "--out", device], home: directory), naming: "null")
        #expect(fileType(device) == S_IFCHR)
    }

    @Test func aFIFOIsNeverReplacedNorOpened() throws {
        let fifo = directory + "/fifo"
        #expect(mkfifo(fifo, 0o644) == 0)
        for arguments in [["--out", fifo], ["--out", fifo, "--force"]] {
            expectRefused(build(arguments), naming: "fifo")
            #expect(fileType(fifo) == S_IFIFO)
        }
        expectRefused(TestProcess.kb(["export", "--db", seed, "--out", fifo], home: directory, timeout: 30), naming: "fifo")
        expectRefused(build(["--out", directory + "/x.db", "--datasette-metadata", fifo]), naming: "fifo")
        #expect(fileType(fifo) == S_IFIFO)
    }

    @Test func aSymlinkToStandardOutputIsNotReplaced() throws {
        let link = directory + "/stdout.db"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/proc/self/fd/1")
        let result = build(["--out", link])
        expectRefused(result, naming: "stdout.db")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "/proc/self/fd/1")
        #expect(!result.stdout.hasPrefix("SQLite format 3"))
    }

    @Test func theInputDocumentIsNeverTheOutput() throws {
        let page = try file("page.md", Self.page)
        for extra in [[], ["--force"]] {
            expectRefused(build([page, "--out", page] + Self.flags + extra), naming: "page.md")
            #expect(try Data(contentsOf: URL(fileURLWithPath: page)) == Self.page)
        }
        // Through a symlink too.
        let link = directory + "/link.db"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: page)
        expectRefused(build([page, "--out", link, "--force"] + Self.flags), naming: "link.db")
        #expect(try Data(contentsOf: URL(fileURLWithPath: page)) == Self.page)
    }

    @Test func theMetadataIsNeitherTheDatabaseNorAnInput() throws {
        let out = try file("x.db", try Data(contentsOf: URL(fileURLWithPath: seed)))
        let old = try Data(contentsOf: URL(fileURLWithPath: out))
        expectRefused(build(["--out", out, "--datasette-metadata", out]), naming: "x.db")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == old)
        let page = try file("page.md", Self.page)
        expectRefused(build([page, "--out", out, "--datasette-metadata", page] + Self.flags), naming: "page.md")
        #expect(try Data(contentsOf: URL(fileURLWithPath: page)) == Self.page)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == old)
    }

    @Test func aFileThatIsNotAnErrorKBDatabaseNeedsForce() throws {
        let notes = try file("notes.db", Data("my notes\n".utf8))
        expectRefused(build(["--out", notes]), naming: "notes.db")
        #expect(try Data(contentsOf: URL(fileURLWithPath: notes)) == Data("my notes\n".utf8))
        // Another program's SQLite database.
        let other = directory + "/other.db"
        #expect(TestProcess.tool("sqlite3", [other, "CREATE TABLE t(x); INSERT INTO t VALUES (1);"]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        expectRefused(build(["--out", other]), naming: "other.db")
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
        // kb export does not write CSV over a database.
        expectRefused(TestProcess.kb(["export", "--db", seed, "--out", other], home: directory), naming: "other.db")
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
        // With --force the file is replaced.
        let forced = build(["--out", notes, "--force"])
        #expect(forced.status == 0, "\(forced.summary)")
        #expect(DatabaseCheck.integrity(notes) == "ok")
        // An ErrorKB database and an absent file need nothing.
        #expect(build(["--out", notes]).status == 0)
        #expect(build(["--out", directory + "/new.db"]).status == 0)
    }

    @Test func aReplacedFileKeepsItsMode() throws {
        let out = try file("private.db", try Data(contentsOf: URL(fileURLWithPath: seed)))
        #expect(chmod(out, 0o600) == 0)
        #expect(build(["--out", out]).status == 0)
        #expect((try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int) == 0o600)
        let page = try file("page.md", Self.page)
        #expect(TestProcess.kb(["add", page, "--db", out] + Self.flags, home: directory).status == 0)
        #expect((try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int) == 0o600)
        let csv = try file("codes.csv", Data("old\n".utf8))
        #expect(chmod(csv, 0o640) == 0)
        #expect(TestProcess.kb(["export", "--db", out, "--view", "codes", "--out", csv], home: directory).status == 0)
        #expect((try FileManager.default.attributesOfItem(atPath: csv)[.posixPermissions] as? Int) == 0o640)
    }

    @Test(arguments: ["x.db/", "x.db/.", "x.db/..", "."])
    func anOutThatNamesADirectoryIsAnError(out: String) throws {
        let result = TestProcess.kb(["build", "--out", directory + "/" + out], home: directory)
        expectRefused(result, naming: out.hasPrefix("x.db") ? "x.db" : directory)
        #expect(!FileManager.default.fileExists(atPath: directory + "/x.db"))
        #expect(DatabaseCheck.temporaryFiles(in: directory).isEmpty)
    }

    @Test func buildAndAddFollowASymlinkedTargetAlike() throws {
        let real = try file("real.db", try Data(contentsOf: URL(fileURLWithPath: seed)))
        let link = directory + "/link.db"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.db")
        let page = try file("page.md", Self.page)
        #expect(TestProcess.kb(["add", page, "--db", link] + Self.flags, home: directory).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.db")
        #expect(DatabaseCheck.value(real, "SELECT count(*) FROM entries WHERE code = -97002", as: Int.self) == 1)
        #expect(build([page, "--out", link] + Self.flags).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.db")
        #expect(DatabaseCheck.value(real, "SELECT count(*) FROM entries", as: Int.self) == 1)
        #expect(DatabaseCheck.temporaryFiles(in: directory).isEmpty)
    }

    @Test func symlinkedInputDocumentsAreRead() throws {
        let page = try file("page.md", Self.page)
        let link = directory + "/linked.md"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: page)
        let out = directory + "/s.db"
        let built = build([link, "--out", out] + Self.flags)
        #expect(built.status == 0, "\(built.summary)")
        let added = TestProcess.kb(["add", link, "--db", out, "--source", "https://example.com/other"] + Self.flags, home: directory)
        #expect(added.status == 0, "\(added.summary)")
        let diff = TestProcess.kb(["diff", link, page] + Self.flags, home: directory)
        #expect(diff.status == 0, "\(diff.summary)")
    }

    @Test func aBuildWhoseMetadataCannotBeWrittenLeavesTheDatabaseAsItWas() throws {
        let out = try file("out.db", try Data(contentsOf: URL(fileURLWithPath: seed)))
        let old = try Data(contentsOf: URL(fileURLWithPath: out))
        let page = try file("page.md", Self.page)
        let result = build([page, "--out", out, "--datasette-metadata", directory + "/missing/dir/m.json"] + Self.flags)
        #expect(result.status == 3, "\(result.summary)")
        #expect(result.stderr.contains("m.json"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == old)
        #expect(DatabaseCheck.temporaryFiles(in: directory).isEmpty)
    }
}
