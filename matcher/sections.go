package matcher

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jobs-cli/jobs"
)

// part is the part of a posting a line belongs to: a section that is read for skills, or one
// that is not (benefits, hiring process).
type part int

const (
	partOther part = iota
	partRequired
	partPreferred
	partIgnored
)

func (p part) section() jobs.Section {
	switch p {
	case partRequired:
		return jobs.SectionRequired
	case partPreferred:
		return jobs.SectionPreferred
	}
	return jobs.SectionOther
}

// headings maps a heading, folded by headingKey, to its part. Korean and English headings
// as Wanted, global boards and company pages write them.
var headings = map[string]part{}

func init() {
	for p, list := range map[part][]string{
		partRequired: {
			"자격요건", "자격 요건", "지원자격", "지원 자격", "필수요건", "필수 요건", "필수사항", "필수 사항",
			"필수 자격", "자격 조건", "지원 요건", "요구사항", "요구 사항", "필요역량", "필요 역량",
			"필요 기술", "필수 역량", "이런 분을 찾고 있어요", "이런 분을 찾습니다", "이런 분과 함께하고 싶어요",
			"이런 분과 함께 하고 싶어요", "이런 분을 원해요", "이런 분이 필요해요", "함께하고 싶은 분",
			"requirements", "requirement", "qualifications", "minimum qualifications",
			"basic qualifications", "required qualifications", "required skills", "must have",
			"must-have", "must haves", "what you need", "what you'll need", "what you will need",
			"what we're looking for", "what we are looking for", "who you are", "you have",
			"skills and experience", "skills & experience", "about you", "your profile",
			"requirements and skills", "key qualifications", "experience", "your skills",
			"what you bring", "what you'll bring", "skills & requirements", "skills and requirements",
			"requirements & skills", "what we ask for", "what we expect", "what we expect from you",
			"the talent", "your profile", "profile", "technical skills", "skills", "key skills",
			"required experience", "essential skills", "essential", "the ideal candidate",
			"ideal candidate", "who we are looking for", "we are looking for", "join us if you",
			"personal specification", "education/experience", "education / experience",
			"education & experience", "you should have", "what you should have", "you bring",
			"you are", "your background", "your qualifications", "your experience", "must haves:",
			"minimum requirements", "job requirements", "position requirements", "competencies",
			"required competencies", "skills required",
		},
		partPreferred: {
			"우대사항", "우대 사항", "우대조건", "우대 조건", "우대요건", "우대 요건", "우대", "우대 역량",
			"이런 분이면 더 좋아요", "이런 분이라면 더 좋아요", "이런 경험이 있다면 더 좋아요",
			"이런 분이면 더 좋습니다", "있으면 좋은 경험", "플러스 포인트",
			"nice to have", "nice to haves", "nice-to-have", "nice-to-haves", "preferred",
			"preferred qualifications", "preferred skills", "bonus points", "bonus", "pluses",
			"plus", "good to have", "it's a plus if you have", "extra credit", "desired skills",
			"desirable", "preferred experience", "additional qualifications", "ideally you have",
			"major pluses", "other valued skills", "even better if you have", "bonus skills",
			"nice to know", "good to know", "advantageous", "optional", "desired", "plus points",
			"extra points", "it would be great if you", "you will get extra points for the following",
		},
		partOther: {
			"회사 소개", "회사소개", "주요업무", "주요 업무", "담당업무", "담당 업무", "업무 내용", "업무내용",
			"포지션 소개", "팀 소개", "합류하면 함께 할 업무예요", "합류하게 될 팀을 소개해요",
			"이런 일을 해요", "이런 업무를 해요", "하는 일",
			"about us", "about the company", "about the role", "about the job", "the role",
			"what you will do", "what you'll do", "what you'll be doing", "responsibilities",
			"key responsibilities", "your responsibilities", "job description", "description",
			"the opportunity", "overview", "who we are", "your role", "role", "duties",
			"what you'll work on", "in this role you will", "your mission", "mission",
			"tasks", "your tasks", "typical tasks involve", "position overview", "the position",
			"about", "about the position", "about the team", "the team", "company description",
			"job type", "experience level", "company size", "company type", "location options",
			"industry", "industries", "job title", "reports to", "what you will be doing",
			"your responsibilities", "responsibilities include", "you will be",
		},
		partIgnored: {
			"혜택 및 복지", "혜택및복지", "복지", "복리후생", "복지 및 혜택", "혜택", "채용 전형", "채용전형",
			"전형 절차", "전형절차", "채용 절차", "채용절차", "근무 조건", "근무조건", "근무지", "근무 지역",
			"근무 환경", "기타 사항", "기타사항", "참고 사항", "참고사항", "제출 서류", "제출서류",
			"지원 방법", "접수 방법", "마감일", "benefits", "perks", "perks and benefits",
			"benefits and perks", "what we offer", "we offer", "compensation", "hiring process",
			"interview process", "recruitment process", "the process", "how to apply", "salary",
			"equal opportunity", "location", "working hours", "job benefits", "why us", "why join us",
			"our offer", "we offer you", "what's in it for you", "what we offer you", "additional information",
		},
	} {
		for _, h := range list {
			k := headingKey(h)
			headings[k] = p
			longestHeading = max(longestHeading, len(k))
			if len(k) >= headingStartLen {
				headingStarts[k[:headingStartLen]] = true
			}
		}
	}
}

