package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/ingest"
	"github.com/jobs-cli/jobs/internal/jsonout"
	"github.com/jobs-cli/jobs/matcher"
)

type skillsOptions struct {
	f     *Factory
	JSON  bool
	Query string
}

func newSkillsCmd(f *Factory, runF func(*skillsOptions) error) *cobra.Command {
	opts := &skillsOptions{f: f}
	cmd := &cobra.Command{
		Use:   "skills [QUERY]",
		Short: "List the skill dictionary, or look a skill up by any alias",
		Example: `  jobs skills
  jobs skills 쿠버
  jobs skills --json spring
  jobs skills unknown`,
		Args: maxArgs(1, "one query"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Query = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return skillsRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	cmd.AddCommand(newSkillsUnknownCmd(f, nil))
	return cmd
}

func skillsRun(opts *skillsOptions) error {
	f := opts.f
	d, err := f.Dictionary()
	if err != nil {
		return err
	}
	list := d.Concepts()
	if opts.Query != "" {
		list = d.Search(opts.Query)
	}
	if opts.JSON {
		if list == nil {
			list = []matcher.Concept{}
		}
		return jsonout.Write(f.IO.Out, list)
	}
	if len(list) == 0 {
		return fmt.Errorf("no skill matches %q; add it under skills.extra in your config", opts.Query)
	}
	t := newTable(f.IO, "SKILL", "KIND", "ALIASES", "BROADER").Flex(2)
	for _, c := range list {
		t.Row(c.Name, c.Kind, strings.Join(c.Aliases, ", "), strings.Join(d.Broader(c.Name), " > "))
	}
	return t.Render()
}

type skillsUnknownOptions struct {
	f     *Factory
	JSON  bool
	Limit int
	Min   int
	All   bool
}

func newSkillsUnknownCmd(f *Factory, runF func(*skillsUnknownOptions) error) *cobra.Command {
	opts := &skillsUnknownOptions{f: f}
	cmd := &cobra.Command{
		Use:   "unknown",
		Short: "List the most frequent tech-looking terms in stored postings that the dictionary lacks",
		Long: `Read the tasks, requirements and preferred points of the stored open postings (all of them
with --all) and list the terms that look like skills but are not in the dictionary: Latin words
such as product names and acronyms, names listed next to known skills, and Korean nouns before
경험, 활용 or 개발. Add the useful ones to your config under skills.extra or skills.aliases,
then run jobs rematch.`,
		Example: `  jobs skills unknown
  jobs skills unknown --limit 50 --min 3
  jobs skills unknown --all --json`,
		Args: maxArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Limit < 0 || opts.Min < 1 {
				return jobs.Errorf(jobs.KindInvalid, "--limit must be 0 or more and --min 1 or more")
			}
			if runF != nil {
				return runF(opts)
			}
			return skillsUnknownRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	cmd.Flags().IntVar(&opts.Limit, "limit", 30, "show at most this many terms (0: all)")
	cmd.Flags().IntVar(&opts.Min, "min", 2, "show terms named in at least this many postings")
	cmd.Flags().BoolVar(&opts.All, "all", false, "read closed postings too")
	return cmd
}

func skillsUnknownRun(ctx context.Context, opts *skillsUnknownOptions) error {
	f := opts.f
	an, err := f.Analyzer()
	if err != nil {
		return err
	}
	store, err := f.Store(ctx)
	if err != nil {
		return err
	}
	tally, read, err := ingest.UnknownTerms(ctx, store, an, opts.All)
	if err != nil {
		return err
	}
	list := tally.Top(opts.Limit, opts.Min)
	if opts.JSON {
		if list == nil {
			list = []matcher.TermCount{}
		}
		return jsonout.Write(f.IO.Out, list)
	}
	if len(list) == 0 {
		fmt.Fprintf(f.IO.ErrOut, "No unknown term is named in %d or more of the %d postings read.\n", opts.Min, read)
		return nil
	}
	t := newTable(f.IO, "TERM", "POSTINGS")
	for _, c := range list {
		t.Row(c.Term, strconv.Itoa(c.Postings))
	}
	return t.Render()
}
