import ErrorKBModel
import ErrorKBQuery

/// What `kb update` did with one document of the database.
public struct UpdateResult: Sendable, Codable, Equatable {
    /// What happened to the page.
    public enum Action: String, Sendable, Codable {
        /// The page changed: its new content is a new version, the old one is history.
        case replaced
        /// The server answered 304 Not Modified to the conditional request.
        case notModified = "not_modified"
        /// The page came again with the same bytes (the same SHA-256): nothing new.
        case unchanged
        /// The document names no http(s) source URL, so there is nothing to fetch.
        case noURL = "no_url"
        /// The page could not be fetched or imported (`--keep-going`); `error` says why.
        case failed
    }

    /// The page's URL, else the document's file name.
    public var source: String
    /// The API product.
    public var domain: String
    /// The locale.
    public var locale: String
    /// What happened.
    public var action: Action
    /// The document's version now (`document_versions.version`); nil when it has no history row.
    public var version: Int?
    /// What changed in codes, names and messages (as `kb diff` reports it); empty unless replaced.
    public var changes: [DocumentDiff.Change]
    /// Why it failed, for `failed`.
    public var error: String?

    enum CodingKeys: String, CodingKey {
        case source, domain, locale, action, version, changes, error
    }
}
