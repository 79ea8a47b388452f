package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

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
  jobs skills --json spring`,
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
		return writeJSON(f.IO.Out, list)
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
