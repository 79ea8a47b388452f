package report

import (
	"testing"
	"time"

	"github.com/jobs-cli/jobs/config"
)

func TestParseStepDate(t *testing.T) {
	kst := time.FixedZone("KST", 9*3600)
	now := time.Date(2026, 11, 20, 1, 30, 0, 0, kst)
	for _, tc := range []struct {
		in   string
		want time.Time
	}{
		{"", time.Time{}},
		{"now", time.Time{}},
		{"today", now},
		{"yesterday", now.AddDate(0, 0, -1)},
		{"3d", now.Add(-72 * time.Hour)},
		{"2026-11-18", time.Date(2026, 11, 18, 0, 0, 0, 0, kst)},
		{"2026-11-18T09:15", time.Date(2026, 11, 18, 9, 15, 0, 0, kst)},
		{"2026-11-18T09:15:00Z", time.Date(2026, 11, 18, 9, 15, 0, 0, time.UTC)},
		{"2026-12-01", time.Date(2026, 12, 1, 0, 0, 0, 0, kst)}, // a planned interview
	} {
		got, err := ParseStepDate(tc.in, now)
		if err != nil || !got.Equal(tc.want) {
			t.Errorf("ParseStepDate(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	// Days are counted where the clock runs: 11-19 23:00 UTC is 11-20 in Seoul.
	if n := DaysBetween(time.Date(2026, 11, 19, 23, 0, 0, 0, time.UTC), now, kst); n != 0 {
		t.Errorf("DaysBetween across midnight UTC: %d, want 0", n)
	}
}

// `track --date` takes every way of writing a time that `--since` takes.
func TestStepDateTakesWhatSinceTakes(t *testing.T) {
	now := time.Date(2026, 11, 20, 15, 30, 0, 0, time.FixedZone("KST", 9*3600))
	for _, in := range []string{"yesterday", "today", "7d", "48h", "2026-11-01"} {
		since, err := config.ParseSince(in, now)
		if err != nil || since == nil {
			t.Fatalf("--since %q: %v", in, err)
		}
		if got, err := ParseStepDate(in, now); err != nil {
			t.Errorf("track --date does not take %q: %v", in, err)
		} else if in != "today" && in != "yesterday" && !got.Equal(*since) {
			t.Errorf("track --date %q is %v, --since %q is %v", in, got, in, *since)
		}
	}
}
