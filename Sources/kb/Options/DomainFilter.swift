import ArgumentParser

/// What a read command looks at: one domain (API product), or all of them.
struct DomainFilter: ParsableArguments {
    @Option(help: "Only this domain (API product), e.g. wallet.", completion: Completions.domains)
    var domain: String?
}
