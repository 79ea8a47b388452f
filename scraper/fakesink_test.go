package scraper

import (
	"context"
	"errors"
	"maps"
	"slices"
	"sync"

	"github.com/jobs-cli/jobs"
)

// fakeSink is an in-memory jobs.Sink: it keeps the pages and postings saved and the ids
// closed as gone, and can be told to fail.
type fakeSink struct {
	mu       sync.Mutex
	pages    map[string]jobs.Page     // by source id
	postings map[string]*jobs.Posting // by source id, the last posting saved
	saves    []string                 // source ids in the order saved
	gone     [][]string               // each Gone call's ids
	inFlight int
	overlap  bool // Save was entered while another Save ran

	failSave  map[string]bool // source ids whose Save fails
	failKnown bool
	failGone  bool
}

func newFakeSink() *fakeSink {
	return &fakeSink{
		pages:    map[string]jobs.Page{},
		postings: map[string]*jobs.Posting{},
		failSave: map[string]bool{},
	}
}

func (s *fakeSink) Known(_ context.Context, source string) (map[string]jobs.Page, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failKnown {
		return nil, errors.New("database is locked")
	}
	out := map[string]jobs.Page{}
	for id, p := range s.pages {
		if p.Source == source {
			out[id] = p
		}
	}
	return out, nil
}

func (s *fakeSink) Save(_ context.Context, page jobs.Page, p *jobs.Posting) error {
	s.mu.Lock()
	s.inFlight++
	if s.inFlight > 1 {
		s.overlap = true
	}
	defer func() { s.inFlight--; s.mu.Unlock() }()
	if s.failSave[page.SourceID] {
		return errors.New("disk full")
	}
	s.pages[page.SourceID] = page
	if p != nil {
		cp := *p
		s.postings[page.SourceID] = &cp
	} else {
		delete(s.postings, page.SourceID)
	}
	s.saves = append(s.saves, page.SourceID)
	return nil
}

func (s *fakeSink) Gone(_ context.Context, source string, ids []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failGone {
		return errors.New("database is locked\x1b[31m")
	}
	s.gone = append(s.gone, slices.Clone(ids))
	for _, id := range ids {
		if p, ok := s.postings[id]; ok && p.Source == source {
			p.Status = jobs.StatusClosed
		}
	}
	return nil
}

func (s *fakeSink) outcome(id string) jobs.Outcome {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pages[id].Outcome
}

func (s *fakeSink) savedIDs() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Sorted(maps.Keys(s.pages))
}
