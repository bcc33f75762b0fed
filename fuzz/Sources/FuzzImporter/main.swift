import ErrorKB
import Foundation
import FuzzerDriver

// The importer given arbitrary bytes as a document. The first byte picks the format to push the
// rest towards (low 3 bits: a prefix that makes the content markdown, scraped text, a pipe table
// or a page with front matter; or none, so the importer tells the format from the bytes alone),
// and whether the flags give the origin (bit 0x40 clear). Every document that imports is also
// stored in one in-memory database, and rolled back. Errors (not UTF-8, no origin) are expected
// answers; a crash, a hang or a sanitizer report is a bug.
let prefixes: [String] = [
    "",
    "# Error codes\n\n## 10xx - General Server or Network issues\n\n#### \\-1000 UNKNOWN\n\n-   An unknown error occurred.\n\n",
    "错误代码\n\n**来源**: https://developers.binance.com/docs/zh-CN/wallet/error-code\n\n10xx - 服务器或网络问题\n\n-1000 UNKNOWN\n处理请求时发生未知错误。\n\n",
    "# Errors\n\n| Error message | Description |\n| --- | --- |\n| \"Unknown order sent.\" | The order was not found. |\n",
    "---\ntitle: Error codes\nurl: https://developers.binance.com/docs/derivatives/coin-margined-futures/error-code\n---\n\n",
    "#### \\-1121 BAD\\_SYMBOL\n\n",
]

let scratch = try! ScratchStore()

func fuzzImporter(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data, count > 0 else { return 0 }
    let selector = Int(data[0])
    let body = Data(bytes: data + 1, count: count - 1)
    let document = Data(prefixes[(selector & 7) % prefixes.count].utf8) + body
    // Without flags the origin comes from the page (and may be missing): that path is fuzzed too.
    let flags: (domain: String?, locale: String?) = selector & 0x40 == 0 ? ("d", "en") : (nil, nil)
    guard let imported = try? DocumentImporter.importData(document, fileName: "fuzz.md", domain: flags.domain, locale: flags.locale) else {
        return 0
    }
    // What `kb build` prints: every unexplained line by number.
    _ = BuildSummary(documents: [imported])
    do {
        _ = try scratch.store([imported])
    } catch {
        fatalError("an imported document could not be stored: \(error)")
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzImporter($0, $1) })
