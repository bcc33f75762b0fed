import ErrorKBSupport
import Foundation

/// Docusaurus ends each heading with a "direct link" to itself whose text is a zero-width space:
/// `### -1000 UNKNOWN[​](/docs/zh-CN/wallet/error-code#-1000-unknown "-1000 UNKNOWN的直接链接")`.
/// Its target, without the fragment, is the page's own path.
enum DirectLink {
    /// The path the heading's zero-width link points to, when it has one.
    static func path(in heading: Substring) -> String? {
        // Foundation's search is slow, and runs for every heading of a page without links.
        guard heading.containsBytes("\u{200B}]("), let open = heading.range(of: "\u{200B}](") else { return nil }
        let target = heading[open.upperBound...].prefix { $0 != "#" && $0 != ")" && $0 != " " && $0 != "\"" }
        guard target.hasPrefix("/") || target.hasPrefix("http://") || target.hasPrefix("https://") else { return nil }
        return String(target)
    }

    /// The URL of a page whose path is `path`, on the host of `base` (the file's stated URL);
    /// the path alone without one.
    static func url(path: String, base: String?) -> String {
        guard path.hasPrefix("/"), let base, let scheme = base.range(of: "://") else { return path }
        let host = base[scheme.upperBound...].prefix { $0 != "/" }
        return base[..<scheme.upperBound] + host + path
    }
}
