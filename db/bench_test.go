package db

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobs-cli/jobs"
)

// benchSkills is a pool of skill names for synthetic postings.
var benchSkills = strings.Fields("Python SQL PyTorch TensorFlow Docker Kubernetes AWS GCP Spark Kafka " +
	"Go Java Kotlin Spring Django FastAPI Redis PostgreSQL MySQL MongoDB Airflow Git Linux React " +
	"TypeScript Pandas NumPy scikit-learn MLflow Terraform")

// synthetic is posting i of a benchmark: about a kilobyte of text and twelve skills.
func synthetic(i int) *jobs.Posting {
	p := posting("wanted", fmt.Sprint(i))
	p.Company = fmt.Sprintf("Company %d", i%700)
	p.Sections.Requirements = strings.Repeat(fmt.Sprintf("• 요구사항 %d: Python, SQL, Docker 경험\n", i), 8)
	p.Sections.Preferred = strings.Repeat("• Kubernetes 운영 경험자 우대\n", 5)
	p.Raw = []byte(strings.Repeat(`{"k":"v"},`, 200))
	a := &jobs.Analysis{MinYears: intp(i % 6), Newcomer: i%3 == 0}
	for k := range 12 {
		sec := jobs.SectionRequired
		if k >= 7 {
			sec = jobs.SectionPreferred
		}
		a.Skills = append(a.Skills, jobs.Requirement{
			Skill:    benchSkills[(i+k*7)%len(benchSkills)],
			Section:  sec,
			Evidence: []jobs.Span{{Start: k * 10, End: k*10 + 6}},
		})
	}
	p.Analysis = a
	return p
}

// syntheticPostings is postings 0..n-1 of a benchmark.
func syntheticPostings(n int) []*jobs.Posting {
	ps := make([]*jobs.Posting, n)
	for i := range ps {
		ps[i] = synthetic(i)
	}
	return ps
}

// BenchmarkUpsert10k stores 10,000 postings of twelve skills each, one transaction each, as
// a first scrape does.
func BenchmarkUpsert10k(b *testing.B) {
	ctx := context.Background()
	ps := syntheticPostings(10_000)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		d := openTest(b)
		b.StartTimer()
		for _, p := range ps {
			if _, _, err := d.UpsertPosting(ctx, p); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(ps)), "µs/posting")
}

// BenchmarkListPostings10k lists 10,000 stored open postings with their skills.
func BenchmarkListPostings10k(b *testing.B) {
	ctx := context.Background()
	d := openTest(b)
	for i := range 10_000 {
		if _, _, err := d.UpsertPosting(ctx, synthetic(i)); err != nil {
			b.Fatal(err)
		}
	}
	open := jobs.StatusOpen
	b.ResetTimer()
	for range b.N {
		ps, err := d.ListPostings(ctx, jobs.Filter{Status: &open})
		if err != nil {
			b.Fatal(err)
		}
		if len(ps) != 10_000 || len(ps[0].Analysis.Skills) != 12 {
			b.Fatalf("listed %d postings", len(ps))
		}
	}
}

// BenchmarkImport10k imports 10,000 new postings in batches of 1,000, as `jobs import` does
// (analysis aside).
func BenchmarkImport10k(b *testing.B) {
	ctx := context.Background()
	ps := syntheticPostings(10_000)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		d := openTest(b)
		b.StartTimer()
		for from := 0; from < len(ps); from += 1000 {
			st, err := d.Import(ctx, ps[from:from+1000])
			if err != nil || st.Created != 1000 {
				b.Fatalf("%+v, %v", st, err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(ps)), "µs/posting")
}

// BenchmarkUpdateAnalyses10k rewrites the analyses of 10,000 stored postings, as a rematch
// after a dictionary change does.
func BenchmarkUpdateAnalyses10k(b *testing.B) {
	ctx := context.Background()
	d := openTest(b)
	ps := syntheticPostings(10_000)
	importAll(b, d, ps, 1000)
	updates := make([]AnalysisUpdate, len(ps))
	for i, p := range ps {
		a := *synthetic(i + 1).Analysis // other skills
		updates[i] = AnalysisUpdate{ID: p.ID, Analysis: &a}
	}
	b.ResetTimer()
	for range b.N {
		for from := 0; from < len(updates); from += 1000 {
			if err := d.UpdateAnalyses(ctx, updates[from:from+1000]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(updates)), "µs/posting")
}

// BenchmarkStoreFloor10k is what SQLite alone spends storing what BenchmarkImport10k stores:
// the same rows, already made, copied table by table from another file (INSERT ... SELECT,
// the list-row triggers firing) in the import's transactions of 1,000 postings, with
// BenchmarkImport10k's pragmas. Import's own cost is what it spends above this. Neither counts
// the checkpoint that closing the file does.
func BenchmarkStoreFloor10k(b *testing.B) {
	ctx := context.Background()
	src := openTest(b)
	ps := syntheticPostings(10_000)
	importAll(b, src, ps, 1000)
	dir := b.TempDir()
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		d, err := Open(ctx, filepath.Join(dir, fmt.Sprintf("floor%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := d.write.ExecContext(ctx, `ATTACH DATABASE ? AS src`, src.Path()); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for from := 0; from <= len(ps); from += 1000 {
			t, end, err := d.beginBulkWrite(ctx)
			if err != nil {
				b.Fatal(err)
			}
			for _, q := range []string{
				`INSERT INTO postings SELECT * FROM src.postings WHERE id > ? AND id <= ?`,
				`INSERT INTO posting_texts SELECT * FROM src.posting_texts WHERE posting_id > ? AND posting_id <= ?`,
				`INSERT INTO requirements SELECT * FROM src.requirements WHERE posting_id > ? AND posting_id <= ?`,
			} {
				if _, err := t.ExecContext(ctx, q, from, from+1000); err != nil {
					b.Fatal(err)
				}
			}
			if err := t.commit(); err != nil {
				b.Fatal(err)
			}
			end()
		}
		b.StopTimer()
		if _, err := d.write.ExecContext(ctx, `DETACH DATABASE src`); err != nil {
			b.Fatal(err)
		}
		if err := d.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(ps)), "µs/posting")
}

// importAll stores ps in d, batch postings an import.
func importAll(t testing.TB, d *DB, ps []*jobs.Posting, batch int) {
	t.Helper()
	for from := 0; from < len(ps); from += batch {
		if _, err := d.Import(context.Background(), ps[from:min(from+batch, len(ps))]); err != nil {
			t.Fatal(err)
		}
	}
}
