import Foundation
import GRDB
import Testing
@testable import ErrorKBModel
@testable import ErrorKBStore
@testable import ErrorKBQuery
@testable import ErrorKBBuild
@testable import ErrorKBImport

/// Values a database should not hold, put there by hand (`UPDATE entries SET line = 'abc'`): text
/// in an INTEGER column, a blob or bytes that are not UTF-8 in a TEXT column, NULL where the schema
/// had NOT NULL, the extremes of 64 bits. Every reader either answers or says which value is
/// damaged ("the database is damaged: entries.line of -1121 is not a number", exit 3); none traps,
/// and none reads a wrong value as if it were right.
@Suite struct DamagedValueTests {
    static let values: [(name: String, sql: String)] = [
        ("text", "'abc'"), ("empty text", "''"), ("blob", "X'FF00FE'"), ("text that is not UTF-8", "CAST(X'41FF00FE' AS TEXT)"),
        ("NULL", "NULL"), ("INT64 min", "-9223372036854775808"), ("INT64 max", "9223372036854775807"), ("real", "1.5"),
    ]

    /// A copy of the seed database with `sql` run on it, NOT NULL dropped from every table first
    /// (a hostile user can do that too) and CHECK constraints ignored.
    static func damaged(_ directory: String, _ name: String, _ sql: String) throws -> String {
        let path = directory + "/" + name
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: Fixtures.builtDatabasePath, toPath: path)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA writable_schema = ON")
            try db.execute(sql: "UPDATE sqlite_master SET sql = replace(sql, 'NOT NULL', '') WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")
            try db.execute(sql: "PRAGMA writable_schema = OFF")
        }
        try queue.close()
        let again = try DatabaseQueue(path: path)
        try again.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: sql)
        }
        try again.close()
        return path
    }

    @Test func textInAnIntegerColumnIsNamedWithItsRow() throws {
        let directory = Fixtures.temporaryDirectory().path
        let path = try Self.damaged(directory, "d.db", "UPDATE entries SET line = 'abc' WHERE code = -1121")
        let show = TestProcess.kb(["show", "-1121", "--db", path], home: directory)
        #expect(show.status == 3, "\(show.summary)")
        #expect(show.stderr == "kb: \(path): the database is damaged: entries.line of -1121 is not a number\n")
        #expect(show.stdout.isEmpty)
    }

    @Test(arguments: [
        ("UPDATE entries SET name = X'FF00FE' WHERE code = -1121", ["show", "-1121"], "entries.name of -1121 is not text"),
        ("UPDATE entries SET name = CAST(X'41FF00FE' AS TEXT) WHERE code = -1121", ["show", "-1121"], "entries.name of -1121 is not valid UTF-8"),
        ("UPDATE messages SET text = NULL WHERE entry_id IN (SELECT id FROM entries WHERE code = -1121)", ["show", "-1121"], "messages.text of message"),
        // (1.5 in a TEXT column is stored as the text '1.5': that is not damage.)
        ("UPDATE documents SET domain = X'00FF'", ["stats"], "documents.domain of document 1 is not text"),
        // A row that explains -2010 is read with all its codes, -1010 among them.
        ("UPDATE table_row_codes SET code = 'x' WHERE code = -1010", ["show", "-2010"], "table_row_codes.code of table row 15 is not a number"),
    ])
    func aWrongTypeIsNamed(sql: String, query: [String], message: String) throws {
        let directory = Fixtures.temporaryDirectory().path
        let path = try Self.damaged(directory, "d.db", sql)
        let result = TestProcess.kb(query + ["--db", path], home: directory)
        #expect(result.status == 3, "\(result.summary)")
        #expect(result.stderr.hasPrefix("kb: \(path): the database is damaged: ") && result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func theSmallestCodeDoesNotTrapDiffOrClassify() throws {
        let directory = Fixtures.temporaryDirectory().path
        let path = try Self.damaged(directory, "d.db", "UPDATE entries SET code = -9223372036854775808 WHERE code = -1121")
        let diff = TestProcess.kb(["diff", Fixtures.builtDatabasePath, path], home: directory)
        #expect(diff.signal == nil && diff.status == 1, "\(diff.summary)")
        #expect(diff.stdout.contains("-9223372036854775808"))
        let classify = TestProcess.kb(["classify", "--db", path], home: directory,
                                      stdin: "{\"code\":-9223372036854775808,\"msg\":\"Invalid symbol.\"}\n{\"code\":-1000,\"msg\":\"x\"}\n")
        #expect(classify.signal == nil && classify.status == 0, "\(classify.summary)")
    }

    /// Every column of every table (FTS5's shadow tables too) holding each value in turn, read by
    /// every reader the library has. Run in child processes: a trap fails this test, not the run.
    @Test(.timeLimit(.minutes(10)))
    func everyColumnOfEveryTableWithEveryOddValue() async throws {
        let directory = Fixtures.temporaryDirectory().path
        let shards = 2
        await withTaskGroup(of: Void.self) { group in
            for shard in 0..<shards {
                group.addTask {
                    let progress = directory + "/progress.\(shard)"
                    let result = await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
                        [directory = directory as String, shard = shard as Int, shards = shards as Int, progress = progress as String] in
                        let failures = DamagedValueTests.sweep(directory: directory + "/shard\(shard)", shard: shard, shards: shards, progress: progress)
                        exit(failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE)
                    }
                    if let result { print(String(decoding: result.standardErrorContent, as: UTF8.self), terminator: "") }
                    if let failures = try? String(contentsOfFile: progress + ".failures", encoding: .utf8) { Issue.record("\(failures)") }
                    if let last = try? String(contentsOfFile: progress, encoding: .utf8), last != "done" {
                        Issue.record("a reader trapped on \(last)")
                    }
                }
            }
        }
    }

    /// The (table, column) pairs of the seed database.
    static func columns() throws -> [(table: String, column: String)] {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: Fixtures.builtDatabasePath, configuration: config)
        return try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
                .flatMap { table in try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))").map { (table, $0["name"] as String) } }
        }
    }

    /// Runs shard `shard` of the cases; returns how many failed (also written to
    /// `progress.failures`). Before each case its name goes to `progress`, and "done" at the end.
    static func sweep(directory: String, shard: Int, shards: Int, progress: String) -> Int {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let cases = (try? columns()) ?? []
        var failures: [String] = [], index = 0, ran = 0, stored = 0, answered = 0, refused = 0
        let page = try! DocumentImporter.importData(Data("#### \\-97003 ADDED\n\n-   Added.\n".utf8), fileName: "added.md", domain: "d", locale: "en")
        for (table, column) in cases {
            for value in values {
                defer { index += 1 }
                guard index % shards == shard else { continue }
                let name = "\(table).\(column) = \(value.name)"
                try? Data(name.utf8).write(to: URL(fileURLWithPath: progress))
                ran += 1
                guard let path = try? damaged(directory, "case.db", "UPDATE OR IGNORE \(table.quotedDatabaseIdentifier) SET \(column.quotedDatabaseIdentifier) = \(value.sql)") else {
                    continue  // SQLite itself refuses the value there (an INTEGER PRIMARY KEY)
                }
                stored += 1
                for (reader, outcome) in readAll(path, adding: table.hasPrefix("document") ? page : nil) {
                    switch outcome {
                    case .success: answered += 1
                    case .failure(let error as KnowledgeBaseError): refused += 1; _ = error
                    case .failure(let error): failures.append("\(name): \(reader) threw \(type(of: error)): \(error)")
                    }
                }
                if !failures.isEmpty { try? Data(failures.prefix(30).joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: progress + ".failures")) }
            }
        }
        try? Data("done".utf8).write(to: URL(fileURLWithPath: progress))
        FileHandle.standardError.write(Data("damaged values, shard \(shard): \(ran) cases (\(stored) stored), \(answered) answers, \(refused) named the damage, \(failures.count) other errors\n".utf8))
        return failures.count
    }

    /// Every reader of the library on the file, each one's outcome.
    static func readAll(_ path: String, adding page: ImportedDocument?) -> [(String, Result<Void, Error>)] {
        var outcomes: [(String, Result<Void, Error>)] = []
        func run(_ name: String, _ body: () throws -> Void) { outcomes.append((name, Result { try body() })) }
        guard let kb = try? KnowledgeBase.open(path: path) else {
            run("open") { _ = try KnowledgeBase.open(path: path) }
            return outcomes
        }
        run("lookup code") { _ = try kb.lookup(.code(-1121), domain: nil) }
        run("lookup name") { _ = try kb.lookup(.name("BAD_SYMBOL"), domain: nil) }
        run("lookup table rows") { _ = try kb.lookup(.code(-2010), domain: nil) }
        for query in ["invalid symbol", "余额", "-1121", "withdraw"] {
            run("search \(query)") { _ = try kb.search(query, options: SearchOptions(limit: 20)) }
        }
        run("match") {
            let matcher = try MessageMatcher(kb)
            _ = matcher.match(message: "Invalid symbol.", code: nil)
            _ = matcher.match(message: nil, code: -4001)
            _ = matcher.match(line: "order rejected code=-9223372036854775808")
            var classifier = Classifier(matcher: matcher)
            for line in ["{\"code\":-1121,\"msg\":\"Invalid symbol.\"}", "{\"code\":-9223372036854775808,\"msg\":\"x\"}", "余额不足",
                         "<APIError> code=-9223372036854775808, msg=Invalid symbol.", "Filter failure: LOT_SIZE"] {
                _ = classifier.add(bytes: Array(line.utf8)[...], number: 1)
            }
            _ = classifier.report()
        }
        run("duplicates") { _ = try kb.duplicates(kind: nil, domain: nil) }
        run("stats") { _ = try kb.stats() }
        run("domains") { _ = try kb.domains() }
        run("diff") { _ = DocumentDiff(old: try ContentSnapshot(Fixtures.seedKB), new: try ContentSnapshot(kb)) }
        for view in ExportView.allCases { run("export \(view)") { try kb.export(view, as: .jsonl) { _ in } } }
        if let page { run("add") { _ = try KnowledgeBaseBuilder.add([page], to: path) } }
        return outcomes
    }
}
