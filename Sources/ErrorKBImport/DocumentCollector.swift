import ErrorKBModel

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
