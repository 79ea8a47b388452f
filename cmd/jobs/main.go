// Command jobs collects job postings into SQLite, reads their requirements, scores the user's
// skills against them and says which few skills to learn next.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], newSystemIO())) }
