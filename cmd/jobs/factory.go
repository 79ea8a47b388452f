package main

import (
	"cmp"
	"context"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/jobs-cli/jobs/config"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/catalog"
	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/ingest"
	"github.com/jobs-cli/jobs/matcher"
	"github.com/jobs-cli/jobs/target"
)

// The catalogue's aliases are installed when the program starts, before any posting is
// stored or compared (and before every test of this package).
func init() { catalog.Install() }

// Factory gives commands their streams and, lazily, the config, the store and the analyzer,
// so a command that needs no database never opens one and tests can swap each.
type Factory struct {
	IO  *IOStreams
	Now func() time.Time

	ConfigFlag string // --config
	DBFlag     string // --db
	CPUProfile string // --cpuprofile (hidden): for measuring, never for users

	stopProfile func()

	// Sources builds the configured sources; tests replace it.
	Sources func(cfg *config.Config, opts ingest.SourceOptions) ([]jobs.Source, error)
	// wrapPostings, when set, wraps the store postings are read and scored from: tests count
	// the reads a command makes with it.
	wrapPostings func(target.Store) target.Store

	cfgOnce  sync.Once
	cfg      *config.Config
	cfgErr   error
	store    *db.DB
	dictOnce sync.Once
	dict     *matcher.Dictionary
	dictErr  error
	anOnce   sync.Once
	analyzer *matcher.Analyzer
	warnOnce sync.Once
}

func newFactory(io *IOStreams) *Factory {
	return &Factory{IO: io, Now: time.Now, Sources: ingest.Sources}
}

// Config loads the config once.
func (f *Factory) Config() (*config.Config, error) {
	f.cfgOnce.Do(func() {
		path, err := config.Path(f.ConfigFlag)
		if err != nil {
			f.cfgErr = err
			return
		}
		f.cfg, f.cfgErr = config.Load(path)
	})
	return f.cfg, f.cfgErr
}

// DBPath is where the database lives: --db, else the config's database key, else
// $XDG_DATA_HOME/jobs/jobs.db. Only the default data folder is ever created: an explicit path
// in a folder that does not exist is a mistyped path, and an error naming it.
func (f *Factory) DBPath() (string, error) {
	path, what := f.DBFlag, "--db"
	if path == "" {
		cfg, err := f.Config()
		if err != nil {
			return "", err
		}
		if cfg.Database == "" {
			return config.DefaultDatabase(), nil
		}
		path, what = config.ExpandHome(cfg.Database), "database (in "+cmp.Or(cfg.File, "the config")+")"
	}
	if st, err := os.Stat(filepath.Dir(path)); err != nil || !st.IsDir() {
		return "", jobs.Errorf(jobs.KindInvalid, "%s %s: the folder %s does not exist; check the path, or create the folder first", what, path, filepath.Dir(path))
	}
	return path, nil
}

// Store opens the database once, for a command that reads it: the database must exist at
// this version, and nothing is created or migrated. run closes it when the command ends.
func (f *Factory) Store(ctx context.Context) (*db.DB, error) {
	return f.openStore(ctx, false)
}

// WriteStore opens the database once, for a command that writes it: the file is created,
// and its schema brought up to date, as needed.
func (f *Factory) WriteStore(ctx context.Context) (*db.DB, error) {
	return f.openStore(ctx, true)
}

func (f *Factory) openStore(ctx context.Context, write bool) (*db.DB, error) {
	var opts []db.Option
	if f.store != nil {
		return f.store, nil
	}
	path, err := f.DBPath()
	if err != nil {
		return nil, err
	}
	if !write {
		opts = append(opts, db.Existing()) // a reader never creates or migrates
	}
	s, err := db.Open(ctx, path, append(opts, db.WithClock(f.Now))...)
	if err != nil {
		return nil, err
	}
	f.store = s
	return s, nil
}

// postings gives what target reads and scores postings with: the store and the scoring (the
// dictionary and the profile).
func (f *Factory) postings(ctx context.Context) (target.Store, target.Scoring, error) {
	store, err := f.Store(ctx)
	if err != nil {
		return nil, target.Scoring{}, err
	}
	prof, err := f.Profile()
	if err != nil {
		return nil, target.Scoring{}, err
	}
	d, err := f.Dictionary()
	if err != nil {
		return nil, target.Scoring{}, err
	}
	var s target.Store = store
	if f.wrapPostings != nil {
		s = f.wrapPostings(s)
	}
	return s, target.Scoring{Dict: d, Profile: prof}, nil
}

func (f *Factory) closeStore() {
	if f.store != nil {
		f.store.Close()
		f.store = nil
	}
}

// Dictionary loads the built-in skill dictionary with the config's extensions. Scoring needs
// only this; reading text needs the Analyzer, whose automaton takes longer to build.
func (f *Factory) Dictionary() (*matcher.Dictionary, error) {
	f.dictOnce.Do(func() {
		cfg, err := f.Config()
		if err != nil {
			f.dictErr = err
			return
		}
		d, err := matcher.Builtin(matcher.Extension{Aliases: cfg.Skills.Aliases, Concepts: cfg.Skills.Extra})
		if err != nil {
			f.dictErr = jobs.Errorf(jobs.KindInvalid, "invalid config %s: skills: %v", cmp.Or(cfg.File, "(defaults)"), err)
			return
		}
		f.dict = d
	})
	return f.dict, f.dictErr
}

// Analyzer builds the matcher that reads postings.
func (f *Factory) Analyzer() (*matcher.Analyzer, error) {
	d, err := f.Dictionary()
	if err != nil {
		return nil, err
	}
	f.anOnce.Do(func() { f.analyzer = matcher.New(d) })
	return f.analyzer, nil
}

// Profile returns the config's profile prepared for scoring, warning once on stderr about
// skills the dictionary does not know.
func (f *Factory) Profile() (*matcher.Profile, error) {
	cfg, err := f.Config()
	if err != nil {
		return nil, err
	}
	d, err := f.Dictionary()
	if err != nil {
		return nil, err
	}
	p, unknown := d.PrepareProfile(jobs.Profile{Years: cfg.Profile.Years, Skills: cfg.Profile.Skills, Major: cfg.Profile.Major})
	f.warnOnce.Do(func() {
		w := newWarnings(f.IO, "profile.skills not in the skill dictionary")
		for _, u := range unknown {
			if s := config.SuggestSkill(d, u); s != "" {
				w.Warnf("profile.skills: %q is not in the skill dictionary: did you mean %q? (else add it under skills.extra)", u, s)
				continue
			}
			w.Warnf("profile.skills: %q is not in the skill dictionary; it matches only postings that spell it the same way (add it under skills.extra)", u)
		}
		w.Done()
	})
	return p, nil
}
