import ArgumentParser
import ErrorKB
import ErrorKBFetch
import ErrorKBSupport
import Foundation

/// kb's one voice on stderr: every message is one line `kb: MESSAGE`, or `kb: FILE:LINE: MESSAGE`
/// when it is about a line of a file, with control characters escaped (a file name or a query
/// holding a newline or an escape sequence stays on its line and cannot restyle the terminal);
/// and the exit statuses: 0 found, 1 nothing found, 2 usage error, 3 data or database error, or
/// output that could not be written.
enum Diagnostics {
    nonisolated(unsafe) private static let standardError = DescriptorWriter(descriptor: 2, capacity: 0)
    /// A message could not be written (stderr is full or closed): the status says so instead.
    nonisolated(unsafe) private static var lostMessage = false
    /// Standard output failed while flushed before a message.
    nonisolated(unsafe) private static var outputFailure: Output.Failure?

    /// Says something on stderr.
    static func note(_ message: String) {
        // What was printed comes first, as it would on a terminal.
        do { try Output.flush() } catch let failure as Output.Failure { outputFailure = outputFailure ?? failure } catch {}
        do { try standardError.write("kb: " + TerminalText.escaped(message) + "\n") } catch { lostMessage = true }
    }

    /// Says something about one line of a file.
    static func note(file: String, line: Int, _ message: String) {
        note("\(file):\(line): \(message)")
    }

    /// Parses the command line and runs the command, then exits with the status its outcome
    /// calls for, having said why on stderr.
    static func run(_ root: KB.Type) -> Never {
        var status: Int32
        do {
            let arguments = CommandLineArguments.prepare()
            if arguments == ["--version"] {
                try Output.line(VersionText.text())
                try Output.flush()
                exit(0)
            }
            if let message = UsageHints.unknownCommand(arguments) {
                note(message)
                exit(2)
            }
            var command = try root.parseAsRoot(arguments)
            try command.run()
            status = 0
        } catch {
            status = report(error, root)
        }
        do { try Output.flush() } catch let failure as Output.Failure { outputFailure = outputFailure ?? failure } catch {}
        if let outputFailure {
            note("cannot write output: \(outputFailure.reason)")
            status = 3
        }
        exit(lostMessage ? 3 : status)
    }

    /// Says why the command failed and returns its exit status.
    private static func report(_ error: Error, _ root: KB.Type) -> Int32 {
        switch error {
        case let failure as Output.Failure:
            outputFailure = failure
            return 3
        case let error as NothingFound: note(error.message); return 1
        case let error as UsageError: note(error.message); return 2
        case let error as DataError: note(error.message); return 3
        case let error as KnowledgeBaseError:
            note(error.description)
            if case .invalidTarget = error { return 2 }
            return 3
        case let error as ImportError:
            note(error.description)
            // A page that needs --domain/--locale, or a bad value for them, is the command line's fault.
            switch error {
            case .unknownOrigin, .invalidOverride: return 2
            default: return 3
            }
        case let failure as AtomicFile.Failure: note(failure.description); return failure.kind == .invalid ? 2 : 3
        case let error as FetchError: note(error.description); return 3
        case let failure as KnowledgeBaseUpdater.Failure:
            for error in failure.errors { note("\(error)") }
            let pages = failure.errors.count == 1 ? "1 page" : "\(failure.errors.count) pages"
            note("\(pages) could not be fetched; nothing was written (--keep-going writes the others)")
            return 3
        default:
            // ArgumentParser's own: help and version (to stdout), usage errors, ExitCode.
            let code = root.exitCode(for: error)
            let message = root.fullMessage(for: error)
            if code == .success {
                do { try Output.write(message + "\n") } catch let failure as Output.Failure { outputFailure = failure } catch {}
                return 0
            }
            for line in message.split(separator: "\n") where !line.allSatisfy(\.isWhitespace) { note(String(line)) }
            return code == .validationFailure ? 2 : code.rawValue
        }
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
