package matcher

import (
	"testing"

	"github.com/jobs-cli/jobs/internal/synth"
)

// BenchmarkAnalyzePosting measures the full analysis of one posting (sections, skills, years,
// degree) over a synthetic corpus of Korean and English postings. Postings per second is
// reported as postings/s; the target is 5,000 or more on one core (-cpu 1).
func BenchmarkAnalyzePosting(b *testing.B) {
	a := builtinAnalyzer(b)
	posts := synth.Postings(2000, 1)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.AnalyzePosting(posts[i%len(posts)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "postings/s")
}
