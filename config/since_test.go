package config

import (
	"strings"
	"testing"
	"time"
)

func TestParseSince(t *testing.T) {
	kst := time.FixedZone("KST", 9*3600)
	now := time.Date(2026, 11, 20, 15, 30, 0, 0, kst)
	for in, want := range map[string]time.Time{
		"yesterday":        time.Date(2026, 11, 19, 0, 0, 0, 0, kst),
		" Today ":          time.Date(2026, 11, 20, 0, 0, 0, 0, kst),
		"7d":               now.Add(-7 * 24 * time.Hour),
		"48h":              now.Add(-48 * time.Hour),
		"2026-11-01":       time.Date(2026, 11, 1, 0, 0, 0, 0, kst),
		"2026-11-01T09:15": time.Date(2026, 11, 1, 9, 15, 0, 0, kst),
	} {
		got, err := ParseSince(in, now)
		if err != nil || got == nil || !got.Equal(want) {
			t.Errorf("ParseSince(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if got, err := ParseSince("", now); got != nil || err != nil {
		t.Errorf(`ParseSince("") = %v, %v; want no bound`, got, err)
	}
	if _, err := ParseSince("last tuesday", now); err == nil || !strings.Contains(err.Error(), "yesterday") {
		t.Errorf("a bad --since: %v", err)
	}
}
