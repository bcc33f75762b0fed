import Foundation
import Testing
@testable import ErrorKBModel
@testable import ErrorKBImport

/// Every page of ../shared/corpus and the two seed documents against counts made without the
/// importer's code (Fixtures/corpus-counts: count_pages.py, a stdlib-only Python script, its
/// table.md and entries.jsonl). The issue's measure is that at least 99.5% of the codes and
/// (code, name) pairs come out with no entry lost unreported; here every entry, mention and
/// table row must come out, on the lines the count found, with no line unexplained or reported.
@Suite struct CorpusAcceptanceTests {
    /// The files the counts were made for, with the origin a file that states none needs.
    static let files: [(name: String, domain: String?, locale: String?)] = [
        ("binance-coin-margined-futures-error-code.en.md", nil, nil), ("binance-wallet-error-code.zh-CN.txt", nil, nil),
        ("crypto-loan-error-code.en.md", "crypto-loan", "en"), ("options-error-code.en.md", nil, nil),
        ("portfolio-margin-error-code.en.md", nil, nil), ("portfolio-margin-pro-error-code.en.md", nil, nil),
        ("spot-errors.en.2020-11-30.md", "spot", "en"), ("spot-errors.en.2025-12-02.md", "spot", "en"),
        ("spot-errors.en.md", "spot", "en"), ("spot-errors.zh-CN.md", "spot", "zh-CN"),
        ("usds-margined-futures-error-code.en+zh-CN.md", nil, nil), ("usds-margined-futures-error-code.en.md", nil, nil),
        ("wallet-error-code.en+zh-CN.md", nil, nil), ("wallet-error-code.zh-CN.html", nil, nil),
    ]

    static let counts = Fixtures.packageRoot.appendingPathComponent("Tests/ErrorKBTests/Fixtures/corpus-counts")

    /// The seed documents are in seed/; the others in ../shared/corpus, when it is there.
    static func path(of name: String) -> String? {
        let seed = Fixtures.packageRoot.appendingPathComponent("seed/\(name)").path
        if name.hasPrefix("binance-") { return seed }
        let corpus = Corpus.folder.appendingPathComponent(name).path
        return FileManager.default.fileExists(atPath: corpus) ? corpus : nil
    }

    @Test(arguments: files.map(\.name))
    func everyEntryComesOutAsCounted(name: String) throws {
        guard let path = Self.path(of: name) else { return }  // ../shared/corpus is absent
        let file = Self.files.first { $0.name == name }!
        let pages = try DocumentImporter.importPages(at: path, domain: file.domain, locale: file.locale)
        let expected = try IndependentCount.pages(of: name, in: Self.counts)
        #expect(pages.count == expected.count, "\(name): \(pages.count) pages")
        for (page, count) in zip(pages, expected) {
            let parsed = page.parsed
            let label = "\(name) \(count.locale)"
            // The issue's measure, then the stricter one: the same entries on the same lines.
            let codes = Set(parsed.entries.map(\.code)), pairs = Set(parsed.entries.map { "\($0.code) \($0.name ?? "")" })
            #expect(Double(count.codes.intersection(codes).count) >= 0.995 * Double(count.codes.count), "\(label): codes missing \(count.codes.subtracting(codes))")
            #expect(Double(count.pairs.intersection(pairs).count) >= 0.995 * Double(count.pairs.count), "\(label): pairs missing \(count.pairs.subtracting(pairs))")
            #expect(parsed.entries.map { "\($0.code) \($0.name ?? "-") @\($0.line)" } == count.entries.map { "\($0.code) \($0.name ?? "-") @\($0.line)" }, "\(label)")
            #expect(parsed.entries.map { $0.messages.map(\.line) } == count.entries.map(\.messageLines), "\(label): message lines")
            #expect(parsed.mentions.map { "\($0.code) @\($0.line)" } == count.mentions, "\(label): mentions")
            // A first cell that quotes two messages ("A." / "B.") is a row per message.
            #expect(Set(parsed.tableRows.map(\.line)) == Set(count.rows.map(\.line)), "\(label): table rows")
            #expect(parsed.tableRows.count == count.rows.count + count.rows.filter { $0.key.contains("\" / \"") }.count, "\(label)")
            #expect(page.origin.locale == count.locale)
            #expect(parsed.unexplainedLines.isEmpty && parsed.warnings.isEmpty, "\(label): \(parsed.unexplained) \(parsed.warnings)")
        }
    }

