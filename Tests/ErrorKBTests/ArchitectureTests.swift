import Foundation
import Testing

/// The layers as the package declares them (Package.swift), checked in the sources: SwiftPM
/// shares one folder of built modules, so an `import` of a module a target does not depend on can
/// still resolve in an incremental build; this test refuses it. And the store keeps the SQL.
@Suite struct ArchitectureTests {
    /// What each library target may import of the project's own modules.
    static let allowed: [String: Set<String>] = [
        "ErrorKBSupport": [],
        "ErrorKBModel": ["ErrorKBSupport"],
        "ErrorKBImport": ["ErrorKBModel", "ErrorKBSupport"],
        "ErrorKBStore": ["ErrorKBModel", "ErrorKBSupport"],
        "ErrorKBQuery": ["ErrorKBStore", "ErrorKBModel", "ErrorKBSupport"],
        "ErrorKBBuild": ["ErrorKBImport", "ErrorKBStore", "ErrorKBModel", "ErrorKBSupport"],
        "ErrorKBFetch": ["ErrorKBBuild", "ErrorKBQuery", "ErrorKBImport", "ErrorKBStore", "ErrorKBModel", "ErrorKBSupport"],
    ]

    static let sources = Fixtures.packageRoot.appendingPathComponent("Sources")

    /// Every Swift file of a target, with its text.
    static func files(of target: String) -> [(name: String, text: String)] {
        let folder = sources.appendingPathComponent(target)
        let paths = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        return paths.sorted().map { ("\(target)/\($0)", (try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) ?? "") }
    }

    @Test(arguments: allowed.keys.sorted())
    func aTargetImportsOnlyTheLayersBelowIt(target: String) {
        let files = Self.files(of: target)
        #expect(!files.isEmpty)
        for (name, text) in files {
            for line in text.split(separator: "\n") where line.hasPrefix("import ErrorKB") {
                let module = String(line.dropFirst("import ".count))
                #expect(Self.allowed[target]!.contains(module), "\(name) imports \(module)")
            }
        }
    }

    /// libxml2 is called from one file: the HTML reader's event source.
    @Test func libxml2StaysInTheHTMLReader() {
        let importers = Self.allowed.keys.sorted().flatMap(Self.files(of:)).filter { $0.text.contains("import CLibXML2") }.map(\.name)
        #expect(importers == ["ErrorKBImport/HTML/HTMLEvents.swift"])
    }

    /// The issue's own check: `grep -rnE "SELECT|INSERT|UPDATE|DELETE|CREATE" Sources` finds SQL
    /// in the store only; and records are read by column name, never `row[0]`.
    @Test func sqlLivesInTheStoreAndRowsAreReadByName() throws {
        let targets = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path).sorted()
        #expect(targets.contains("ErrorKBStore"))
        let sql = try Regex("SELECT|INSERT|UPDATE|DELETE|CREATE")
        let positional = try Regex(#"row\[[0-9]+\]|\$0\[[0-9]+\] as"#)
        for target in targets {
            for (name, text) in Self.files(of: target) {
                #expect(target == "ErrorKBStore" || !text.contains(sql), "SQL in \(name)")
                #expect(!text.contains(positional), "a row read by position in \(name)")
            }
        }
    }
}
