package synth

import (
	"math"
	"math/rand/v2"
	"sort"
	"strings"
)

// weighted draws indexes with fixed weights.
type weighted struct{ cum []float64 }

func newWeighted(ws []float64) weighted {
	cum := make([]float64, len(ws))
	var sum float64
	for i, w := range ws {
		sum += w
		cum[i] = sum
	}
	return weighted{cum: cum}
}

// newZipf draws index k of n with weight 1/(k+1)^s: the first is the most popular.
func newZipf(n int, s float64) weighted {
	ws := make([]float64, n)
	for k := range ws {
		ws[k] = 1 / math.Pow(float64(k+1), s)
	}
	return newWeighted(ws)
}

func (w weighted) draw(r *rand.Rand) int {
	u := r.Float64() * w.cum[len(w.cum)-1]
	i := sort.SearchFloat64s(w.cum, u)
	if i >= len(w.cum) {
		i = len(w.cum) - 1
	}
	return i
}

// slots are the values a template's braces name.
type slots struct {
	A, B          spelling // skills
	T, K, D, P, R string
	Y, S          string
	N, M          string
}

// expand writes tpl with its slots filled into b.
func expand(b *strings.Builder, tpl string, s *slots) {
	for {
		open := strings.IndexByte(tpl, '{')
		if open < 0 {
			b.WriteString(tpl)
			return
		}
		end := strings.IndexByte(tpl[open:], '}')
		if end < 0 {
			b.WriteString(tpl)
			return
		}
		b.WriteString(tpl[:open])
		name, part, _ := strings.Cut(tpl[open+1:open+end], ":")
		var text string
		var fin final
		switch name {
		case "A":
			text, fin = s.A.text, s.A.fin
		case "B":
			text, fin = s.B.text, s.B.fin
		default:
			text = s.get(name)
			fin = finOf(text)
		}
		b.WriteString(text)
		if part != "" {
			b.WriteString(particle(part, fin))
		}
		tpl = tpl[open+end+1:]
	}
}

func (s *slots) get(name string) string {
	switch name {
	case "T":
		return s.T
	case "K":
		return s.K
	case "D":
		return s.D
	case "P":
		return s.P
	case "R":
		return s.R
	case "Y":
		return s.Y
	case "S":
		return s.S
	case "N":
		return s.N
	case "M":
		return s.M
	}
	return ""
}

// pick returns one element of xs.
func pick[T any](r *rand.Rand, xs []T) T {
	return xs[r.IntN(len(xs))]
}

// pickDistinct returns k distinct elements of xs (all of them when k >= len(xs)), in a
// random order.
func pickDistinct[T any](r *rand.Rand, xs []T, k int) []T {
	if k > len(xs) {
		k = len(xs)
	}
	idx := r.Perm(len(xs))[:k]
	out := make([]T, k)
	for i, j := range idx {
		out[i] = xs[j]
	}
	return out
}
