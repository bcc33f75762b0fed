import Foundation

/// Encodes a value as an `OutputValue`: keys in snake_case (`tableRows` → `table_rows`, as the
/// SQL views name columns), in declaration order; an absent optional is `null` (a field is always
/// there, so JSON, CSV and the documentation list the same fields); a dictionary's keys are
/// data, kept as they are and sorted.
struct OutputEncoder {
    static func encode(_ value: some Encodable) throws -> OutputValue {
        let node = Node()
        try node.store(value, codingPath: [])
        return node.resolved
    }

    /// `camelCase` and `sourceURL` as `camel_case` and `source_url`; snake_case stays.
    static func snakeCase(_ key: String) -> String {
        var result = ""
        let characters = Array(key)
        for (i, c) in characters.enumerated() {
            if c.isUppercase {
                let previous = i > 0 ? characters[i - 1] : nil
                let next = i + 1 < characters.count ? characters[i + 1] : nil
                if let previous, previous != "_", previous.isLowercase || previous.isNumber || (previous.isUppercase && next?.isLowercase == true) {
                    result.append("_")
                }
                result += c.lowercased()
            } else {
                result.append(c)
            }
        }
        return result
    }
}

/// Marks the dictionaries whose keys are data (sorted, not renamed).
private protocol DataKeyedDictionary {
    func sortedEntries() -> [(String, any Encodable)]
}

extension Dictionary: DataKeyedDictionary where Key == String, Value: Encodable {
    fileprivate func sortedEntries() -> [(String, any Encodable)] {
        sorted { $0.key < $1.key }.map { ($0.key, $0.value as any Encodable) }
    }
}

private final class Node {
    enum Content {
        case none
        case value(OutputValue)
        case object([(String, Node)])
        case array([Node])
    }
    var content: Content = .none

    var resolved: OutputValue {
        switch content {
        case .none: return .null
        case .value(let value): return value
        case .object(let fields): return .object(fields.map { ($0.0, $0.1.resolved) })
        case .array(let items): return .array(items.map(\.resolved))
        }
    }

    func store(_ value: some Encodable, codingPath: [CodingKey]) throws {
        if let primitive = OutputValue.primitive(value) {
            content = .value(primitive)
        } else if let dictionary = value as? DataKeyedDictionary {
            var fields: [(String, Node)] = []
            for (key, item) in dictionary.sortedEntries() {
                let child = Node()
                try child.store(item, codingPath: codingPath)
                fields.append((key, child))
            }
            content = .object(fields)
        } else {
            try value.encode(to: NodeEncoder(node: self, codingPath: codingPath))
        }
    }

    func appendField(_ key: String) -> Node {
        let child = Node()
        if case .object(var fields) = content {
            fields.removeAll { $0.0 == key }
            fields.append((key, child))
            content = .object(fields)
        } else {
            content = .object([(key, child)])
        }
        return child
    }

    func appendItem() -> Node {
        let child = Node()
        if case .array(var items) = content {
            items.append(child)
            content = .array(items)
        } else {
            content = .array([child])
        }
        return child
    }
}

private struct NodeEncoder: Encoder {
    let node: Node
    var codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.content {} else { node.content = .object([]) }
        return KeyedEncodingContainer(KeyedNode<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return UnkeyedNode(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleNode(node: node, codingPath: codingPath) }
}

private struct KeyedNode<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    var codingPath: [CodingKey]

    private func add(_ key: Key, _ value: some Encodable) throws {
        try node.appendField(OutputEncoder.snakeCase(key.stringValue)).store(value, codingPath: codingPath + [key])
    }

    private func addOptional(_ key: Key, _ value: (some Encodable)?) throws {
        if let value { try add(key, value) } else { node.appendField(OutputEncoder.snakeCase(key.stringValue)).content = .value(.null) }
    }

