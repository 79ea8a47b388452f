package target

import "sort"

// RuleCount is how many exclusions a rule made.
type RuleCount struct {
	Key   string
	Count int
}

// CountRules counts, for each rule key, the exclusions that name it, most first (ties by
// key).
func CountRules(ex []Exclusion) []RuleCount {
	byKey := map[string]int{}
	for _, e := range ex {
		for _, r := range e.Reasons {
			byKey[r.Key]++
		}
	}
	out := make([]RuleCount, 0, len(byKey))
	for k, n := range byKey {
		out = append(out, RuleCount{Key: k, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	return out
}
