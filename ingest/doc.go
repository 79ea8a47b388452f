// Package ingest is everything that writes postings: the scrape run (sources, through a sink
// that analyses and counts each save, into the store, with each source's outcome and the
// run's), import (JSON Lines as 'jobs export' writes them, JobSpy's CSV, and the
// applications an export carries), and rematch. A scrape run also records the run's gaps
// snapshot, which the digest compares with. It also makes the configured sources and lists
// them with their last runs, and tallies the terms of stored postings the dictionary lacks
// (what to add before a rematch).
//
// It takes plain values (the sources, the store, the analyzer, a scoring function) and
// prints nothing: cmd/jobs parses flags, reports progress and prints the outcome.
package ingest
