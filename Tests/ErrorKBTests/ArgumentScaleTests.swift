import Foundation
import Testing
@testable import kb

/// A shell glob over a big folder gives kb tens of thousands of arguments. ArgumentParser 1.8.2
/// spends time quadratic in the number of values one argument gets, so kb folds each long run of
/// plain arguments into one before ArgumentParser sees it (see `CommandLineArguments`): these
/// tests check that structure, not a time (`bench/run-arguments` measures it).
// Serialized: the folded runs are kept in one table for the process (kb folds once).
@Suite(.serialized) struct ArgumentScaleTests {
    @Test func aHundredThousandFilesReachArgumentParserAsOneArgument() {
        let files = (1...100_000).map { "page\($0).md" }
        let folded = ArgumentRuns.fold(["build"] + files + ["--out", "x.db", "--domain", "d"])
        // The run starts with the subcommand's name, which stays; the files become one argument.
        #expect(folded.count == 6, "\(folded.prefix(10))")
        #expect(folded[0] == "build" && folded[2...] == ["--out", "x.db", "--domain", "d"])
        #expect(ArgumentRuns.unfold([folded[1]]) == files)
    }

    @Test func foldingKeepsWhatArgumentParserMustSee() {
        // Short runs, options, their values and everything after -- stay as they are.
        let short = ["search", "invalid", "symbol", "--limit", "5", "--", "-1121"]
        #expect(ArgumentRuns.fold(short) == short)
        // The first of a run may be an option's value: it is never folded.
        let values = (1...100).map { "w\($0)" }
        let folded = ArgumentRuns.fold(["search", "--domain"] + values)
        #expect(folded.count == 4 && folded[2] == "w1")
        #expect(ArgumentRuns.unfold(Array(folded[2...])) == values)
        // After --, dashed words are plain too.
        let dashed = (1...100).map { "-\($0)" }
        let afterTerminator = ArgumentRuns.fold(["show", "--"] + dashed)
        #expect(afterTerminator.count == 4 && ArgumentRuns.unfold(Array(afterTerminator[2...])) == dashed)
    }

    @Test func theRealCommandLineTakesAHundredThousandFiles() throws {
        // Names short enough for the kernel's limit on the arguments of one process.
        let directory = Fixtures.temporaryDirectory().path
        let page = directory + "/p1.md"
        try Data("#### \\-97007 FIRST\n\n-   The first of many.\n".utf8).write(to: URL(fileURLWithPath: page))
        let files = [page] + (2...100_000).map { "p\($0).md" }
        let result = TestProcess.kb(["build"] + files + ["--out", directory + "/x.db", "--domain", "d", "--locale", "en"], home: directory)
        // The first file is read; the second, which does not exist, fails the build.
        #expect(result.status == 3, "\(result.summary)")
        #expect(result.stderr == "kb: p2.md: cannot read: no such file\n", "\(result.stderr)")
    }
}
