package config

import "testing"

// The demo reads the example's profile from the local site alone, and no database of the
// user's.
func TestDemo(t *testing.T) {
	cfg, err := Demo("http://127.0.0.1:1234")
	if err != nil {
		t.Fatal(err)
	}
	w := cfg.Wanted()
	if w == nil || w.BaseURL != "http://127.0.0.1:1234" || cfg.Sources.Greenhouse != nil || cfg.Database != "" {
		t.Errorf("sources %+v, database %q", cfg.Sources, cfg.Database)
	}
	if len(cfg.Profile.Skills) == 0 {
		t.Error("the example's profile has no skills")
	}
}
