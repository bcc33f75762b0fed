/// Why a document could not be imported. Every message names the file, and the line where there is one.
public enum ImportError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case notUTF8(file: String, line: Int)
    case unknownOrigin(file: String, missing: [String])
    case invalidOverride(file: String, flag: String, value: String)
    /// The file holds several pages (their first lines), and only one was asked for.
    case severalPages(file: String, firstLines: [Int])

    /// The message `kb` prints: the file, the line where there is one, and what is wrong.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read: \(reason)"
        case .notUTF8(let file, let line):
            return "\(file):\(line): not valid UTF-8 text"
        case .unknownOrigin(let file, let missing):
            let flags = missing.map { "--\($0)" }.joined(separator: " and ")
            return "\(file): the document has no source URL to tell its \(missing.joined(separator: " and ")); pass \(flags)"
        case .invalidOverride(let file, let flag, let value):
            return "\(file): --\(flag) '\(value)' is not valid (use letters, digits, '-' and '_')"
        case .severalPages(let file, let firstLines):
            return "\(file): holds \(firstLines.count) pages (from lines \(firstLines.map(String.init).joined(separator: ", "))); read it with importPages"
        }
    }
}
