import Foundation
import Testing

/// File names as the system has them: bytes that need not be UTF-8 (a name made on a Latin-1
/// system) open in every command, and are shown escaped (`\xFF`); and one rule for paths and the
/// cache: a leading `~` is $HOME in every path option alike, a HOME that does not exist is never
/// created, and a relative XDG_CACHE_HOME is ignored, as the XDG spec says.
@Suite struct FileNameTests {
    let directory = Fixtures.temporaryDirectory().path

    /// A path in the test directory whose name has bytes that are not UTF-8.
    func path(_ prefix: String, _ bytes: [UInt8], _ suffix: String) -> [UInt8] {
        Array((directory + "/" + prefix).utf8) + bytes + Array(suffix.utf8)
    }

    func write(_ path: [UInt8], _ text: String) {
        let fd = path.withUnsafeBufferPointer { buffer -> Int32 in
            var name = buffer.map { CChar(bitPattern: $0) } + [0]
            return open(&name, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        #expect(fd >= 0)
        _ = Array(text.utf8).withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    func exists(_ path: [UInt8]) -> Bool {
        var name = path.map { CChar(bitPattern: $0) } + [0]
        var status = stat()
        return stat(&name, &status) == 0
    }

    func kb(_ arguments: [Any]) -> TestProcess.Result {
        TestProcess.kb(bytes: arguments.map { ($0 as? [UInt8]) ?? Array(($0 as! String).utf8) }, home: directory)
    }

    @Test func namesThatAreNotUTF8OpenInEveryCommand() throws {
        let page = path("bad", [0xFF, 0xFE], "name.md")
        let newer = path("new", [0xE9], ".md")
        let log = path("log", [0xFF], ".txt")
        let db = path("kb", [0xC3, 0x28], ".db")
        write(page, "#### \\-97004 FIRST\n\n-   The first page.\n")
        write(newer, "#### \\-97004 FIRST\n\n-   The first page.\n\n#### \\-97005 SECOND\n\n-   A second code.\n")
        write(log, "{\"code\":-97004,\"msg\":\"The first page.\"}\n")
        let flags = ["--domain", "d", "--locale", "en"]

        let build = kb(["build", page, "--out", db] + flags)
        #expect(build.status == 0, "\(build.summary)")
        #expect(exists(db))
        #expect(build.stdout.contains("wrote \(directory)/kb\\xC3(.db"), "\(build.stdout)")
        let show = kb(["show", "-97004", "--db", db])
        #expect(show.status == 0 && show.stdout.contains("line: bad\\xFF\\xFEname.md:1"), "\(show.summary)")
        let add = kb(["add", newer, "--db", db, "--source", "https://example.com/d"] + flags)
        #expect(add.status == 0, "\(add.summary)")
        let diff = kb(["diff", page, newer] + flags)
        #expect(diff.status == 1 && diff.stdout.contains("code_added"), "\(diff.summary)")
        let classify = kb(["classify", log, "--db", db, "--format", "csv"])
        #expect(classify.status == 0 && classify.stdout.contains(",-97004,FIRST,"), "\(classify.summary)")
        let export = kb(["export", "--db", db, "--out", path("codes", [0xFF], ".csv")])
        #expect(export.status == 0 && exists(path("codes", [0xFF], ".csv")), "\(export.summary)")
        // A name that is not there is named as it was given, escaped.
        let missing = kb(["show", "-1", "--db", path("none", [0xFF], ".db")])
        #expect(missing.status == 3 && missing.stderr == "kb: \(directory)/none\\xFF.db: no such database\n", "\(missing.stderr)")
    }

    @Test func aTildeIsHomeInEveryPathOption() throws {
        let home = directory + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let built = TestProcess.kb(["build", "--out", "~/t.db"], home: home)
        #expect(built.status == 0, "\(built.summary)")
        #expect(FileManager.default.fileExists(atPath: home + "/t.db"), "--out ~/t.db did not go to $HOME")
        for arguments in [["show", "-1121", "--db", "~/t.db"], ["show", "-1121", "--db=~/t.db"]] {
            let result = TestProcess.kb(arguments, home: home)
            #expect(result.status == 0, "\(arguments): \(result.summary)")
        }
        let environment = TestProcess.kb(["stats"], home: home, environment: ["KB_DB": "~/t.db"])
        #expect(environment.status == 0, "\(environment.summary)")
        let export = TestProcess.kb(["export", "--db", "~/t.db", "--out", "~/codes.csv", "--view", "codes"], home: home)
        #expect(export.status == 0 && FileManager.default.fileExists(atPath: home + "/codes.csv"), "\(export.summary)")
    }

    @Test func aMissingHomeIsNotCreated() {
        let home = directory + "/missing/home"
        let result = TestProcess.kb(["show", "-1121"], home: home)
        #expect(result.status == 0, "\(result.summary)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/missing"), "kb created the missing HOME")
    }

    @Test func aRelativeCacheHomeIsIgnored() throws {
        let home = directory + "/home"
        let work = directory + "/work"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let result = TestProcess.shell("cd '\(work)' && XDG_CACHE_HOME=cache exec \"$KB\" show -1121", home: home)
        #expect(result.status == 0, "\(result.summary)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work).isEmpty, "the cache went into the working directory")
        let cache = try FileManager.default.contentsOfDirectory(atPath: home + "/.cache/errorkb")
        #expect(cache.count == 1 && cache[0].hasPrefix("seed-"), "\(cache)")
        #expect((try FileManager.default.attributesOfItem(atPath: home + "/.cache/errorkb")[.posixPermissions] as? Int) == 0o700)
    }
}
