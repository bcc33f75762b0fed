import ErrorKBStore
import ErrorKBSupport
import Foundation

extension KnowledgeBase {
    /// The embedded seed corpus as a database: built once into the user's cache (see
    /// `cacheDirectory`), named by the content hash of everything embedded, and opened read-only
    /// after that. Falls back to an in-memory build when there is no cache to write.
    public static func seed() throws -> KnowledgeBase {
        guard let directory = cacheDirectory() else { return try inMemory(EmbeddedCorpus.importSeed()) }
        let path = directory + "/seed-\(EmbeddedCorpus.fingerprint).db"
        if let cached = try? open(path: path) { return cached }
        do {
            try makeCacheDirectory(directory)
            // What killed cache builds left (of this version or another), and no writer holds.
            AbandonedFiles.remove(in: directory) { name in
                (name.hasPrefix(".seed-") && name.hasSuffix(".tmp")) || (name.hasPrefix("seed-") && name.hasSuffix(".db-lock"))
            }
            _ = try KnowledgeBaseBuilder.build(EmbeddedCorpus.importSeed(), to: path)
            return try open(path: path)
        } catch {
            // An unwritable cache is no reason to fail: build in memory instead.
            return try inMemory(EmbeddedCorpus.importSeed())
        }
    }

    /// `$XDG_CACHE_HOME/errorkb` when XDG_CACHE_HOME is an absolute path (a relative one is
    /// ignored, as the XDG Base Directory spec says), else `$HOME/.cache/errorkb`; nil when
    /// neither is set.
    static func cacheDirectory() -> String? {
        if let xdg = SystemPath.environment("XDG_CACHE_HOME"), xdg.hasPrefix("/") { return xdg + "/errorkb" }
        guard let home = SystemPath.environment("HOME"), !home.isEmpty else { return nil }
        return home + "/.cache/errorkb"
    }

    /// Creates the cache directory and, if missing, its parent (`.cache`, or XDG_CACHE_HOME),
    /// with mode 0700 as the XDG spec asks; never anything above that: a HOME that does not
    /// exist is not created.
    private static func makeCacheDirectory(_ directory: String) throws {
        let parent = SystemPath.directory(directory)
        for path in [parent, directory] {
            if let status = try FileStatus.of(path) {
                guard status.kind == .directory else { throw FileStatus.Failure(path: path, reason: "not a directory") }
                continue
            }
            guard try FileStatus.of(SystemPath.directory(path))?.kind == .directory else {
                throw FileStatus.Failure(path: path, reason: "its parent does not exist")
            }
            guard SystemPath.withCString(path, { mkdir($0, 0o700) }) == 0 || errno == EEXIST else {
                throw FileStatus.Failure(path: path, reason: String(cString: strerror(errno)))
            }
        }
    }
}
