import Foundation

/// A result as the output formats see it: JSON's values, with object keys in the order the type
/// declares them. Made from any `Encodable` by `OutputEncoder`, so every command's result (and any
/// field a result type gains) reaches every format the same way.
indirect enum OutputValue: Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([OutputValue])
    case object([(key: String, value: OutputValue)])

    static func == (a: OutputValue, b: OutputValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.double(x), .double(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)): return x.map(\.key) == y.map(\.key) && x.map(\.value) == y.map(\.value)
        default: return false
        }
    }

    /// The fields of an object (a row); any other value is one field named `value`.
    var fields: [(key: String, value: OutputValue)] {
        if case .object(let fields) = self { return fields }
        return [("value", self)]
    }

    /// A value of a type the encoders know as a primitive; nil for any other.
    static func primitive(_ value: Any) -> OutputValue? {
        switch value {
        case let v as Bool: return .bool(v)
        case let v as String: return .string(v)
        case let v as Double: return v.isFinite ? .double(v) : .null
        case let v as Float: return v.isFinite ? .double(Double(v)) : .null
        case let v as Int: return .int(Int64(v))
        case let v as Int8: return .int(Int64(v))
        case let v as Int16: return .int(Int64(v))
        case let v as Int32: return .int(Int64(v))
        case let v as Int64: return .int(v)
        case let v as UInt: return v <= UInt(Int64.max) ? .int(Int64(v)) : .double(Double(v))
        case let v as UInt8: return .int(Int64(v))
        case let v as UInt16: return .int(Int64(v))
        case let v as UInt32: return .int(Int64(v))
        case let v as UInt64: return v <= UInt64(Int64.max) ? .int(Int64(v)) : .double(Double(v))
        case let v as URL: return .string(v.absoluteString)
        case let v as Date: return .string(ISO8601DateFormatter().string(from: v))
        default: return nil
        }
    }

    static func of(_ value: Any) throws -> OutputValue { primitive(value) ?? .null }
}
