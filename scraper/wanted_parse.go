package scraper

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"math"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/jobs-cli/jobs"
)

// kst is Korea Standard Time, the zone of dates Wanted gives without one.
var kst = time.FixedZone("KST", 9*60*60)

// wdPath is the path of a Wanted posting page.
var wdPath = regexp.MustCompile(`^/wd/([0-9]{1,18})/?$`)

// maxInitialDataTries bounds how many "initialData" values of one script are decoded.
const maxInitialDataTries = 16

// maxJSONDepth bounds how deep the search for embedded posting data goes.
const maxJSONDepth = 32

// ParseWantedPage reads the posting embedded in a Wanted /wd/{id} page. It tries, in order:
// the __NEXT_DATA__ script's props.pageProps.initialData; any script holding "initialData"
// (its attributes vary); a schema.org JobPosting JSON-LD block. Every text field is cleaned of
// control characters and ANSI escape sequences. It returns an error starting "no posting data
// in page" when none of them gives a posting.
func ParseWantedPage(body []byte, pageURL string) (*jobs.Posting, error) {
	scripts := pageScripts(body)
	var problems []string

	// 1. <script id="__NEXT_DATA__">
	nextSeen := false
	for _, s := range scripts {
		if s.id != "__NEXT_DATA__" {
			continue
		}
		nextSeen = true
		raw, err := nextInitialData(s.text)
		if err != nil {
			problems = append(problems, err.Error())
			break
		}
		p, err := postingFromInitialData(raw, pageURL)
		if err != nil {
			problems = append(problems, "__NEXT_DATA__ "+err.Error())
			break
		}
		return p, nil
	}
	if !nextSeen {
		problems = append(problems, "no __NEXT_DATA__ script")
	}

	// 2. any script holding "initialData"
	for _, s := range scripts {
		if !strings.Contains(s.text, "initialData") {
			continue
		}
		for _, raw := range findInitialData(s.text) {
			if p, err := postingFromInitialData(raw, pageURL); err == nil {
				return p, nil
			}
		}
	}

	// 3. schema.org JobPosting JSON-LD
	p, ldProblems, ldSeen := ldPosting(scripts, pageURL, postingFromJSONLD)
	if p != nil {
		return p, nil
	}
	problems = append(problems, ldProblems...)
	if !ldSeen {
		problems = append(problems, "no JSON-LD JobPosting")
	}
	return nil, fmt.Errorf("no posting data in page: %s", strings.Join(problems, "; "))
}

// nextInitialData returns props.pageProps.initialData of a __NEXT_DATA__ document.
func nextInitialData(text string) (json.RawMessage, error) {
	var doc struct {
		Props struct {
			PageProps struct {
				InitialData json.RawMessage `json:"initialData"`
			} `json:"pageProps"`
		} `json:"props"`
	}
	if err := json.Unmarshal([]byte(strings.TrimSpace(text)), &doc); err != nil {
		return nil, fmt.Errorf("invalid __NEXT_DATA__ JSON: %s", shortJSONError(err))
	}
	raw := doc.Props.PageProps.InitialData
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return nil, errors.New("__NEXT_DATA__ has no props.pageProps.initialData")
	}
	return raw, nil
}

// findInitialData finds the values of "initialData" keys in a script: by walking the JSON
// when the whole script is JSON, else by decoding the JSON value after each occurrence of
// the key (a script may assign an object literal to a variable).
func findInitialData(text string) []json.RawMessage {
	var out []json.RawMessage
	trimmed := strings.TrimSpace(text)
	if json.Valid([]byte(trimmed)) {
		walkRaw(json.RawMessage(trimmed), 0, func(key string, v json.RawMessage) {
			if key == "initialData" {
				out = append(out, v)
			}
		})
		return out
	}
	const key = "initialData"
	for i, tries := 0, 0; i < len(text) && tries < maxInitialDataTries; {
		j := strings.Index(text[i:], key)
		if j < 0 {
			break
		}
		pos := i + j + len(key)
		i = pos
		rest := strings.TrimLeft(strings.TrimPrefix(text[pos:], `"`), " \t\r\n")
		if !strings.HasPrefix(rest, ":") {
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t\r\n")
		if !strings.HasPrefix(rest, "{") {
			continue
		}
		tries++
		var v json.RawMessage
		if err := json.NewDecoder(strings.NewReader(rest)).Decode(&v); err == nil {
			out = append(out, v)
		}
	}
	return out
}

// walkRaw calls fn for every key of every object inside v, outermost first.
func walkRaw(v json.RawMessage, depth int, fn func(key string, v json.RawMessage)) {
	if depth > maxJSONDepth {
		return
	}
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return
	}
	switch v[0] {
	case '{':
		var m map[string]json.RawMessage
		if json.Unmarshal(v, &m) != nil {
			return
		}
		for k, child := range m {
			fn(k, child)
		}
		for _, child := range m {
			walkRaw(child, depth+1, fn)
		}
	case '[':
		var a []json.RawMessage
		if json.Unmarshal(v, &a) != nil {
			return
		}
		for _, child := range a {
			walkRaw(child, depth+1, fn)
		}
	}
}

