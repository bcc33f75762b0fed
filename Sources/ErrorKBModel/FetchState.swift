/// How a document's bytes came over HTTP: what a conditional request needs to ask for them again
/// (RFC 9110's validators, ETag and Last-Modified, sent back as If-None-Match and
/// If-Modified-Since) and when they were downloaded. Stored with the document
/// (`documents.etag`, `last_modified`, `fetched_at`).
public struct FetchState: Sendable, Equatable, Codable {
    /// The ETag response header, verbatim (`"5f3c-1a2b"`, `W/"x"`); nil when the server sent none.
    public var etag: String?
    /// The Last-Modified response header, verbatim (an HTTP date); nil when the server sent none.
    public var lastModified: String?
    /// When the bytes were downloaded: UTC, ISO 8601 to the second (`2026-05-28T09:14:03Z`).
    public var fetchedAt: String

    /// The validators and time of one download.
    public init(etag: String?, lastModified: String?, fetchedAt: String) {
        self.etag = etag
        self.lastModified = lastModified
        self.fetchedAt = fetchedAt
    }

    /// Whether a conditional request can be made with them.
    public var hasValidators: Bool { etag != nil || lastModified != nil }

    enum CodingKeys: String, CodingKey {
        case etag, lastModified = "last_modified", fetchedAt = "fetched_at"
    }
}
