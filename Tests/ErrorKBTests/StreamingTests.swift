import Foundation
import GRDB
import Testing
@testable import ErrorKBSupport
@testable import ErrorKBImport
@testable import ErrorKBBuild

/// Documents are read in chunks and streamed into the database: the result must not depend on
/// where the chunks split the bytes, and the reader must let go of what it has read.
@Suite struct StreamingTests {
    /// The seeds, the corpus pages when present, and the line-ending, BOM and NUL variants.
    static var documents: [(name: String, data: Data)] {
        var documents = EmbeddedCorpus.seedDocuments.map { ($0.fileName, $0.data) }
        let coinM = String(decoding: EmbeddedCorpus.seedDocuments.first { $0.fileName == "binance-coin-margined-futures-error-code.en.md" }!.data, as: UTF8.self)
        documents.append(("crlf.md", Data(coinM.replacingOccurrences(of: "\n", with: "\r\n").utf8)))
        documents.append(("cr.md", Data(coinM.replacingOccurrences(of: "\n", with: "\r").utf8)))
        documents.append(("bom.md", Data([0xEF, 0xBB, 0xBF]) + Data(coinM.utf8)))
        documents.append(("nul.md", Data("#### \\-1 A".utf8) + Data([0]) + Data("B\r\n\r\n-   msg".utf8) + Data([0]) + Data(" with nul.".utf8)))
        documents.append(("bom-only.md", Data([0xEF, 0xBB, 0xBF])))
        documents.append(("empty.md", Data()))
        if Corpus.available, let names = try? FileManager.default.contentsOfDirectory(atPath: Corpus.folder.path) {
            for name in names.sorted() where name.hasSuffix(".md") {
                if let data = FileManager.default.contents(atPath: Corpus.folder.appendingPathComponent(name).path) { documents.append((name, data)) }
            }
        }
        return documents
    }

    @Test(arguments: [1, 2, 3, 7, 64, 4096])
    func chunkBoundariesChangeNothing(chunkSize: Int) throws {
        for (name, data) in Self.documents {
            let whole = try DocumentImporter.importPages(.memory(data), fileName: name, domain: "d", locale: "en", source: nil, chunkSize: 1 << 30)
            let chunked = try DocumentImporter.importPages(.memory(data), fileName: name, domain: "d", locale: "en", source: nil, chunkSize: chunkSize)
            #expect(chunked.map(\.parsed) == whole.map(\.parsed), "\(name) read \(chunkSize) bytes at a time")
            // Each page's digest and size are those of its own bytes, which follow each other.
            var offset = 0
            for (page, expected) in zip(chunked, whole) {
                #expect(page.sha256 == SHA256.hex(of: data.subdata(in: offset..<(offset + page.size))), "\(name):\(page.parsed.firstLine)")
                offset += page.size
                let counts: [Int] = [page.lineCount, page.entryCount, page.messageCount, page.tableRowCount]
                #expect(counts == [expected.lineCount, expected.entryCount, expected.messageCount, expected.tableRowCount], "\(name)")
            }
            #expect(offset == data.count, "\(name)")
        }
    }