// postingFromInitialData maps Wanted's initialData object (fields in SOURCES.md) to a
// posting. Numbers may come as strings and any field may be missing; an object with neither
// a position nor a company is not posting data.
func postingFromInitialData(raw json.RawMessage, pageURL string) (*jobs.Posting, error) {
	var v any
	if err := decodeJSON(raw, &v); err != nil {
		return nil, fmt.Errorf("initialData is invalid JSON: %s", shortJSONError(err))
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, errors.New("initialData is not an object")
	}
	p := &jobs.Posting{
		Source:   "wanted",
		URL:      pageURL,
		SourceID: idString(m["id"]),
		Title:    cleanLine(asString(m["position"])),
		Status:   jobs.StatusOpen,
		Sections: jobs.Sections{
			Intro:        cleanBlock(asString(m["intro"])),
			MainTasks:    cleanBlock(asString(m["main_tasks"])),
			Requirements: cleanBlock(asString(m["requirements"])),
			Preferred:    cleanBlock(asString(m["preferred_points"])),
			Benefits:     cleanBlock(asString(m["benefits"])),
			HireRounds:   cleanBlock(asString(m["hire_rounds"])),
		},
		EmploymentType: cleanLine(asString(m["employment_type"])),
	}
	switch c := m["company"].(type) {
	case map[string]any:
		p.Company = cleanLine(asString(c["company_name"]))
		if p.Company == "" {
			p.Company = cleanLine(asString(c["name"]))
		}
	case string:
		p.Company = cleanLine(c)
	}
	if p.Title == "" && p.Company == "" {
		return nil, errors.New("initialData has no position and no company")
	}
	if p.Title == "" {
		return nil, errors.New("initialData has no position")
	}
	if p.SourceID == "" {
		p.SourceID = wantedIDFromURL(pageURL)
	}
	// A status Wanted does not send is read as open: a renamed field must not close every
	// posting. Any other value than "active" ("close", ...) is closed.
	if st := strings.ToLower(strings.TrimSpace(asString(m["status"]))); st != "" && st != "active" {
		p.Status = jobs.StatusClosed
	}
	p.Due = parseDue(m["due_time"])
	p.Location = wantedLocation(m["address"])
	p.Remote, _ = asBool(m["is_remote_work"])
	p.Career = wantedCareer(m)
	p.Categories = wantedCategories(m)
	p.Raw = compactJSON(raw)
	return p, nil
}

// wantedLocation is address.full_location, else location and district.
func wantedLocation(v any) string {
	switch a := v.(type) {
	case map[string]any:
		if full := cleanLine(asString(a["full_location"])); full != "" {
			return full
		}
		return cleanLine(asString(a["location"]) + " " + asString(a["district"]))
	case string:
		return cleanLine(a)
	}
	return ""
}

// wantedCareer reads career{annual_from, annual_to, is_newbie} (or the same keys at the top
// level). annual_to 100 or null means no upper bound.
func wantedCareer(m map[string]any) *jobs.Career {
	src := m
	if c, ok := m["career"].(map[string]any); ok {
		src = c
	}
	from, hasFrom := asInt(src["annual_from"])
	to, hasTo := asInt(src["annual_to"])
	newbie, hasNewbie := asBool(src["is_newbie"])
	if !hasFrom && !hasTo && !hasNewbie {
		return nil
	}
	c := &jobs.Career{Min: max(from, 0), Newbie: newbie}
	if hasTo && to >= 0 && to < 100 && to >= c.Min {
		c.Max = &to
	}
	return c
}

