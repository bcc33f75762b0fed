import Foundation
import Testing
@testable import ErrorKBSupport
@testable import ErrorKBModel
@testable import ErrorKBImport
@testable import ErrorKBStore
@testable import ErrorKBBuild

/// The small readers the parsers are built from.
@Suite struct ReaderTests {
    @Test func codeLines() {
        #expect(CodeLine("-1000 UNKNOWN", requireMinus: true) == CodeLine(code: -1000, name: "UNKNOWN"))
        #expect(CodeLine("\\-1003 TOO_MANY", requireMinus: true)?.code == -1003)
        #expect(CodeLine("−1121", requireMinus: true) == CodeLine(code: -1121, name: nil))
        #expect(CodeLine("-1099 Not found, authenticated, or authorized", requireMinus: true)?.name == "Not found, authenticated, or authorized")
        #expect(CodeLine("24小时内只能转账一次。", requireMinus: true) == nil)
        #expect(CodeLine("1000", requireMinus: true) == nil)
        #expect(CodeLine("1000 OK", requireMinus: false)?.code == 1000)
        #expect(CodeLine("-1999.", requireMinus: true) == nil)
        #expect(CodeLine("-99999999999999999999 X", requireMinus: true) == nil)
    }

    @Test func rangeLabels() {
        #expect(RangeLabel.prefix(of: "10xx -常规服务器或网络问题") == "10xx")
        #expect(RangeLabel.prefix(of: "11xx - 2xxx Request issues") == "11xx - 2xxx")
        #expect(RangeLabel.prefix(of: "3xxx-5xxx SAPI 具体问题") == "3xxx-5xxx")
        #expect(RangeLabel.prefix(of: "6XXX - 币安宝相关") == "6XXX")
        #expect(RangeLabel.prefix(of: "10xxx - 质押借币") == "10xxx")
        #expect(RangeLabel.prefix(of: "1000ms") == nil)
        #expect(RangeLabel.prefix(of: "xx") == nil)
        #expect(RangeLabel.prefix(of: "2xxxl") == nil)
    }

    @Test func originFromURLs() {
        #expect(DocumentOrigin.parse(url: "https://developers.binance.com/docs/zh-CN/wallet/error-code") == ("wallet", "zh-CN"))
        #expect(DocumentOrigin.parse(url: "https://developers.binance.com/docs/derivatives/coin-margined-futures/error-code") == ("coin-margined-futures", "en"))
        #expect(DocumentOrigin.parse(url: "https://example.com/") == (nil, nil))
        #expect(DocumentOrigin.parse(url: "not a url") == (nil, nil))
    }

    @Test func flagsOverrideTheURLAndMissingOriginNamesTheFlags() throws {
        let data = EmbeddedCorpus.seedDocuments[0].data
        let overridden = try DocumentImporter.importData(data, fileName: "x.md", domain: "dapi", locale: "en-US")
        #expect(overridden.origin == DocumentOrigin(domain: "dapi", locale: "en-US"))
        #expect(throws: ImportError.unknownOrigin(file: "y.md", missing: ["locale"])) {
            try DocumentImporter.importData(Data("#### \\-1 X\n- m\n".utf8), fileName: "y.md", domain: "spot")
        }
        #expect(throws: ImportError.invalidOverride(file: "x.md", flag: "domain", value: "a b")) {
            try DocumentImporter.importData(data, fileName: "x.md", domain: "a b")
        }
    }

    @Test func invalidUTF8NamesTheLine() {
        var bytes = Data("-1000 UNKNOWN\nok\n".utf8)
        bytes.append(contentsOf: [0xFF, 0xFE, 0x0A])
        #expect(throws: ImportError.notUTF8(file: "bad.txt", line: 3)) {
            try DocumentImporter.importData(bytes, fileName: "bad.txt", domain: "d", locale: "en")
        }
    }

    @Test func lineSplittingKeepsNumbers() {
        let lines = SourceLine.split("a\r\nb\rc\n\nd")
        #expect(lines.map(\.text) == ["a", "b", "c", "", "d"])
        #expect(lines.map(\.number) == [1, 2, 3, 4, 5])
        #expect(SourceLine.split("a\n").count == 1)
    }

    @Test func sha256KnownVectors() {
        #expect(SHA256.hex(of: Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(of: long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(of: Data(repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func markdownUnescapingLeavesCodeSpans() {
        #expect(MarkdownText.unescape("TOO\\_MANY\\_REQUESTS") == "TOO_MANY_REQUESTS")
        #expect(MarkdownText.unescape("`a\\_b` c\\_d") == "`a\\_b` c_d")
        #expect(MarkdownText.heading("#### \\-1000 UNKNOWN")?.level == 4)
        #expect(MarkdownText.bullet("-   An unknown error") == "An unknown error")
        #expect(MarkdownText.bullet("-1000 X") == nil)
    }

    @Test(arguments: [("abc", "", true), ("abc", "abc", true), ("ab", "abc", false), ("xxabc", "abc", true), ("aab", "ab", true),
                      ("", "a", false), ("abx", "abc", false), ("先替换错误代码-1999", "替换", true), ("替", "替换", false), ("a\tb", "\t", true)])
    func byteSearch(haystack: String, needle: String, found: Bool) {
        #expect(haystack.containsBytes(needle) == found)
        #expect(("<" + haystack + ">").dropFirst().dropLast().containsBytes(needle) == found)
        if needle.utf8.count == 1 { #expect(haystack.containsByte(needle.utf8.first!) == found) }
    }

    @Test func embeddedFilesMatchTheRepository() throws {
        for (name, data) in EmbeddedCorpus.seedDocuments {
            #expect(try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("seed/\(name)")) == data)
        }
        // The schema files are the repository's, in order.
        let repository = try FileManager.default.contentsOfDirectory(atPath: Fixtures.packageRoot.appendingPathComponent("schema").path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        #expect(Schema.files.map(\.fileName) == repository)
        #expect(Schema.files.first?.fileName == "errorkb.sql" && Schema.version == 12)
    }
}

extension CodeLine {
    init(code: Int64, name: String?) {
        self = CodeLine("\(code)" + (name.map { " \($0)" } ?? ""), requireMinus: false)!
    }
}
