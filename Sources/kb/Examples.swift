/// The EXAMPLES section of each subcommand's help (and man page), as gh shows them: a command
/// line, and what it does.
enum Examples {
    static let search = section([
        ("kb search 余额", "Chinese: any substring, even one character"),
        ("kb search withdraw --limit 5", "English: whole words, the last also as a prefix"),
        ("kb search invalid symbol --domain spot", "all words must match, in one domain"),
        ("kb search -1121", "a code lists its own entries first"),
        ("kb search 余额 --format jsonl --fields code,name,snippet", "one JSON object per line, three fields"),
        ("kb search -- --format", "a word that starts with - goes after --"),
    ])
    static let show = section([
        ("kb show -1121", "every meaning of a code, in every domain"),
        ("kb show bad_symbol", "by name, any case"),
        ("kb show 'Request Throttled'", "a name with spaces, or in Chinese: kb show 无效的交易对"),
        ("kb show －１１２１", "full-width digits and other minus signs are codes too"),
        ("kb show -4001 --format csv --fields domain,code,name", "CSV with three columns"),
    ])
    static let match = section([
        ("kb match 'Invalid symbol.'", "which documented error is this message?"),
        ("kb match --payload '{\"code\":-1121,\"msg\":\"Invalid symbol.\"}'", "the API's whole answer"),
        ("kb match 参数foo为空。", "a template, with its argument foo"),
        ("kb match --code -4001", "a code alone: every domain's meaning"),
    ])
    static let classify = section([
        ("kb classify app.log", "counts per documented error"),
        ("zcat app.log.gz | kb classify - --format csv", "from standard input, as CSV"),
    ])
    static let build = section([
        ("kb build --out kb.db", "the built-in corpus"),
        ("kb build page.md --domain spot --locale en --out spot.db", "a page without a source URL"),
        ("kb build --out all.db pages/*.md --datasette-metadata all.json", "with Datasette metadata"),
    ])
    static let add = section([
        ("kb add newer-page.md --db all.db", "replace the older version of a page"),
        ("kb add https://developers.binance.com/docs/derivatives/options-trading/error-code --db all.db", "fetch a page"),
    ])
    static let update = section([
        ("kb update --db all.db", "fetch every page again; print what changed"),
        ("kb update --db all.db --format json", "the same as JSON"),
    ])
    static let export = section([
        ("kb export --db all.db --view catalog --out catalog.csv", "one row per message"),
        ("kb export --db all.db --view codes --format jsonl", "JSON lines on standard output"),
    ])
    static let diff = section([
        ("kb diff old-page.md new-page.md", "codes added/removed, names and messages changed"),
        ("kb diff old.db new.db --format csv", "between two databases, as CSV"),
        ("kb diff a.md b.md > /dev/null && echo same", "exit status 0: the same; 1: they differ"),
    ])
    static let duplicates = section([
        ("kb duplicates --kind code_conflict", "codes that two domains name differently"),
        ("kb duplicates --domain wallet --format tsv", "one domain, as TSV"),
    ])
    static let stats = section([
        ("kb stats --db all.db", "per document, fitted to the terminal"),
        ("kb stats --db all.db --format json --fields file,entries", "two fields of each document"),
    ])

    static let check = section([
        ("kb check --db all.db", "exit 0: the search indexes are as kb wrote them; 3: each problem named"),
        ("sqlite-utils rebuild-fts all.db && kb check --db all.db || kb reindex --db all.db", "after a tool rebuilt them"),
    ])
    static let reindex = section([
        ("kb reindex --db all.db", "write the search indexes again, in place"),
    ])

    static let generateManual = section([
        ("kb generate-manual > kb.1 && man -l kb.1", "read it"),
        ("kb generate-manual > /usr/local/share/man/man1/kb.1", "install it (then: man kb)"),
    ])

    private static func section(_ examples: [(command: String, what: String)]) -> String {
        "\n\nEXAMPLES:\n" + examples.map { "  \($0.command)\n      \($0.what)" }.joined(separator: "\n")
    }
}
