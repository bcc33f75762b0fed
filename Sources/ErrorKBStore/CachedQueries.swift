import GRDB

// Queries run per lookup or search go through statements GRDB compiles once per connection and
// caches by SQL text. Compiling anew each time cost more than running: SQLite's parser plus
// GRDB's region tracking (its authorizer sees every column read) were a third of a search.
extension Database {
    func cachedValues<Value: DatabaseValueConvertible>(_ type: Value.Type, _ sql: String, _ arguments: StatementArguments = []) throws -> [Value] {
        try Value.fetchAll(cachedStatement(sql: sql), arguments: arguments)
    }

    func cachedValue<Value: DatabaseValueConvertible>(_ type: Value.Type, _ sql: String, _ arguments: StatementArguments = []) throws -> Value? {
        try Value.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }
}
