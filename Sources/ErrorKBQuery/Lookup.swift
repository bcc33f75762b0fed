import ErrorKBModel
import ErrorKBStore

extension KnowledgeBase {
    /// Every definition of a code or name, in every domain (or one). A code given without a
    /// minus also finds the negative code, since Binance's codes are negative.
    public func lookup(_ key: LookupKey, domain: String? = nil) throws -> [EntryDetail] {
        try records { records in try EntryDetail.load(records.entries(matching: key, domain: domain), records) }
    }
}
