package matcher

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// The dictionary's source is skills.yaml; skills.json is the same data, generated from it
// (go generate ./matcher), because decoding JSON takes a tenth of the time of parsing YAML and
// every command loads the dictionary. TestBuiltinJSON fails when the two differ.
//
//go:generate go test -run ^TestBuiltinJSON$ -update .
//go:embed skills.json
var builtinDictionary []byte

// Kinds a concept may have.
var kinds = map[string]bool{
	"language": true, "framework": true, "library": true, "database": true, "cloud": true,
	"tool": true, "platform": true, "method": true, "domain": true, "certification": true,
	"spoken_language": true, "industry": true, "field": true,
}

// Concept is one canonical skill of the dictionary.
type Concept struct {
	Name      string   `yaml:"name" json:"name"`
	Kind      string   `yaml:"kind" json:"kind"`
	Aliases   []string `yaml:"aliases" json:"aliases,omitempty"`
	Broader   []string `yaml:"broader" json:"broader,omitempty"`
	Exact     []string `yaml:"exact" json:"exact,omitempty"`
	NotBefore []string `yaml:"not_before" json:"not_before,omitempty"`
	NotAfter  []string `yaml:"not_after" json:"not_after,omitempty"`
}

// Scored reports whether the concept counts in scores and gaps: industries and fields of study
// describe a posting's context; they are read and shown, but nobody "learns" them for a job.
func (c *Concept) Scored() bool { return c.Kind != "industry" && c.Kind != "field" }

type dictFile struct {
	Version        int      `yaml:"version" json:"version"`
	KoreanSuffixes []string `yaml:"korean_suffixes" json:"korean_suffixes"`
	// SingleSyllables are the single Hangul syllables the dictionary may use as names (깃).
	SingleSyllables []string  `yaml:"single_syllables" json:"single_syllables"`
	Skills          []Concept `yaml:"skills" json:"skills"`
}

// Extension is what a user adds to the dictionary in config.yaml: more aliases for known
// concepts, and concepts of their own.
type Extension struct {
	Aliases  map[string][]string // canonical name (or any alias of it) -> more aliases
	Concepts []Concept
}

// Dictionary is the skill vocabulary: canonical concepts and every alias that names them.
type Dictionary struct {
	single    map[string]bool // single Hangul syllables allowed as names
	concepts  []Concept
	byName    map[string]int  // folded alias or name -> concept index
	byCanon   map[string]int  // canonical name as written -> concept index
	suffixes  []string        // Hangul that may follow a Korean alias
	suffixSet map[string]bool // the same, to look one up
	ancestors [][]int         // per concept: every broader concept, transitively
}

// Builtin loads the embedded dictionary, extended by ext.
func Builtin(ext Extension) (*Dictionary, error) {
	var f dictFile
	if err := json.Unmarshal(builtinDictionary, &f); err != nil {
		return nil, fmt.Errorf("skill dictionary: %w", err)
	}
	return newDictionary(f, ext)
}

// LoadDictionary parses a dictionary in the skills.yaml format and applies ext.
func LoadDictionary(data []byte, ext Extension) (*Dictionary, error) {
	var f dictFile
	if err := yaml.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("skill dictionary: %w", err)
	}
	return newDictionary(f, ext)
}

func newDictionary(f dictFile, ext Extension) (*Dictionary, error) {
	if f.Version != 1 {
		return nil, fmt.Errorf("skill dictionary: unsupported version %d", f.Version)
	}
	d := &Dictionary{byName: make(map[string]int, len(f.Skills)*4), byCanon: make(map[string]int, len(f.Skills)),
		single: map[string]bool{}}
	for _, s := range f.SingleSyllables {
		if utf8.RuneCountInString(s) != 1 || !hasHangul(s) {
			return nil, fmt.Errorf("skill dictionary: single_syllables: %q is not one Hangul syllable", s)
		}
		d.single[s] = true
	}
	for _, s := range f.KoreanSuffixes {
		if s = strings.TrimSpace(s); s != "" {
			d.suffixes = append(d.suffixes, s)
		}
	}
	d.suffixSet = make(map[string]bool, len(d.suffixes))
	for _, s := range d.suffixes {
		d.suffixSet[s] = true
	}
	// Longest suffixes first, so the check can stop at the first that fits.
	sort.Slice(d.suffixes, func(i, j int) bool { return len(d.suffixes[i]) > len(d.suffixes[j]) })
	for _, c := range f.Skills {
		for _, form := range append(append([]string{c.Name}, c.Aliases...), c.Exact...) {
			// A single syllable hides in every longer word; only listed ones may be names.
			if form = strings.TrimSpace(form); utf8.RuneCountInString(form) == 1 && hasHangul(form) && !d.single[form] {
				return nil, fmt.Errorf("skill dictionary: %s: %q is a single Hangul syllable not listed in single_syllables", c.Name, form)
			}
		}
		if err := d.add(c, false); err != nil {
			return nil, err
		}
	}
	for _, c := range ext.Concepts {
		if err := d.add(c, true); err != nil {
			return nil, err
		}
	}
	for name, aliases := range ext.Aliases {
		i, ok := d.byName[fold(name)]
		if !ok {
			return nil, fmt.Errorf("skills.aliases: %q is not a known skill", name)
		}
		for _, a := range aliases {
			if fold(a) == "" {
				continue
			}
			// A user's alias wins over the built-in meaning of the same word.
			d.byName[fold(a)] = i
			d.concepts[i].Aliases = append(d.concepts[i].Aliases, a)
		}
	}
	if err := d.link(); err != nil {
		return nil, err
	}
	return d, nil
}

