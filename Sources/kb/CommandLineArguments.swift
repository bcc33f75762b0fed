import ErrorKBSupport
import Foundation

/// The command line as kb hands it to ArgumentParser.
///
/// - Arguments are read as bytes: a file name that is not UTF-8 is carried losslessly (see
///   `SystemPath`), where `CommandLine.arguments` would have replaced its bytes.
/// - Long runs of plain arguments (a shell glob naming thousands of files) reach ArgumentParser
///   folded into one argument each, and commands unfold them (`ArgumentRuns.unfold`).
///   ArgumentParser 1.8.2 takes time quadratic in the number of values one argument gets
///   (`SplitArguments.remove(at:)` scans from the start for each value it consumes, and
///   `ParsedValues.update` copies the array and unions the set of origins for each one): 20,000
///   file names took 9 s, 100,000 did not finish in minutes. Folded, ArgumentParser sees at most
///   two arguments per run, so parsing is linear in the arguments whatever their number.
enum CommandLineArguments {
    /// Standard input was closed when kb started (`<&-`).
    nonisolated(unsafe) private(set) static var inputWasClosed = false

    /// The arguments after the program name, ready for `parseAsRoot`.
    static func prepare() -> [String] {
        secureStandardDescriptors()
        let raw = (1..<Int(CommandLine.argc)).map { index -> String in
            guard let argument = CommandLine.unsafeArgv[index] else { return "" }
            return SystemPath.string(UnsafeBufferPointer(start: UnsafeRawPointer(argument).assumingMemoryBound(to: UInt8.self), count: strlen(argument)))
        }
        return ArgumentRuns.fold(raw)
    }

    /// A standard descriptor that is closed is taken by /dev/null opened the wrong way round
    /// (input for writing, output for reading): otherwise the first file kb opens would get its
    /// number, and output meant for the terminal could land in it. Every use of it then fails as
    /// it would have: a read or write gets EBADF.
    private static func secureStandardDescriptors() {
        for fd in Int32(0)...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            if fd == 0 { inputWasClosed = true }
            _ = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY)
        }
    }
}

/// Runs of plain arguments folded into one argument each (see `CommandLineArguments`).
enum ArgumentRuns {
    /// Runs longer than this are folded; the first of a run is never folded (it may be the
    /// value of the option before it, or the subcommand's name).
    static let threshold = 32
    /// Starts a folded argument; a private-use noncharacter no real argument holds.
    static let marker: Character = "\u{10FFFE}"

    nonisolated(unsafe) private static var runs: [[String]] = []

    /// The arguments with each run of more than `threshold` plain arguments (not starting with
    /// `-`, or anything after `--`) kept as its first argument and one folded argument.
    static func fold(_ arguments: [String]) -> [String] {
        var folded: [String] = []
        folded.reserveCapacity(min(arguments.count, 64))
        var index = 0
        var afterTerminator = false
        while index < arguments.count {
            let start = index
            while index < arguments.count && (afterTerminator || !arguments[index].hasPrefix("-")) { index += 1 }
            if index - start > threshold {
                folded.append(arguments[start])
                folded.append(String(marker) + String(runs.count))
                runs.append(Array(arguments[(start + 1)..<index]))
            } else {
                folded += arguments[start..<index]
            }
            if index < arguments.count {
                if arguments[index] == "--" { afterTerminator = true }
                folded.append(arguments[index])
                index += 1
            }
        }
        return folded
    }

    /// The words of a command that takes free text (show, match), as given: folded runs
    /// unfolded, and the first `--` left out, which ends the options and is no word.
    static func words(_ values: [String]) -> [String] {
        var words = unfold(values)
        if let terminator = words.firstIndex(of: "--") { words.remove(at: terminator) }
        return words
    }

    /// The values as given on the command line: folded runs unfolded.
    static func unfold(_ values: [String]) -> [String] {
        guard values.contains(where: { $0.first == marker }) else { return values }
        return values.flatMap { value -> [String] in
            guard value.first == marker, let run = Int(value.dropFirst()), runs.indices.contains(run) else { return [value] }
            return runs[run]
        }
    }
}