// headingKey folds a line for the heading table: markup, brackets, numbering and trailing
// colons go; letters fold to lower case; spaces go.
func headingKey(s string) string {
	var buf [160]byte
	key, _ := appendHeadingKey(buf[:0], s, false)
	return string(key)
}

// appendHeadingKey appends the heading key of s to dst. With quick set, it gives up,
// returning false, as soon as the key cannot be in the heading table: it is longer than any
// key there, or starts as none does.
func appendHeadingKey(dst []byte, s string, quick bool) ([]byte, bool) {
	start := len(dst)
	lead, numbering := 0, true // the digits the key starts with, which it drops
	startChecked := false
	for _, r := range s {
		n := len(dst)
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '\'' || r == '&'):
			dst = append(dst, byte(r))
		case 'A' <= r && r <= 'Z':
			dst = append(dst, byte(r+'a'-'A'))
		case r >= 0xAC00 && r <= 0xD7A3: // Hangul syllables: letters without case
			dst = utf8.AppendRune(dst, r)
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
		if numbering && len(dst) > n {
			if '0' <= dst[n] && dst[n] <= '9' {
				lead++
			} else {
				numbering = false
			}
		}
		if quick {
			// What follows the numbering only grows.
			key := dst[start+lead:]
			if len(key) > longestHeading {
				return dst[:start], false
			}
			if !startChecked && len(key) >= headingStartLen {
				if !headingStarts[string(key[:headingStartLen])] {
					return dst[:start], false
				}
				startChecked = true
			}
		}
		if len(dst)-start > maxHeadingKey {
			// Longer than any heading: no need to finish.
			break
		}
	}
	// "1. 자격요건", "02 Requirements": numbering is dropped.
	i := start
	for i < len(dst) && '0' <= dst[i] && dst[i] <= '9' {
		i++
	}
	return append(dst[:start], dst[i:]...), true
}

// maxHeadingKey bounds the heading keys (bytes), numbering included.
const maxHeadingKey = 120

var (
	// longestHeading is the length of the longest key in the heading table.
	longestHeading int
	// headingStarts holds the first headingStartLen bytes of the keys in the heading table.
	headingStarts = map[string]bool{}
)

const headingStartLen = 6

// lookupHeading finds s in the heading table without allocating.
func lookupHeading(s string) (part, bool) {
	var buf [160]byte
	key, ok := appendHeadingKey(buf[:0], s, true)
	if !ok {
		return 0, false
	}
	p, ok := headings[string(key)]
	return p, ok
}

// headingOf reports whether a line is a section heading and which. A heading stands alone on
// its line, short, possibly dressed: "[자격요건]", "■ 우대사항", "Requirements:", "## Nice to have".
//
// colon reports a line that ends in a colon and names its part only by the words it holds.
func headingOf(line string) (p part, colon, ok bool) {
	t := strings.TrimSpace(line)
	if t == "" || len(t) > 4*maxHeadingRunes {
		return 0, false, false
	}
	// At most 40 runes: a heading of the table (a rune takes one to four bytes). Runes are
	// counted only for a line the table knows.
	short := func() bool { return len(t) <= 40 || utf8.RuneCountInString(t) <= 40 }
	if len(t) <= 160 {
		if p, ok := lookupHeading(t); ok && short() {
			return p, false, true
		}
		// "자격요건 (필수)", "우대사항 (선택)", "Requirements (must have)": the part before brackets.
		i := strings.IndexByte(t, '(')
		if j := strings.Index(t, "（"); j >= 0 && (i < 0 || j < i) {
			i = j
		}
		if i > 0 {
			if p, ok := lookupHeading(t[:i]); ok && short() {
				return p, false, true
			}
		}
	}
	if (strings.HasSuffix(t, ":") || strings.HasSuffix(t, "：")) && utf8.RuneCountInString(t) <= maxHeadingRunes {
		p, ok := colonHeading(asciiLower(t))
		return p, ok, ok
	}
	return 0, false, false
}

