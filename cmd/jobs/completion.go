package main

import (
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/internal/safetext"
	"github.com/jobs-cli/jobs/internal/shell"
)

// Shell completion ('jobs completion bash|zsh|fish|powershell', cobra's) completes posting
// ids (with their company and title), application stages, company names and sources from
// the database, beside commands and flags.

const completionLimit = 200

func addCompletions(root *cobra.Command, f *Factory) {
	root.CompletionOptions.HiddenDefaultCmd = false
	byName := map[string]*cobra.Command{}
	for _, c := range root.Commands() {
		byName[c.Name()] = c
	}
	set := func(name string, fn cobra.CompletionFunc) {
		if c := byName[name]; c != nil {
			c.ValidArgsFunction = fn
		}
	}
	flag := func(name, flagName string, fn cobra.CompletionFunc) {
		if c := byName[name]; c != nil && c.Flags().Lookup(flagName) != nil {
			_ = c.RegisterFlagCompletionFunc(flagName, fn)
		}
	}
	set("show", func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return completePostings(cmd, f, toComplete)
	})
	set("track", func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		switch len(args) {
		case 0:
			return completePostings(cmd, f, toComplete)
		case 1:
			return completeStages(cmd, args, toComplete)
		}
		return nil, cobra.ShellCompDirectiveNoFileComp
	})
	set("history", func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return completeCompanies(cmd, f, toComplete)
	})
	companies := func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		return completeCompanies(cmd, f, toComplete)
	}
	flag("list", "company", companies)
	flag("gaps", "company", companies)
	flag("list", "source", func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		names := builtinSources
		if store, err := f.Store(cmd.Context()); err == nil {
			if stored, err := store.SourceNames(cmd.Context()); err == nil {
				names = append(append([]string{}, names...), stored...)
			}
		}
		return shell.WithPrefix(names, toComplete), cobra.ShellCompDirectiveNoFileComp
	})
	flag("board", "stage", completeStages)
}

func completePostings(cmd *cobra.Command, f *Factory, toComplete string) ([]string, cobra.ShellCompDirective) {
	store, err := f.Store(cmd.Context())
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	labels, err := store.OpenPostingLabels(cmd.Context(), toComplete, completionLimit)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	out := make([]string, len(labels))
	for i, l := range labels {
		// "ID\tdescription": zsh and fish show the description beside the id.
		out[i] = strconv.FormatInt(l.ID, 10) + "\t" + safetext.OneLine(jobs.DisplayCompany(l.Company)+" · "+l.Title)
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
}

func completeStages(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var out []string
	for _, s := range db.Stages {
		out = append(out, string(s))
	}
	return shell.WithPrefix(out, toComplete), cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
}

func completeCompanies(cmd *cobra.Command, f *Factory, toComplete string) ([]string, cobra.ShellCompDirective) {
	store, err := f.Store(cmd.Context())
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	names, err := store.CompanyNames(cmd.Context(), 5000)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	// Offered without legal forms, as the tables show them; history and --company find
	// them either way.
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		d := safetext.OneLine(jobs.DisplayCompany(n))
		if !seen[d] && strings.HasPrefix(strings.ToLower(d), strings.ToLower(toComplete)) {
			seen[d] = true
			out = append(out, d)
			if len(out) == completionLimit {
				break
			}
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
}
