import Foundation
import GRDB
import Testing
@testable import ErrorKBModel
@testable import ErrorKBStore

/// The file `kb build` ships: deterministic, self-describing, compact, safe to read.
@Suite struct AnalystFileTests {
    let home = Fixtures.temporaryDirectory()

    private func build(_ name: String, environment: [String: String] = [:]) throws -> URL {
        let out = home.appendingPathComponent(name)
        let result = TestProcess.kb(["build", "--out", out.path], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        return out
    }

    @Test func rebuildingGivesTheSameBytes() throws {
        let first = try Data(contentsOf: build("a.db"))
        let second = try Data(contentsOf: build("b.db"))
        #expect(first == second)
        let epoch = ["SOURCE_DATE_EPOCH": "1700000000"]
        let third = try Data(contentsOf: build("c.db", environment: epoch))
        #expect(try Data(contentsOf: build("d.db", environment: epoch)) == third)
        #expect(third != first)
        let queue = try DatabaseQueue(path: home.appendingPathComponent("c.db").path)
        #expect(try queue.read { try String.fetchOne($0, sql: "SELECT value FROM metadata WHERE key = 'build_time'") } == "2023-11-14T22:13:20Z")
    }

    @Test func provenanceAndStamps() throws {
        try Fixtures.builtDatabase.read { db in
            let metadata = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, value FROM metadata").map { ($0[0] as String, $0[1] as String) })
            #expect(metadata["schema_version"] == String(Schema.version))
            #expect(metadata["kb_version"] == Release.version)
            #expect(metadata["build_time"] == nil)
            #expect(metadata["input.2"] == "binance-wallet-error-code.zh-CN.txt sha256:\(Fixtures.wallet.sha256) wallet zh-CN")
            let document = try Row.fetchOne(db, sql: "SELECT source_url, domain, locale, title, sha256, size, line_count FROM documents WHERE domain = 'wallet'")
            #expect(document?["title"] as String? == "错误代码")
            #expect(document?["size"] as Int? == Fixtures.wallet.size)
            #expect(document?["line_count"] as Int? == 864)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE sql LIKE '%STRICT%'") == 0)
            #expect(try Int.fetchOne(db, sql: "PRAGMA freelist_count") == 0)
        }
        // Rollback journal: header bytes 18 and 19 are 1 (2 would be WAL).
        let header = try Data(contentsOf: URL(fileURLWithPath: Fixtures.builtDatabasePath)).prefix(20)
        #expect(header[18] == 1 && header[19] == 1)
    }

    @Test func everyColumnOfEveryTableAndViewIsDescribed() throws {
        try Fixtures.builtDatabase.read { db in
            let objects = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")
            var described = Set(try Row.fetchAll(db, sql: "SELECT object, \"column\" FROM dictionary").map { "\($0[0] as String).\($0[1] as String)" })
            for object in objects {
                #expect(described.remove("\(object).") != nil, "\(object) has no description")
                for column in try db.columns(in: object) {
                    #expect(described.remove("\(object).\(column.name)") != nil, "\(object).\(column.name) has no description")
                }
            }
            #expect(described.isEmpty, "described but not in the file: \(described.sorted())")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM dictionary WHERE description = ''") == 0)
        }
    }

    @Test func datasetteMetadataComesFromTheSameDictionary() throws {
        let meta = home.appendingPathComponent("meta.json")
        let result = TestProcess.kb(["build", "--out", home.appendingPathComponent("errors.db").path, "--datasette-metadata", meta.path])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: meta)) as? [String: Any]
        let tables = ((json?["databases"] as? [String: Any])?["errors"] as? [String: Any])?["tables"] as? [String: Any]
        let catalog = tables?["catalog"] as? [String: Any]
        #expect((catalog?["columns"] as? [String: String])?["code"] == "Error code, e.g. -1121")
        #expect(json?["title"] as? String == "ErrorKB: API error codes")
        #expect((json?["source"] as? String)?.contains("https://developers.binance.com/docs/zh-CN/wallet/error-code") == true)
        #expect(json?["license"] != nil)
        #expect(tables?.count == DataDictionary.embedded.objects.count)
    }

    @Test func readCommandsWorkOnAReadOnlyFileInAReadOnlyDirectoryAndWriteNothing() throws {
        let directory = home.appendingPathComponent("shipped")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let db = directory.appendingPathComponent("errors.db")
        try FileManager.default.copyItem(atPath: Fixtures.builtDatabasePath, toPath: db.path)
        let before = try Data(contentsOf: db)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path) }
        for arguments in [["show", "-1121"], ["search", "余额"], ["match", "Invalid symbol"], ["duplicates"], ["stats"], ["export", "--view", "codes"]] {
            let result = TestProcess.kb(arguments + ["--db", db.path])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["errors.db"])
        #expect(try Data(contentsOf: db) == before)
    }

    @Test func filesThatAreNotUsableGetExitThree() throws {
        let good = try Data(contentsOf: URL(fileURLWithPath: Fixtures.builtDatabasePath))
        func write(_ name: String, _ data: Data) throws -> String {
            let path = home.appendingPathComponent(name).path
            try data.write(to: URL(fileURLWithPath: path))
            return path
        }
        func stamped(_ name: String, _ sql: String) throws -> String {
            let path = try write(name, good)
            try DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: sql) }
            return path
        }
        let cases: [(String, String)] = [
            (try write("text.db", Data("hello\n".utf8)), "not an ErrorKB database"),
            (try write("corrupt.db", good.prefix(100) + Data(repeating: 0xA5, count: good.count - 100)), "damaged"),
            (try stamped("newer.db", "PRAGMA user_version = 99"), "schema version 99 is newer than this kb supports"),
            (try stamped("older.db", "PRAGMA user_version = 1"), "older than this kb's"),
            (try stamped("other.db", "PRAGMA application_id = 7"), "not an ErrorKB database"),
            (try stamped("nofts.db", "DROP TABLE search_index"), "search index is missing"),
        ]
        for (path, message) in cases {
            let result = TestProcess.kb(["search", "余额", "--db", path])
            #expect(result.status == 3, "\(path): \(result.stderr)")
            #expect(result.stderr.hasPrefix("kb: \(path): ") && result.stderr.contains(message), "\(result.stderr)")
        }
    }

    @Test func exportStreamsCSVAndJSONLines() throws {
        let csv = TestProcess.kb(["export", "--db", Fixtures.builtDatabasePath])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("domain,locale,code,name,section,message,lang,source,line,template,placeholders\n"))
        // Python's csv module (RFC 4180) reads back every catalog row; embedded newlines survive.
        let out = home.appendingPathComponent("table_rows.csv")
        #expect(TestProcess.kb(["export", "--view", "table_row_catalog", "--out", out.path, "--db", Fixtures.builtDatabasePath]).status == 0)
        let check = try PythonCheck.run("""
            import csv, sys
            rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
            oco = [r for r in rows if r['message'].startswith('The relationship')][0]
            print(len(rows), oco['description'].count('\\n'), oco['codes'])
            """, arguments: [out.path])
        #expect(check == "40 3 -1010,-2010,-2011\n")
        let jsonl = TestProcess.kb(["export", "--format", "jsonl", "--view", "codes", "--db", Fixtures.builtDatabasePath])
        let lines = jsonl.stdout.split(separator: "\n")
        #expect(lines.count == 235 + 152)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(first?["domain"] as? String == "coin-margined-futures" && first?["code"] as? Int == -1000 && first?["names"] as? String == "UNKNOWN")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: home.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }
}

/// Runs a short Python script and returns what it printed.
enum PythonCheck {
    static func run(_ script: String, arguments: [String] = [], stdin: String? = nil) throws -> String {
        let result = stdin.map { TestProcess.run("/usr/bin/env", ["python3", "-c", script] + arguments, environment: ProcessInfo.processInfo.environment,
                                                 stdin: $0, timeout: 120) }
            ?? TestProcess.tool("python3", ["-c", script] + arguments)
        if result.status != 0 { Issue.record("python3 failed: \(result.stderr)") }
        return result.stdout
    }
}
