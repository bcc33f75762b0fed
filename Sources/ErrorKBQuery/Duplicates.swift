import ErrorKBStore

extension KnowledgeBase {
    /// The members of every duplicate group (the `duplicates` view), or of one kind or domain:
    /// repeated codes, shared names, then codes across domains.
    public func duplicates(kind: DuplicateRow.Kind? = nil, domain: String? = nil) throws -> [DuplicateRow] {
        try records { try $0.duplicates(kind: kind, domain: domain) }
    }
}
