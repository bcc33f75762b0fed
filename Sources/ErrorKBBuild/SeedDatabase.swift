import ErrorKBStore
import Foundation

extension KnowledgeBase {
    /// The embedded seed corpus as a database: built once into the user's cache, named by the
    /// content hash of everything embedded, and opened read-only after that. Falls back to an
    /// in-memory build when there is no writable cache.
    public static func seed() throws -> KnowledgeBase {
        guard let directory = cacheDirectory() else { return try inMemory(EmbeddedCorpus.importSeed()) }
        let path = directory.appendingPathComponent("seed-\(EmbeddedCorpus.fingerprint).db").path
        if let cached = try? open(path: path) { return cached }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            _ = try KnowledgeBaseBuilder.build(EmbeddedCorpus.importSeed(), to: path)
            return try open(path: path)
        } catch {
            // An unwritable cache is no reason to fail: build in memory instead.
            return try inMemory(EmbeddedCorpus.importSeed())
        }
    }

    private static func cacheDirectory() -> URL? {
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("errorkb")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/errorkb")
    }
}
