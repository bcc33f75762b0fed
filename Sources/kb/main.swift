// kb: parse the command line, run the command, and report any failure as one `kb: …` line on
// stderr with its exit status (see `Diagnostics`).
Diagnostics.run(KB.self)
