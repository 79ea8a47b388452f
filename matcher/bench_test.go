package matcher

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jobs-cli/jobs/internal/synth"
)

// BenchmarkAnalyzePosting measures the full analysis of one posting (sections, skills, years,
// degree) over a synthetic corpus of Korean and English postings. Postings per second is
// reported as postings/s; the target is 5,000 or more on one core (-cpu 1).
func BenchmarkAnalyzePosting(b *testing.B) {
	a := builtinAnalyzer(b)
	posts := synth.Postings(2000, 1)
	// One pass first, so the timed ones measure analysis, not the heap growing to its size.
	for _, p := range posts {
		a.AnalyzePosting(p)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.AnalyzePosting(posts[i%len(posts)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "postings/s")
}

// BenchmarkAnalyzeLongLine reads one 170-680 KB line of repeated job names and bracketed
// notes: the time per byte must stay flat as the line grows (a posting page may be 5 MiB).
func BenchmarkAnalyzeLongLine(b *testing.B) {
	a := builtinAnalyzer(b)
	for _, n := range []int{8000, 32000} {
		text := "자격요건\n" + strings.Repeat("Senior Java Engineer ( version 8 or higher ) go C R ", n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for i := 0; i < b.N; i++ {
				a.Analyze(text)
			}
		})
	}
}
