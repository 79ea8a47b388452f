package matcher

import (
	_ "embed"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The role dictionary (roles.yaml): what a role a user names in plain words ("ML engineer",
// "데이터 사이언티스트") means in postings, across languages and spellings.
//
//go:embed roles.yaml
var builtinRoles []byte

// Role is one role of the dictionary.
type Role struct {
	Name       string   `yaml:"name"`
	Aliases    []string `yaml:"aliases"`
	Titles     []string `yaml:"titles"`     // words a posting's title holds
	Categories []int    `yaml:"categories"` // Wanted category ids
}

// Roles looks roles up by any spelling.
type Roles struct {
	roles  []Role
	byName map[string]int // roleKey of a name or alias -> role
}

// BuiltinRoles loads the embedded role dictionary.
func BuiltinRoles() (*Roles, error) { return LoadRoles(builtinRoles) }

// LoadRoles parses a role dictionary in the roles.yaml format.
func LoadRoles(data []byte) (*Roles, error) {
	var f struct {
		Version int    `yaml:"version"`
		Roles   []Role `yaml:"roles"`
	}
	if err := yaml.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("role dictionary: %w", err)
	}
	if f.Version != 1 {
		return nil, fmt.Errorf("role dictionary: unsupported version %d", f.Version)
	}
	r := &Roles{roles: f.Roles, byName: map[string]int{}}
	for i, role := range f.Roles {
		if role.Name == "" || len(role.Titles) == 0 {
			return nil, fmt.Errorf("role dictionary: role %d needs a name and title words", i+1)
		}
		for _, s := range append([]string{role.Name}, role.Aliases...) {
			k := roleKey(s)
			if j, ok := r.byName[k]; ok && j != i {
				return nil, fmt.Errorf("role dictionary: %q names both %s and %s", s, f.Roles[j].Name, role.Name)
			}
			r.byName[k] = i
		}
	}
	return r, nil
}

// Lookup returns the role a user's word names, if the dictionary knows it: "ml engineer",
// "머신러닝 엔지니어" and "AI 엔지니어" are all ML Engineer.
func (r *Roles) Lookup(word string) (Role, bool) {
	i, ok := r.byName[roleKey(word)]
	if !ok {
		return Role{}, false
	}
	return r.roles[i], true
}

// roleKey folds a role's spelling: case, spaces, hyphens and dots do not count.
func roleKey(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(strings.TrimSpace(s)) {
		switch c {
		case ' ', '-', '_', '.', '/':
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}