    /// The numbers of the independent table (Fixtures/corpus-counts/table.md), page by page.
    @Test(arguments: files.map(\.name))
    func theIndependentTable(name: String) throws {
        guard let path = Self.path(of: name) else { return }
        let file = Self.files.first { $0.name == name }!
        let pages = try DocumentImporter.importPages(at: path, domain: file.domain, locale: file.locale)
        let rows = try IndependentCount.table(in: Self.counts).filter { $0.file == name }
        let counted = try IndependentCount.pages(of: name, in: Self.counts)
        #expect(rows.count == pages.count)
        for ((page, row), count) in zip(zip(pages, rows), counted) {
            let parsed = page.parsed
            let messages = parsed.entries.flatMap(\.messages)
            let lines = pages.count == 1 ? "\(page.lineCount)" : "\(parsed.firstLine)-\(parsed.firstLine + page.lineCount - 1)"
            let splitRows = count.rows.filter { $0.key.contains("\" / \"") }.count
            let entries = parsed.entries
            let pairs = Set(entries.map { "\($0.code) \($0.name ?? "")" })
            let templated = messages.filter { !PlaceholderScanner.scan($0.text).isEmpty }
            var ours: [String] = [lines, String(entries.count), String(Set(entries.map(\.code)).count), String(pairs.count)]
            ours.append(String(entries.filter { $0.name == nil }.count))
            ours.append(String(parsed.mentions.count))
            ours.append(String(messages.count))
            ours.append(String(templated.count))
            ours.append(String(parsed.tableRows.count - splitRows))
            ours.append(String(parsed.sections.count))
            #expect(ours == row.values, "\(name) \(row.locale)")
        }
    }
}

/// Reads the independent count's files.
enum IndependentCount {
    struct Entry { var code: Int64; var name: String?; var line: Int; var messageLines: [Int] }
    struct Row { var line: Int; var key: String }
    struct Page {
        var locale: String
        var entries: [Entry] = []
        var mentions: [String] = []
        var rows: [Row] = []
        var codes: Set<Int64> { Set(entries.map(\.code)) }
        var pairs: Set<String> { Set(entries.map { "\($0.code) \($0.name ?? "")" }) }
    }

    /// entries.jsonl's objects for one file, a page per half (in order).
    static func pages(of file: String, in folder: URL) throws -> [Page] {
        let text = try String(contentsOf: folder.appendingPathComponent("entries.jsonl"), encoding: .utf8)
        var pages: [Int: Page] = [:]
        for line in text.split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], object["file"] as? String == file else { continue }
            let half = object["half"] as? Int ?? 1
            var page = pages[half] ?? Page(locale: object["locale"] as? String ?? "")
            let at = object["line"] as? Int ?? 0
            if let code = object["code"] as? Int {
                page.entries.append(Entry(code: Int64(code), name: object["name"] as? String, line: at, messageLines: object["message_lines"] as? [Int] ?? []))
            } else if let code = object["mention"] as? Int {
                page.mentions.append("\(code) @\(at)")
            } else if let key = object["row"] as? String {
                page.rows.append(Row(line: at, key: key))
            }
            pages[half] = page
        }
        return pages.keys.sorted().map { pages[$0]! }
    }

    /// One row of table.md: its file, locale and the numbers the test compares.
    struct TableRow {
        var file: String
        var locale: String
        /// lines, entries, codes, pairs, no name, mentions, messages, with placeholder, table rows, sections.
        var values: [String]
    }

    static func table(in folder: URL) throws -> [TableRow] {
        let text = try String(contentsOf: folder.appendingPathComponent("table.md"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst(2).map { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            // | file | half (locale) | lines | entries (from headings) | codes | pairs | no name | mentions | messages | with placeholder | rows (f + o) | sections |
            let locale = cells[1].split(separator: "(").last.map { String($0.dropLast()) } ?? cells[1]
            let first = { (cell: String) in String(cell.split(separator: " ").first ?? "") }
            let values = [cells[2], first(cells[3]), cells[4], cells[5], cells[6], cells[7], cells[8], cells[9], first(cells[10]), cells[11]]
            return TableRow(file: cells[0], locale: cells[1].contains("(") ? locale : cells[1], values: values)
        }
    }
}
