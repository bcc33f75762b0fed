import ErrorKBSupport

/// What changed between two versions of the documentation, per domain and locale.
public struct DocumentDiff: Sendable, Equatable {
    /// One change to one code.
    public struct Change: Codable, Sendable, Equatable {
        /// What changed (raw values are what `kb diff` prints).
        public enum Kind: String, Codable, Sendable, CaseIterable {
            case codeAdded = "code_added", codeRemoved = "code_removed", nameChanged = "name_changed"
            case messageAdded = "message_added", messageRemoved = "message_removed", messageChanged = "message_changed"
        }

        /// What changed.
        public var kind: Kind
        /// The API product.
        public var domain: String
        /// The locale.
        public var locale: String
        /// The code that changed.
        public var code: Int64
        /// Its names now (" | " between several).
        public var name: String?
        /// The old name or message(s), one per line; nil when added.
        public var old: String?
        /// The new name or message(s), one per line; nil when removed.
        public var new: String?
    }

    /// The changes, by domain and locale, then code (nearest zero first).
    public var changes: [Change]

    /// Counts per kind of change.
    public var summary: [Change.Kind: Int] { changes.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 } }

    /// Changes already worked out (one page's, as `kb update` keeps them).
    public init(changes: [Change]) {
        self.changes = changes
    }

    /// Compares two snapshots: markup is already gone, so only content differs.
    public init(old: ContentSnapshot, new: ContentSnapshot) {
        var changes: [Change] = []
        for key in Set(old.documents.keys).union(new.documents.keys).sorted() {
            let before = old.documents[key] ?? [:]
            let after = new.documents[key] ?? [:]
            // Codes in document order would need positions; numeric order (nearest zero first) reads well.
            // magnitude, not abs: abs traps on Int64.min, which a damaged file can hold.
            for code in Set(before.keys).union(after.keys).sorted(by: { $0.magnitude < $1.magnitude || ($0.magnitude == $1.magnitude && $0 < $1) }) {
                func change(_ kind: Change.Kind, _ name: String?, _ old: String?, _ new: String?) {
                    changes.append(Change(kind: kind, domain: key.domain, locale: key.locale, code: code, name: name, old: old, new: new))
                }
                switch (before[code], after[code]) {
                case (nil, let added?):
                    change(.codeAdded, Self.label(added.names), nil, added.messages.joined(separator: "\n"))
                case (let removed?, nil):
                    change(.codeRemoved, Self.label(removed.names), removed.messages.joined(separator: "\n"), nil)
                case (let was?, let now?):
                    let name = Self.label(now.names)
                    if was.names != now.names { change(.nameChanged, name, Self.label(was.names), name) }
                    for (kind, old, new) in Self.align(was.messages, now.messages) { change(kind, name, old, new) }
                default:
                    break
                }
            }
        }
        self.changes = changes
    }

    private static func label(_ names: [String?]) -> String? {
        let present = names.compactMap { $0 }
        return present.isEmpty ? nil : present.joined(separator: " | ")
    }

    /// Messages that match exactly are unchanged. Of the rest, a lone old and a lone new message
    /// are a change; with more, the most alike pairs (shared words) are changes, and what is left
    /// over was added or removed.
    private static func align(_ old: [String], _ new: [String]) -> [(Change.Kind, String?, String?)] {
        var remainingNew = new
        var unmatchedOld: [String] = []
        for message in old {
            if let index = remainingNew.firstIndex(of: message) { remainingNew.remove(at: index) } else { unmatchedOld.append(message) }
        }
        if unmatchedOld.count == 1 && remainingNew.count == 1 { return [(.messageChanged, unmatchedOld[0], remainingNew[0])] }
        var pairs: [(score: Double, old: Int, new: Int)] = []
        for (i, a) in unmatchedOld.enumerated() {
            for (j, b) in remainingNew.enumerated() {
                let score = similarity(a, b)
                if score >= 0.3 { pairs.append((score, i, j)) }
            }
        }
        var usedOld: Set<Int> = [], usedNew: Set<Int> = []
        var result: [(Change.Kind, String?, String?)] = []
        for pair in pairs.sorted(by: { ($0.score, -$0.old) > ($1.score, -$1.old) }) where !usedOld.contains(pair.old) && !usedNew.contains(pair.new) {
            usedOld.insert(pair.old)
            usedNew.insert(pair.new)
            result.append((.messageChanged, unmatchedOld[pair.old], remainingNew[pair.new]))
        }
        for (i, message) in unmatchedOld.enumerated() where !usedOld.contains(i) { result.append((.messageRemoved, message, nil)) }
        for (j, message) in remainingNew.enumerated() where !usedNew.contains(j) { result.append((.messageAdded, nil, message)) }
        return result
    }

    /// Shared words over all words (Jaccard), case-insensitive; CJK text compares by characters.
    static func similarity(_ a: String, _ b: String) -> Double {
        func words(_ text: String) -> Set<String> {
            var set = Set(text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "%") }.map(String.init))
            for scalar in text.unicodeScalars where scalar.isCJK { set.insert(String(scalar)) }
            return set
        }
        let x = words(a), y = words(b)
        let union = x.union(y).count
        return union == 0 ? 1 : Double(x.intersection(y).count) / Double(union)
    }
}
