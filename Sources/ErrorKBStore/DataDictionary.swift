import ErrorKBSupport
import Foundation

/// The data dictionary: every table, view and column with a one-line description. Its one source
/// is `schema/dictionary.md` (compiled in); the `dictionary` table and Datasette's metadata are
/// both made from it, so they cannot drift apart.
public struct DataDictionary: Sendable {
    /// A table or view, and its columns.
    public struct Object: Sendable, Equatable {
        /// The table or view name.
        public var name: String
        /// `table` or `view`.
        public var kind: String
        /// What it holds.
        public var description: String
        /// Column name → description, in the order written.
        public var columns: [(name: String, description: String)]

        /// Same name, kind, description and columns.
        public static func == (a: Object, b: Object) -> Bool {
            a.name == b.name && a.kind == b.kind && a.description == b.description
                && a.columns.map(\.name) == b.columns.map(\.name) && a.columns.map(\.description) == b.columns.map(\.description)
        }
    }

    /// Every table and view, in the order dictionary.md describes them.
    public let objects: [Object]

    /// The dictionary compiled into this binary.
    public static let embedded: DataDictionary = {
        let file = Schema.document(named: "dictionary.md") ?? ""
        return DataDictionary(markdown: file)
    }()

    /// Reads `## name (kind)` headings, the paragraph under each, and its `| column | description |` table.
    public init(markdown: String) {
        var objects: [Object] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map({ $0.trimmingWhitespace() }) {
            if line.hasPrefix("## "), let open = line.lastIndex(of: "("), line.hasSuffix(")") {
                let name = line[line.index(line.startIndex, offsetBy: 3)..<open].trimmingWhitespace()
                let kind = line[line.index(after: open)..<line.index(before: line.endIndex)]
                objects.append(Object(name: String(name), kind: String(kind), description: "", columns: []))
            } else if !objects.isEmpty, line.hasPrefix("|") {
                let cells = PipeTableRow.cells(line).map { PipeTableRow.unescapingPipes($0.trimmingWhitespace()) }
                guard cells.count == 2, cells != ["column", "description"], !cells[0].allSatisfy({ $0 == "-" }) else { continue }
                objects[objects.count - 1].columns.append((cells[0], cells[1]))
            } else if !objects.isEmpty, !line.isEmpty, objects[objects.count - 1].columns.isEmpty {
                let object = objects[objects.count - 1]
                objects[objects.count - 1].description = object.description.isEmpty ? String(line) : object.description + " " + line
            }
        }
        self.objects = objects
    }

    /// Rows for the `dictionary` table: the object itself (column '') then each column.
    var rows: [(object: String, column: String, description: String)] {
        objects.flatMap { object in
            [(object.name, "", object.description)] + object.columns.map { (object.name, $0.name, $0.description) }
        }
    }

    /// Datasette metadata: title, source, license note and every column's description. `sources`
    /// are the documents' sources (a URL, else the file name): `source` names them all, each
    /// linked in the description when it is an http(s) URL and plain text when it is a file name;
    /// `source_url` is set only for a database of one page with a URL (Datasette links the whole
    /// `source` to it, and a file name there would become a link into Datasette itself).
    public func datasetteMetadata(databaseName: String, sources: [String]) throws -> Data {
        var tables: [String: Any] = [:]
        for object in objects {
            var columns: [String: String] = [:]
            for column in object.columns { columns[column.name] = column.description }
            tables[object.name] = ["description": object.description, "columns": columns]
        }
        // search_content is a view: Datasette finds its index by content="search_content", but a view
        // has no rowid, so the search must join on id.
        if var searchContent = tables["search_content"] as? [String: Any] {
            searchContent["fts_table"] = "search_index"
            searchContent["fts_pk"] = "id"
            tables["search_content"] = searchContent
        }
        let description = "Error codes, names, messages and templates imported from API documentation pages. Start with the catalog view."
        let isURL = { (source: String) in source.hasPrefix("https://") || source.hasPrefix("http://") }
        let items = sources.map { source in
            isURL(source) ? "<li><a href=\"\(Self.html(source))\">\(Self.html(source))</a></li>" : "<li>\(Self.html(source)) (a file; no URL)</li>"
        }
        var metadata: [String: Any] = [
            "title": "ErrorKB: API error codes",
            "description_html": "<p>\(Self.html(description))</p><p>Documents:</p><ul>\(items.joined())</ul>",
            "source": sources.joined(separator: ", "),
            "license": "Texts quoted from the public API documentation named in source; see each page for its terms.",
            "databases": [databaseName: ["tables": tables]],
        ]
        if sources.count == 1, let only = sources.first, isURL(only) { metadata["source_url"] = only }
        return try JSONSerialization.data(withJSONObject: metadata, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    private static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
