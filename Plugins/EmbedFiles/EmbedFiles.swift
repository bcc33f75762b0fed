import Foundation
import PackagePlugin

/// Generates `EmbeddedFiles.swift` for a target from the package folders it needs, so that the
/// files travel inside the binary and can never drift from the repository: the store compiles
/// in `schema/`, the build pipeline `seed/`, the query layer `lexicon/` (search synonyms).
@main
struct EmbedFiles: BuildToolPlugin {
    static let folders: [String: [String]] = ["ErrorKBStore": ["schema"], "ErrorKBBuild": ["seed"], "ErrorKBQuery": ["lexicon"]]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        for folder in (Self.folders[target.name] ?? []).map({ root.appending(path: $0) }) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path())) ?? []
            inputs += names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appending(path: $0) }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(Self.folders[target.name]?.joined(separator: ", ") ?? "nothing") in \(target.name)",
                executable: try context.tool(named: "embed-files").url,
                arguments: [output.path()] + inputs.map { $0.path() },
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
