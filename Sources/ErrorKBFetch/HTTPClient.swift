import CCurlLoader
import ErrorKBModel
import Foundation

/// The limits every fetch keeps. The error pages are 20–160 KB (the HTML wallet page, the
/// largest, 151 KB), so the size cap leaves a hundredfold margin while a runaway or hostile
/// response cannot fill memory.
public struct FetchLimits: Sendable, Equatable {
    /// Largest body accepted, in bytes, after any Content-Encoding is undone (default 16 MiB).
    public var maxBytes: Int
    /// Longest a whole transfer may take, redirects included, in seconds (default 30).
    public var timeout: Double
    /// Longest the connection may take to open, in seconds (default 10, at most `timeout`).
    public var connectTimeout: Double
    /// Redirects followed, http and https only (default 5).
    public var maxRedirects: Int

    /// The defaults above, or other limits.
    public init(maxBytes: Int = 16 << 20, timeout: Double = 30, connectTimeout: Double = 10, maxRedirects: Int = 5) {
        self.maxBytes = maxBytes
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.maxRedirects = maxRedirects
    }
}

/// What one GET returned.
struct HTTPResponse {
    /// HTTP status code (200, 304, 404, …).
    var status: Int
    var body: Data
    var etag: String?
    var lastModified: String?
    var contentType: String?
    /// The URL of the last response, after redirects.
    var url: String?
}

/// GET over HTTP(S) through libcurl, which `CCurlLoader` loads when the first request is made
/// (see its header for why it is not linked).
enum HTTPClient {
    /// The User-Agent kb sends.
    static let userAgent = "ErrorKB/\(Release.version) (kb update)"

    /// Performs a GET of `address` with the extra header lines. Throws `FetchError` naming `page`
    /// (the URL the user knows) and `address` (where it was fetched from, when a mirror differs).
    static func get(_ address: String, page: String, headers: [String], limits: FetchLimits) throws -> HTTPResponse {
        var response = ekb_fetch_response()
        defer { ekb_fetch_response_free(&response) }
        let cHeaders = headers.map { strdup($0) }
        defer { cHeaders.forEach { free($0) } }
        let started = withArrayOfPointers(cHeaders) { pointers in
            address.withCString { url in
                Self.userAgent.withCString { agent in
                    var request = ekb_fetch_request(
                        url: url, headers: pointers, header_count: Int32(cHeaders.count), user_agent: agent,
                        timeout_ms: Int(limits.timeout * 1000), connect_timeout_ms: Int(min(limits.connectTimeout, limits.timeout) * 1000),
                        max_redirects: limits.maxRedirects, max_bytes: limits.maxBytes)
                    return ekb_fetch(&request, &response)
                }
            }
        }
        let detail = withUnsafeBytes(of: response.error) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let from = FetchError.Location(page: page, address: address)
        guard started == 0 else { throw FetchError.clientUnavailable(detail) }
        switch response.outcome {
        case EKB_FETCH_OK: break
        case EKB_FETCH_TIMEOUT: throw FetchError.timedOut(from, seconds: limits.timeout)
        case EKB_FETCH_UNREACHABLE: throw FetchError.unreachable(from, detail: detail)
        case EKB_FETCH_TOO_LARGE: throw FetchError.tooLarge(from, limit: limits.maxBytes)
        case EKB_FETCH_TOO_MANY_REDIRECTS: throw FetchError.tooManyRedirects(from, limit: limits.maxRedirects)
        default: throw FetchError.failed(from, detail: detail)
        }
        let string = { (pointer: UnsafeMutablePointer<CChar>?) in pointer.map { String(cString: $0) } }
        return HTTPResponse(status: response.status, body: response.body.map { Data(bytes: $0, count: response.body_size) } ?? Data(),
                            etag: string(response.etag), lastModified: string(response.last_modified),
                            contentType: string(response.content_type), url: string(response.effective_url))
    }

    private static func withArrayOfPointers<T>(_ strings: [UnsafeMutablePointer<CChar>?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> T) -> T {
        let pointers = strings.map { UnsafePointer($0) }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}