    @Test func invalidUTF8IsReportedAtItsLineWhateverTheChunks() throws {
        let data = Data("#### \\-1 A\n\n-   ok\n-   bad ".utf8) + Data([0xC3, 0x28]) + Data("\n".utf8)
        // A NUL inside a broken sequence does not make it whole once NULs are removed.
        let split = Data("#### \\-1 A\n\n-   caf".utf8) + Data([0xC3, 0x00, 0xA9]) + Data("\n".utf8)
        for chunkSize in [1, 5, 4096] {
            #expect(throws: ImportError.notUTF8(file: "bad.md", line: 4)) {
                try DocumentImporter.importPages(.memory(data), fileName: "bad.md", domain: "d", locale: "en", source: nil, chunkSize: chunkSize)
            }
            #expect(throws: ImportError.notUTF8(file: "bad.md", line: 3)) {
                try DocumentImporter.importPages(.memory(split), fileName: "bad.md", domain: "d", locale: "en", source: nil, chunkSize: chunkSize)
            }
        }
    }

    @Test func theReaderLetsGoOfWhatItRead() throws {
        var text = "错误代码\n\n"
        for section in 0..<100 {
            text += "\(section + 10)xx - 第\(section)节\n"
            for code in 0..<200 { text += "-\(section * 1000 + code + 10000) NAME_\(code)\n消息\(code)。\n" }
        }
        let reader = try LineReader(.memory(Data(text.utf8)), fileName: "long.txt", chunkSize: 4096)
        let lines = LineWindow(reader)
        let collector = DocumentCollector()
        var parser = ScrapedTextParser(lines: lines, builder: DocumentBuilder(format: .scrapedText, sink: collector))
        let parsed = parser.parse(lineCount: { reader.lineCount })
        #expect(collector.entries.count == 20_000)
        #expect(parsed.lineKinds.count == 40_102)
        // 4 KiB chunks of ~15-byte lines: a few hundred lines at a time, not the 40,102.
        #expect(lines.peakRetained < 1_000, "held \(lines.peakRetained) lines at once")
    }

    /// A line over `maxLineLength` comes out cut to it and marked, whatever the chunk size and line
    /// ending; the lines around it are whole; what follows the cut is never held.
    @Test(arguments: [1, 3, 7, 64, 4096])
    func longLinesAreCutAndMarked(chunkSize: Int) throws {
        let long = String(repeating: "x", count: 50)
        for ending in ["\n", "\r\n", "\r"] {
            let text = ["a", long, "bb", long + "y", String(repeating: "z", count: 10), ""].joined(separator: ending)
            let reader = try LineReader(.memory(Data(text.utf8)), fileName: "t.log", chunkSize: chunkSize, maxLineLength: 10)
            var lines: [(String, Bool)] = []
            while let line = reader.nextLine() { lines.append((String(decoding: line, as: UTF8.self), reader.lastLineWasCut)) }
            let expected = [("a", false), ("xxxxxxxxxx", true), ("bb", false), ("xxxxxxxxxx", true), ("zzzzzzzzzz", false)]
            #expect(lines.map(\.0) == expected.map(\.0), "chunk \(chunkSize), ending \(ending.debugDescription)")
            #expect(lines.map(\.1) == expected.map(\.1), "chunk \(chunkSize), ending \(ending.debugDescription)")
            #expect(reader.lineCount == 5)
        }
        // A cut line at the very end, without a line ending.
        let reader = try LineReader(.memory(Data(("ok\n" + long).utf8)), fileName: "t.log", chunkSize: chunkSize, maxLineLength: 10)
        #expect(reader.nextLine().map { Array($0) } == Array("ok".utf8) && !reader.lastLineWasCut)
        #expect(reader.nextLine()?.count == 10 && reader.lastLineWasCut)
        #expect(reader.nextLine() == nil)
    }

    /// `kb build FILE…` streams the files; the embedded seed goes through memory. Same rows.
    @Test func aStreamedBuildHoldsWhatAnInMemoryBuildHolds() throws {
        let home = Fixtures.temporaryDirectory()
        let streamed = home.appendingPathComponent("streamed.db").path
        let seeds = ["binance-coin-margined-futures-error-code.en.md", "binance-wallet-error-code.zh-CN.txt"]
            .map { Fixtures.packageRoot.appendingPathComponent("seed/\($0)").path }
        #expect(TestProcess.kb(["build", "--out", streamed] + seeds).status == 0)
        let queries = ["SELECT * FROM catalog ORDER BY domain, code, message", "SELECT * FROM table_row_catalog ORDER BY domain, line",
                       "SELECT * FROM duplicates ORDER BY kind, domain, code, name", "SELECT * FROM templates ORDER BY domain, code, message",
                       "SELECT * FROM search_content ORDER BY id", "SELECT code, name, line FROM mentions ORDER BY line",
                       "SELECT kind, lines FROM line_kinds ORDER BY document_id, kind"]
        let file = try DatabaseQueue(path: streamed, configuration: { var c = Configuration(); c.readonly = true; return c }())
        for query in queries {
            let expected = try Fixtures.builtDatabase.read { db in try Row.fetchAll(db, sql: query) }
            let actual = try file.read { db in try Row.fetchAll(db, sql: query) }
            #expect(actual == expected, "\(query)")
        }
        // Searching the index finds the same rows.
        for term in ["余额", "withdraw", "symbol"] {
            let sql = "SELECT rowid FROM search_index WHERE search_index MATCH '\"\(term)\"' ORDER BY rowid"
            let expected: [Int64] = try Fixtures.builtDatabase.read { try Int64.fetchAll($0, sql: sql) }
            let actual: [Int64] = try file.read { try Int64.fetchAll($0, sql: sql) }
            #expect(!actual.isEmpty && actual == expected, "\(term)")
        }
    }
}
