package report

import "testing"

func TestSparkline(t *testing.T) {
	for _, tc := range []struct {
		counts    []int
		collected []bool
		want      string
	}{
		{[]int{0, 1, 2, 3, 4, 5, 6, 7}, nil, "▁▂▃▄▅▆▇█"},
		{[]int{0, 0, 0}, nil, "▁▁▁"},
		{[]int{5, 5}, nil, "██"},
		{[]int{0, 2, 4}, []bool{false, true, true}, "·▅█"},
		{[]int{1, 100}, nil, "▁█"},
	} {
		if got := Sparkline(tc.counts, tc.collected); got != tc.want {
			t.Errorf("Sparkline(%v, %v) = %q, want %q", tc.counts, tc.collected, got, tc.want)
		}
	}
}
