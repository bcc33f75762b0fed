import ErrorKB
import Foundation
import Testing
@testable import kb

/// The machine-readable output (issue 17): one naming style, the documented fields, every format
/// on every read command, empty results, CSV line ends, and the exit statuses scripts rely on.
@Suite struct OutputFormatTests {
    let db = Fixtures.builtDatabasePath

    /// One invocation per read command that finds something in the seed database.
    static let readCommands: [(name: String, arguments: [String], fields: [String])] = [
        ("search", ["search", "withdraw"], SearchHit.fields),
        ("show", ["show", "-4001"], EntryDetail.fields),
        ("match", ["match", "Invalid symbol."], MatchRow.fields),
        ("classify", ["classify", "-"], ClassifyRow.fields),
        ("duplicates", ["duplicates", "--kind", "code_conflict"], DuplicateRow.fields),
        ("stats", ["stats"], Stats.DocumentStats.fields),
    ]
    static let log = "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}\n{\"code\":-1121,\"msg\":\"Invalid symbol.\"}\n"

    /// docs/output.md's fields for each `## kb COMMAND` section.
    static func documentedFields() throws -> [String: [String]] {
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/output.md"), encoding: .utf8)
        var sections: [String: [String]] = [:]
        var current: String?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("## kb ") { current = line.dropFirst(6).split(separator: " ").first.map(String.init) }
            if line.hasPrefix("### kb ") { current = line.dropFirst(7).split(separator: " ").first.map { $0 + "-json" } }
            if let current, line.hasPrefix("| `"), let end = line.dropFirst(3).firstIndex(of: "`") {
                sections[current, default: []].append(String(line[line.index(line.startIndex, offsetBy: 3)..<end]))
            }
        }
        return sections
    }

    private func json(_ text: String) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] ?? []
    }

    /// Every key at any depth of a JSON value.
    private func keys(_ value: Any) -> [String] {
        if let object = value as? [String: Any] { return object.keys + object.values.flatMap(keys) }
        if let array = value as? [Any] { return array.flatMap(keys) }
        return []
    }

    @Test func documentedFieldsAreTheRealOnes() throws {
        let documented = try Self.documentedFields()
        for command in Self.readCommands {
            #expect(documented[command.name] == command.fields, "docs/output.md, kb \(command.name)")
            // The rows, as JSON lines (match's and classify's --format json is one document: checked below).
            let result = TestProcess.kb(command.arguments + ["--db", db, "--format", "jsonl"], stdin: Self.log)
            #expect(result.status == 0, "\(command.name): \(result.stderr)")
            let rows = result.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            #expect(!rows.isEmpty, "\(command.name)")
            // The order too: JSON lines keep it, as CSV does.
            let line = TestProcess.kb(command.arguments + ["--db", db, "--format", "jsonl"], stdin: Self.log).stdout.split(separator: "\n").first ?? ""
            var position = line.startIndex
            for field in command.fields {
                let found = line.range(of: "\"\(field)\":", range: position..<line.endIndex)
                #expect(found != nil, "\(command.name): \(field) out of order in \(line)")
                position = found?.upperBound ?? position
            }
            for row in rows { #expect(Set(row.keys) == Set(command.fields), "\(command.name): \(row.keys.sorted())") }
            // One naming style at every depth: snake_case.
            for key in keys(rows) { #expect(key == key.lowercased() && !key.contains("-"), "\(command.name): \(key)") }
        }
        // match's and classify's JSON documents: snake_case at every depth, the rows inside.
        let match = try JSONSerialization.jsonObject(with: Data(TestProcess.kb(["match", "Invalid symbol.", "--db", db, "--format", "json"]).stdout.utf8))
        let classify = try JSONSerialization.jsonObject(with: Data(TestProcess.kb(["classify", "--db", db, "--format", "json"], stdin: Self.log).stdout.utf8))
        for document in [match, classify] {
            #expect(!keys(document).isEmpty && keys(document).allSatisfy { $0 == $0.lowercased() }, "\(keys(document))")
        }
        #expect((match as? [String: Any])?.keys.sorted() == documented["match-json"]?.sorted())
        #expect((classify as? [String: Any])?.keys.sorted() == documented["classify-json"]?.sorted())
        // search's JSON document: the hits and their total.
        let search = try JSONSerialization.jsonObject(with: Data(TestProcess.kb(["search", "symbol", "--limit", "1", "--db", db, "--format", "json"]).stdout.utf8)) as? [String: Any]
        #expect(search?.keys.sorted() == documented["search-json"]?.sorted())
        #expect((search?["hits"] as? [Any])?.count == 1 && (search?["total"] as? Int ?? 0) > 1)
        // kb diff: a change each.
        let changed = try changedPage()
        let diff = try json(TestProcess.kb(["diff", changed.old, changed.new, "--format", "json"]).stdout)
        #expect(documented["diff"] == DocumentDiff.Change.fields)
        #expect(!diff.isEmpty && diff.allSatisfy { Set($0.keys) == Set(DocumentDiff.Change.fields) })
        // The summaries of build and add.
        let directory = Fixtures.temporaryDirectory().path
        let build = TestProcess.kb(["build", "--out", directory + "/s.db", changed.old, "--format", "json"])
        let summary = try JSONSerialization.jsonObject(with: Data(build.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(summary.keys.sorted() == (documented["build"] ?? []).sorted(), "\(build.stdout)")
        let add = try json(TestProcess.kb(["add", changed.new, "--db", directory + "/s.db", "--format", "json"]).stdout)
        #expect(add.first.map { $0.keys.sorted() } == (documented["add"] ?? []).sorted())
        #expect(keys(summary).allSatisfy { $0 == $0.lowercased() })
    }

    @Test func everyReadCommandWritesEveryFormat() throws {
        for command in Self.readCommands {
            let base = command.arguments + ["--db", db]
            let jsonl = TestProcess.kb(base + ["--format", "jsonl"], stdin: Self.log)
            #expect(jsonl.status == 0)
            let lines = jsonl.stdout.split(separator: "\n")
            #expect(!lines.isEmpty && lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) is [String: Any] }, "\(command.name)")
            let tsv = TestProcess.kb(base + ["--format", "tsv"], stdin: Self.log)
            #expect(tsv.stdout.hasPrefix(command.fields.joined(separator: "\t") + "\n"), "\(command.name)")
            #expect(tsv.stdout.split(separator: "\n").allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == command.fields.count })
            let csv = TestProcess.kb(base + ["--format", "csv"], stdin: Self.log)
            #expect(csv.stdout.hasPrefix(command.fields.joined(separator: ",") + "\n"), "\(command.name)")
            #expect(!csv.stdout.contains("\r\n"), "\(command.name): CSV rows end in \\n")
            // Chosen fields, in the order given, without the header.
            let chosen = Array(command.fields.suffix(2).reversed())
            let some = TestProcess.kb(base + ["--format", "csv", "--fields", chosen.joined(separator: ","), "--no-header"], stdin: Self.log)
            #expect(some.status == 0 && !some.stdout.isEmpty && !some.stdout.hasPrefix(chosen.joined(separator: ",")), "\(command.name)")
            let withHeader = TestProcess.kb(base + ["--format", "tsv", "--fields", chosen.joined(separator: ",")], stdin: Self.log)
            #expect(withHeader.stdout.hasPrefix(chosen.joined(separator: "\t") + "\n"))
            let table = TestProcess.kb(base + ["--fields", chosen.joined(separator: ",")], stdin: Self.log)
            #expect(table.stdout.hasPrefix(chosen[0]), "\(command.name): \(table.stdout.prefix(80))")
        }
        let fields = TestProcess.kb(["show", "-1121", "--db", db, "--format", "tsv", "--fields", "code,name,domain", "--no-header"])
        #expect(fields.stdout == "-1121\tBAD_SYMBOL\tcoin-margined-futures\n-1121\tBAD_SYMBOL\twallet\n")
        let unknown = TestProcess.kb(["show", "-1121", "--db", db, "--fields", "code,nmae"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no field 'nmae'; did you mean 'name'?"))
    }

    @Test func hitsAreGivenAsPositionsNeverAsMarkup() throws {
        let rows = try json(TestProcess.kb(["search", "withdraw", "--db", db, "--format", "jsonl"]).stdout.split(separator: "\n").joined(separator: ",").wrappedInBrackets)
        #expect(!rows.isEmpty)
        for row in rows {
            let snippet = Array((row["snippet"] as? String ?? "").unicodeScalars)
            let highlights = row["highlights"] as? [[Int]] ?? []
            #expect(!highlights.isEmpty)
            for range in highlights {
                #expect(String(String.UnicodeScalarView(snippet[range[0]..<range[1]])).lowercased() == "withdraw")
            }
        }
        // A text with a star in it: the star is the page's, and nothing wraps it.
        for format in ["json", "csv", "tsv", "jsonl", "table"] {
            let star = TestProcess.kb(["search", "Price * QTY", "--db", db, "--format", format])
            #expect(star.status == 0 && !star.stdout.contains("**"), "\(format)")
        }
        let star = try JSONSerialization.jsonObject(with: Data(TestProcess.kb(["search", "Price * QTY", "--db", db, "--format", "json"]).stdout.utf8)) as? [String: Any]
        #expect((star?["hits"] as? [[String: Any]] ?? []).contains { ($0["snippet"] as? String)?.contains("Price * QTY is zero or less.") == true })
    }

    @Test func emptyResultsPrintAnEmptyDocumentAndExit1() {
        // Search's JSON is one document (the hits and their total), empty hits included.
        let expected = ["json": "{\n  \"hits\": [],\n  \"total\": 0,\n  \"total_is_capped\": false,\n  \"partial\": false,\n  \"expansions\": []\n}\n", "jsonl": "", "csv": SearchHit.fields.joined(separator: ",") + "\n",
                        "tsv": SearchHit.fields.joined(separator: "\t") + "\n", "table": ""]
        for (format, output) in expected {
            let result = TestProcess.kb(["search", "zzqqxx", "--db", db, "--format", format])
            #expect(result.status == 1 && result.stdout == output, "\(format): \(result.stdout)")
            #expect(result.stderr == "kb: nothing matches 'zzqqxx'\n")
        }
        let show = TestProcess.kb(["show", "-99999", "--db", db, "--format", "csv", "--fields", "code,name"])
        #expect(show.status == 1 && show.stdout == "code,name\n")
        let none = TestProcess.kb(["show", "-99999", "--db", db, "--format", "csv", "--fields", "code,name", "--no-header"])
        #expect(none.status == 1 && none.stdout.isEmpty)
    }

    @Test func csvAndTSVQuoteAndEscape() {
        let csv = TestProcess.kb(["show", "-2010", "--domain", "wallet", "--db", db, "--format", "csv", "--fields", "code,messages"])
        // A list is its compact JSON, quoted as CSV quotes any field with a comma or a quote.
        #expect(csv.stdout.hasPrefix("code,messages\n-2010,\"[{\"\"text\"\":"))
        #expect(csv.stdout.hasSuffix("]\"\n"))
        let tsv = TestProcess.kb(["show", "-2010", "--domain", "wallet", "--db", db, "--format", "tsv", "--fields", "code,table_rows", "--no-header"])
        #expect(tsv.stdout.split(separator: "\n").count == 1)
    }

    /// Two versions of a page without a source URL: -1000's message changed, -1001 added.
    private func changedPage() throws -> (old: String, new: String) {
        let directory = Fixtures.temporaryDirectory()
        let old = directory.appendingPathComponent("old.md"), new = directory.appendingPathComponent("new.md")
        let head = "---\nurl: https://example.com/docs/en/sample/error-code\n---\n\n# Error codes\n\n## 10xx - General\n\n"
        try (head + "### -1000 UNKNOWN\n\n- An unknown error occurred.\n").write(to: old, atomically: true, encoding: .utf8)
        try (head + "### -1000 UNKNOWN\n\n- An unknown error occurred while processing.\n\n### -1001 DISCONNECTED\n\n- Internal error.\n")
            .write(to: new, atomically: true, encoding: .utf8)
        return (old.path, new.path)
    }

    @Test func diffExitsAsDiffDoes() throws {
        let pages = try changedPage()
        let same = TestProcess.kb(["diff", pages.old, pages.old])
        #expect(same.status == 0 && same.stdout == "no changes\n", "\(same.stderr)")
        let differ = TestProcess.kb(["diff", pages.old, pages.new])
        #expect(differ.status == 1 && differ.stdout.hasPrefix("1 code_added, 1 message_added, 1 message_removed") || differ.stdout.contains("code_added"))
        #expect(differ.stderr.isEmpty)
        let json = TestProcess.kb(["diff", pages.old, pages.old, "--format", "json"])
        #expect(json.status == 0 && json.stdout == "[]\n")
        // A page without a source URL needs --domain and --locale: a usage error.
        let bare = Fixtures.temporaryDirectory().appendingPathComponent("bare.md")
        try "# Error codes\n\n### -1000 UNKNOWN\n\n- An unknown error occurred.\n".write(to: bare, atomically: true, encoding: .utf8)
        let usage = TestProcess.kb(["diff", bare.path, pages.old])
        #expect(usage.status == 2, "\(usage.stderr)")
        #expect(usage.stderr.contains("pass --domain and --locale"))
        #expect(TestProcess.kb(["diff", bare.path, bare.path, "--domain", "sample", "--locale", "en"]).status == 0)
    }

    @Test(arguments: ["csv", "tsv", "jsonl"])
    func summariesAreTablesOrJSON(format: String) {
        let out = Fixtures.temporaryDirectory().appendingPathComponent("x.db").path
        let build = TestProcess.kb(["build", "--out", out, "--format", format])
        #expect(build.status == 2 && build.stderr.contains("kb build prints a summary: --format table or json, not \(format)"))
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(TestProcess.kb(["add", "x.md", "--db", out, "--format", format]).status == 2)
    }

    @Test func datasetteMetadataNamesEachDocumentsRealSource() throws {
        let directory = Fixtures.temporaryDirectory()
        let pages = try changedPage()
        let bare = directory.appendingPathComponent("MANIFEST-like.md")
        try "# Error codes\n\n### -1000 UNKNOWN\n\n- An unknown error occurred.\n".write(to: bare, atomically: true, encoding: .utf8)
        let metadata = directory.appendingPathComponent("m.json").path
        let build = TestProcess.kb(["build", "--out", directory.appendingPathComponent("m.db").path, pages.new, bare.path,
                                    "--origin", "MANIFEST-like*=sample/zh-CN", "--datasette-metadata", metadata])
        #expect(build.status == 0, "\(build.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: metadata))) as? [String: Any] ?? [:]
        #expect(json["source_url"] == nil, "several documents: no one link for them all")
        let source = json["source"] as? String ?? ""
        #expect(source.contains("https://example.com/docs/en/sample/error-code") && source.contains("MANIFEST-like.md"))
        let html = json["description_html"] as? String ?? ""
        #expect(html.contains("<a href=\"https://example.com/docs/en/sample/error-code\">"))
        #expect(html.contains("<li>\(bare.path) (a file; no URL)</li>") || html.contains("MANIFEST-like.md (a file; no URL)</li>"))
        #expect(!html.contains("href=\"MANIFEST") && !html.contains("href=\"\(bare.path)"))
        // One page with a URL: Datasette's source link is that page.
        let one = directory.appendingPathComponent("one.json").path
        #expect(TestProcess.kb(["build", "--out", directory.appendingPathComponent("one.db").path, pages.new, "--datasette-metadata", one]).status == 0)
        let single = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: one))) as? [String: Any] ?? [:]
        #expect(single["source_url"] as? String == "https://example.com/docs/en/sample/error-code")
    }
}

private extension String {
    /// `[` + self + `]`: JSON lines joined by commas made one JSON array.
    var wrappedInBrackets: String { "[" + self + "]" }
}
