import ArgumentParser
import ErrorKB

extension KB {
    /// `kb check`: whether the search indexes are the ones kb wrote.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check the search indexes; exit 3 naming each problem (repair with kb reindex).",
            discussion: "Tools such as sqlite-utils rebuild-fts rebuild every FTS5 index from its content; kb's own index holds Chinese in a form its content view does not show, so such a rebuild loses Chinese search. kb check tells, kb search refuses to answer from such an index, and kb reindex repairs it." + Examples.check)

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let name = try database.path() ?? "the seed corpus"
            let problems = try database.open().searchIndexProblems()
            for problem in problems.dropLast() { Diagnostics.note("\(name): \(problem)") }
            if let last = problems.last { throw DataError("\(name): \(last)") }
            try Output.line("ok: the search indexes are whole and as kb wrote them")
        }
    }

    /// `kb reindex`: writes the search indexes again.
    struct Reindex: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reindex",
            abstract: "Write the search indexes again from the database's rows.",
            discussion: "The file is rewritten beside itself and renamed into place, as kb add does." + Examples.reindex)

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if try database.path() == nil { throw ValidationError("give --db PATH (or set KB_DB)") }
        }

        func run() throws {
            let path = try database.path()!
            try KnowledgeBase.reindex(path: path)
            try Output.line("reindexed \(path)")
        }
    }
}
