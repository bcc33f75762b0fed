import ErrorKBSupport

/// The one rule for every path kb takes (documents, logs, --db and KB_DB, --out,
/// --datasette-metadata): a leading `~` or `~/` stands for $HOME, as a shell would expand it
/// where it does not (after `=`, in quotes, in KB_DB). `~user` is left as it is.
enum Paths {
    static func expand(_ path: String) throws -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        guard let home = SystemPath.environment("HOME"), !home.isEmpty else {
            throw UsageError("\(path): cannot expand ~: HOME is not set")
        }
        return home + path.dropFirst()
    }
}
