import ErrorKBModel
import GRDB

/// A document a database holds (its current version): where it came from, the digest of its
/// bytes, and how they were fetched. What `kb update` needs to ask for the page again.
public struct StoredDocument: Sendable, Equatable {
    /// `documents.id`.
    public var id: Int64
    /// The page's URL; nil for a document read from a file that names none.
    public var sourceURL: String?
    /// The API product.
    public var domain: String
    /// The locale.
    public var locale: String
    /// The file name it was imported as (for a fetched page, its URL).
    public var fileName: String
    /// Hex SHA-256 of its bytes.
    public var sha256: String
    /// Domain, locale and source URL (or file name): what a newer version must have to replace it.
    public var identity: String
    /// The HTTP validators and download time of its bytes; nil when they were read from a file.
    public var fetch: FetchState?
    /// Its version (`document_versions.version`); nil in a file whose history does not name it.
    public var version: Int?
}

extension KnowledgeBase {
    private static let versionOrigins = CheckedRow.Origins(["document_id": "document_versions.document_id", "version": "document_versions.version"],
                                                           label: ("document_id", "document "))

    /// The documents the database holds, in import order.
    public func storedDocuments() throws -> [StoredDocument] {
        try read { db in
            let versions = try Dictionary(
                CheckedRow.all(db.cachedStatement(sql: "SELECT document_id, version FROM document_versions WHERE document_id IS NOT NULL"), [],
                               Self.versionOrigins) { (try $0.int64("document_id"), try $0.int("version")) },
                uniquingKeysWith: max)
            return try DocumentRecord.all(db).map { record in
                StoredDocument(id: record.id, sourceURL: record.sourceURL, domain: record.domain, locale: record.locale,
                               fileName: record.fileName, sha256: record.sha256, identity: record.identity ?? "", fetch: record.fetch,
                               version: versions[record.id])
            }
        }
    }
}
