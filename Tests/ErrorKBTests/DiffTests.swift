import Foundation
import Testing
@testable import ErrorKBModel
@testable import ErrorKBImport
@testable import ErrorKBQuery
@testable import ErrorKBBuild

/// `kb diff`: content changes between versions, never markup.
@Suite(.enabled(if: Corpus.available, "skipped: ../shared/corpus is absent"))
struct DiffTests {
    static func snapshot(_ name: String) throws -> ContentSnapshot {
        ContentSnapshot([try CorpusTests.load(name, domain: "spot", locale: "en")])
    }

    @Test func theLatestSpotChangeIsOneAddedCode() throws {
        let diff = DocumentDiff(old: try Self.snapshot("spot-errors.en.2025-12-02.md"), new: try Self.snapshot("spot-errors.en.md"))
        #expect(diff.changes == [.init(kind: .codeAdded, domain: "spot", locale: "en", code: -2043, name: "NO_REFERENCE_PRICE",
                                       old: nil, new: "This symbol doesn't have a reference price.")])
    }

    /// Counted by hand from the two files: the 39 old codes all remain, 65 are new; -1102 (3),
    /// -1103, -1106 and -1128 (4) gained messages; -1003 lost one of four; typo and wording
    /// changes in -1000, -1003 (2), -1111 and -1130.
    @Test func fromTheFirstSpotVersion() throws {
        let diff = DocumentDiff(old: try Self.snapshot("spot-errors.en.2020-11-30.md"), new: try Self.snapshot("spot-errors.en.md"))
        #expect(diff.summary == [.codeAdded: 65, .messageAdded: 9, .messageRemoved: 1, .messageChanged: 5])
        #expect(diff.changes.filter { $0.kind == .messageChanged }.map(\.code) == [-1000, -1003, -1003, -1111, -1130])
        #expect(diff.changes.first { $0.kind == .messageRemoved }?.old == "Too much request weight used; please use the websocket for live updates to avoid polling the API.")
        #expect(diff.changes.first { $0.code == -1000 }?.new == "An unknown error occurred while processing the request.")
    }

    @Test(arguments: ["spot-errors.en.md", "spot-errors.zh-CN.md", "spot-errors.en.2020-11-30.md",
                      "usds-margined-futures-error-code.en.md", "portfolio-margin-pro-error-code.en.md"])
    func restyledMarkupIsNoChange(file: String) throws {
        let original = try String(contentsOf: Corpus.folder.appendingPathComponent(file), encoding: .utf8)
        let copy = Fixtures.temporaryDirectory().appendingPathComponent(file)
        try Restyle.markdown(original).write(to: copy, atomically: true, encoding: .utf8)
        let old = ContentSnapshot([try DocumentImporter.importFile(at: Corpus.folder.appendingPathComponent(file).path, domain: "d", locale: "l")])
        let new = ContentSnapshot([try DocumentImporter.importFile(at: copy.path, domain: "d", locale: "l")])
        #expect(DocumentDiff(old: old, new: new).changes == [])
        #expect(try DocumentImporter.importFile(at: copy.path, domain: "d", locale: "l").parsed.unexplainedLines == [])
    }

    @Test func theSeedMarkdownRestyledIsNoChange() throws {
        let seed = String(decoding: EmbeddedCorpus.seedDocuments.first { $0.fileName.hasSuffix(".md") }!.data, as: UTF8.self)
        let old = ContentSnapshot([try DocumentImporter.importData(Data(seed.utf8), fileName: "a.md")])
        let new = ContentSnapshot([try DocumentImporter.importData(Data(Restyle.markdown(seed).utf8), fileName: "b.md")])
        #expect(DocumentDiff(old: old, new: new).changes == [])
    }

    @Test func theCommandComparesDocumentsAndDatabases() throws {
        let home = Fixtures.temporaryDirectory()
        let older = Corpus.folder.appendingPathComponent("spot-errors.en.2025-12-02.md").path
        let newer = Corpus.folder.appendingPathComponent("spot-errors.en.md").path
        let documents = TestProcess.kb(["diff", older, newer, "--domain", "spot", "--locale", "en"])
        #expect(documents.status == 1)
        #expect(documents.stdout == "1 code_added\ncode_added  spot · en  -2043 NO_REFERENCE_PRICE\n    + This symbol doesn't have a reference price.\n")
        let a = home.appendingPathComponent("a.db").path, b = home.appendingPathComponent("b.db").path
        #expect(TestProcess.kb(["build", older, "--domain", "spot", "--locale", "en", "--out", a]).status == 0)
        #expect(TestProcess.kb(["build", newer, "--domain", "spot", "--locale", "en", "--out", b]).status == 0)
        let databases = TestProcess.kb(["diff", a, b, "--format", "csv"])
        #expect(databases.stdout == "kind,domain,locale,code,name,old,new\ncode_added,spot,en,-2043,NO_REFERENCE_PRICE,,This symbol doesn't have a reference price.\n")
        let same = TestProcess.kb(["diff", b, newer, "--domain", "spot", "--locale", "en"])
        #expect(same.status == 0)
        #expect(same.stdout == "no changes\n")
    }
}

/// Rewrites markdown without changing its content: other bullets, escaped underscores and
/// minus signs, deeper code headings, long messages wrapped, anchors added.
enum Restyle {
    static func markdown(_ text: String) -> String {
        var out: [String] = []
        for line in text.components(separatedBy: "\n") {
            if let heading = MarkdownText.heading(line[...]), CodeLine(InlineMarkup.clean(heading.text)[...], requireMinus: false) != nil {
                let plain = InlineMarkup.clean(heading.text)
                out.append("<a id=\"x\"></a>")
                out.append("#### " + escape(plain.hasPrefix("-") ? "\\" + plain : plain))
            } else if let bullet = MarkdownText.bullet(line[...]) {
                let marker = line.hasPrefix("-") ? "  * " : "-   "
                let words = bullet.split(separator: " ", omittingEmptySubsequences: false)
                if words.count > 8, !bullet.contains("`") {
                    out.append(marker + escape(words[..<4].joined(separator: " ")))
                    out.append("    " + escape(words[4...].joined(separator: " ")))
                } else {
                    out.append(marker + escape(String(bullet)))
                }
            } else {
                out.append(line)
            }
        }
        return out.joined(separator: "\n")
    }

    /// Escapes `_` outside code spans (a code span keeps its text as written).
    static func escape(_ text: String) -> String {
        var result = ""
        var inCode = false
        var previous: Character = " "
        for c in text {
            if c == "`" { inCode.toggle() }
            if c == "_" && !inCode && previous != "\\" { result.append("\\") }
            result.append(c)
            previous = c
        }
        return result
    }
}
