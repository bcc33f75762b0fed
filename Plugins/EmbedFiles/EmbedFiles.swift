import Foundation
import PackagePlugin

/// Generates `EmbeddedFiles.swift` from the package's `schema/` and `seed/` folders, so the
/// schema and the seed corpus travel inside the binary and can never drift from the files.
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let folders = ["schema", "seed"].map { root.appending(path: $0) }
        var inputs: [URL] = []
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path())) ?? []
            inputs += names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appending(path: $0) }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding schema and seed corpus",
                executable: try context.tool(named: "embed-files").url,
                arguments: [output.path()] + inputs.map { $0.path() },
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
