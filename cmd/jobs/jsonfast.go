package main

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// appendJSON appends j as encoding/json writes it with HTML escaping off, byte for byte (a
// test holds the two equal): `list --json` of tens of thousands of postings spends most of
// its time in reflection otherwise.
func (j *postingJSON) appendJSON(b []byte) []byte {
	b = append(b, `{"id":`...)
	b = appendJSONString(b, j.ID)
	b = append(b, `,"source":`...)
	b = appendJSONString(b, j.Source)
	b = append(b, `,"source_id":`...)
	b = appendJSONString(b, j.SourceID)
	b = append(b, `,"company":`...)
	b = appendJSONString(b, j.Company)
	b = append(b, `,"title":`...)
	b = appendJSONString(b, j.Title)
	b = append(b, `,"url":`...)
	b = appendJSONString(b, j.URL)
	b = append(b, `,"status":`...)
	b = appendJSONString(b, j.Status)
	b = append(b, `,"score":`...)
	b = appendJSONFloat(b, j.Score)
	b = append(b, `,"band":`...)
	b = appendJSONString(b, j.Band)
	b = append(b, `,"matched":`...)
	b = appendJSONStrings(b, j.Matched)
	b = append(b, `,"missing":`...)
	b = appendJSONStrings(b, j.Missing)
	b = append(b, `,"missing_groups":`...)
	if j.MissingGroups == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, g := range j.MissingGroups {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONStrings(b, g)
		}
		b = append(b, ']')
	}
	b = append(b, `,"missing_preferred":`...)
	b = appendJSONStrings(b, j.MissingPreferred)
	b = append(b, `,"partial":`...)
	b = appendJSONStrings(b, j.Partial)
	b = append(b, `,"required":`...)
	b = appendJSONStrings(b, j.Required)
	b = append(b, `,"preferred":`...)
	b = appendJSONStrings(b, j.Preferred)
	b = append(b, `,"min_years":`...)
	b = appendJSONIntPtr(b, j.MinYears)
	b = append(b, `,"max_years":`...)
	b = appendJSONIntPtr(b, j.MaxYears)
	b = append(b, `,"degree":`...)
	b = appendJSONStringPtr(b, j.Degree)
	if j.Major != "" {
		b = append(b, `,"major":`...)
		b = appendJSONString(b, j.Major)
	}
	b = append(b, `,"newcomer":`...)
	b = strconv.AppendBool(b, j.Newcomer)
	if j.EmploymentType != "" {
		b = append(b, `,"employment_type":`...)
		b = appendJSONString(b, j.EmploymentType)
	}
	if j.Location != "" {
		b = append(b, `,"location":`...)
		b = appendJSONString(b, j.Location)
	}
	b = append(b, `,"due":`...)
	b = appendJSONStringPtr(b, j.Due)
	b = append(b, `,"first_seen":`...)
	b = appendJSONString(b, j.FirstSeen)
	b = append(b, `,"last_seen":`...)
	b = appendJSONString(b, j.LastSeen)
	if j.ClosedAt != nil {
		b = append(b, `,"closed_at":`...)
		b = appendJSONString(b, *j.ClosedAt)
	}
	b = append(b, `,"updated":`...)
	b = strconv.AppendBool(b, j.Updated)
	if j.UpdatedAt != nil {
		b = append(b, `,"updated_at":`...)
		b = appendJSONString(b, *j.UpdatedAt)
	}
	b = append(b, `,"sources":`...)
	if j.Sources == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, s := range j.Sources {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"source":`...)
			b = appendJSONString(b, s.Source)
			b = append(b, `,"source_id":`...)
			b = appendJSONString(b, s.SourceID)
			b = append(b, `,"url":`...)
			b = appendJSONString(b, s.URL)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

func appendJSONStrings(b []byte, ss []string) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

func appendJSONStringPtr(b []byte, s *string) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	return appendJSONString(b, *s)
}

func appendJSONIntPtr(b []byte, n *int) []byte {
	if n == nil {
		return append(b, "null"...)
	}
	return strconv.AppendInt(b, int64(*n), 10)
}

// appendJSONFloat writes f as encoding/json does: plain decimals, exponents only for the
// very small and very large.
func appendJSONFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// 1e-07 is written 1e-7.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// appendJSONString writes s quoted as encoding/json does without HTML escaping: control
// characters escaped, invalid UTF-8 as U+FFFD, U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
