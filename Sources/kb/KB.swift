import ArgumentParser
import ErrorKB

/// The root command: it only configures; each subcommand is a nested type in Commands/.
struct KB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "A knowledge base of API error codes: look up, search and build.",
        discussion: """
            With neither --db nor KB_DB, commands read the seed corpus built into kb.
            Exit status: 0 found, 1 nothing found, 2 usage error, 3 data or database error.
            """,
        version: Release.version,
        subcommands: [Search.self, Show.self, Match.self, Classify.self, Build.self, Add.self, Update.self, Export.self, Diff.self,
                      Duplicates.self, Statistics.self, Check.self, Reindex.self, GenerateManual.self]
    )
}
