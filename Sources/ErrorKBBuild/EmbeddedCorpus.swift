import ErrorKBImport
import ErrorKBModel
import ErrorKBStore
import ErrorKBSupport
import Foundation

/// The seed documents compiled into the binary (see Plugins/EmbedFiles), so that a lone `kb`
/// works anywhere: the current page of every product and locale, with seed/MANIFEST.md giving
/// each page's origin where the page does not state it.
public enum EmbeddedCorpus {
    /// The seed documents, in file name order (the manifest is not one).
    public static var seedDocuments: [(fileName: String, data: Data)] {
        EmbeddedFiles.files(in: "seed").filter { $0.fileName != PageManifest.fileName }
    }

    /// seed/MANIFEST.md: where each page came from, and what it does not state itself.
    package static let manifest: PageManifest = {
        let file = EmbeddedFiles.files(in: "seed").first { $0.fileName == PageManifest.fileName }
        return PageManifest(markdown: file.map { String(decoding: $0.data, as: UTF8.self) } ?? "")
    }()

    /// The date of a seed document's copy, from seed/MANIFEST.md's origin column: the last
    /// YYYY-MM-DD it states (a commit's or a scrape's date); nil when it states none.
    public static func date(of fileName: String) -> String? {
        manifest.origins[fileName]?.date
    }

    /// Imports every seed document, each page with what the manifest says of it.
    package static func importSeed() throws -> [ImportedDocument] {
        try seedDocuments.flatMap { file in
            try DocumentImporter.importPages(.memory(file.data), fileName: file.fileName, domain: nil, locale: nil, source: nil,
                                             manifest: manifest.origins[file.fileName])
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
