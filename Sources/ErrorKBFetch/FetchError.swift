/// Why a page could not be fetched or imported. Every message names the page's URL (and where it
/// was fetched from, when a mirror serves it); `kb` exits with status 3 and changes nothing.
public enum FetchError: Error, Equatable, CustomStringConvertible {
    /// The page, and the address it was fetched from (the same unless a mirror serves it).
    public struct Location: Equatable, Sendable, CustomStringConvertible {
        /// The page's URL, as the database knows it.
        public var page: String
        /// Where it was fetched from.
        public var address: String

        /// "URL", or "URL (from MIRROR-URL)".
        public var description: String { page == address ? page : "\(page) (from \(address))" }
    }

    /// libcurl could not be loaded: kb fetches through the system's libcurl.
    case clientUnavailable(String)
    /// The URL is not http(s).
    case unsupportedURL(String)
    /// No response within the timeout (seconds).
    case timedOut(Location, seconds: Double)
    /// No connection: refused, no route, host not found.
    case unreachable(Location, detail: String)
    /// The body is over the size cap (bytes).
    case tooLarge(Location, limit: Int)
    case tooManyRedirects(Location, limit: Int)
    /// The server answered with an HTTP status other than 200 (or 304 to a conditional request).
    case httpStatus(Location, status: Int)
    /// The body is not text (an image, a PDF, JSON…).
    case notText(Location, contentType: String)
    /// The body is text, but no error code entry or table row came out of it.
    case notAnErrorPage(Location, lines: Int)
    /// Anything else libcurl reports (TLS, protocol), in its words.
    case failed(Location, detail: String)

    /// Whether libcurl could not be loaded (no page can be fetched).
    public var isClientUnavailable: Bool {
        if case .clientUnavailable = self { return true }
        return false
    }

    /// The message `kb` prints.
    public var description: String {
        switch self {
        case .clientUnavailable(let reason): return "cannot fetch pages: \(reason)"
        case .unsupportedURL(let url): return "\(url): not an http or https URL"
        case .timedOut(let at, let seconds): return "\(at): no complete response within \(Self.seconds(seconds)) (--timeout)"
        case .unreachable(let at, let detail): return "\(at): cannot connect: \(detail)"
        case .tooLarge(let at, let limit): return "\(at): the response is larger than \(Self.bytes(limit)); not imported"
        case .tooManyRedirects(let at, let limit): return "\(at): more than \(limit) redirects"
        case .httpStatus(let at, let status): return "\(at): HTTP \(status) \(Self.reason(status))"
        case .notText(let at, let type): return "\(at): the server sent \(type), not a page of text"
        case .notAnErrorPage(let at, let lines): return "\(at): not an error-code page (no error codes in its \(lines) lines)"
        case .failed(let at, let detail): return "\(at): \(detail)"
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    private static func bytes(_ count: Int) -> String {
        count % (1 << 20) == 0 ? "\(count >> 20) MiB" : "\(count) bytes"
    }

    /// The reason phrases of the statuses a documentation site answers with.
    private static func reason(_ status: Int) -> String {
        [301: "Moved Permanently", 302: "Found", 304: "Not Modified", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
         404: "Not Found", 410: "Gone", 429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway",
         503: "Service Unavailable", 504: "Gateway Timeout"][status] ?? ""
    }
}
