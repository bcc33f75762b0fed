import ErrorKBImport
import ErrorKBModel
import Foundation

/// Fetches documentation pages and imports them with the importer every file goes through, so
/// a page read from the network and one saved to a file give the same document.
public struct PageFetcher: Sendable {
    /// What a conditional fetch found.
    public enum Outcome: Sendable {
        /// 304 Not Modified: the stored bytes are current.
        case notModified
        /// The page as it is now.
        case page(ImportedDocument)
    }

    /// The limits of every request.
    public var limits: FetchLimits
    /// Mirrors that serve pages in place of their site.
    public var mirrors: [Mirror]

    /// A fetcher with these limits and mirrors.
    public init(limits: FetchLimits = FetchLimits(), mirrors: [Mirror] = []) {
        self.limits = limits
        self.mirrors = mirrors
    }

    /// Fetches the page at `url` and imports it. `domain` and `locale` override what the URL
    /// says; the document's source URL (its identity) is `url`. With `current` (the stored
    /// version's validators), the request is conditional and may find it `notModified`.
    /// Throws `FetchError` (naming the URL) or `ImportError`.
    public func fetch(_ url: String, domain: String? = nil, locale: String? = nil, current: FetchState? = nil) throws -> Outcome {
        guard Mirror.isHTTP(url) else { throw FetchError.unsupportedURL(url) }
        let address = Mirror.address(of: url, in: mirrors)
        let location = FetchError.Location(page: url, address: address)
        var headers: [String] = []
        if let etag = current?.etag { headers.append("If-None-Match: \(etag)") }
        if let lastModified = current?.lastModified { headers.append("If-Modified-Since: \(lastModified)") }
        let response = try HTTPClient.get(address, page: url, headers: headers, limits: limits)
        switch response.status {
        case 200: break
        case 304 where !headers.isEmpty: return .notModified
        default: throw FetchError.httpStatus(location, status: response.status)
        }
        if let type = response.contentType, !Self.isText(type) { throw FetchError.notText(location, contentType: type) }
        var document = try DocumentImporter.importData(response.body, fileName: url, domain: domain, locale: locale, source: url)
        guard !document.isEmpty else { throw FetchError.notAnErrorPage(location, lines: document.lineCount) }
        // The URL names the document in every message and listing (its last path component, the
        // importer's file name, is "error-code" for every page of the site).
        document.fileName = url
        document.fetch = FetchState(etag: response.etag, lastModified: response.lastModified, fetchedAt: Self.now())
        return .page(document)
    }

    /// Pages come as HTML, markdown or plain text; the importer tells which from the content.
    static func isText(_ contentType: String) -> Bool {
        let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return type.hasPrefix("text/") || ["application/xhtml+xml", "application/markdown", "application/x-markdown"].contains(type)
    }

    /// The time now, UTC, ISO 8601 to the second.
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
