import ArgumentParser
import ErrorKBFetch

/// How a command that fetches pages (add URL, update) reaches them.
struct FetchOptions: ParsableArguments {
    @Option(name: .customLong("mirror"), help: ArgumentHelp(
        "Fetch the URLs that start with PREFIX from MIRROR instead (the pages keep their own URLs), e.g. 'https://developers.binance.com/=http://127.0.0.1:8000/' (repeatable).",
        valueName: "PREFIX=MIRROR"))
    var mirrors: [String] = []

    @Option(help: ArgumentHelp("Seconds a whole page fetch may take, redirects included.", valueName: "SECONDS"))
    var timeout: Double = FetchLimits().timeout

    func validate() throws {
        for mirror in mirrors where Mirror(mirror) == nil {
            throw ValidationError("--mirror '\(mirror)' is not PREFIX=MIRROR with two http(s) URLs")
        }
        if !(timeout > 0 && timeout <= 3600) { throw ValidationError("--timeout must be between 0 and 3600 seconds") }
    }

    /// The fetcher these options describe.
    var fetcher: PageFetcher {
        var limits = FetchLimits()
        limits.timeout = timeout
        return PageFetcher(limits: limits, mirrors: mirrors.compactMap(Mirror.init))
    }
}
