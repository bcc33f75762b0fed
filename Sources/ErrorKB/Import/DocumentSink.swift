/// Receives what a document holds as soon as it is final, in document order: the store writes it
/// straight to the database, `DocumentCollector` keeps it in memory. Indices count from 0 within
/// the document; a mention's `entry` is the index of an entry already received.
protocol DocumentSink: AnyObject {
    func section(_ section: ParsedDocument.Section, index: Int)
    func entry(_ entry: ParsedDocument.Entry, index: Int)
    func mention(_ mention: ParsedDocument.Mention)
    func tableRow(_ row: ParsedDocument.TableRow, index: Int)
}

/// Keeps a whole document in memory (a page, a test, the seed corpus).
final class DocumentCollector: DocumentSink {
    var sections: [ParsedDocument.Section] = []
    var entries: [ParsedDocument.Entry] = []
    var mentions: [ParsedDocument.Mention] = []
    var tableRows: [ParsedDocument.TableRow] = []

    func section(_ section: ParsedDocument.Section, index: Int) { sections.append(section) }
    func entry(_ entry: ParsedDocument.Entry, index: Int) { entries.append(entry) }
    func mention(_ mention: ParsedDocument.Mention) { mentions.append(mention) }
    func tableRow(_ row: ParsedDocument.TableRow, index: Int) { tableRows.append(row) }
}

extension ParsedDocument {
    /// Hands a document read into memory to a sink, as if it were being read now (mentions
    /// after every entry, so each names one already received).
    func replay(into sink: DocumentSink) {
        for (index, section) in sections.enumerated() { sink.section(section, index: index) }
        for (index, entry) in entries.enumerated() { sink.entry(entry, index: index) }
        for mention in mentions { sink.mention(mention) }
        for (index, row) in tableRows.enumerated() { sink.tableRow(row, index: index) }
    }
}
