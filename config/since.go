package config

import (
	"strings"
	"time"

	"github.com/jobs-cli/jobs"
)

// ParseSince reads a --since value: a time ago ("7d", "48h") back from now, today or
// yesterday (from their midnight), or a date or time in now's zone. "" is no bound (nil).
func ParseSince(s string, now time.Time) (*time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	// What track --date takes: today and yesterday (from their midnight), a time ago, a date.
	midnight := func(t time.Time) *time.Time {
		m := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
		return &m
	}
	switch strings.ToLower(s) {
	case "today":
		return midnight(now), nil
	case "yesterday":
		return midnight(now.AddDate(0, 0, -1)), nil
	}
	if d, err := ParseDuration(s); err == nil && d > 0 {
		t := now.Add(-d)
		return &t, nil
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, now.Location()); err == nil {
			return &t, nil
		}
	}
	return nil, jobs.Errorf(jobs.KindInvalid, "--since %q is not a date (2026-11-01), today, yesterday or a time ago (7d, 48h)", s)
}
