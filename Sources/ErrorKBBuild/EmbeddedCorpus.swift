import ErrorKBImport
import ErrorKBModel
import ErrorKBStore
import ErrorKBSupport
import Foundation

/// The seed documents compiled into the binary (see Plugins/EmbedFiles), so that a lone `kb`
/// works anywhere.
public enum EmbeddedCorpus {
    /// The seed documents, in file name order.
    public static var seedDocuments: [(fileName: String, data: Data)] {
        EmbeddedFiles.files(in: "seed")
    }

    /// Imports every seed document.
    package static func importSeed() throws -> [ImportedDocument] {
        try seedDocuments.map { try DocumentImporter.importData($0.data, fileName: $0.fileName) }
    }

    /// A digest of the seed and the schema, to name caches built from them.
    package static let fingerprint: String = {
        var hash = SHA256()
        for file in EmbeddedFiles.base64 { hash.update(Data(file.path.utf8)); hash.update(Data(file.data.utf8)) }
        hash.update(Data(Schema.digest.utf8))
        return hash.finalize().prefix(8).map { String(format: "%02x", $0) }.joined()
    }()
}
