import ErrorKBModel
import GRDB

/// A row of `documents`: one imported document, where it came from, and the digest of its exact
/// bytes.
struct DocumentRecord: Equatable {
    var id: Int64
    var sourceURL: String?
    var domain: String
    var locale: String
    var fileName: String
    var sha256: String
    /// Domain, locale and source URL (or file name): what makes two files versions of one document.
    var identity: String?
    /// The HTTP validators and download time of the bytes (`kb add URL`, `kb update`); nil for a file.
    var etag: String?
    var lastModified: String?
    var fetchedAt: String?
    /// The date the page states (`documents.stated_date`), YYYY-MM-DD; nil when none.
    var statedDate: String?

    /// How the bytes came over HTTP, when they did.
    var fetch: FetchState? {
        fetchedAt.map { FetchState(etag: etag, lastModified: lastModified, fetchedAt: $0) }
    }

    init(_ row: CheckedRow) throws {
        id = try row.int64("id")
        sourceURL = try row.optionalText("source_url")
        domain = try row.text("domain")
        locale = try row.text("locale")
        fileName = try row.text("file_name")
        sha256 = try row.text("sha256")
        identity = try row.optionalText("identity")
        etag = try row.optionalText("etag")
        lastModified = try row.optionalText("last_modified")
        fetchedAt = try row.optionalText("fetched_at")
        statedDate = try row.optionalText("stated_date")
    }

    static let select = "SELECT id, source_url, domain, locale, file_name, sha256, identity, etag, last_modified, fetched_at, stated_date FROM documents"
    static let origins = CheckedRow.Origins(["id": "documents.id", "source_url": "documents.source_url", "domain": "documents.domain",
                                             "locale": "documents.locale", "file_name": "documents.file_name", "sha256": "documents.sha256",
                                             "identity": "documents.identity", "etag": "documents.etag",
                                             "last_modified": "documents.last_modified", "fetched_at": "documents.fetched_at",
                                             "stated_date": "documents.stated_date"],
                                            label: ("id", "document "))

    /// Every document, in import order.
    static func all(_ db: Database) throws -> [DocumentRecord] {
        try CheckedRow.all(db.cachedStatement(sql: select + " ORDER BY id"), [], origins, DocumentRecord.init)
    }

    /// The document with this identity, other than `excluding`.
    static func withIdentity(_ identity: String, excluding: Int64? = nil, _ db: Database) throws -> DocumentRecord? {
        try CheckedRow.all(db.cachedStatement(sql: select + " WHERE identity = ? AND id IS NOT ? LIMIT 1"), [identity, excluding], origins,
                           DocumentRecord.init).first
    }
}
