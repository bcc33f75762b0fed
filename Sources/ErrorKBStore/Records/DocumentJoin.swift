/// The one place rows of a document's content (entries, table rows) meet their document and
/// section, and the columns every answer shows of those: domain, locale, source (the URL, else
/// the file name), file name and section title.
enum DocumentJoin {
    /// `table` as `alias`, joined to its document (`d`) and section (`s`).
    static func from(_ table: String, as alias: String) -> String {
        "FROM \(table) \(alias) JOIN documents d ON d.id = \(alias).document_id LEFT JOIN sections s ON s.id = \(alias).section_id"
    }

    static let columns = "d.domain, d.locale, coalesce(d.source_url, d.file_name) AS source, d.file_name, s.title AS section"

    /// Those columns of a row: domain, locale, source, file name and section title.
    static func read(_ row: CheckedRow) throws -> (domain: String, locale: String, source: String, fileName: String, section: String?) {
        (try row.text("domain"), try row.text("locale"), try row.text("source"), try row.text("file_name"), try row.optionalText("section"))
    }

    /// Where those columns come from, for messages about a damaged value (see `CheckedRow`).
    static let origins = ["domain": "documents.domain", "locale": "documents.locale", "source": "documents.source_url",
                          "file_name": "documents.file_name", "section": "sections.title"]
}