// maxHeadingRunes is the longest line read as a heading: "This role requires a wide variety of
// strengths and capabilities including:" introduces a list as a heading does.
const maxHeadingRunes = 100

// colonHeadings name the part that a line ending in a colon introduces, by the words it
// holds; the first group that matches decides ("Nice to have skills:" is preferred).
var colonHeadings = []struct {
	part  part
	words []string
}{
	{partIgnored, []string{"benefit", "we offer", "perks", "compensation", "salary", "how to apply",
		"hiring process", "interview process"}},
	{partPreferred, []string{"nice to have", "nice-to-have", "bonus", "plus", "preferred", "advantage",
		"desirable", "would be great", "ideally", "extra points"}},
	{partRequired, []string{"requirement", "require", "qualification", "skills", "must have",
		"you have", "you bring", "you need", "you'll need", "you will need", "looking for", "we expect",
		"profile", "who you are", "about you", "capabilities"}},
	{partOther, []string{"responsibilit", "you will", "you'll", "tasks", "mission", "what you",
		"role", "about", "description", "overview", "duties"}},
}

// colonHeading reads a line that ends in a colon (folded) as a heading when its words name a
// part.
func colonHeading(folded string) (part, bool) {
	for _, g := range colonHeadings {
		for _, w := range g.words {
			if strings.Contains(folded, w) {
				return g.part, true
			}
		}
	}
	return 0, false
}

// line is one line of a posting with the part it belongs to.
type line struct {
	start, end int // byte range in the text, without the newline
	part       part
	heading    bool
}

// splitLines splits text into lines and gives each the part the headings above it name. Text
// before the first heading (the title, an untitled intro) is other.
//
// A line that ends in a colon ("This role requires ... including:") introduces a list, not a
// section: the part it names lasts while its items do, and the first long line of prose
// after them (the employer's boilerplate that follows the list) returns to other.
func splitLines(text string, first part) []line {
	out := make([]line, 0, strings.Count(text, "\n")+1)
	cur := first
	list, items := false, 0
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		t := text[start:end]
		l := line{start: start, end: end, part: cur}
		if p, colon, ok := headingOf(t); ok {
			cur = p
			l.part = p
			l.heading = true
			list, items = colon, 0
		} else if list && strings.TrimSpace(t) != "" {
			if items > 0 && !bulleted(t) && len(strings.Fields(t)) > listItemWords {
				cur, list = partOther, false
				l.part = cur
			}
			items++
		}
		out = append(out, l)
		start = end + 1
	}
	return out
}

// listItemWords is the most words a line without a bullet may have and still be an item of
// a list.
const listItemWords = 12

// bulleted reports whether a line starts with a list marker.
func bulleted(s string) bool {
	s = strings.TrimLeft(s, " \t")
	for _, b := range []string{"•", "*", "-", "·", "◦", "▪", "■", "□", "○", "●", "–", "☞", "⌲", "✓", "✔", "→"} {
		if strings.HasPrefix(s, b) {
			return true
		}
	}
	return len(s) > 1 && s[0] >= '0' && s[0] <= '9' && (s[1] == '.' || s[1] == ')')
}

// optional reports whether a requirement bullet says of itself that it is optional
// ("~ 경험자 우대", "있으면 좋습니다", "is a plus", "nice to have").
func optional(folded string) bool {
	return optionalMarkers.in(folded)
}

var optionalMarkers = newWordSet(
	"우대", "있으면 좋", "있으시면 좋", "있다면 좋", "있으면 더 좋", "있다면 더 좋", "가산점", "플러스",
	"면 좋습니다", "면 좋아요", "면 좋겠", "이면 더", "하시면 좋",
	"is a plus", "a plus", "is a bonus", "a bonus", "nice to have", "nice-to-have", "preferred",
	"is an advantage", "an advantage", "is desirable", "desirable", "would be great",
	"would be nice", "bonus points", "ideally", "good to have", "is a big plus", "plus if",
)
