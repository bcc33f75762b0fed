import Foundation
import GRDB
import Testing
@testable import ErrorKBImport

/// The import is exact at scale: a generated 100k-entry corpus in each seed format, checked
/// against the generator's own counts (--stats) and a sample of its entries (--truth).
@Suite(.enabled(if: Generator.available, "skipped: ../shared/bench/gen_corpus.py is absent"))
struct ScaleTests {
    static var generator: URL { Generator.script }

    struct Truth: Decodable {
        let code: Int64
        let name: String?
        let messages: [String]
        init(from decoder: Decoder) throws {
            var row = try decoder.unkeyedContainer()
            code = try row.decode(Int64.self)
            name = try row.decodeIfPresent(String.self)
            messages = try row.decode([String].self)
        }
    }

    @Test(.timeLimit(.minutes(10)), arguments: ["zh-text", "en-md"])
    func a100kCorpusImportsExactly(format: String) throws {
        let folder = Fixtures.temporaryDirectory()
        let document = folder.appendingPathComponent("corpus.txt"), stats = folder.appendingPathComponent("stats.json")
        let truth = folder.appendingPathComponent("truth.jsonl")
        let run = TestProcess.tool("python3", [Self.generator.path, "-n", "100000", "--format", format, "--seed", "7", "-o", document.path,
                                               "--stats", stats.path, "--truth", truth.path])
        #expect(run.status == 0, "\(run.stderr)")
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: stats)) as? [String: Any] ?? [:]
        let parsed = try DocumentImporter.importFile(at: document.path, domain: "gen", locale: "en").parsed

        // Definitions are entries with messages; the reference-only code lines come on top.
        let definitions = parsed.entries.filter { !$0.messages.isEmpty }
        #expect(definitions.count == expected["entries"] as? Int)
        #expect(parsed.messageCount == expected["messages"] as? Int)
        #expect(parsed.entries.count - definitions.count + parsed.mentions.count == expected["refs"] as? Int)
        #expect(parsed.tableRows.count == expected["reasons"] as? Int)
        #expect(parsed.sections.count == expected["sections"] as? Int)
        #expect(definitions.filter { $0.name == nil }.count == expected["nameless"] as? Int)
        let repeated = Dictionary(grouping: definitions, by: \.code).values.reduce(0) { $0 + $1.count - 1 }
        #expect(repeated == expected["dup_codes"] as? Int)
        #expect(parsed.unexplainedLines.isEmpty)

        // Every 97th truth row, in order, is the same entry with the same messages.
        let rows = try String(contentsOf: truth, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == definitions.count)
        for index in stride(from: 0, to: min(rows.count, definitions.count), by: 97) {
            let row = try JSONDecoder().decode(Truth.self, from: Data(rows[index].utf8))
            let entry = definitions[index]
            #expect(entry.code == row.code && entry.name == row.name && entry.messages.map(\.text) == row.messages,
                    "truth row \(index): \(rows[index])")
        }

        // The same file streamed into a database by `kb build` (read on one thread, written on
        // another) holds exactly the same.
        let path = folder.appendingPathComponent("corpus.db").path
        let build = TestProcess.kb(["build", "--out", path, document.path, "--domain", "gen", "--locale", "en"])
        #expect(build.status == 0, "\(build.stderr)")
        let file = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        try file.read { db in
            let defined = "EXISTS (SELECT 1 FROM messages m WHERE m.entry_id = e.id)"
            func count(_ sql: String) throws -> Int? { try Int.fetchOne(db, sql: sql) }
            #expect(try count("SELECT count(*) FROM entries e WHERE \(defined)") == expected["entries"] as? Int)
            #expect(try count("SELECT count(*) FROM messages") == expected["messages"] as? Int)
            #expect(try count("SELECT (SELECT count(*) FROM entries e WHERE NOT \(defined)) + (SELECT count(*) FROM mentions)") == expected["refs"] as? Int)
            #expect(try count("SELECT count(*) FROM table_rows") == expected["reasons"] as? Int)
            #expect(try count("SELECT count(*) FROM sections") == expected["sections"] as? Int)
            #expect(try count("SELECT count(*) FROM entries e WHERE name IS NULL AND \(defined)") == expected["nameless"] as? Int)
            #expect(try count("SELECT sum(n - 1) FROM (SELECT count(*) AS n FROM entries e WHERE \(defined) GROUP BY code)") == expected["dup_codes"] as? Int)
            #expect(try count("SELECT count(*) FROM line_kinds WHERE kind = 'unexplained'") == 0)
            #expect(try count("SELECT count(*) FROM search_index_docsize") == count("SELECT (SELECT count(*) FROM entries) + (SELECT count(*) FROM table_rows)"))
            let stored = try Row.fetchAll(db, sql: """
                SELECT e.code, e.name, (SELECT json_group_array(text) FROM (SELECT text FROM messages m WHERE m.entry_id = e.id ORDER BY m.ordinal))
                FROM entries e WHERE \(defined) ORDER BY e.ordinal
                """)
            #expect(stored.count == rows.count)
            for index in stride(from: 0, to: min(rows.count, stored.count), by: 97) {
                let row = try JSONDecoder().decode(Truth.self, from: Data(rows[index].utf8))
                let messages = try JSONDecoder().decode([String].self, from: Data((stored[index][2] as String).utf8))
                #expect((stored[index][0] as Int64) == row.code && (stored[index][1] as String?) == row.name && messages == row.messages,
                        "stored truth row \(index): \(rows[index])")
            }
        }
    }
}

/// The shared benchmark generator, beside the project.
enum Generator {
    static let script = Fixtures.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/bench/gen_corpus.py")
    static var available: Bool { FileManager.default.fileExists(atPath: script.path) }
}
