import ArgumentParser

/// The formats a command's result can be written in.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv

    /// The renderer of this format.
    var renderer: any Renderer {
        switch self {
        case .table: return TableRenderer()
        case .json: return JSONRenderer()
        case .csv: return CSVRenderer()
        }
    }
}

/// How a command writes its result.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, json or csv (build and add: table or json).")
    var format: OutputFormat = .table

    var renderer: any Renderer { format.renderer }

    /// The renderer of a build or add summary: a table or JSON.
    var summaryRenderer: any SummaryRenderer { format == .json ? JSONRenderer() : TableRenderer() }

    /// Refuses CSV for a command that prints a summary (build, add).
    func refuseCSV(for command: String) throws {
        if format == .csv { throw ValidationError("kb \(command) prints a summary: --format table or json") }
    }
}
