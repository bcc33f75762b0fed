/// Which API product and locale a document describes.
public struct DocumentOrigin: Sendable, Equatable {
    /// The API product, e.g. wallet, coin-margined-futures; empty for a document with nothing to attribute.
    public var domain: String
    /// The locale, e.g. en, zh-CN.
    public var locale: String

    /// A domain and locale.
    public init(domain: String, locale: String) {
        self.domain = domain
        self.locale = locale
    }

    /// Reads domain and locale from a documentation URL:
    ///   …/docs/zh-CN/wallet/error-code                        → wallet, zh-CN
    ///   …/docs/derivatives/coin-margined-futures/error-code   → coin-margined-futures, en
    /// The domain is the folder that holds the page; a locale folder follows `docs`, else `en`.
    public static func parse(url: String) -> (domain: String?, locale: String?) {
        guard let schemeEnd = url.range(of: "://") else { return (nil, nil) }
        let afterHost = url[schemeEnd.upperBound...].drop(while: { $0 != "/" })
        let path = afterHost.prefix(while: { $0 != "?" && $0 != "#" })
        var parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 2 else { return (nil, nil) }
        if parts.first == "docs" { parts.removeFirst() }
        var locale = "en"
        if let first = parts.first, isLocale(first) {
            locale = first
            parts.removeFirst()
        }
        guard parts.count >= 2 else { return (nil, locale) }
        return (parts[parts.count - 2], locale)
    }

    /// "en", "zh-CN", "pt-BR", "zh-Hant".
    package static func isLocale(_ part: String) -> Bool {
        let pieces = part.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = pieces.first, language.count == 2, language.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        guard pieces.count <= 2 else { return false }
        if pieces.count == 2 {
            let region = pieces[1]
            return (2...4).contains(region.count) && region.allSatisfy { $0.isASCII && $0.isLetter }
        }
        return true
    }
}
