import ErrorKBModel
import ErrorKBSupport
import GRDB

/// Groups the entries of each code into meanings (`entries.meaning`), after documents are
/// written or replaced. Two entries of one code share a meaning when:
///
/// - one translates the other: same domain, another locale, and the two locales document the
///   code equally often (paired in document order: the wallet page's two -5012 entries pair
///   with their translations one by one);
/// - their names are the same ignoring case, `_`, `-` and spaces (`TOO_MANY_REQUESTS`,
///   `TOO MANY REQUESTS`);
/// - they document the same message (`MessageTemplate.comparisonKey`).
///
/// The relation is closed transitively; a meaning is the id of its first entry. Only codes with
/// more than one entry are read, so a large corpus of distinct codes costs one index scan.
enum Meanings {
    private struct Member {
        var id: Int64
        var meaning: Int64
        var domain: String
        var locale: String
        var name: String?
        var messages: [String] = []
    }

    static func refresh(_ db: Database) throws {
        // An entry whose code no other entry has is its own meaning (it may have shared one with
        // an entry since replaced).
        try db.execute(sql: """
            UPDATE entries SET meaning = id
            WHERE meaning <> id AND code IN (SELECT code FROM entries GROUP BY code HAVING count(*) = 1)
            """)
        var byCode: [Int64: [Member]] = [:]
        var index: [Int64: (code: Int64, position: Int)] = [:]
        let shared = "SELECT code FROM entries GROUP BY code HAVING count(*) > 1"
        // Read with each value's type checked (issue 16): a damaged value is named, never misread.
        let origins = CheckedRow.Origins(DocumentJoin.origins.merging([
            "id": "entries.id", "code": "entries.code", "name": "entries.name", "meaning": "entries.meaning",
            "entry_id": "messages.entry_id", "text": "messages.text",
        ]) { $1 }, label: ("code", ""))
        try CheckedRow.forEach(db.makeStatement(sql: """
            SELECT e.id, e.code, e.name, e.meaning, d.domain, d.locale
            FROM entries e JOIN documents d ON d.id = e.document_id
            WHERE e.code IN (\(shared)) ORDER BY e.code, e.id
            """), [], origins) { row in
            let code = try row.int64("code")
            let member = Member(id: try row.int64("id"), meaning: try row.int64("meaning"), domain: try row.text("domain"),
                                locale: try row.text("locale"), name: try row.optionalText("name"))
            index[member.id] = (code, byCode[code]?.count ?? 0)
            byCode[code, default: []].append(member)
        }
        guard !byCode.isEmpty else { return }
        try CheckedRow.forEach(db.makeStatement(sql: """
            SELECT m.entry_id, m.text FROM messages m JOIN entries e ON e.id = m.entry_id
            WHERE e.code IN (\(shared)) ORDER BY m.entry_id, m.ordinal
            """), [], CheckedRow.Origins(origins.columns, label: ("entry_id", "entry "))) { row in
            guard let at = index[try row.int64("entry_id")] else { return }
            byCode[at.code]![at.position].messages.append(try row.text("text"))
        }
        let update = try db.cachedStatement(sql: "UPDATE entries SET meaning = ? WHERE id = ?")
        // In code order: the same build must write the same bytes (a dictionary's order changes
        // from one process to the next).
        for (_, members) in byCode.sorted(by: { $0.key < $1.key }) {
            for (position, meaning) in group(members).enumerated() where members[position].meaning != meaning {
                try update.execute(arguments: [meaning, members[position].id])
            }
        }
    }

    /// The meaning of each member (the smallest id of its group), in the members' order.
    private static func group(_ members: [Member]) -> [Int64] {
        var parent = Array(members.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        func join(_ a: Int, _ b: Int) { parent[root(a)] = root(b) }
        var first: [String: Int] = [:]
        for (i, member) in members.enumerated() {
            var keys = member.messages.map { "m:" + MessageTemplate.comparisonKey($0) }
            if let name = member.name.map(nameKey), !name.isEmpty { keys.append("n:" + name) }
            for key in keys where key.count > 2 {
                if let earlier = first[key] { join(i, earlier) } else { first[key] = i }
            }
        }
        // Translations: the locales of one domain that document the code equally often pair up.
        var byDomain: [String: [String: [Int]]] = [:]
        for (i, member) in members.enumerated() { byDomain[member.domain, default: [:]][member.locale, default: []].append(i) }
        for locales in byDomain.values where locales.count > 1 {
            let sorted = locales.sorted { $0.key < $1.key }.map(\.value)
            for other in sorted.dropFirst() where other.count == sorted[0].count {
                for (a, b) in zip(sorted[0], other) { join(a, b) }
            }
        }
        var smallest: [Int: Int64] = [:]
        for i in members.indices { smallest[root(i)] = min(smallest[root(i)] ?? .max, members[i].id) }
        return members.indices.map { smallest[root($0)]! }
    }

    /// A name as names are compared: upper case, without `_`, `-` and spaces.
    static func nameKey(_ name: String) -> String {
        String(name.uppercased().unicodeScalars.filter { $0 != "_" && $0 != "-" && $0 != " " })
    }
}
