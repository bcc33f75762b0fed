import Foundation
import GRDB
import Testing
@testable import ErrorKBStore

/// Versions of one document replace each other and leave a history; two locales of a domain pair up.
@Suite(.enabled(if: Corpus.available, "skipped: ../shared/corpus is absent"))
struct VersionTests {
    let home = Fixtures.temporaryDirectory()
    static let spotSource = "https://github.com/binance/binance-spot-api-docs/blob/master/errors.md"
    func corpus(_ name: String) -> String { Corpus.folder.appendingPathComponent(name).path }

    @Test func aNewerVersionReplacesTheOldAndHistoryIsKept() throws {
        let db = home.appendingPathComponent("spot.db").path
        #expect(TestProcess.kb(["build", "--out", db] + Fixtures.originalSeedFiles).status == 0)
        let flags = ["--domain", "spot", "--locale", "en", "--source", Self.spotSource, "--db", db]
        for (file, expected) in [("spot-errors.en.2020-11-30.md", "added"), ("spot-errors.en.2025-12-02.md", "replaced"),
                                 ("spot-errors.en.md", "replaced"), ("spot-errors.en.md", "unchanged")] {
            let result = TestProcess.kb(["add", corpus(file)] + flags)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("\(expected)  \(file)  spot · en  version"), "\(result.stdout)")
            // "paramter" (sic) is only in the 2020 page: the vocabulary follows the index.
            let words = try DatabaseQueue(path: db).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM search_terms WHERE term = 'paramter'") }
            #expect(words == (file.contains("2020") ? 1 : 0), "\(file)")
        }
        let queue = try DatabaseQueue(path: db)
        try queue.read { db in
            let history = try Row.fetchAll(db, sql: "SELECT version, file_name, entries, sha256, document_id IS NOT NULL AS current FROM document_versions WHERE domain = 'spot' ORDER BY version")
            #expect(history.map { "\($0["version"] as Int) \($0["file_name"] as String) \($0["entries"] as Int) \($0["current"] as Bool)" }
                    == ["1 spot-errors.en.2020-11-30.md 39 false", "2 spot-errors.en.2025-12-02.md 103 false", "3 spot-errors.en.md 104 true"])
            #expect(Set(history.map { $0["sha256"] as String }).count == 3)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM documents WHERE domain = 'spot'") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(DISTINCT code) FROM catalog WHERE domain = 'spot'") == 104)
            // The seed documents are still there, untouched, and search sees only the current spot rows.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") == 3)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM search_content s JOIN documents d ON d.id = s.document_id WHERE d.domain = 'spot'") == 104 + 59)
            // The replaced versions' rows left the index itself: it holds one row per current
            // entry and table row, and the 2020 page's typo "occured" is found only in the COIN-M
            // seed (a row left behind would point at a deleted entry, so the count is what shows it).
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM search_index_docsize")
                    == Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM entries) + (SELECT count(*) FROM table_rows)"))
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM search_index WHERE search_index MATCH 'occured'") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM search_index WHERE search_index MATCH 'occurred'") == 1)
        }
        let search = TestProcess.kb(["search", "NO_REFERENCE_PRICE", "--db", db, "--format", "csv"])
        #expect(search.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("entry,spot") }.count == 1)
    }

    @Test func addRefusesWhatIsNotAKnowledgeBaseAndLeavesItAlone() throws {
        let path = home.appendingPathComponent("notes.db").path
        try Data("not sqlite".utf8).write(to: URL(fileURLWithPath: path))
        let result = TestProcess.kb(["add", corpus("spot-errors.en.md"), "--domain", "spot", "--locale", "en", "--db", path])
        #expect(result.status == 3)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not sqlite")
    }

    @Test func pairedLocales() throws {
        let db = home.appendingPathComponent("pair.db").path
        let build = TestProcess.kb(["build", corpus("spot-errors.en.md"), corpus("spot-errors.zh-CN.md"), "--out", db,
                                   "--origin", "spot-errors.en*=spot/en", "--origin", "spot-errors.zh-CN*=spot/zh-CN"])
        #expect(build.status == 0, "\(build.stderr)")
        try DatabaseQueue(path: db).read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT count(DISTINCT code) FROM translations") == 104)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM translations WHERE flag IS NULL AND ordinal IS NOT NULL") == 142)
            // Checked by hand: -1015 has 2 English messages and 1 Chinese; the Chinese page's last
            // -1034 message lost its second %s.
            let flagged = try Row.fetchAll(db, sql: "SELECT code, flag FROM translations WHERE flag IS NOT NULL ORDER BY code DESC")
                .map { "\($0[0] as Int64) \($0[1] as String)" }
            #expect(flagged == ["-1015 message_count_differs", "-1034 placeholder_count_differs"])
            let unknown = try Row.fetchOne(db, sql: "SELECT name_a, name_b, message_a, message_b FROM translations WHERE code = -1000")
            #expect(unknown.map { [$0[0], $0[1], $0[2], $0[3]] as [String] } == ["UNKNOWN", "未知错误", "An unknown error occurred while processing the request.", "未知错误"])
        }
        let show = TestProcess.kb(["show", "-1000", "--domain", "spot", "--db", db])
        #expect(show.stdout.contains("-1000 UNKNOWN    spot · en") && show.stdout.contains("-1000 未知错误    spot · zh-CN"))
    }

    @Test func theWholeCorpusBuildsInOneCommand() throws {
        let db = home.appendingPathComponent("all.db").path
        // The corpus files this test was written for (the folder has grown since; those pages are others' to test).
        let corpusFiles = ["MANIFEST.md", "portfolio-margin-pro-error-code.en.md", "spot-errors.en.2020-11-30.md", "spot-errors.en.2025-12-02.md",
                           "spot-errors.en.md", "spot-errors.zh-CN.md", "usds-margined-futures-error-code.en.md"]
        let documents = [Fixtures.packageRoot.appendingPathComponent("seed/binance-coin-margined-futures-error-code.en.md").path,
                         Fixtures.packageRoot.appendingPathComponent("seed/binance-wallet-error-code.zh-CN.txt").path]
            + corpusFiles.map(corpus)
        let result = TestProcess.kb(["build", "--out", db] + documents + ["--origin", "spot-errors.en*=spot/en", "--origin", "spot-errors.zh-CN*=spot/zh-CN"])
        #expect(result.status == 0, "\(result.stderr)")
        // The three spot English pages are versions of one page: one is current (6 documents, was
        // 9), and the folder's MANIFEST.md is its table of pages, not a page (it was an empty document).
        #expect(result.stdout.contains("documents         6"))
        #expect(result.stdout.contains("unexplained lines 0"))
        #expect(result.stderr == """
            kb: \(corpus("MANIFEST.md")): the table of its folder's pages, read with each of them; not imported as a page
            kb: spot-errors.en.2025-12-02.md: a newer version of spot-errors.en.2020-11-30.md (spot · en, the same title "Error codes for Binance"); it is current, the other is kept as history
            kb: spot-errors.en.md: a newer version of spot-errors.en.2025-12-02.md (spot · en, the same title "Error codes for Binance"); it is current, the other is kept as history

            """)
        // The build's group counts are the duplicates view's groups, counted another way.
        let file = try DatabaseQueue(path: db)
        try file.read { db in
            let counted = try KnowledgeBase.duplicateGroupCounts(db)
            let fromView = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                SELECT kind, count(*) FROM (SELECT DISTINCT kind, CASE kind WHEN 'name_shared' THEN domain || char(31) || name
                                                                        WHEN 'code_repeated' THEN domain || char(31) || code
                                                                        ELSE code END FROM duplicates) GROUP BY kind
                """).map { ($0[0] as String, $0[1] as Int) })
            #expect(counted == fromView)
            #expect(Set(counted.keys) == ["code_repeated", "name_shared", "code_conflict", "code_shared"])
        }
    }

    /// Versions of one page given to one `kb build` do not stack: the spot page's three versions
    /// (no URL; the oldest title carries a date) and the USD-M page as a bilingual file's English
    /// half and as a newer file of its own (one URL). The one given last is current.
    @Test func versionsOfOnePageDoNotStackInOneBuild() throws {
        let db = home.appendingPathComponent("versions.db").path
        let files = ["spot-errors.en.2020-11-30.md", "spot-errors.en.2025-12-02.md", "spot-errors.en.md",
                     "usds-margined-futures-error-code.en+zh-CN.md", "usds-margined-futures-error-code.en.md"]
        let result = TestProcess.kb(["build", "--out", db] + files.map(corpus) + ["--origin", "spot-errors*=spot/en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("documents         3"))
        #expect(result.stderr.contains("kb: usds-margined-futures-error-code.en.md: a newer version of usds-margined-futures-error-code.en+zh-CN.md (lines 1–1280) (usds-margined-futures · en, the same source https://developers.binance.com/docs/derivatives/usds-margined-futures/error-code); it is current, the other is kept as history"))
        try DatabaseQueue(path: db).read { db in
            let current = try Row.fetchAll(db, sql: "SELECT file_name, locale, line_count FROM documents ORDER BY domain, locale").map { "\($0[0] as String) \($0[1] as String) \($0[2] as Int)" }
            #expect(current == ["spot-errors.en.md en 445", "usds-margined-futures-error-code.en.md en 898", "usds-margined-futures-error-code.en+zh-CN.md zh-CN 1465"])
            let history = try Row.fetchAll(db, sql: "SELECT domain, version, file_name, document_id IS NOT NULL FROM document_versions ORDER BY domain, locale, version")
                .map { "\($0[0] as String) \($0[1] as Int) \($0[2] as String) \($0[3] as Bool)" }
            #expect(history == ["spot 1 spot-errors.en.2020-11-30.md false", "spot 2 spot-errors.en.2025-12-02.md false", "spot 3 spot-errors.en.md true",
                                "usds-margined-futures 1 usds-margined-futures-error-code.en+zh-CN.md false", "usds-margined-futures 2 usds-margined-futures-error-code.en.md true",
                                "usds-margined-futures 1 usds-margined-futures-error-code.en+zh-CN.md true"])
            // kb show, catalog and translations see each code once per page.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM entries e JOIN documents d ON d.id = e.document_id WHERE code = -1121 AND domain = 'spot'") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM catalog WHERE domain = 'usds-margined-futures' AND code = -4164") == 2 + 4)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM translations WHERE code = -4164 AND ordinal IS NULL") == 1)
        }
    }

    /// The one given last is current even when the pages' own dates say otherwise; kb build says so.
    @Test func aVersionWhoseDateIsOlderIsReported() throws {
        let db = home.appendingPathComponent("dates.db").path
        let result = TestProcess.kb(["build", "--out", db, corpus("usds-margined-futures-error-code.en.md"), corpus("usds-margined-futures-error-code.en+zh-CN.md")])
        #expect(result.status == 0)
        #expect(result.stderr.contains("but it states an older date (2026-01-15) than usds-margined-futures-error-code.en.md (2026-05-28): give versions oldest first"))
    }

    /// `kb add` says what a replacement takes away (codes counted from the pages' headings by
    /// grep: the 2020 page has 39 codes, all among the current page's 104) and warns when the
    /// page it adds states an older date than the one it replaces (its title's 2019-09-25 against
    /// the MANIFEST.md origin date 2026-05-18 of the current page, stored with it).
    @Test func addSaysWhatAReplacementRemovesAndWarnsOfAnOlderDate() throws {
        let db = home.appendingPathComponent("older.db").path
        #expect(TestProcess.kb(["build", "--out", db] + Fixtures.originalSeedFiles).status == 0)
        let flags = ["--domain", "spot", "--locale", "en", "--source", Self.spotSource, "--db", db]
        #expect(TestProcess.kb(["add", corpus("spot-errors.en.md")] + flags).status == 0)
        let older = TestProcess.kb(["add", corpus("spot-errors.en.2020-11-30.md")] + flags)
        #expect(older.status == 0)
        #expect(older.stdout.split(separator: "\n").dropFirst().first.map(String.init) == "    replaces spot-errors.en.md (2026-05-18): 65 codes removed: "
                + "-1008 -1013 -1033 -1034 -1035 -1108 -1122 -1134 -1135 -1139 … (10 shown), 0 added")
        #expect(older.stderr == "kb: spot-errors.en.2020-11-30.md states an older date (2019-09-25) than spot-errors.en.md (2026-05-18), "
                + "the version it replaced; it is current all the same (the one added last is): add the newer page again to undo\n")
        let newer = TestProcess.kb(["add", corpus("spot-errors.en.2025-12-02.md"), "--format", "json"] + flags)
        #expect(newer.status == 0 && newer.stderr.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(newer.stdout.utf8)) as? [[String: Any]])
        let replaced = try #require(object.first?["replaced"] as? [String: Any])
        #expect(object.first?["stated_date"] as? String == "2025-12-02" && replaced["stated_date"] as? String == "2019-09-25")
        #expect(replaced["codes_removed"] as? [Int] == [] && replaced["codes_added"] as? Int == 103 - 39)
        let current = TestProcess.kb(["add", corpus("spot-errors.en.md")] + flags)
        #expect(current.stdout.hasSuffix("    replaces spot-errors.en.2025-12-02.md (2025-12-02): no code removed, 1 added\n"), "\(current.stdout)")
    }
}
