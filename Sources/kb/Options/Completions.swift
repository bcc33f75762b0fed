import ArgumentParser
import ErrorKB
import ErrorKBSupport

/// What the shell completion scripts (`kb --generate-completion-script bash|zsh|fish`) offer for
/// an option's value when it is not a file name.
enum Completions {
    /// `--domain`: the domains of the database the command line names (`--db PATH` or
    /// `--db=PATH`, else $KB_DB, else the built-in corpus), those starting with what is typed.
    static let domains = CompletionKind.custom { words, _, prefix in
        var path = SystemPath.environment("KB_DB")
        for (index, word) in words.enumerated() {
            if word == "--db", index + 1 < words.count { path = words[index + 1] }
            if word.hasPrefix("--db=") { path = String(word.dropFirst(5)) }
        }
        let kb = try? path.flatMap { $0.isEmpty ? nil : try KnowledgeBase.open(path: Paths.expand($0)) } ?? KnowledgeBase.seed()
        return ((try? kb?.domains()) ?? []).filter { $0.hasPrefix(prefix) }
    }
}
