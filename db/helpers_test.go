package db

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

// clock is a settable time source.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock {
	return &clock{t: time.Date(2026, 1, 5, 9, 30, 0, 123_000_000, time.UTC)}
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
	return c.t
}

// openTest opens a store on a new file in a temporary directory.
func openTest(t testing.TB, opts ...Option) *DB {
	t.Helper()
	d, err := Open(context.Background(), filepath.Join(t.TempDir(), "jobs.db"), opts...)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := d.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return d
}

func intp(v int) *int { return &v }

// posting is a Wanted-like posting with a few skills.
func posting(source, id string) *jobs.Posting {
	due := time.Date(2026, 2, 28, 15, 0, 0, 0, time.UTC)
	return &jobs.Posting{
		Source:   source,
		SourceID: id,
		URL:      "https://www.wanted.co.kr/wd/" + id,
		Company:  "Acme Robotics",
		Title:    "ML Engineer " + id,
		Sections: jobs.Sections{
			Intro:        "우리는 로봇을 만듭니다.",
			MainTasks:    "• 모델 학습 파이프라인 개발",
			Requirements: "• Python 3년 이상\n• PyTorch 경험",
			Preferred:    "• Kubernetes 운영 경험자 우대",
			Benefits:     "Slack으로 소통",
			HireRounds:   "서류 > 면접",
		},
		Categories:     []int{518, 1634},
		EmploymentType: "regular",
		Location:       "서울 강남구",
		Remote:         true,
		Due:            &due,
		Career:         &jobs.Career{Min: 3, Max: intp(7), Newbie: false},
		Raw:            []byte(`{"id":` + id + `}`),
		Analysis: &jobs.Analysis{
			Skills: []jobs.Requirement{
				{Skill: "Python", Section: jobs.SectionRequired, Evidence: []jobs.Span{{Start: 4, End: 10}}},
				{Skill: "PyTorch", Section: jobs.SectionRequired, Evidence: []jobs.Span{{Start: 30, End: 37}}},
				{Skill: "Kubernetes", Section: jobs.SectionPreferred},
			},
			MinYears: intp(3),
			Degree:   jobs.DegreeBachelor,
			Major:    "컴퓨터공학 등 관련 전공",
		},
	}
}

// skillNames lists the skills of p's analysis as "name/section".
func skillNames(p *jobs.Posting) []string {
	if p.Analysis == nil {
		return nil
	}
	var out []string
	for _, r := range p.Analysis.Skills {
		out = append(out, r.Skill+"/"+string(r.Section))
	}
	return out
}

func mustUpsert(t testing.TB, d *DB, p *jobs.Posting) int64 {
	t.Helper()
	id, _, err := d.UpsertPosting(context.Background(), p)
	if err != nil {
		t.Fatalf("UpsertPosting(%s %s): %v", p.Source, p.SourceID, err)
	}
	return id
}
