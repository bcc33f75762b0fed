/// The API's own answer, `{"code":-1121,"msg":"Invalid symbol."}`, anywhere on the line: the first
/// JSON object that has a `code`, a `msg` or a `message`.
enum JSONPayloadFormat: LogLineFormat {
    static func read(_ line: ArraySlice<UInt8>) -> LogLineReading? {
        var start = line.firstIndex(of: UInt8(ascii: "{"))
        var firstFailure: String?
        while let open = start {
            var reader = JSONReader(bytes: line, index: open, base: line.startIndex)
            switch reader.readPayload() {
            case .success(let fields?):
                return .error(code: fields.code, message: fields.message)
            case .success(nil):
                break
            case .failure(let reason):
                if firstFailure == nil, looksLikePayload(line[open...]) { firstFailure = reason }
            }
            start = line[(open + 1)...].firstIndex(of: UInt8(ascii: "{"))
        }
        return firstFailure.map { .malformed(reason: $0) }
    }

    private static func looksLikePayload(_ bytes: ArraySlice<UInt8>) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.contains("\"code\"") || text.contains("\"msg\"")
    }
}
