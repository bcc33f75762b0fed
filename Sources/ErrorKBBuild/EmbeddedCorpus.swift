import ErrorKBImport
import ErrorKBModel
import ErrorKBStore
import ErrorKBSupport
import Foundation

/// The seed documents compiled into the binary (see Plugins/EmbedFiles), so that a lone `kb`
/// works anywhere: the current page of every product and locale, with seed/MANIFEST.md giving
/// each page's origin where the page does not state it.
public enum EmbeddedCorpus {
    /// What seed/MANIFEST.md says of one page: its domain, locale and source URL when the page
    /// does not state them (nil: the page's own), and where it came from.
    public struct Origin: Sendable, Equatable {
        public var domain: String?
        public var locale: String?
        public var source: String?
        /// Where the file was copied from (a repository and commit, a URL, lines of a file).
        public var origin: String
    }

    /// The manifest's name in seed/.
    static let manifestName = "MANIFEST.md"

    /// The seed documents, in file name order (the manifest is not one).
    public static var seedDocuments: [(fileName: String, data: Data)] {
        EmbeddedFiles.files(in: "seed").filter { $0.fileName != manifestName }
    }

    /// seed/MANIFEST.md's table, by file name.
    public static let manifest: [String: Origin] = {
        guard let file = EmbeddedFiles.files(in: "seed").first(where: { $0.fileName == manifestName }) else { return [:] }
        var origins: [String: Origin] = [:]
        for line in String(decoding: file.data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("| ") {
            let cells = PipeTableRow.cells(line).map { String($0.trimmingWhitespace()) }
            guard cells.count == 5, cells[0] != "file" else { continue }
            let value = { (cell: String) in cell.isEmpty ? nil : cell }
            origins[cells[0]] = Origin(domain: value(cells[1]), locale: value(cells[2]), source: value(cells[3]), origin: cells[4])
        }
        return origins
    }()

    /// Imports every seed document, each page with the origin the manifest gives it.
    package static func importSeed() throws -> [ImportedDocument] {
        try seedDocuments.flatMap { file in
            let origin = manifest[file.fileName]
            return try DocumentImporter.importPages(file.data, fileName: file.fileName, domain: origin?.domain, locale: origin?.locale,
                                                    source: origin?.source)
        }
    }

    /// A digest of the seed and the schema, to name caches built from them.
    package static let fingerprint: String = {
        var hash = SHA256()
        for file in EmbeddedFiles.base64 { hash.update(Data(file.path.utf8)); hash.update(Data(file.data.utf8)) }
        hash.update(Data(Schema.digest.utf8))
        return hash.finalize().prefix(8).map { String(format: "%02x", $0) }.joined()
    }()
}
