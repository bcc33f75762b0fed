import ArgumentParser
import ErrorKB
import ErrorKBSupport
import Foundation

@main
struct KB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "A knowledge base of API error codes: look up, search and build.",
        discussion: """
            With neither --db nor KB_DB, commands read the seed corpus built into kb.
            Exit status: 0 found, 1 nothing found, 2 usage error, 3 data or database error.
            """,
        version: Release.version,
        subcommands: [Search.self, Show.self, Match.self, Classify.self, Build.self, Add.self, Export.self, Diff.self, Duplicates.self, Stats.self]
    )

    /// Maps failures to the documented exit codes: usage 2, data or database 3.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as UsageError {
            fail(error.message, code: 2)
        } catch let error as KBFailure {
            fail(error.message, code: 3)
        } catch let error as KnowledgeBaseError {
            fail(error.description, code: 3)
        } catch let error as ImportError {
            fail(error.description, code: 3)
        } catch let error as AtomicFile.Failure {
            fail(error.description, code: 3)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                fail(fullMessage(for: error), code: 2)
            }
            exit(withError: error)
        }
    }

    static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data("kb: \(message)\n".utf8))
        Foundation.exit(code)
    }
}
