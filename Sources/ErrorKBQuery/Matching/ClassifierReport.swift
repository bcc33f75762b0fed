extension Classifier {
    /// What a log holds: counts per documented error, and the lines not counted (unmatched
    /// errors, lines that are not errors, malformed payloads, lines too long to read).
    public struct Report: Codable, Sendable, Equatable {
        /// Lines read, blank lines excluded: `errorLines` + `unmatched` + `notErrors` +
        /// `malformed` + `tooLong`.
        public var lines: Int
        /// Lines counted in `rows`, each once.
        public var errorLines: Int
        /// Errors counted in `rows` (the sum of their counts): one per line, and one more for
        /// each further error a line holds (a batch answer's, a second payload's), so `errors`
        /// − `errorLines` is the number of those further errors.
        public var errors: Int
        /// Counts, most frequent first.
        public var rows: [Row]
        /// Lines that look like errors (a code, a library's error shape, an exception, an error
        /// level) but match nothing documented.
        public var unmatched: Int
        /// The unmatched lines grouped by text (numbers as `#`), most first.
        public var unmatchedGroups: [Group]
        /// Lines that are not errors: success answers, and lines that neither carry an error nor
        /// look like one.
        public var notErrors: Int
        /// Those lines grouped by text, most first.
        public var notErrorGroups: [Group]
        /// Lines whose payload cannot be read.
        public var malformed: Int
        /// The first malformed lines, with why (at most `Classifier.malformedReportLimit`).
        public var malformedLines: [MalformedLine]
        /// Lines longer than `Classifier.maxLineLength` bytes, which are not read.
        public var tooLong: Int
        /// Their numbers (at most `Classifier.malformedReportLimit`).
        public var tooLongLines: [Int]

        enum CodingKeys: String, CodingKey {
            case lines, errorLines = "error_lines", errors, rows, unmatched, unmatchedGroups = "unmatched_groups", notErrors = "not_errors",
                 notErrorGroups = "not_error_groups", malformed, malformedLines = "malformed_lines", tooLong = "too_long",
                 tooLongLines = "too_long_lines"
        }
    }

    /// The lines counted under one answer.
    public struct Row: Codable, Sendable, Equatable {
        /// Lines counted.
        public var count: Int
        /// The code; nil when the answer names several (`codes`).
        public var code: Int64?
        /// The codes the answer names: the code, or the several a text is documented under.
        public var codes: [Int64]
        /// The meaning's name, when the answer has one meaning.
        public var name: String?
        /// The domains the evidence allows, sorted (empty for an undocumented code).
        public var domains: [String]
        /// How the lines matched: exact, table_row, template, near, code; nil for an undocumented code.
        public var match: MatchCandidate.How?
        /// The documented template (placeholders numbered) or message matched; nil for a code alone.
        public var template: String?
        /// True when the answer allows several meanings and the lines do not pick one.
        public var ambiguous: Bool
        /// True when the code is documented nowhere in the database.
        public var undocumented: Bool
    }

    /// Lines not counted that share a text (numbers masked as `#`).
    public struct Group: Codable, Sendable, Equatable {
        /// The text, numbers as `#`, at most 200 bytes.
        public var text: String
        /// How many lines.
        public var count: Int
        /// The first line numbers (at most `Classifier.lineListLimit`).
        public var lines: [Int]
    }

    /// A malformed line: its number and why.
    public struct MalformedLine: Codable, Sendable, Equatable {
        /// 1-based line number in the log.
        public var line: Int
        /// Why the payload cannot be read.
        public var reason: String
    }
}
