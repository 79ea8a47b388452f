// Command gen writes a synthetic corpus of job postings as JSON Lines, for benchmarks and load
// tests of jobs (see package synth):
//
//	go run ./internal/gen -n 50000 -seed 1 > corpus.jsonl
//	go run ./internal/gen -n 50000 -seed 1 -o corpus.jsonl
//
// The same -n and -seed always give the same bytes. Postings are written as they are made, so
// memory stays flat whatever -n is.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/jobs-cli/jobs/internal/synth"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run generates the corpus the arguments ask for and returns the exit status: 0 done, 1 the
// output could not be written, 2 bad usage.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of postings to generate")
	seed := fs.Int64("seed", 1, "random seed; the same seed gives the same corpus")
	out := fs.String("o", "", "write to this file instead of standard output")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gen [-n N] [-seed S] [-o FILE]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "gen: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	if *n < 0 {
		fmt.Fprintf(stderr, "gen: -n must be 0 or more, got %d\n", *n)
		return 2
	}
	w := stdout
	name := "standard output"
	var f *os.File
	if *out != "" {
		var err error
		if f, err = os.Create(*out); err != nil {
			fmt.Fprintf(stderr, "gen: cannot create %s: %v\n", *out, err)
			return 1
		}
		w, name = f, *out
	}
	err := write(w, *n, *seed)
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "gen: writing %s: %v\n", name, err)
		return 1
	}
	return 0
}

// write streams n postings generated from seed to w.
func write(w io.Writer, n int, seed int64) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := synth.NewEncoder(bw)
	r := synth.NewRand(seed)
	for i := range n {
		if err := enc.Encode(synth.Posting(r, i)); err != nil {
			return err
		}
	}
	return bw.Flush()
}
