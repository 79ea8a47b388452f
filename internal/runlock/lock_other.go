//go:build !unix

package runlock

import "os"

// Without advisory locks, scrapes are not kept apart; SQLite's own locking still keeps the
// database sound.
func tryLock(f *os.File) (bool, error) { return true, nil }

func unlock(f *os.File) {}
