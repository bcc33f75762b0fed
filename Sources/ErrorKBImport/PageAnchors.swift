/// How a page links to its own parts: HTML anchors (`<a id="other-errors"></a>`), the anchors
/// that headings get from their text (`## Filter failures` → `filter-failures`, as GitHub and
/// Docusaurus make them), and in-page links in messages (`[Filter Failures](#filter-failures)`).
enum PageAnchors {
    /// The ids of the HTML anchors on a line (`id="…"` or `name="…"` inside `<a …>`).
    static func ids(in text: Substring) -> [String] {
        var ids: [String] = []
        var rest = text
        while let open = rest.range(of: "<a ") {
            let tag = rest[open.upperBound...].prefix { $0 != ">" }
            for attribute in ["id=\"", "name=\""] {
                guard let start = tag.range(of: attribute) else { continue }
                let value = tag[start.upperBound...].prefix { $0 != "\"" }
                if !value.isEmpty { ids.append(String(value)) }
            }
            rest = rest[tag.endIndex...]
        }
        return ids
    }

    /// A heading's anchor as GitHub and Docusaurus make it: lower case, punctuation other than
    /// `-` and `_` dropped, each space a `-`. `Filter failures` → `filter-failures`.
    static func slug(_ heading: String) -> String {
        var slug = ""
        for character in heading.lowercased() {
            if character == " " {
                slug.append("-")
            } else if character.isLetter || character.isNumber || character == "-" || character == "_" {
                slug.append(character)
            }
        }
        return slug
    }

    /// The anchors a text links to within its page: `[text](#anchor)` → `anchor`.
    static func links(in text: Substring) -> [String] {
        var anchors: [String] = []
        var rest = text
        while let open = rest.range(of: "](#") {
            let anchor = rest[open.upperBound...].prefix { $0 != ")" && $0 != " " && $0 != "\"" }
            if !anchor.isEmpty { anchors.append(String(anchor)) }
            rest = rest[anchor.endIndex...]
        }
        return anchors
    }
}
