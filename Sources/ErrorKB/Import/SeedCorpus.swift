import Foundation

/// The documents and schema compiled into the binary (see Plugins/EmbedFiles).
public enum EmbeddedCorpus {
    /// The seed documents, in file name order.
    public static var seedDocuments: [(fileName: String, data: Data)] {
        files(in: "seed")
    }

    /// The schema migrations, in file name order ("001_foundation.sql", …). Decoded once: every
    /// read command checks the schema version.
    static let schemaFiles: [(fileName: String, sql: String)] =
        files(in: "schema").filter { $0.fileName.hasSuffix(".sql") }.map { ($0.fileName, String(decoding: $0.data, as: UTF8.self)) }

    /// A non-SQL file of `schema/`, such as the data dictionary.
    static func schemaDocument(named name: String) -> String? {
        files(in: "schema").first { $0.fileName == name }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    /// Imports every seed document.
    public static func importSeed() throws -> [ImportedDocument] {
        try seedDocuments.map { try DocumentImporter.importData($0.data, fileName: $0.fileName) }
    }

    /// A digest of everything embedded, to name caches built from it.
    public static let fingerprint: String = {
        var hash = SHA256()
        for file in EmbeddedFiles.base64 { hash.update(Data(file.path.utf8)); hash.update(Data(file.data.utf8)) }
        return hash.finalize().prefix(8).map { String(format: "%02x", $0) }.joined()
    }()

    private static func files(in folder: String) -> [(fileName: String, data: Data)] {
        EmbeddedFiles.base64.compactMap { file in
            guard file.path.hasPrefix(folder + "/"), let data = Data(base64Encoded: file.data) else { return nil }
            return (String(file.path.dropFirst(folder.count + 1)), data)
        }
    }
}
