// Command jobs collects job postings into SQLite, reads their requirements, scores the user's
// skills against them and says which few skills to learn next.
package main

import (
	"os"
	"runtime/debug"
)

// memoryLimit is the heap size the garbage collector works to stay under unless GOMEMLIMIT
// says otherwise. A list of 50,000 postings holds about 95 MiB live; without a limit the
// collector lets the heap grow to twice that before it runs. It is a soft limit: a bigger
// database still works, the collector just runs more often.
const memoryLimit = 120 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(run(os.Args[1:], newSystemIO()))
}
