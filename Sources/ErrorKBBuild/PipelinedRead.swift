import ErrorKBImport
import ErrorKBModel
import ErrorKBStore
import ErrorKBSupport
import Foundation

/// Reads a file on a thread of its own while the calling thread writes what it finds: parsing
/// and preparing rows (templates, search form) take about as long as SQLite takes to store
/// them, so on two cores each half runs beside the other. Batches pass through a bounded queue,
/// so memory stays flat however far the reader gets ahead.
enum PipelinedRead {
    static let batchSize = 512
    static let queuedBatches = 8

    /// Reads one page of `path` into `writer`, which must already have begun the document.
    static func read(path: String, page: PageContext, domain: String?, locale: String?, source: String?,
                     into writer: DocumentWriter, progress: BuildProgress? = nil) throws -> ImportedDocument {
        let channel = BatchChannel<DocumentItem>(capacity: queuedBatches)
        let outcome = Outcome()
        let reader = Thread {
            let sink = PreparingSink(channel: channel)
            let result = Result {
                try DocumentImporter.read(page, fileName: path, domain: domain, locale: locale, source: source, into: sink)
            }
            sink.flush()
            outcome.set(result)
            channel.close()
        }
        reader.stackSize = 16 << 20
        reader.start()
        while let batch = channel.receive() {
            for item in batch { writer.write(item) }
            progress?.stored(batch)
            // After a failed write the reader's batches are dropped (it still reads to the end);
            // `finish` reports the failure.
            if writer.hasFailed { channel.cancel() }
        }
        return try outcome.get()
    }
}

/// Prepares each item and queues it in batches.
private final class PreparingSink: DocumentSink {
    private let channel: BatchChannel<DocumentItem>
    private var batch: [DocumentItem] = []

    init(channel: BatchChannel<DocumentItem>) {
        self.channel = channel
        batch.reserveCapacity(PipelinedRead.batchSize)
    }

    func section(_ section: ParsedDocument.Section, index: Int) { add(.section(section, index: index)) }
    func entry(_ entry: ParsedDocument.Entry, index: Int) { add(.entry(PreparedEntry(entry), index: index)) }
    func mention(_ mention: ParsedDocument.Mention) { add(.mention(mention)) }
    func tableRow(_ row: ParsedDocument.TableRow, index: Int) { add(.tableRow(PreparedTableRow(row), index: index)) }

    private func add(_ item: DocumentItem) {
        batch.append(item)
        if batch.count >= PipelinedRead.batchSize { flush() }
    }

    func flush() {
        guard !batch.isEmpty else { return }
        channel.send(batch)
        batch = []
        batch.reserveCapacity(PipelinedRead.batchSize)
    }
}

/// The reader thread's result, handed to the writer.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<ImportedDocument, Error>?

    func set(_ result: Result<ImportedDocument, Error>) {
        lock.lock()
        self.result = result
        lock.unlock()
    }

    func get() throws -> ImportedDocument {
        lock.lock()
        defer { lock.unlock() }
        guard let result else { preconditionFailure("the reader thread ended without a result") }
        return try result.get()
    }
}
