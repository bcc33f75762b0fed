import ErrorKBBuild
import ErrorKBModel
import ErrorKBQuery
import ErrorKBStore

/// Keeps a database current from the site: fetches the source URL of each document, and adds
/// what changed as a new version through `KnowledgeBaseBuilder.add`, the one way documents are
/// added to a file (the `kb add` rules: the same identity replaces, history is kept).
public enum KnowledgeBaseUpdater {
    /// Pages that could not be fetched or imported; nothing was written.
    public struct Failure: Error, CustomStringConvertible {
        /// One error per page, in document order.
        public var errors: [Error]
        /// One line per page.
        public var description: String { errors.map { "\($0)" }.joined(separator: "\n") }
    }

    /// Fetches every document of the database at `path` that has an http(s) source URL, each
    /// with a conditional request when its validators are stored. Pages whose bytes changed are
    /// written as new versions in one rewrite of the file; when nothing changed (304, or the same
    /// SHA-256 and validators), the file is not touched. A page that fails throws `Failure` with
    /// every failure, and nothing is written, unless `keepGoing`: then the others are written and
    /// the failed ones come back as `failed`. Throws `KnowledgeBaseError` for the file.
    public static func update(_ path: String, fetcher: PageFetcher, keepGoing: Bool = false) throws -> [UpdateResult] {
        let kb = try KnowledgeBase.open(path: path)
        var results: [UpdateResult] = []
        var fetched: [(index: Int, document: ImportedDocument)] = []
        var errors: [Error] = []
        for stored in try kb.storedDocuments() {
            var result = UpdateResult(source: stored.sourceURL ?? stored.fileName, domain: stored.domain, locale: stored.locale,
                                      action: .noURL, version: stored.version, changes: [], error: nil)
            defer { results.append(result) }
            guard let url = stored.sourceURL, Mirror.isHTTP(url) else { continue }
            do {
                switch try fetcher.fetch(url, domain: stored.domain, locale: stored.locale, current: stored.fetch) {
                case .notModified:
                    result.action = .notModified
                case .page(let document):
                    let changes = try DocumentDiff(old: ContentSnapshot(kb, documentID: stored.id), new: ContentSnapshot([document])).changes
                    result.action = document.sha256 == stored.sha256 ? .unchanged : .replaced
                    result.changes = changes
                    let validatorsChanged = document.fetch?.etag != stored.fetch?.etag || document.fetch?.lastModified != stored.fetch?.lastModified
                    if result.action == .replaced || validatorsChanged { fetched.append((results.count, document)) }
                }
            } catch let error as FetchError where error.isClientUnavailable {
                throw error  // no page can be fetched: say so once
            } catch {
                errors.append(error)
                result.action = .failed
                result.error = "\(error)"
            }
        }
        if !errors.isEmpty && !keepGoing { throw Failure(errors: errors) }
        if !fetched.isEmpty {
            let added = try KnowledgeBaseBuilder.add(fetched.map(\.document), to: path)
            for (written, result) in zip(fetched, added) {
                results[written.index].version = result.version
                // The store decides under its lock: a page another writer brought in meanwhile is unchanged.
                if result.action == .unchanged { results[written.index].action = .unchanged }
            }
        }
        return results
    }
}
