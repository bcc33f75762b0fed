import Foundation
import Testing
@testable import ErrorKBImport
@testable import ErrorKBStore
@testable import ErrorKBQuery

/// A page and the database built from it say the same, whatever its messages hold. Needs nothing
/// from ../shared.
@Suite struct SnapshotTests {
    /// Two entries; the first message has a line break (`<br>`), which is stored as a newline.
    static let page = "# Errors\n\n#### \\-1 FIRST\n\n-   First line<br>second line.\n\n#### \\-2 SECOND\n\n-   Plain.\n"

    @Test(.bug(id: "br-diff", "a message with <br> was split at its newline on the database side: `kb diff page.md page.db` reported 1 message_added, 1 message_changed"))
    func aPageDiffedAgainstItsOwnBuildHasNoChange() throws {
        let home = Fixtures.temporaryDirectory()
        let page = home.appendingPathComponent("page.md").path
        let db = home.appendingPathComponent("page.db").path
        try Data(Self.page.utf8).write(to: URL(fileURLWithPath: page))
        let origin = ["--domain", "d", "--locale", "en"]
        let build = TestProcess.kb(["build", page, "--out", db] + origin)
        #expect(build.status == 0, "\(build.stderr)")
        let diff = TestProcess.kb(["diff", page, db] + origin)
        #expect(diff.stdout == "no changes\n", "\(diff.stdout)")
        #expect(diff.status == 0)
        let reverse = TestProcess.kb(["diff", db, page] + origin)
        #expect(reverse.stdout == "no changes\n", "\(reverse.stdout)")
    }

    @Test func theSnapshotOfADatabaseKeepsEachMessageWhole() throws {
        let document = try DocumentImporter.importData(Data(Self.page.utf8), fileName: "page.md", domain: "d", locale: "en")
        #expect(document.parsed.entries.first?.messages.map(\.text) == ["First line\nsecond line."])
        let stored = try ContentSnapshot(KnowledgeBase.inMemory([document]))
        let key = ContentSnapshot.Key(domain: "d", locale: "en")
        #expect(stored.documents[key]?[-1]?.messages == ["First line second line."])
        #expect(stored == ContentSnapshot([document]))
    }
}
