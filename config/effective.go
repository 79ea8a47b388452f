package config

import (
	"bytes"
	"fmt"
	"time"

	"go.yaml.in/yaml/v3"
)

// Effective is the config as jobs uses it, defaults filled in, keys that are off left out.
func Effective(cfg *Config) ([]byte, error) {
	c := *cfg
	if c.Sources == nil {
		c.Sources = &SourcesConfig{Wanted: c.Wanted()}
	}
	c.Filters = FiltersConfig{} // folded into targets when read
	if c.Scrape.Retries == nil {
		three := 3
		c.Scrape.Retries = &three
	}
	if c.Database == "" {
		c.Database = DefaultDatabase()
	}
	var n yaml.Node
	if err := n.Encode(&c); err != nil {
		return nil, err
	}
	pruneNulls(&n)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&n); err != nil {
		return nil, err
	}
	return b.Bytes(), enc.Close()
}

// pruneNulls drops mapping entries whose value is null: a source that is off, a key not set.
func pruneNulls(n *yaml.Node) {
	if n.Kind == yaml.MappingNode {
		kept := n.Content[:0]
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if v.Kind == yaml.ScalarNode && v.Tag == "!!null" || k.Value == "filters" {
				continue
			}
			kept = append(kept, k, v)
		}
		n.Content = kept
	}
	if n.Kind == yaml.SequenceNode {
		flow := true
		for _, c := range n.Content {
			flow = flow && c.Kind == yaml.ScalarNode
		}
		if flow { // [Python, SQL] on one line, as config.yaml writes them
			n.Style = yaml.FlowStyle
		}
	}
	for _, c := range n.Content {
		pruneNulls(c)
	}
}

// MarshalYAML writes a duration the way config.yaml takes it: 7d, 10m, 1s.
func (d Duration) MarshalYAML() (any, error) {
	v := time.Duration(d)
	if v >= 24*time.Hour && v%(24*time.Hour) == 0 {
		return fmt.Sprintf("%dd", v/(24*time.Hour)), nil
	}
	s := v.String()
	for _, suffix := range []string{"m0s", "h0m"} {
		if len(s) > len(suffix) && s[len(s)-len(suffix):] == suffix {
			s = s[:len(s)-len(suffix)+1]
		}
	}
	return s, nil
}

// MarshalYAML writes a size the way config.yaml takes it: 5MB, 512KB.
func (b ByteSize) MarshalYAML() (any, error) {
	switch {
	case b >= 1<<20 && b%(1<<20) == 0:
		return fmt.Sprintf("%dMB", b>>20), nil
	case b >= 1<<10 && b%(1<<10) == 0:
		return fmt.Sprintf("%dKB", b>>10), nil
	}
	return fmt.Sprintf("%dB", int64(b)), nil
}
