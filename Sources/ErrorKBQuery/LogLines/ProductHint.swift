/// The Binance products a line's URL, path or host names: `https://eapi.binance.com/eapi/v1/order`
/// is options, `/sapi/v1/capital/…` the SAPI products. The decision uses it only to narrow an
/// answer the evidence leaves ambiguous (`MessageMatcher.decide`): it picks among the meanings the
/// code and message allow, never one they exclude.
///
/// Which API belongs to which product. The error pages show the paths of three of them:
/// - `/api/v3/…` is spot's REST API: spot-errors.en.md:397 (`/api/v3/order/cancelReplace`, -2022);
/// - `/fapi/…` is USDⓈ-M futures': usds-margined-futures-error-code.en.md:213 (`POST /fapi/v1/listenKey`);
/// - `/papi/…` is portfolio margin's: portfolio-margin-error-code.en.md:204 (`POST /papi/v1/listenKey`);
/// - `/sapi/…` serves the products whose pages have a "3xxx-5xxx SAPI-specific issues" section:
///   wallet (wallet-error-code.en+zh-CN.md:323, binance-wallet-error-code.zh-CN.txt:153), crypto
///   loans (crypto-loan-error-code.en.md:222) and portfolio margin pro (portfolio-margin-pro-error-code.en.md:233).
/// The error pages do not name the other APIs; their base endpoints are given by each product's
/// "General Info" page on developers.binance.com (not in ../shared/corpus): COIN-M futures
/// `https://dapi.binance.com` (`/dapi/…`, streams `dstream.binance.com`), options
/// `https://eapi.binance.com` (`/eapi/…`), USDⓈ-M futures `https://fapi.binance.com` (streams
/// `fstream.binance.com`, WebSocket API `ws-fapi.binance.com`), spot `https://api.binance.com`
/// (`api1`–`api4`, WebSocket API `ws-api.binance.com`, testnet `testnet.binance.vision`). The futures
/// testnet `testnet.binancefuture.com` serves both futures APIs, so there only the path tells.
/// (The COIN-M page's -1125 names `/fapi/v1/listenKey`, binance-coin-margined-futures-error-code.en.md:193:
/// a copy from the USDⓈ-M page, which is why a path names a product, not a page.)
///
/// A path names its product wherever it stands; a host counts only when no path does
/// (`api.binance.com/sapi/v1/…` is SAPI, not spot).
struct ProductHint: OptionSet, Hashable, Sendable {
    let rawValue: UInt8

    static let spot = ProductHint(rawValue: 1)
    static let usdsMargined = ProductHint(rawValue: 2)
    static let coinMargined = ProductHint(rawValue: 4)
    static let options = ProductHint(rawValue: 8)
    static let portfolioMargin = ProductHint(rawValue: 16)
    /// `/sapi/`: wallet, crypto loans, portfolio margin pro.
    static let sapi = ProductHint(rawValue: 32)

    /// The domain names (`documents.domain`) of each product, as kb derives them from the pages'
    /// URLs (`…/docs/derivatives/options-trading/error-code` → options-trading; a build may name
    /// it `options` with `--origin`).
    static let domains: [(ProductHint, [String])] = [
        (.spot, ["spot"]), (.usdsMargined, ["usds-margined-futures"]), (.coinMargined, ["coin-margined-futures"]),
        (.options, ["options-trading", "options"]), (.portfolioMargin, ["portfolio-margin"]),
        (.sapi, ["wallet", "crypto-loan", "portfolio-margin-pro"]),
    ]

    /// The products of a domain name (empty for a domain no API path names).
    static func of(domain: String) -> ProductHint {
        domains.reduce(into: []) { result, pair in if pair.1.contains(domain) { result.formUnion(pair.0) } }
    }

    private static let api = Array("api".utf8), binance = Array(".binance".utf8), stream = Array("stream.binance.com".utf8)
    private static let vision = Array("testnet.binance.vision".utf8)

    /// The products the line's paths name, else its hosts; empty when it names none. Linear in
    /// the line's length.
    static func read(_ line: ArraySlice<UInt8>) -> ProductHint {
        var paths: ProductHint = [], hosts: ProductHint = []
        var from = line.startIndex
        while let at = ByteText.find(api, in: line, from: from) {
            from = at + api.count
            let after = from < line.endIndex ? line[from] : 0
            let before = at > line.startIndex ? line[at - 1] : 0
            // `fapi`, `dapi`, `eapi`, `papi`, `sapi` as a word: `/fapi/…` or `fapi.binance.com`.
            if let product = prefixed(before), at - 1 == line.startIndex || !ByteText.isWordByte(line[at - 2]) {
                if after == UInt8(ascii: "/") { paths.formUnion(product) }
                if ByteText.has(binance, in: line, at: from) { hosts.formUnion(product) }
            } else if !ByteText.isWordByte(before) {
                // `/api/v3/…`, `api.binance.com`, `api1.binance.com`, `ws-api.binance.com`.
                if before == UInt8(ascii: "/") && after == UInt8(ascii: "/") && ByteText.has([UInt8(ascii: "v")], in: line, at: from + 1) {
                    paths.formUnion(.spot)
                }
                let host = from < line.endIndex && ByteText.isDigit(after) ? from + 1 : from
                if ByteText.has(binance, in: line, at: host) { hosts.formUnion(.spot) }
            }
        }
        if let at = ByteText.find(stream, in: line) {
            let before = at > line.startIndex ? line[at - 1] : 0
            hosts.formUnion(before == UInt8(ascii: "f") ? .usdsMargined : before == UInt8(ascii: "d") ? .coinMargined : .spot)
        }
        if ByteText.find(vision, in: line) != nil { hosts.formUnion(.spot) }
        return paths.isEmpty ? hosts : paths
    }

    /// The product of the letter before `api`.
    private static func prefixed(_ byte: UInt8) -> ProductHint? {
        switch byte {
        case UInt8(ascii: "f"): return .usdsMargined
        case UInt8(ascii: "d"): return .coinMargined
        case UInt8(ascii: "e"): return .options
        case UInt8(ascii: "p"): return .portfolioMargin
        case UInt8(ascii: "s"): return .sapi
        default: return nil
        }
    }
}
