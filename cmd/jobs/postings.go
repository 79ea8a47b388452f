package main

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/config"
	"github.com/jobs-cli/jobs/matcher"
	"github.com/jobs-cli/jobs/target"
)

// scoredPostings loads the selected postings and scores them against the profile, best first.
func scoredPostings(ctx context.Context, f *Factory, sel target.Query) ([]matcher.Scored, error) {
	items, _, err := targetPostings(ctx, f, sel)
	return items, err
}

// targetPostings is scoredPostings that also returns the postings the config's targets (or
// --min-score) left out, each with the rules that did, in the store's order.
func targetPostings(ctx context.Context, f *Factory, sel target.Query) ([]matcher.Scored, []target.Exclusion, error) {
	cfg, err := f.Config()
	if err != nil {
		return nil, nil, err
	}
	store, sc, err := f.postings(ctx)
	if err != nil {
		return nil, nil, err
	}
	return target.Select(ctx, store, sc, cfg.TargetRules(), sel, f.Now())
}

// builtinSources are the sources jobs collects from; imported postings add their own.
var builtinSources = []string{"ashby", "greenhouse", "kakao", "lever", "line", "naver", "pages", "toss", "wanted", "woowa"}

// checkSource refuses a --source that no posting and no built-in source has, naming the
// known ones (and the nearest, when it is a slip).
func checkSource(ctx context.Context, f *Factory, source string) error {
	if source == "" || slices.Contains(builtinSources, source) {
		return nil
	}
	store, err := f.Store(ctx)
	if err != nil {
		return err
	}
	stored, err := store.SourceNames(ctx)
	if err != nil {
		return err
	}
	if slices.Contains(stored, source) {
		return nil
	}
	known := slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(builtinSources), stored...))))
	hint := ""
	if s := config.DidYouMean(source, known); s != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", s)
	}
	return jobs.Errorf(jobs.KindInvalid, "--source %q is not a known source%s; known sources: %s", source, hint, strings.Join(known, ", "))
}

// findPosting resolves an id as `list` prints it, or source:source_id.
func findPosting(ctx context.Context, f *Factory, id string) (*jobs.Posting, error) {
	store, err := f.Store(ctx)
	if err != nil {
		return nil, err
	}
	if n, err := strconv.ParseInt(id, 10, 64); err == nil {
		return store.FindPosting(ctx, n)
	}
	if src, sid, ok := strings.Cut(id, ":"); ok && src != "" && sid != "" {
		return store.FindBySource(ctx, src, sid)
	}
	return nil, jobs.Errorf(jobs.KindInvalid, "%q is not a posting id: use the ID column of 'jobs list', or source:id such as wanted:123456", id)
}
