import Foundation
import Testing

/// Paths that name something other than a regular file, and reads that fail. A FIFO, a directory
/// or a device given where kb expects a database or a document is refused before it is opened
/// (opening a FIFO waits for a writer that may never come), with exit 3 and what it is. `kb
/// classify` reads streams by design (a FIFO, `<(zcat log.gz)`, standard input), but a read that
/// fails (a directory, /proc/self/mem, a closed standard input) is an error, never "lines 0".
@Suite struct SpecialFileTests {
    let directory = Fixtures.temporaryDirectory().path
    var seed: String { Fixtures.builtDatabasePath }
    static let flags = ["--domain", "d", "--locale", "en"]

    func fifo(_ name: String) -> String {
        let path = directory + "/" + name
        #expect(mkfifo(path, 0o644) == 0)
        return path
    }

    /// Refused in time, with exit 3, naming the path and what it is.
    func expectRefused(_ result: TestProcess.Result, _ path: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!result.timedOut, "kb waited on \(path)", sourceLocation: sourceLocation)
        #expect(result.status == 3, "\(result.summary)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("kb: \(path): ") && result.stderr.contains(what), "\(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test func aFIFOIsNeverOpenedAsADatabaseOrADocument() throws {
        let pipe = fifo("pipe")
        let page = directory + "/page.md"
        try Data("#### \\-97004 PAGE\n\n-   A page.\n".utf8).write(to: URL(fileURLWithPath: page))
        let what = "FIFO"
        expectRefused(TestProcess.kb(["show", "-1121", "--db", pipe], home: directory, timeout: 20), pipe, what)
        expectRefused(TestProcess.kb(["stats"], home: directory, environment: ["KB_DB": pipe], timeout: 20), pipe, what)
        expectRefused(TestProcess.kb(["add", pipe, "--db", seed] + Self.flags, home: directory, timeout: 20), pipe, what)
        expectRefused(TestProcess.kb(["add", page, "--db", pipe] + Self.flags, home: directory, timeout: 20), pipe, what)
        expectRefused(TestProcess.kb(["build", pipe, "--out", directory + "/x.db"] + Self.flags, home: directory, timeout: 20), pipe, what)
        expectRefused(TestProcess.kb(["diff", pipe, page] + Self.flags, home: directory, timeout: 20), pipe, what)
        expectRefused(TestProcess.kb(["diff", seed, pipe] + Self.flags, home: directory, timeout: 20), pipe, what)
    }

    /// A MANIFEST.md beside a page is read for the page's origin: a FIFO there is refused, not
    /// waited on; a MANIFEST.md given among the documents is not a page; given alone, a usage error.
    @Test func aManifestIsReadOnlyIfItIsARegularFile() throws {
        let page = directory + "/page.md"
        try Data("#### \\-97004 PAGE\n\n-   A page.\n".utf8).write(to: URL(fileURLWithPath: page))
        let pipe = fifo("MANIFEST.md")
        expectRefused(TestProcess.kb(["build", page, "--out", directory + "/x.db"] + Self.flags, home: directory, timeout: 20), pipe, "FIFO")
        expectRefused(TestProcess.kb(["diff", page, page] + Self.flags, home: directory, timeout: 20), pipe, "FIFO")
        #expect(unlink(pipe) == 0)
        try Data("| file | domain | locale |\n|---|---|---|\n| page.md | manifested | zh-CN |\n".utf8).write(to: URL(fileURLWithPath: pipe))
        let build = TestProcess.kb(["build", pipe, page, "--out", directory + "/x.db"], home: directory)
        #expect(build.status == 0, "\(build.summary)")
        #expect(build.stderr == "kb: \(pipe): the table of its folder's pages, read with each of them; not imported as a page\n")
        #expect(build.stdout.contains("documents         1"), "\(build.stdout)")
        let stats = TestProcess.kb(["stats", "--db", directory + "/x.db", "--format", "csv"], home: directory)
        #expect(stats.stdout.contains("manifested") && stats.stdout.contains("zh-CN"), "\(stats.stdout)")
        let alone = TestProcess.kb(["build", pipe, "--out", directory + "/y.db"], home: directory)
        #expect(alone.status == 2 && alone.stderr.contains("no document to import: only MANIFEST.md given"), "\(alone.summary)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/y.db"))
    }

    @Test func aDirectoryIsNotADatabase() {
        let result = TestProcess.kb(["show", "-1121", "--db", directory], home: directory)
        expectRefused(result, directory, "it is a directory, not a database file")
        #expect(!result.stderr.contains("I/O"), "\(result.stderr)")
    }

    @Test func classifyReadsAFIFOByDesign() {
        let pipe = fifo("log")
        let script = """
            printf '%s\\n' '{"code":-1121,"msg":"Invalid symbol."}' 'not a payload {' > '\(pipe)' &
            exec "$KB" classify '\(pipe)' --db '\(seed)' --format csv
            """
        let result = TestProcess.shell(script, home: directory, timeout: 30)
        #expect(result.status == 0, "\(result.summary)")
        #expect(result.stdout.contains("\nerror,1,-1121,-1121,BAD_SYMBOL,coin-margined-futures wallet,exact,Invalid symbol.,"), "\(result.stdout)")
        #expect(result.stdout.contains("\nnot_error,1,,,,,,,,,not a payload {,2"), "\(result.stdout)")
    }

    @Test func classifyOfADirectoryIsAnError() {
        let result = TestProcess.kb(["classify", directory, "--db", seed], home: directory)
        #expect(result.status == 3, "\(result.summary)")
        #expect(result.stderr == "kb: \(directory): cannot read: it is a directory\n", "\(result.stderr)")
        #expect(!result.stdout.contains("lines 0"))
    }

    @Test func classifyOfAFileThatCannotBeReadIsAnError() {
        let result = TestProcess.kb(["classify", "/proc/self/mem", "--db", seed], home: directory)
        #expect(result.status == 3, "\(result.summary)")
        #expect(result.stderr == "kb: /proc/self/mem: cannot read: Input/output error\n", "\(result.stderr)")
        #expect(!result.stdout.contains("lines 0"))
    }

    @Test func classifyOfAClosedStandardInputIsAnError() {
        for arguments in [["classify"], ["classify", "-"]] {
            let result = TestProcess.kb(bytes: (arguments + ["--db", seed]).map { Array($0.utf8) }, home: directory, closed: [0])
            #expect(result.status == 3, "\(result.summary)")
            #expect(result.stderr == "kb: -: cannot read: standard input is closed\n", "\(result.stderr)")
            #expect(!result.stdout.contains("lines 0"))
        }
    }
}
