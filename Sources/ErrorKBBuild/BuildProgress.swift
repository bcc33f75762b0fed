import ErrorKBStore

/// How far a build has got, told to a display as it goes (`kb build` on a terminal). Reports come
/// on the building thread, after each batch of rows is stored (every 512 items of a streamed
/// file) and after each document; a display throttles them itself.
public final class BuildProgress: @unchecked Sendable {
    /// One report.
    public struct Snapshot: Sendable {
        /// The document being read (its file name, as given).
        public var document: String
        /// Its place among the inputs, from 1.
        public var documentNumber: Int
        /// How many inputs the build has.
        public var documents: Int
        /// Entries stored so far, in every document.
        public var entries: Int
        /// Table rows stored so far, in every document.
        public var tableRows: Int
        /// Whether this report ends the document (a display shows it, however soon after the last).
        public var documentDone = false
    }

    private let report: (Snapshot) -> Void
    private var snapshot = Snapshot(document: "", documentNumber: 0, documents: 0, entries: 0, tableRows: 0)

    /// A progress whose reports go to `report`.
    public init(_ report: @escaping (Snapshot) -> Void) { self.report = report }

    func begin(document: String, number: Int, of count: Int) {
        snapshot.document = document
        snapshot.documentNumber = number
        snapshot.documents = count
        report(snapshot)
    }

    func stored(_ items: some Sequence<DocumentItem>) {
        for item in items {
            switch item {
            case .entry: snapshot.entries += 1
            case .tableRow: snapshot.tableRows += 1
            default: break
            }
        }
        report(snapshot)
    }

    func stored(entries: Int, tableRows: Int) {
        snapshot.entries += entries
        snapshot.tableRows += tableRows
        report(snapshot)
    }

    func finished() {
        var done = snapshot
        done.documentDone = true
        report(done)
    }
}
