import GRDB

/// A member of a duplicate group: a row of the `duplicates` view.
public struct DuplicateRow: Codable, Sendable, Equatable {
    /// What the group has in common.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// The same code defined more than once in one document.
        case codeRepeated = "code_repeated"
        /// One name used by several codes in one domain.
        case nameShared = "name_shared"
        /// A code that two domains name differently (no name in common).
        case codeConflict = "code_conflict"
        /// A code with the same name in several domains.
        case codeShared = "code_shared"
    }

    /// The group's kind, as `Kind`'s raw value.
    public var kind: String
    /// The member's API product.
    public var domain: String
    /// The member's code.
    public var code: Int64
    /// The member's name.
    public var name: String?

    init(_ row: CheckedRow) throws {
        kind = try row.text("kind")
        domain = try row.text("domain")
        code = try row.int64("code")
        name = try row.optionalText("name")
    }

    /// The `duplicates` view's columns come from `entries` and `documents`.
    static let origins = CheckedRow.Origins(["kind": "duplicates.kind", "domain": "documents.domain", "code": "entries.code", "name": "entries.name"],
                                            label: ("code", ""))
}
