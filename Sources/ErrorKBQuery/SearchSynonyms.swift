import Foundation
import ErrorKBStore
import ErrorKBSupport

/// What a search looked for besides the words typed: the pages' words for a phrase of the query
/// (a synonym, from lexicon/search-synonyms.tsv), a documented name close to a name typed that
/// no entry has (a near name: MARGIN_NOT_SUFFICIENT → MARGIN_NOT_SUFFICIEN), or an index word
/// close to a word no page has (a near word: permisson → permission).
public struct SearchExpansion: Codable, Sendable, Hashable {
    /// How the words were found.
    public enum Kind: String, Codable, Sendable { case synonym, nearName = "near_name", nearWord = "near_word" }

    /// A synonym, a near name or a near word.
    public var kind: Kind
    /// The part of the query it stands for (a synonym's phrase in lower case; the name as typed).
    public var phrase: String
    /// What was searched for instead: the pages' words, or the documented name.
    public var words: String
    /// For a synonym, where the pages use its words (a page of seed/ and the code); nil otherwise.
    public var source: String?
}

/// A line of lexicon/search-synonyms.tsv that is not three non-empty tab-separated fields.
public struct SynonymFileError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var reason: String
    public var description: String { "\(file):\(line): \(reason)" }
}

/// The search synonyms (lexicon/search-synonyms.tsv, compiled in): each line a phrase users type,
/// the words the pages use for it, and where they use them. A phrase is found in a query as whole
/// words (case ignored) or, in Chinese, as those characters; the query is then searched again with
/// the phrase replaced (`rate limit` → `too many requests`, `client order id too long` → `client
/// order id length`).
struct SearchSynonyms {
    struct Line {
        var phrase: [String]
        var expansion: SearchExpansion
    }

    var lines: [Line]

    static let fileName = "search-synonyms.tsv"

    /// The compiled-in file. SearchSynonymTests reads every line of it.
    static let builtIn: SearchSynonyms = {
        let text = EmbeddedFiles.files(in: "lexicon").first { $0.fileName == fileName }.map { String(decoding: $0.data, as: UTF8.self) } ?? ""
        return (try? SearchSynonyms(parsing: text, file: "lexicon/" + fileName)) ?? SearchSynonyms(lines: [])
    }()

    init(lines: [Line]) {
        self.lines = lines
    }

    /// Reads the file's text: `#` starts a comment line, blank lines are skipped, every other line
    /// is phrase, words, source, separated by tabs. Throws `SynonymFileError` naming the line.
    init(parsing text: String, file: String) throws {
        lines = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 3, !fields.contains(where: \.isEmpty) else {
                throw SynonymFileError(file: file, line: index + 1, reason: "expected phrase, words and source separated by tabs, got \(fields.count) field(s)")
            }
            let phrase = RankTokens.of(fields[0])
            guard !phrase.isEmpty, !RankTokens.of(fields[1]).isEmpty else {
                throw SynonymFileError(file: file, line: index + 1, reason: "the phrase and the words must have letters or digits")
            }
            lines.append(Line(phrase: phrase, expansion: SearchExpansion(kind: .synonym, phrase: RankTokens.text(phrase), words: fields[1],
                                                                          source: fields[2])))
        }
    }

    /// `alternatives(of:)`, then those of each alternative whose phrase holds part of the first
    /// line's words (`保证金不够` → `保证金不足` → `margin is insufficient`): two steps at most, the
    /// second labelled with the part of the query typed that both steps replace and the last words.
    func chainedAlternatives(of query: String) -> [(expansion: SearchExpansion, query: String)] {
        let tokens = RankTokens.of(query)
        let first = alternatives(of: query)
        var all = first
        for (expansion, alternative) in first {
            let (phrase, words) = (RankTokens.of(expansion.phrase), RankTokens.of(expansion.words))
            guard let start = Self.firstIndex(of: phrase, in: tokens) else { continue }
            // The typed tokens an alternative's token stands for.
            func typed(_ j: Int) -> ClosedRange<Int> {
                j < start ? j...j : j < start + words.count ? start...(start + phrase.count - 1) : (j - words.count + phrase.count)...(j - words.count + phrase.count)
            }
            let replaced = RankTokens.of(alternative)
            for (next, text) in alternatives(of: alternative) where !all.contains(where: { $0.query == text }) {
                let nextPhrase = RankTokens.of(next.phrase)
                guard let at = Self.firstIndex(of: nextPhrase, in: replaced), at < start + words.count, at + nextPhrase.count > start else { continue }
                let span = typed(at).lowerBound...typed(at + nextPhrase.count - 1).upperBound
                all.append((SearchExpansion(kind: .synonym, phrase: RankTokens.text(Array(tokens[span])), words: next.words, source: next.source), text))
            }
        }
        return all
    }

    /// Where `phrase` first starts in `tokens`.
    static func firstIndex(of phrase: [String], in tokens: [String]) -> Int? {
        guard !phrase.isEmpty, phrase.count <= tokens.count else { return nil }
        return (0...(tokens.count - phrase.count)).first { Array(tokens[$0..<($0 + phrase.count)]) == phrase }
    }

    /// For each line whose phrase is in the query, the query with the phrase replaced by the
    /// line's words (its first occurrence), in file order.
    func alternatives(of query: String) -> [(expansion: SearchExpansion, query: String)] {
        let tokens = RankTokens.of(query)
        return lines.compactMap { line in
            guard let start = Self.firstIndex(of: line.phrase, in: tokens) else { return nil }
            let before = RankTokens.text(Array(tokens[..<start])), after = RankTokens.text(Array(tokens[(start + line.phrase.count)...]))
            return (line.expansion, [before, line.expansion.words, after].filter { !$0.isEmpty }.joined(separator: " "))
        }
    }

    /// The candidates found through alternatives of a query (its phrases' synonyms, its near
    /// words), leaving out the rows in `excluding` (found already), each labelled with what found
    /// it, unranked; and every expansion searched. Each alternative is searched with every word,
    /// with the rest of the query; when none finds anything, a synonym's words alone (`rate limit
    /// exceeded`: no page says `too many requests exceeded`).
    static func candidates(_ alternatives: [(expansion: SearchExpansion, query: String)], excluding: Set<Int64>, options: SearchOptions,
                           _ records: RecordReader) throws -> (candidates: [SearchCandidate], expansions: [SearchExpansion]) {
        var seen = excluding
        var candidates: [SearchCandidate] = []
        func search(_ text: String, _ expansion: SearchExpansion) throws {
            let found = try CandidateSearch(terms: SearchQuery(text).terms, query: RankTokens.of(text), options: options, excluding: seen, loose: false,
                                            records).candidates
            candidates += found.map { var candidate = $0; candidate.via = expansion; return candidate }
            seen.formUnion(found.map(\.match.rowid))
        }
        for (expansion, alternative) in alternatives { try search(alternative, expansion) }
        // A near word alone is no answer: the other words typed say what it is about. Nor is a
        // synonym's alone when the rest of the query is longer than its phrase (`不够` in
        // `API权限不够` says how, not what: 不足 alone would be every balance error).
        for (expansion, alternative) in alternatives where candidates.isEmpty && expansion.kind == .synonym && alternative != expansion.words {
            let rest = RankTokens.of(alternative).count - RankTokens.of(expansion.words).count
            if rest <= RankTokens.of(expansion.phrase).count { try search(expansion.words, expansion) }
        }
        return (candidates, alternatives.map(\.expansion))
    }
}
