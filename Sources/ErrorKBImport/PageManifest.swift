import ErrorKBModel
import ErrorKBSupport
import Foundation

/// A MANIFEST.md beside documents (seed/'s, ../shared/corpus's): a markdown table with a `file`
/// column and any of `domain`, `locale` and `source`, which gives a page what it does not state
/// itself (the spot and crypto-loan pages have no URL). What a page states wins over it, and
/// `--domain`, `--locale`, `--origin` and `--source` win over both. Values that are not a valid
/// domain, locale or URL (`en, then zh-CN`) are ignored.
package struct PageManifest: Sendable {
    /// What the manifest says of one file.
    package struct Origin: Sendable, Equatable {
        package var domain: String?
        package var locale: String?
        package var source: String?
        /// Where the file came from (the `origin` column, for people).
        package var provenance: String?

        /// The last YYYY-MM-DD the origin column states (a commit's or a scrape's date); nil
        /// when it states none.
        package var date: String? {
            guard let provenance else { return nil }
            let scalars = Array(provenance.unicodeScalars)
            let isDigit = { (i: Int) in i >= 0 && i < scalars.count && ("0"..."9").contains(scalars[i]) }
            var found: String?
            var i = 0
            while i + 10 <= scalars.count {
                let shape = (0..<10).allSatisfy { [4, 7].contains($0) ? scalars[i + $0] == "-" : isDigit(i + $0) }
                if shape && !isDigit(i - 1) && !isDigit(i + 10) {
                    found = String(String.UnicodeScalarView(scalars[i..<(i + 10)]))
                    i += 10
                } else {
                    i += 1
                }
            }
            return found
        }
    }

    /// The file name a manifest has.
    package static let fileName = "MANIFEST.md"

    /// Its rows, by file name.
    package private(set) var origins: [String: Origin] = [:]

    /// Reads the first table that has a `file` column.
    package init(markdown: String) {
        var columns: [String: Int]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.trimmingWhitespace()
            guard text.hasPrefix("|") else {
                if columns != nil && !origins.isEmpty { break }
                continue
            }
            let cells = PipeTableRow.cells(text).map { String($0.trimmingWhitespace()) }
            guard let index = columns else {
                if cells.contains("file") { columns = Dictionary(cells.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }
                continue
            }
            let cell = { (name: String) -> String? in index[name].flatMap { $0 < cells.count && !cells[$0].isEmpty ? cells[$0] : nil } }
            guard let file = cell("file"), !file.allSatisfy({ $0 == "-" || $0 == ":" }) else { continue }
            origins[file.replacingOccurrences(of: "`", with: "")] = Origin(
                domain: cell("domain").flatMap { DocumentImporter.isValidName($0) ? $0 : nil },
                locale: cell("locale").flatMap { DocumentOrigin.isLocale($0) ? $0 : nil },
                source: cell("source").flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil },
                provenance: cell("origin"))
        }
    }

    /// What the MANIFEST.md in a file's folder says of it, when there is one. Paths are bytes
    /// (`SystemPath`); the manifest is read only if it is a regular file (through symlinks), so a
    /// FIFO named MANIFEST.md cannot block a build: anything else there but nothing is an error.
    package static func origin(of path: String) throws -> Origin? {
        let name = SystemPath.lastComponent(path)
        guard name != fileName else { return nil }
        let directory = SystemPath.directory(path)
        let manifest = directory == "/" ? "/" + fileName : directory + "/" + fileName
        do {
            guard try FileStatus.of(manifest) != nil else { return nil }
            let reader = try LineReader(.file(path: manifest), fileName: manifest, hashing: false)
            var text = ""
            while let line = reader.nextLine() { text += String(decoding: line, as: UTF8.self) + "\n" }
            if let failure = reader.failure { throw ImportError.unreadable(file: failure.path, reason: failure.reason) }
            return PageManifest(markdown: text).origins[name]
        } catch let failure as LineReader.Failure {
            throw ImportError.unreadable(file: failure.path, reason: failure.reason)
        } catch let failure as FileStatus.Failure {
            throw ImportError.unreadable(file: failure.path, reason: failure.reason)
        }
    }
}
