import ErrorKBModel

/// What a document holds, item by item, with the work that needs no database already done
/// (templates, placeholder counts, search form): a file's items are prepared on the thread that
/// reads it while another thread writes them (see `PipelinedRead`).
package enum DocumentItem: Sendable {
    case section(ParsedDocument.Section, index: Int)
    case entry(PreparedEntry, index: Int)
    case mention(ParsedDocument.Mention)
    case tableRow(PreparedTableRow, index: Int)
}

package struct PreparedEntry: Sendable {
    var entry: ParsedDocument.Entry
    /// One per message.
    var templates: [MessageTemplate]
    var search: SearchIndex.Row

    package init(_ entry: ParsedDocument.Entry) {
        self.entry = entry
        templates = entry.messages.map { MessageTemplate($0.text) }
        search = SearchIndex.Row(name: entry.name, messages: entry.messages.map(\.text))
    }
}

package struct PreparedTableRow: Sendable {
    var row: ParsedDocument.TableRow
    var placeholders: Int
    var search: SearchIndex.Row

    package init(_ row: ParsedDocument.TableRow) {
        self.row = row
        placeholders = PlaceholderScanner.scan(row.message).count + PlaceholderScanner.scan(row.description).count
        search = SearchIndex.Row(message: row.message, description: row.description)
    }
}
