import ErrorKBModel
import GRDB

/// A row of `documents`: one imported document, where it came from, and the digest, size and
/// line count of its exact bytes.
struct DocumentRecord: Codable, Equatable, FetchableRecord, TableRecord {
    static let databaseTableName = "documents"
    var id: Int64
    var sourceURL: String?
    var domain: String
    var locale: String
    var title: String?
    var format: String
    var fileName: String
    var sha256: String
    var size: Int
    var lineCount: Int
    /// Domain, locale and source URL (or file name): what makes two files versions of one document.
    var identity: String?
    /// The HTTP validators and download time of the bytes (`kb add URL`, `kb update`); nil for a file.
    var etag: String?
    var lastModified: String?
    var fetchedAt: String?

    /// How the bytes came over HTTP, when they did.
    var fetch: FetchState? {
        fetchedAt.map { FetchState(etag: etag, lastModified: lastModified, fetchedAt: $0) }
    }

    enum CodingKeys: String, CodingKey {
        case id, sourceURL = "source_url", domain, locale, title, format, fileName = "file_name", sha256, size,
             lineCount = "line_count", identity, etag, lastModified = "last_modified", fetchedAt = "fetched_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let identity = Column(CodingKeys.identity)
    }
}
