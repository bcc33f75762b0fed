import ArgumentParser
import ErrorKB
import ErrorKBSupport

/// Which database a command reads or changes.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The database file (default: $KB_DB; read commands fall back to the seed corpus built into kb).",
            completion: .file())
    var db: String?

    /// --db, else $KB_DB, with `~` expanded (see `Paths`); nil when neither names a file.
    func path() throws -> String? {
        guard let path = db ?? SystemPath.environment("KB_DB"), !path.isEmpty else { return nil }
        return try Paths.expand(path)
    }

    /// Opens the database read-only (the seed corpus built into kb when no file is named), and
    /// checks that the filter's domain, when given, is one it holds.
    func open(_ filter: DomainFilter? = nil) throws -> KnowledgeBase {
        let kb = try path().map(KnowledgeBase.open(path:)) ?? KnowledgeBase.seed()
        if let domain = filter?.domain, try !kb.domains().contains(domain) {
            throw UsageError("unknown domain '\(domain)'; this database has: \(try kb.domains().joined(separator: ", "))")
        }
        return kb
    }
}