func (d *Dictionary) add(c Concept, user bool) error {
	c.Name = strings.TrimSpace(c.Name)
	if c.Name == "" {
		return fmt.Errorf("skill dictionary: a skill has no name")
	}
	if c.Kind == "" && user {
		c.Kind = "tool"
	}
	if !kinds[c.Kind] {
		return fmt.Errorf("skill dictionary: %s: unknown kind %q", c.Name, c.Kind)
	}
	if j, ok := d.byName[fold(c.Name)]; ok {
		if !user {
			return fmt.Errorf("skill dictionary: %s: name already used by %s", c.Name, d.concepts[j].Name)
		}
		// A user's concept of the same name extends the built-in one.
		old := &d.concepts[j]
		old.Aliases = append(old.Aliases, c.Aliases...)
		old.Broader = append(old.Broader, c.Broader...)
		for _, a := range c.Aliases {
			d.byName[fold(a)] = j
		}
		return nil
	}
	i := len(d.concepts)
	d.concepts = append(d.concepts, c)
	d.byName[fold(c.Name)] = i
	d.byCanon[c.Name] = i
	for _, a := range append(c.Aliases, c.Exact...) {
		k := fold(a)
		if k == "" {
			continue
		}
		if j, ok := d.byName[k]; ok && j != i && !user {
			return fmt.Errorf("skill dictionary: alias %q of %s already names %s", a, c.Name, d.concepts[j].Name)
		}
		d.byName[k] = i
	}
	return nil
}

// link resolves broader names into transitive ancestor lists and rejects cycles.
func (d *Dictionary) link() error {
	parents := make([][]int, len(d.concepts))
	for i, c := range d.concepts {
		for _, b := range c.Broader {
			j, ok := d.byName[fold(b)]
			if !ok {
				return fmt.Errorf("skill dictionary: %s: broader %q is not a skill", c.Name, b)
			}
			if j != i {
				parents[i] = append(parents[i], j)
			}
		}
	}
	d.ancestors = make([][]int, len(d.concepts))
	for i := range d.concepts {
		seen := map[int]bool{}
		stack := append([]int(nil), parents[i]...)
		for len(stack) > 0 {
			j := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if j == i {
				return fmt.Errorf("skill dictionary: %s is broader than itself", d.concepts[i].Name)
			}
			if seen[j] {
				continue
			}
			seen[j] = true
			d.ancestors[i] = append(d.ancestors[i], j)
			stack = append(stack, parents[j]...)
		}
	}
	return nil
}

// fold is the key under which names and aliases are compared: NFKC, ASCII lower case, inner
// runs of spaces collapsed.
func fold(s string) string {
	return strings.Join(strings.Fields(Normalize(s).Folded), " ")
}

// Len is the number of concepts.
func (d *Dictionary) Len() int { return len(d.concepts) }

// Concepts returns every concept, in dictionary order.
func (d *Dictionary) Concepts() []Concept { return d.concepts }

// Concept returns the concept with this canonical name or alias.
func (d *Dictionary) Concept(name string) (*Concept, bool) {
	// Stored postings name skills canonically: look the name up as it is before folding it.
	if i, ok := d.byCanon[name]; ok {
		return &d.concepts[i], true
	}
	i, ok := d.byName[fold(name)]
	if !ok {
		return nil, false
	}
	return &d.concepts[i], true
}

// Canonical returns the canonical name for any alias, and whether it is known.
func (d *Dictionary) Canonical(name string) (string, bool) {
	c, ok := d.Concept(name)
	if !ok {
		return strings.TrimSpace(name), false
	}
	return c.Name, true
}

// Broader returns every broader concept of a canonical name, nearest first.
func (d *Dictionary) Broader(name string) []string {
	i, ok := d.byName[fold(name)]
	if !ok {
		return nil
	}
	out := make([]string, len(d.ancestors[i]))
	for k, j := range d.ancestors[i] {
		out[k] = d.concepts[j].Name
	}
	return out
}

// Search returns the concepts whose name or an alias contains q (folded), best first: exact
// names, then exact aliases, then the rest by name.
func (d *Dictionary) Search(q string) []Concept {
	q = fold(q)
	type hit struct {
		rank int
		c    Concept
	}
	var hits []hit
	for _, c := range d.concepts {
		rank := -1
		if fold(c.Name) == q {
			rank = 0
		}
		for _, a := range append([]string{c.Name}, c.Aliases...) {
			fa := fold(a)
			switch {
			case rank == 0:
			case fa == q && (rank < 0 || rank > 1):
				rank = 1
			case strings.Contains(fa, q) && rank < 0:
				rank = 2
			}
		}
		if rank >= 0 {
			hits = append(hits, hit{rank, c})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].rank != hits[j].rank {
			return hits[i].rank < hits[j].rank
		}
		return hits[i].c.Name < hits[j].c.Name
	})
	out := make([]Concept, len(hits))
	for i, h := range hits {
		out[i] = h.c
	}
	return out
}
