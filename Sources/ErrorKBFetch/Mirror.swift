/// A place that serves pages in place of their own site: URLs that start with `prefix` are
/// fetched from `replacement` + the rest. The page keeps its own URL (its identity in the
/// database); only where its bytes come from changes. For a local copy of the site, a proxy, or
/// a test server: `--mirror https://developers.binance.com/=http://127.0.0.1:8000/`.
public struct Mirror: Sendable, Equatable {
    /// The start of the URLs served elsewhere (`https://developers.binance.com/`).
    public var prefix: String
    /// What replaces it (`http://127.0.0.1:8000/`).
    public var replacement: String

    /// A mirror of the URLs under `prefix`.
    public init(prefix: String, replacement: String) {
        self.prefix = prefix
        self.replacement = replacement
    }

    /// Reads `PREFIX=REPLACEMENT`; nil unless both sides are http(s) URLs.
    public init?(_ argument: String) {
        guard let equals = argument.range(of: "=http") else { return nil }
        let prefix = String(argument[..<equals.lowerBound]), replacement = String(argument[argument.index(after: equals.lowerBound)...])
        guard Self.isHTTP(prefix), Self.isHTTP(replacement) else { return nil }
        self.init(prefix: prefix, replacement: replacement)
    }

    /// Where to fetch `url` from: the first mirror whose prefix it starts with (the longest
    /// prefix wins among several), else the URL itself.
    public static func address(of url: String, in mirrors: [Mirror]) -> String {
        guard let mirror = mirrors.filter({ url.hasPrefix($0.prefix) }).max(by: { $0.prefix.count < $1.prefix.count }) else { return url }
        return mirror.replacement + url.dropFirst(mirror.prefix.count)
    }

    /// Whether the text is an http or https URL.
    public static func isHTTP(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("http://") && lower.count > 7) || (lower.hasPrefix("https://") && lower.count > 8)
    }
}
