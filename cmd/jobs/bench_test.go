package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/internal/synth"
	"github.com/jobs-cli/jobs/matcher"
)

// benchDB is a database of synthetic postings, analysed and stored once per test binary.
var benchDB struct {
	once sync.Once
	path string
	err  error
}

func storedSynthetic(b *testing.B, n int) string {
	benchDB.once.Do(func() {
		dir, err := filepathTemp()
		if err != nil {
			benchDB.err = err
			return
		}
		benchDB.path = filepath.Join(dir, "bench.db")
		d, err := matcher.Builtin(matcher.Extension{})
		if err != nil {
			benchDB.err = err
			return
		}
		an := matcher.New(d)
		ctx := context.Background()
		store, err := db.Open(ctx, benchDB.path)
		if err != nil {
			benchDB.err = err
			return
		}
		defer store.Close()
		for _, p := range synth.Postings(n, 1) {
			p.Analysis = an.AnalyzePosting(p)
			if _, _, err := store.UpsertPosting(ctx, p); err != nil {
				benchDB.err = err
				return
			}
		}
	})
	if benchDB.err != nil {
		b.Fatal(benchDB.err)
	}
	return benchDB.path
}

// BenchmarkListAndGaps10k measures `jobs list --json` and `jobs gaps --json` over 10,000
// stored postings, each as a whole command run (config, dictionary, query, scoring, output).
func BenchmarkListAndGaps10k(b *testing.B) {
	path := storedSynthetic(b, 10000)
	cfg := writeBenchConfig(b)
	for _, cmd := range [][]string{{"list", "--json"}, {"gaps", "--json"}, {"list"}} {
		b.Run(cmd[0]+fmt.Sprint(len(cmd)), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				var out, errb bytes.Buffer
				io := &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errb}
				if code := run(append([]string{"--config", cfg, "--db", path}, cmd...), io); code != 0 {
					b.Fatalf("%v: exit %d: %s", cmd, code, errb.String())
				}
			}
		})
	}
}

func writeBenchConfig(b *testing.B) string {
	dir := b.TempDir()
	path := filepath.Join(dir, "config.yaml")
	if err := writeFileErr(path, "profile:\n  years: 1\n  skills: [Python, SQL, PyTorch, Docker, Pandas, Git, Linux]\n"); err != nil {
		b.Fatal(err)
	}
	return path
}
