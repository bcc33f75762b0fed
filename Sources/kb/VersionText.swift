import ErrorKB

/// What `kb --version` prints: kb's release, the schema version of the databases it writes, and
/// the built-in corpus (each document with its domain, locale, the date of its copy as
/// seed/MANIFEST.md states it, and its source), so that a bug report
/// says which data the answers came from.
enum VersionText {
    static func text() -> String {
        let head = ["kb \(Release.version)", "schema version \(Schema.version)"]
        guard let stats = try? KnowledgeBase.seed().stats() else {
            return (head + ["built-in corpus: \(EmbeddedCorpus.seedDocuments.count) documents (could not be read)"]).joined(separator: "\n")
        }
        let documents = stats.documents
        let fileWidth = documents.map { TextTable.displayWidth($0.file) }.max() ?? 0
        let domainWidth = documents.map { TextTable.displayWidth($0.domain) }.max() ?? 0
        let localeWidth = documents.map { TextTable.displayWidth($0.locale) }.max() ?? 0
        let pad = { (text: String, width: Int) in text + String(repeating: " ", count: width - TextTable.displayWidth(text)) }
        let lines = documents.map { document in
            "  " + pad(document.file, fileWidth) + "  " + pad(document.domain, domainWidth) + "  " + pad(document.locale, localeWidth)
                + "  " + (EmbeddedCorpus.date(of: document.file) ?? "          ")
                + "  " + (document.source == document.file ? "(no URL)" : document.source)
        }
        return (head + ["built-in corpus: \(documents.count) documents"] + lines).joined(separator: "\n")
    }
}
