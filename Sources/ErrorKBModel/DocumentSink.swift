/// Receives what a document holds as soon as it is final, in document order: the store writes it
/// straight to the database, `DocumentCollector` keeps it in memory. Indices count from 0 within
/// the document; a mention's `entry` is the index of an entry already received.
package protocol DocumentSink: AnyObject {
    func section(_ section: ParsedDocument.Section, index: Int)
    func entry(_ entry: ParsedDocument.Entry, index: Int)
    func mention(_ mention: ParsedDocument.Mention)
    func tableRow(_ row: ParsedDocument.TableRow, index: Int)
}

extension ParsedDocument {
    /// Hands a document read into memory to a sink, as if it were being read now (mentions
    /// after every entry, so each names one already received).
    package func replay(into sink: DocumentSink) {
        for (index, section) in sections.enumerated() { sink.section(section, index: index) }
        for (index, entry) in entries.enumerated() { sink.entry(entry, index: index) }
        for mention in mentions { sink.mention(mention) }
        for (index, row) in tableRows.enumerated() { sink.tableRow(row, index: index) }
    }
}
