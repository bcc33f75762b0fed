/// What a document holds, item by item, with the work that needs no database already done
/// (templates, placeholder counts, search form): a file's items are prepared on the thread that
/// reads it while another thread writes them (see `PipelinedRead`).
enum DocumentItem: Sendable {
    case section(ParsedDocument.Section, index: Int)
    case entry(PreparedEntry, index: Int)
    case mention(ParsedDocument.Mention)
    case reason(PreparedReason, index: Int)
}

struct PreparedEntry: Sendable {
    var entry: ParsedDocument.Entry
    /// One per message.
    var templates: [MessageTemplate]
    var search: SearchRow

    init(_ entry: ParsedDocument.Entry) {
        self.entry = entry
        templates = entry.messages.map { MessageTemplate($0.text) }
        search = SearchRow(name: entry.name, messages: entry.messages.map(\.text))
    }
}

struct PreparedReason: Sendable {
    var reason: ParsedDocument.Reason
    var placeholders: Int
    var search: SearchRow

    init(_ reason: ParsedDocument.Reason) {
        self.reason = reason
        placeholders = PlaceholderScanner.scan(reason.message).count + PlaceholderScanner.scan(reason.description).count
        search = SearchRow(message: reason.message, description: reason.description)
    }
}
