/// What a line of a document was read as. Every line gets exactly one kind.
public enum LineKind: String, Sendable, Codable, CaseIterable, Comparable {
    // Imported content.
    case title, source, section, entry, message, mention, tableHeader = "table_header", tableRow = "table_row"
    // Named non-entry text.
    case navigation, jsonExample = "json_example", prose, frontMatter = "front_matter", rule, anchor
    /// A table that is not message-keyed rows (a list of files, say).
    case otherTable = "other_table"
    case footer, toc
    /// HTML that is not page text: the document's head, scripts, styles, and lines of tags alone.
    case markup
    case blank
    /// A line that looks like an entry but cannot be imported (a code beyond 64 bits); reported.
    case skipped
    /// A line the importer could not place. `kb build` reports each one.
    case unexplained

    /// In declaration order (content first).
    public static func < (a: LineKind, b: LineKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Kinds whose lines are already recorded by the rows they produced.
    package var isContent: Bool {
        switch self {
        case .section, .entry, .message, .mention, .tableRow, .blank: return true
        default: return false
        }
    }
}
