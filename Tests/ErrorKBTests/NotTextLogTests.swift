import Foundation
import Testing
@testable import ErrorKBQuery

/// `kb classify` (and `kb match --lines`) on a compressed or binary file says it is not text,
/// naming the file, and exits 3, rather than counting its "lines" as not errors with exit 0; a
/// success answer given to `kb match` is said to be one. The seed database: -4001 is
/// PRICE_LESS_THAN_ZERO on the COIN-M seed (Price less than 0.), 无效的交易对。 -1121's on the
/// wallet seed.
@Suite struct NotTextLogTests {
    static let lines = ["2026-11-30 10:00:00 ERROR -4001 Price less than 0.", #"2026-11-30 10:00:01 下单失败 {"code":-1121,"msg":"无效的交易对。"}"#,
                        "2026-11-30 10:00:02 INFO heartbeat ok"]

    static func log(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = Fixtures.temporaryDirectory().appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static var text: [UInt8] { Array((lines.joined(separator: "\n") + "\n").utf8) }

    /// gzip, bzip2, xz and zstd files made by the tools themselves (each skipped when absent).
    @Test(arguments: [("gzip", "gz", "zcat"), ("bzip2", "bz2", "bzcat"), ("xz", "xz", "xzcat"), ("zstd", "zst", "zstdcat")])
    func aCompressedLogIsRefusedWithHowToReadIt(tool: String, suffix: String, reader: String) throws {
        let path = try Self.log("app-\(tool).log", Self.text)
        guard TestProcess.tool(tool, ["-kf", path]).status == 0 else { return }
        let compressed = path + "." + suffix
        let result = TestProcess.kb(["classify", compressed, "--db", Fixtures.builtDatabasePath])
        #expect(result.status == 3 && result.stdout.isEmpty)
        #expect(result.stderr == "kb: \(compressed): a \(tool)-compressed file, not text; read it with: \(reader) \(compressed) | kb classify -\n")
        let lines = TestProcess.kb(["match", "--lines", compressed, "--db", Fixtures.builtDatabasePath])
        #expect(lines.status == 3 && lines.stderr.contains("read it with: \(reader) \(compressed) | kb match --lines -"))
        // From standard input, the name is `-`.
        let stdin = TestProcess.tool("sh", ["-c", "\"$0\" classify - --db \"$1\" < \"$2\"", TestProcess.kbBinary.path, Fixtures.builtDatabasePath, compressed])
        #expect(stdin.status == 3 && stdin.stderr.hasPrefix("kb: -: a \(tool)-compressed file, not text"))
    }

    /// Random bytes (with a NUL, or without one but mostly not UTF-8) and an image are binary.
    @Test func aBinaryFileIsRefused() throws {
        var generator = SplitMix64(seed: 17)
        let random = (0..<300).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let noNul = random.map { $0 == 0 ? 0x80 : $0 }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + Array("IHDR".utf8)
        // Large enough for several jobs (`--jobs 3`): the first range, which starts the file, is sniffed.
        let large = (0..<(4 * LogClassification.minimumRangeLength)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for (name, bytes) in [("random.log", random), ("no-nul.log", noNul), ("image.png", png), ("large.log", large)] {
            let path = try Self.log(name, bytes)
            let result = TestProcess.kb(["classify", path, "--jobs", "3", "--db", Fixtures.builtDatabasePath])
            #expect(result.status == 3 && result.stdout.isEmpty, "\(name)")
            #expect(result.stderr.hasPrefix("kb: \(path): ") && result.stderr.contains("not text") && result.stderr.hasSuffix("a binary file, not a log\n"),
                    "\(result.stderr)")
        }
    }

    /// Text stays text: a Chinese log, a CRLF log, and one with a stray Latin-1 byte are counted.
    @Test func textIsCountedAsBefore() throws {
        let crlf = Array((Self.lines.joined(separator: "\r\n") + "\r\n").utf8)
        let latin1 = Array("caf".utf8) + [0xE9] + Array(" 2026-11-30 ERROR -4001 Price less than 0.\n".utf8) + Self.text
        for (name, bytes, errors) in [("app.log", Self.text, 2), ("crlf.log", crlf, 2), ("latin1.log", latin1, 3)] {
            let result = TestProcess.kb(["classify", try Self.log(name, bytes), "--db", Fixtures.builtDatabasePath])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(result.stdout.contains("errors \(errors), unmatched 0, not errors 1"), "\(name): \(result.stdout)")
        }
    }

    /// A success answer is not an error, and kb match says so (exit 1, as for nothing found).
    @Test(arguments: [(#"{"code":200,"msg":"The operation of cancel all open order is done."}"#, 200), (#"{"code":0,"msg":"success"}"#, 0),
                      (#"{"code":0,"msg":"成功"}"#, 0), ("ws api response code=0 id=7", 0), ("撤单完成 错误码：0", 0)])
    func aSuccessAnswerIsSaidToBeOne(input: String, code: Int) {
        let result = TestProcess.kb(["match", input, "--db", Fixtures.builtDatabasePath])
        #expect(result.status == 1)
        #expect(result.stderr == "kb: this is a success answer (code \(code)), not an error\n")
        let json = TestProcess.kb(["match", input, "--db", Fixtures.builtDatabasePath, "--format", "json"])
        #expect(json.stdout.contains(#""answer": "not_error""#))
    }
}
