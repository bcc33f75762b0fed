import ArgumentParser
import ErrorKB
import ErrorKBFetch
import ErrorKBSupport
import Foundation

/// kb's one voice on stderr: every message is one line `kb: MESSAGE`, or `kb: FILE:LINE: MESSAGE`
/// when it is about a line of a file; and the exit statuses: 0 found, 1 nothing found, 2 usage
/// error, 3 data or database error.
enum Diagnostics {
    /// Says something on stderr.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("kb: \(message)\n".utf8))
    }

    /// Says something about one line of a file.
    static func note(file: String, line: Int, _ message: String) {
        note("\(file):\(line): \(message)")
    }

    /// Parses the command line and runs the command, then exits with the status its outcome
    /// calls for, having said why on stderr.
    static func run(_ root: KB.Type) -> Never {
        do {
            var command = try root.parseAsRoot()
            try command.run()
            exit(0)
        } catch let error as NothingFound {
            fail(error.message, status: 1)
        } catch let error as UsageError {
            fail(error.message, status: 2)
        } catch let error as DataError {
            fail(error.message, status: 3)
        } catch let error as KnowledgeBaseError {
            fail(error.description, status: 3)
        } catch let error as ImportError {
            fail(error.description, status: 3)
        } catch let error as AtomicFile.Failure {
            fail(error.description, status: 3)
        } catch let error as FetchError {
            fail(error.description, status: 3)
        } catch let failure as KnowledgeBaseUpdater.Failure {
            for error in failure.errors { note("\(error)") }
            let pages = failure.errors.count == 1 ? "1 page" : "\(failure.errors.count) pages"
            fail("\(pages) could not be fetched; nothing was written (--keep-going writes the others)", status: 3)
        } catch {
            if root.exitCode(for: error) == .validationFailure {
                fail(root.fullMessage(for: error), status: 2)
            }
            root.exit(withError: error)
        }
    }

    private static func fail(_ message: String, status: Int32) -> Never {
        note(message)
        Foundation.exit(status)
    }
}

/// Nothing found: said on stderr, exit status 1.
struct NothingFound: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// A usage problem found while running (an unknown domain): exit status 2, no usage dump.
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// A data problem found while running (an unreadable input): exit status 3.
struct DataError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
