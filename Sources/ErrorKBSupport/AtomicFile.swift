import Foundation

/// The one way a file is written in place: into a temporary file beside the target
/// (`.NAME.PID.tmp`), renamed over it when complete, so that a reader never sees half a file and
/// a failure or a kill leaves the old file as it was. The temporary files of writers that died
/// are removed by the next write of the same target.
package enum AtomicFile {
    /// Why the file could not be written.
    package struct Failure: Error, Equatable, CustomStringConvertible {
        package let path: String
        package let detail: String
        package var description: String { "\(path): cannot write: \(detail)" }
    }

    /// Writes `path` anew: `body` writes the file at the temporary path it is given, which holds a
    /// copy of `source` when one is given (else nothing yet); then it is renamed over `path`.
    /// Throws `Failure` for what goes wrong with the files, and whatever `body` throws.
    package static func write(to path: String, startingFrom source: String? = nil, _ body: (String) throws -> Void) throws {
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure(path: path, detail: "directory \(directory.path) does not exist")
        }
        let temp = directory.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try? FileManager.default.removeItem(at: temp)
        removeAbandonedTemps(of: target)
        defer { try? FileManager.default.removeItem(at: temp) }
        if let source {
            do { try FileManager.default.copyItem(atPath: source, toPath: temp.path) } catch {
                throw Failure(path: path, detail: error.localizedDescription)
            }
        }
        try body(temp.path)
        guard rename(temp.path, target.path) == 0 else {
            throw Failure(path: path, detail: String(cString: strerror(errno)))
        }
    }

    /// Writes `path` anew through a handle on the temporary file (see `write(to:startingFrom:_:)`).
    package static func write(to path: String, _ body: (FileHandle) throws -> Void) throws {
        try write(to: path, startingFrom: nil) { temp in
            guard FileManager.default.createFile(atPath: temp, contents: nil), let handle = FileHandle(forWritingAtPath: temp) else {
                throw Failure(path: path, detail: String(cString: strerror(errno)))
            }
            defer { try? handle.close() }
            try body(handle)
            do { try handle.synchronize() } catch { throw Failure(path: path, detail: error.localizedDescription) }
        }
    }

    /// Temp files whose writer is gone (no process has their pid) are removed.
    private static func removeAbandonedTemps(of target: URL) {
        let directory = target.deletingLastPathComponent()
        let prefix = ".\(target.lastPathComponent)."
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            guard let pid = Int32(name.dropFirst(prefix.count).dropLast(".tmp".count)),
                  pid != ProcessInfo.processInfo.processIdentifier, kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }
}
