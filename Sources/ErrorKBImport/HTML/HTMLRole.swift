import ErrorKBModel

/// What an element of a page is, told from its tag, its class and its ARIA role: the HTML
/// reader's recognizers, one per kind of element. Page chrome (the site's navigation, the
/// sidebar, breadcrumbs, the table of contents, pagination, footers, the head, scripts and
/// styles) is told by element, since a line of HTML may hold chrome and content at once.
enum HTMLRole: Equatable {
    /// Page chrome: its text is counted as this kind of line.
    case chrome(LineKind)
    case heading(level: Int)
    /// `<li>`, `<dt>`, `<dd>`: a message under an entry, a listed code, or prose.
    case item
    case paragraph
    case quote
    /// `<pre>`: a code block (the JSON example).
    case preformatted
    case table, row
    case cell(header: Bool)
    case lineBreak
    case link
    /// Anything else (`div`, `ul`, `span`, `code`, …): its text belongs to the block around it.
    case container

    /// The role of an element.
    static func of(_ name: String, _ attributes: [String: String]) -> HTMLRole {
        if let kind = chromeByTag[name] ?? chrome(attributes) { return .chrome(kind) }
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6": return .heading(level: Int(String(name.dropFirst()))!)
        case "li", "dt", "dd": return .item
        case "p": return .paragraph
        case "blockquote": return .quote
        case "pre": return .preformatted
        case "table": return .table
        case "tr": return .row
        case "td": return .cell(header: false)
        case "th": return .cell(header: true)
        case "br": return .lineBreak
        case "a": return .link
        default: return .container
        }
    }

    /// Elements that are chrome whatever their class.
    private static let chromeByTag: [String: LineKind] = [
        "head": .markup, "script": .markup, "style": .markup, "noscript": .markup, "template": .markup,
        "iframe": .markup, "svg": .markup, "object": .markup,
        "nav": .navigation, "aside": .navigation, "button": .navigation, "select": .navigation, "footer": .footer,
    ]

    /// Chrome told by class (Docusaurus's and other generators' usual names) or ARIA role.
    private static func chrome(_ attributes: [String: String]) -> LineKind? {
        switch attributes["role"] {
        case "navigation", "banner", "search", "complementary": return .navigation
        case "contentinfo": return .footer
        default: break
        }
        guard let classes = attributes["class"]?.lowercased(), !classes.isEmpty else { return nil }
        for token in classes.split(separator: " ") {
            if token.contains("tableofcontents") || token.contains("table-of-contents") || token.hasPrefix("toc") || token.contains("-toc") {
                return .toc
            }
            if token.hasPrefix("pagination") || token.hasPrefix("footer") { return .footer }
            if token.contains("breadcrumb") || token.hasPrefix("navbar") || token.contains("sidebar") || token.hasPrefix("menu") {
                return .navigation
            }
        }
        return nil
    }

    /// Whether its text is a block of its own (a paragraph inside a list item or a cell is part
    /// of it: `<li><p>…</p></li>` is one message).
    func startsBlock(inside enclosing: HTMLRole?) -> Bool {
        switch self {
        case .heading, .item, .quote, .preformatted, .cell: return true
        case .paragraph:
            switch enclosing {
            case .item?, .cell?, .quote?: return false
            default: return true
            }
        default: return false
        }
    }
}
