package main

import (
	"strconv"

	"github.com/jobs-cli/jobs/internal/jsonout"
)

// AppendJSON appends j as encoding/json writes it with HTML escaping off, byte for byte (a
// test holds the two equal): `list --json` of tens of thousands of postings spends most of
// its time in reflection otherwise.
func (j *postingJSON) AppendJSON(b []byte) []byte {
	b = append(b, `{"id":`...)
	b = jsonout.AppendString(b, j.ID)
	b = append(b, `,"source":`...)
	b = jsonout.AppendString(b, j.Source)
	b = append(b, `,"source_id":`...)
	b = jsonout.AppendString(b, j.SourceID)
	b = append(b, `,"company":`...)
	b = jsonout.AppendString(b, j.Company)
	b = append(b, `,"title":`...)
	b = jsonout.AppendString(b, j.Title)
	b = append(b, `,"url":`...)
	b = jsonout.AppendString(b, j.URL)
	b = append(b, `,"status":`...)
	b = jsonout.AppendString(b, j.Status)
	b = append(b, `,"score":`...)
	b = jsonout.AppendFloat(b, j.Score)
	b = append(b, `,"band":`...)
	b = jsonout.AppendString(b, j.Band)
	b = append(b, `,"matched":`...)
	b = jsonout.AppendStrings(b, j.Matched)
	b = append(b, `,"missing":`...)
	b = jsonout.AppendStrings(b, j.Missing)
	b = append(b, `,"missing_groups":`...)
	if j.MissingGroups == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, g := range j.MissingGroups {
			if i > 0 {
				b = append(b, ',')
			}
			b = jsonout.AppendStrings(b, g)
		}
		b = append(b, ']')
	}
	b = append(b, `,"missing_preferred":`...)
	b = jsonout.AppendStrings(b, j.MissingPreferred)
	b = append(b, `,"partial":`...)
	b = jsonout.AppendStrings(b, j.Partial)
	b = append(b, `,"required":`...)
	b = jsonout.AppendStrings(b, j.Required)
	b = append(b, `,"preferred":`...)
	b = jsonout.AppendStrings(b, j.Preferred)
	b = append(b, `,"min_years":`...)
	b = jsonout.AppendIntPtr(b, j.MinYears)
	b = append(b, `,"max_years":`...)
	b = jsonout.AppendIntPtr(b, j.MaxYears)
	b = append(b, `,"degree":`...)
	b = jsonout.AppendStringPtr(b, j.Degree)
	if j.Major != "" {
		b = append(b, `,"major":`...)
		b = jsonout.AppendString(b, j.Major)
	}
	b = append(b, `,"newcomer":`...)
	b = strconv.AppendBool(b, j.Newcomer)
	if j.EmploymentType != "" {
		b = append(b, `,"employment_type":`...)
		b = jsonout.AppendString(b, j.EmploymentType)
	}
	if j.Location != "" {
		b = append(b, `,"location":`...)
		b = jsonout.AppendString(b, j.Location)
	}
	b = append(b, `,"due":`...)
	b = jsonout.AppendStringPtr(b, j.Due)
	b = append(b, `,"first_seen":`...)
	b = jsonout.AppendString(b, j.FirstSeen)
	b = append(b, `,"last_seen":`...)
	b = jsonout.AppendString(b, j.LastSeen)
	if j.ClosedAt != nil {
		b = append(b, `,"closed_at":`...)
		b = jsonout.AppendString(b, *j.ClosedAt)
	}
	b = append(b, `,"updated":`...)
	b = strconv.AppendBool(b, j.Updated)
	if j.UpdatedAt != nil {
		b = append(b, `,"updated_at":`...)
		b = jsonout.AppendString(b, *j.UpdatedAt)
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
			b = jsonout.AppendString(b, s.Source)
			b = append(b, `,"source_id":`...)
			b = jsonout.AppendString(b, s.SourceID)
			b = append(b, `,"url":`...)
			b = jsonout.AppendString(b, s.URL)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}')
}