// wantedCategories reads category_tag{parent_tag{id}, child_tags[{id}]} and the list form
// category_tags[{parent_id, id}]: parent ids first, then children, without duplicates.
func wantedCategories(m map[string]any) []int {
	var out []int
	seen := map[int]bool{}
	add := func(v any) {
		if id, ok := asInt(v); ok && id > 0 && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	if ct, ok := m["category_tag"].(map[string]any); ok {
		if parent, ok := ct["parent_tag"].(map[string]any); ok {
			add(parent["id"])
		}
		add(ct["parent_id"])
		if children, ok := ct["child_tags"].([]any); ok {
			for _, c := range children {
				if cm, ok := c.(map[string]any); ok {
					add(cm["id"])
				}
			}
		}
	}
	if list, ok := m["category_tags"].([]any); ok {
		for _, c := range list {
			if cm, ok := c.(map[string]any); ok {
				add(cm["parent_id"])
			}
		}
		for _, c := range list {
			if cm, ok := c.(map[string]any); ok {
				add(cm["id"])
			}
		}
	}
	return out
}

// parseDue reads due_time: null or "" = rolling (nil); a date is the end of that day in
// Korea; a date-time without a zone is Korean time; a number is epoch seconds or ms.
func parseDue(v any) *time.Time {
	switch d := v.(type) {
	case string:
		t, dateOnly, err := parseTimeFlexible(d, kst)
		if err != nil {
			return nil
		}
		if dateOnly {
			t = t.Add(24*time.Hour - time.Second)
		}
		return &t
	case json.Number:
		n, err := d.Int64()
		if err != nil || n <= 0 {
			return nil
		}
		var t time.Time
		if n > 1e11 {
			t = time.UnixMilli(n)
		} else {
			t = time.Unix(n, 0)
		}
		t = t.In(kst)
		return &t
	}
	return nil
}

// findJobPostings finds schema.org JobPosting objects in a JSON-LD document: at the top,
// in arrays and in @graph.
func findJobPostings(v any, depth int) []map[string]any {
	if depth > maxJSONDepth {
		return nil
	}
	var out []map[string]any
	switch d := v.(type) {
	case []any:
		for _, e := range d {
			out = append(out, findJobPostings(e, depth+1)...)
		}
	case map[string]any:
		if isType(d["@type"], "JobPosting") {
			out = append(out, d)
		}
		if g, ok := d["@graph"]; ok {
			out = append(out, findJobPostings(g, depth+1)...)
		}
	}
	return out
}

func isType(v any, want string) bool {
	switch t := v.(type) {
	case string:
		return strings.EqualFold(strings.TrimSpace(t), want) ||
			strings.HasSuffix(strings.ToLower(t), "/"+strings.ToLower(want))
	case []any:
		for _, e := range t {
			if isType(e, want) {
				return true
			}
		}
	}
	return false
}

// postingFromJSONLD maps a schema.org JobPosting. Its description (HTML, sometimes escaped
// twice) becomes text lines in Sections.Description for the matcher to split by headings.
func postingFromJSONLD(jp map[string]any, pageURL string) (*jobs.Posting, error) {
	p := &jobs.Posting{
		Source: "wanted",
		URL:    pageURL,
		Title:  cleanLine(asString(jp["title"])),
		Status: jobs.StatusOpen,
	}
	if p.Title == "" {
		return nil, errors.New("JobPosting has no title")
	}
	switch org := jp["hiringOrganization"].(type) {
	case map[string]any:
		p.Company = cleanLine(asString(org["name"]))
	case string:
		p.Company = cleanLine(org)
	}
	desc := asString(jp["description"])
	if !strings.Contains(desc, "<") && strings.Contains(desc, "&lt;") {
		desc = html.UnescapeString(desc)
	}
	p.Sections.Description = htmlToText(desc)
	switch id := jp["identifier"].(type) {
	case map[string]any:
		p.SourceID = idString(id["value"])
	case string, json.Number:
		p.SourceID = idString(id)
	}
	if p.SourceID == "" {
		p.SourceID = wantedIDFromURL(pageURL)
	}
	ldFacts(p, jp)
	return p, nil
}

// ldFacts sets what a schema.org JobPosting says the same way on every site: its deadline,
// employment type, place, remote work, years of experience, and the record itself as the
// raw payload.
func ldFacts(p *jobs.Posting, jp map[string]any) {
	p.Due = parseDue(jp["validThrough"])
	p.EmploymentType = ldEmploymentType(jp["employmentType"])
	p.Location = ldLocation(jp["jobLocation"])
	p.Remote = strings.EqualFold(strings.TrimSpace(asString(jp["jobLocationType"])), "TELECOMMUTE")
	if exp, ok := jp["experienceRequirements"].(map[string]any); ok {
		if months, ok := asInt(exp["monthsOfExperience"]); ok && months >= 0 {
			p.Career = &jobs.Career{Min: months / 12}
		}
	}
	if raw, err := marshalCompact(jp); err == nil {
		p.Raw = raw
	}
}

// ldEmploymentType maps schema.org employment types to Wanted's words.
func ldEmploymentType(v any) string {
	if list, ok := v.([]any); ok && len(list) > 0 {
		v = list[0]
	}
	t := strings.ToUpper(strings.TrimSpace(asString(v)))
	switch t {
	case "":
		return ""
	case "FULL_TIME":
		return "regular"
	case "CONTRACTOR", "TEMPORARY":
		return "contract"
	case "INTERN":
		return "intern"
	case "PART_TIME":
		return "part_time"
	}
	return cleanLine(strings.ToLower(t))
}

// ldLocation reads jobLocation{address{streetAddress | addressRegion addressLocality}}.
func ldLocation(v any) string {
	if list, ok := v.([]any); ok && len(list) > 0 {
		v = list[0]
	}
	place, ok := v.(map[string]any)
	if !ok {
		return ""
	}
	switch a := place["address"].(type) {
	case string:
		return cleanLine(a)
	case map[string]any:
		if s := cleanLine(asString(a["streetAddress"])); s != "" {
			return s
		}
		return cleanLine(asString(a["addressRegion"]) + " " + asString(a["addressLocality"]))
	}
	return ""
}

// wantedIDFromURL is the id of a /wd/{id} URL, "" for any other.
func wantedIDFromURL(pageURL string) string {
	u, err := url.Parse(pageURL)
	if err != nil {
		return ""
	}
	if m := wdPath.FindStringSubmatch(u.Path); m != nil {
		return normalizeID(m[1])
	}
	return ""
}

// normalizeID drops leading zeros from a decimal id; "" when it is zero.
func normalizeID(s string) string {
	s = strings.TrimLeft(s, "0")
	return s
}

// idString reads an id given as a number or a string of digits.
func idString(v any) string {
	switch d := v.(type) {
	case json.Number:
		if n, err := d.Int64(); err == nil && n > 0 {
			return strconv.FormatInt(n, 10)
		}
		if f, err := d.Float64(); err == nil && f > 0 && f < 1e18 && f == math.Trunc(f) {
			return strconv.FormatInt(int64(f), 10)
		}
	case string:
		s := strings.TrimSpace(d)
		if s != "" && len(s) <= 18 && strings.Trim(s, "0123456789") == "" {
			return normalizeID(s)
		}
	}
	return ""
}

// asString reads a JSON string, or a number as its text; anything else is "".
func asString(v any) string {
	switch d := v.(type) {
	case string:
		return d
	case json.Number:
		return d.String()
	}
	return ""
}

// asInt reads a JSON number or a string holding one; ok is false for anything else.
func asInt(v any) (int, bool) {
	var s string
	switch d := v.(type) {
	case json.Number:
		s = d.String()
	case string:
		s = strings.TrimSpace(d)
	default:
		return 0, false
	}
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsNaN(f) && math.Abs(f) < 1e9 {
		return int(f), true
	}
	return 0, false
}

// asBool reads true/false, "true"/"false", "Y"/"N", 1/0.
func asBool(v any) (bool, bool) {
	switch d := v.(type) {
	case bool:
		return d, true
	case json.Number:
		return d.String() != "0", true
	case string:
		switch strings.ToLower(strings.TrimSpace(d)) {
		case "true", "y", "yes", "1":
			return true, true
		case "false", "n", "no", "0":
			return false, true
		}
	}
	return false, false
}

// decodeJSON decodes one JSON document, keeping numbers as json.Number.
func decodeJSON(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("data after the JSON value")
	}
	return nil
}

func compactJSON(raw json.RawMessage) []byte {
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		return append([]byte(nil), raw...)
	}
	return b.Bytes()
}

func marshalCompact(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// jsonRecord decodes one record of a list as a JSON object; problem says why it is not one
// ("a job record is invalid JSON: ...", what naming the record).
func jsonRecord(raw json.RawMessage, what string) (m map[string]any, problem string) {
	var v any
	if err := decodeJSON(raw, &v); err != nil {
		return nil, "a " + what + " record is invalid JSON: " + shortJSONError(err)
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, "a " + what + " record is not a JSON object"
	}
	return m, ""
}

// shortJSONError is a JSON error in a few words, fit for a failure's reason.
func shortJSONError(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%s (at byte %d)", cleanText(se.Error()), se.Offset)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "unexpected end of JSON input"
	}
	return truncate(cleanText(err.Error()), 120)
}
