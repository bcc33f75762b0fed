import CLibXML2

/// libxml2's HTML parser, pushed a line at a time and heard through its SAX interface: what it
/// reads comes out as events, each with the source line the parser had reached (libxml2 counts
/// lines as the importer does). libxml2 is a well-kept HTML parser (error recovery, entities,
/// implied and auto-closed elements); the importer only decides what each element means.
final class HTMLEvents {
    /// What the parser read. `line` is where the parser stood after reading it: for a tag, the
    /// line of its `>`; for text, the line of its last character (see `textLines`).
    enum Event {
        case open(name: String, attributes: [String: String], line: Int)
        case close(name: String, line: Int)
        case text(String, line: Int)
        /// A comment, a doctype or a processing instruction.
        case other(line: Int)
    }

    /// The attributes kept: what says what an element is or what the page states.
    static let keptAttributes: Set<String> = ["class", "id", "role", "rel", "href", "lang", "property", "content", "name"]

    private var context: htmlParserCtxtPtr?
    private var pending: [Event] = []

    init() {
        _ = Self.setUp
        var handler = xmlSAXHandler()
        // SAX2's magic routes libxml2's errors to `serror`, which drops them: a page's invalid
        // markup is recovered from, not reported on stderr.
        handler.initialized = XML_SAX2_MAGIC
        handler.serror = { _, _ in }
        handler.startElement = { context, name, attributes in
            HTMLEvents.owner(of: context)?.opened(name, attributes, line: Int(xmlSAX2GetLineNumber(context)))
        }
        handler.endElement = { context, name in
            guard let name else { return }
            HTMLEvents.owner(of: context)?.pending.append(.close(name: String(cString: name).lowercased(), line: Int(xmlSAX2GetLineNumber(context))))
        }
        let text: charactersSAXFunc = { context, characters, length in
            guard let characters, length > 0 else { return }
            let string = String(decoding: UnsafeBufferPointer(start: characters, count: Int(length)), as: UTF8.self)
            HTMLEvents.owner(of: context)?.pending.append(.text(string, line: Int(xmlSAX2GetLineNumber(context))))
        }
        handler.characters = text
        handler.ignorableWhitespace = text
        handler.cdataBlock = text
        handler.comment = { context, _ in HTMLEvents.owner(of: context)?.pending.append(.other(line: Int(xmlSAX2GetLineNumber(context)))) }
        handler.internalSubset = { context, _, _, _ in HTMLEvents.owner(of: context)?.pending.append(.other(line: Int(xmlSAX2GetLineNumber(context)))) }
        handler.processingInstruction = { context, _, _ in HTMLEvents.owner(of: context)?.pending.append(.other(line: Int(xmlSAX2GetLineNumber(context)))) }
        context = htmlCreatePushParserCtxt(&handler, nil, nil, 0, nil, XML_CHAR_ENCODING_UTF8)
        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
        if let context {
            htmlCtxtUseOptions(context, Int32(options))
            context.pointee._private = Unmanaged.passUnretained(self).toOpaque()
        }
    }

    deinit {
        if let context { htmlFreeParserCtxt(context) }
    }

    /// libxml2's global state is set up once, before any parser (its documented rule for threads).
    private static let setUp: Void = xmlInitParser()

    /// Reads `bytes` (whole lines, each with its line feed); returns the events they completed.
    func feed(_ bytes: some Collection<UInt8>) -> [Event] {
        guard let context else { return [] }
        let array = Array(bytes)
        array.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { _ = htmlParseChunk(context, $0.baseAddress, Int32($0.count), 0) }
        }
        return takePending()
    }

    /// Ends the input; returns the last events (elements left open are closed).
    func finish() -> [Event] {
        guard let context else { return [] }
        _ = htmlParseChunk(context, nil, 0, 1)
        return takePending()
    }

    private func takePending() -> [Event] {
        defer { pending.removeAll(keepingCapacity: true) }
        return pending
    }

    private func opened(_ name: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, line: Int) {
        guard let name else { return }
        var kept: [String: String] = [:]
        var index = 0
        while let attributes, let key = attributes[index] {
            let keyString = String(cString: key).lowercased()
            if Self.keptAttributes.contains(keyString) { kept[keyString] = attributes[index + 1].map { String(cString: $0) } ?? "" }
            index += 2
        }
        pending.append(.open(name: String(cString: name).lowercased(), attributes: kept, line: line))
    }

    private static func owner(of context: UnsafeMutableRawPointer?) -> HTMLEvents? {
        guard let context, let owner = context.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return nil }
        return Unmanaged<HTMLEvents>.fromOpaque(owner).takeUnretainedValue()
    }
}
