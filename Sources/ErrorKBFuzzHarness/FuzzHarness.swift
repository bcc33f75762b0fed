import ErrorKB
import ErrorKBBuild
import ErrorKBStore
import Foundation

/// What each fuzz target does with one input, shared by the libFuzzer executables in fuzz/ and
/// the regression tests that replay the inputs they found, so that the two cannot drift apart.
/// The first byte of an input picks options; the rest is the input proper. Errors that are
/// answers (not UTF-8, no origin) are expected; a crash, a hang or a `fatalError` is a bug.
public enum FuzzHarness {
    private static let domains: [String?] = [nil, "wallet", "coin-margined-futures", "nope"]

    /// The seed corpus in memory, as the search and matcher targets read it.
    private static let seed: KnowledgeBase = try! KnowledgeBase.inMemory(EmbeddedCorpus.importSeed())

    // MARK: Importer

    /// Prefixes that push the rest of the bytes towards a format: none (the importer tells the
    /// format from the bytes alone), markdown, scraped text, a pipe table, front matter, a heading,
    /// an HTML page inside a list item, and a page after which another begins.
    private static let prefixes: [String] = [
        "",
        "# Error codes\n\n## 10xx - General Server or Network issues\n\n#### \\-1000 UNKNOWN\n\n-   An unknown error occurred.\n\n",
        "错误代码\n\n**来源**: https://developers.binance.com/docs/zh-CN/wallet/error-code\n\n10xx - 服务器或网络问题\n\n-1000 UNKNOWN\n处理请求时发生未知错误。\n\n",
        "# Errors\n\n| Error message | Description |\n| --- | --- |\n| \"Unknown order sent.\" | The order was not found. |\n",
        "---\ntitle: Error codes\nurl: https://developers.binance.com/docs/derivatives/coin-margined-futures/error-code\n---\n\n",
        "#### \\-1121 BAD\\_SYMBOL\n\n",
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><link rel=\"canonical\" href=\"https://developers.binance.com/docs/zh-CN/wallet/error-code\"></head>\n<body><article><div class=\"markdown\">\n<h1>错误代码</h1>\n<h3>-1000 UNKNOWN</h3>\n<ul><li>",
        "---\nsource_url: https://developers.binance.com/docs/wallet/error-code\n---\n# Error Codes\n### -1000 UNKNOWN\n  * An unknown error.\n\n---\n\n# 错误代码\n",
    ]

    /// One database for every input of the importer target, each stored and rolled back.
    private static let scratch: ScratchStore = try! ScratchStore()

    /// The importer given arbitrary bytes as a document. The selector's low 3 bits pick a prefix;
    /// bit 0x40 clear gives the origin as flags (set: the origin comes from the page, and may be
    /// missing). Every document that imports is summarized as `kb build` would, and stored.
    public static func importer(_ input: [UInt8]) {
        guard let selector = input.first.map(Int.init) else { return }
        let document = Data(prefixes[(selector & 7) % prefixes.count].utf8) + Data(input.dropFirst())
        let flags: (domain: String?, locale: String?) = selector & 0x40 == 0 ? ("d", "en") : (nil, nil)
        guard let pages = try? DocumentImporter.importPages(document, fileName: "fuzz.md", domain: flags.domain, locale: flags.locale) else {
            return
        }
        _ = BuildSummary(documents: pages)
        do {
            _ = try scratch.store(pages)
        } catch {
            fatalError("an imported document could not be stored: \(error)")
        }
    }

    // MARK: Search

    /// A search of the seed corpus with the rest as the query. The selector picks the domain (bits
    /// 0-1), the language (2-3), the limit (4-5) and any-term matching (0x40). Limits stay small:
    /// every hit is rendered (details, snippet). Search must never throw.
    public static func search(_ input: [UInt8]) {
        guard let selector = input.first.map(Int.init) else { return }
        let languages: [MessageLanguage?] = [nil, .en, .zh, nil]
        let query = String(decoding: input.dropFirst(), as: UTF8.self)
        let options = SearchOptions(domain: domains[selector & 3], lang: languages[(selector >> 2) & 3],
                                    limit: [1, 2, 3, 10][(selector >> 4) & 3], matchAny: selector & 0x40 != 0)
        do {
            _ = try seed.search(query, options: options)
        } catch {
            fatalError("search threw for \(Array(query.utf8).prefix(200)) with \(options): \(error)")
        }
    }

    // MARK: Matcher

    /// A matcher per domain the selector can pick (a matcher is loaded for one domain or all).
    private static let matchers: [MessageMatcher] = domains.map { try! MessageMatcher(seed, domain: $0) }
    private static let codes: [Int64?] = [nil, -1121, -4001, -2010, -1015, -1000, 0, Int64.min, Int64.max, -1]

    /// The matcher given the rest as a message with a code, as a log line, as log lines (each read
    /// as `kb classify` reads it, and matched), and as a log to classify line by line. The selector
    /// picks the domain (bits 0-1) and the code (the rest).
    public static func matcher(_ input: [UInt8]) {
        guard let selector = input.first.map(Int.init) else { return }
        let bytes = Array(input.dropFirst())
        let text = String(decoding: bytes, as: UTF8.self)
        let matcher = matchers[selector & 3]
        let code = codes[(selector >> 2) % codes.count]
        _ = matcher.match(message: text, code: code)
        _ = matcher.match(message: nil, code: code)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(64) {
            _ = LogLine.read(line)
            _ = matcher.match(line: String(line))
        }
        var classifier = Classifier(matcher: matcher)
        for (index, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            classifier.add(bytes: line, number: index + 1)
        }
        _ = classifier.report()
    }

    // MARK: Log lines

    /// One log line, read in every format and decided (`kb classify`'s path for one line), with
    /// no limit on its length: the scanner must stay linear in it (libFuzzer's -timeout catches a
    /// quadratic case on long inputs).
    public static func logLine(_ input: [UInt8]) {
        var classifier = Classifier(matcher: matchers[0])
        classifier.add(bytes: input[...], number: 1)
        _ = classifier.report()
    }
}
