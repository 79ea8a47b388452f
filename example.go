package jobs

import _ "embed"

// ExampleConfig is config.yaml as shipped at the repository root: the documented example that
// `jobs init` writes and `jobs demo` takes its profile from.
//
//go:embed config.yaml
var ExampleConfig []byte