    mutating func encodeNil(forKey key: Key) throws { node.appendField(OutputEncoder.snakeCase(key.stringValue)).content = .value(.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try add(key, value) }
    mutating func encode(_ value: String, forKey key: Key) throws { try add(key, value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try add(key, value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try add(key, value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try add(key, value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try add(key, value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try add(key, value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try add(key, value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try add(key, value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try add(key, value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try add(key, value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try add(key, value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try add(key, value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try add(key, value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try add(key, value) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try addOptional(key, value) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try addOptional(key, value) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try addOptional(key, value) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try addOptional(key, value) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try addOptional(key, value) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try addOptional(key, value) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try addOptional(key, value) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try addOptional(key, value) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try addOptional(key, value) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try addOptional(key, value) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try addOptional(key, value) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try addOptional(key, value) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try addOptional(key, value) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try addOptional(key, value) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try addOptional(key, value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = node.appendField(OutputEncoder.snakeCase(key.stringValue))
        child.content = .object([])
        return KeyedEncodingContainer(KeyedNode<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let child = node.appendField(OutputEncoder.snakeCase(key.stringValue))
        child.content = .array([])
        return UnkeyedNode(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> Encoder { NodeEncoder(node: node.appendField("super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> Encoder {
        NodeEncoder(node: node.appendField(OutputEncoder.snakeCase(key.stringValue)), codingPath: codingPath + [key])
    }
}

private struct UnkeyedNode: UnkeyedEncodingContainer {
    let node: Node
    var codingPath: [CodingKey]
    var count: Int {
        if case .array(let items) = node.content { return items.count }
        return 0
    }

    private func append(_ value: some Encodable) throws { try node.appendItem().store(value, codingPath: codingPath) }

    mutating func encodeNil() throws { node.appendItem().content = .value(.null) }
    mutating func encode(_ value: Bool) throws { try append(value) }
    mutating func encode(_ value: String) throws { try append(value) }
    mutating func encode(_ value: Double) throws { try append(value) }
    mutating func encode(_ value: Float) throws { try append(value) }
    mutating func encode(_ value: Int) throws { try append(value) }
    mutating func encode(_ value: Int8) throws { try append(value) }
    mutating func encode(_ value: Int16) throws { try append(value) }
    mutating func encode(_ value: Int32) throws { try append(value) }
    mutating func encode(_ value: Int64) throws { try append(value) }
    mutating func encode(_ value: UInt) throws { try append(value) }
    mutating func encode(_ value: UInt8) throws { try append(value) }
    mutating func encode(_ value: UInt16) throws { try append(value) }
    mutating func encode(_ value: UInt32) throws { try append(value) }
    mutating func encode(_ value: UInt64) throws { try append(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try append(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = node.appendItem()
        child.content = .object([])
        return KeyedEncodingContainer(KeyedNode<NestedKey>(node: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let child = node.appendItem()
        child.content = .array([])
        return UnkeyedNode(node: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> Encoder { NodeEncoder(node: node.appendItem(), codingPath: codingPath) }
}

private struct SingleNode: SingleValueEncodingContainer {
    let node: Node
    var codingPath: [CodingKey]

    mutating func encodeNil() throws { node.content = .value(.null) }
    mutating func encode(_ value: Bool) throws { node.content = .value(try OutputValue.of(value)) }
    mutating func encode(_ value: String) throws { node.content = .value(try OutputValue.of(value)) }
    mutating func encode(_ value: Double) throws { node.content = .value(try OutputValue.of(value)) }
    mutating func encode(_ value: Float) throws { node.content = .value(try OutputValue.of(value)) }
    mutating func encode(_ value: Int) throws { node.content = .value(try OutputValue.of(value)) }
    mutating func encode(_ value: Int8) throws { node.content = .value(try OutputValue.of(value)) }
    mutating func encode(_ value: Int16) throws { node.content = .value(try OutputValue.of(value)) }
    mutating func encode(_ value: Int32) throws { node.content = .value(try OutputValue.of(value)) }
    mutating func encode(_ value: Int64) throws { node.content = .value(try OutputValue.of(value)) }
    mutating func encode(_ value: UInt) throws { node.content = .value(try OutputValue.of(value)) }
    mutating func encode(_ value: UInt8) throws { node.content = .value(try OutputValue.of(value)) }
    mutating func encode(_ value: UInt16) throws { node.content = .value(try OutputValue.of(value)) }
    mutating func encode(_ value: UInt32) throws { node.content = .value(try OutputValue.of(value)) }
    mutating func encode(_ value: UInt64) throws { node.content = .value(try OutputValue.of(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try node.store(value, codingPath: codingPath) }
}
