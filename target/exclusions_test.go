package target

import (
	"slices"
	"testing"
)

func TestCountRulesMostFirstThenByKey(t *testing.T) {
	ex := []Exclusion{
		{Reasons: []Reason{{Key: "years"}, {Key: "company"}}},
		{Reasons: []Reason{{Key: "years"}}},
		{Reasons: []Reason{{Key: "blocklist"}}},
	}
	got := CountRules(ex)
	want := []RuleCount{{"years", 2}, {"blocklist", 1}, {"company", 1}}
	if !slices.Equal(got, want) {
		t.Errorf("CountRules = %v, want %v", got, want)
	}
	if got := CountRules(nil); len(got) != 0 {
		t.Errorf("CountRules(nil) = %v, want none", got)
	}
}
