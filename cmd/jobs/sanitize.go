package main

import "github.com/jobs-cli/jobs/internal/safetext"

// Scraped text is untrusted: every string from the store is cleaned before it is printed
// (terminal escapes, control characters and bidirectional controls dropped), by the rule
// the scraper stores it with. oneLine also collapses white space, for a table cell.
var (
	clean   = safetext.Clean
	oneLine = safetext.OneLine
)
