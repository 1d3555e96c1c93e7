package index

import (
	"context"
	"path/filepath"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// removeStaleSegments opens the closed index once more for writing, while the caller still
// holds the lock: scorch then marks the snapshots before the last one for removal and deletes
// their files when its persister is first idle.
func removeStaleSegments(dir string) error {
	bi, err := bleve.OpenUsing(dir, writerConfig())
	if err != nil {
		return err
	}
	(&Index{dir: dir, bi: bi}).awaitPurge(purgeWait)
	return bi.Close()
}

// purgeWait bounds how long Close waits for scorch to delete the segment files that merges made
// obsolete. Scorch deletes them when its persister is idle; without the wait an index folder
// keeps them (twice the index's size after a compaction) until it is next opened for writing.
const purgeWait = 5 * time.Second

// compactIfMany compacts a writer's index that holds more than closeCompactSegments segments.
func (ix *Index) compactIfMany() error {
	if s := ix.scorch(); s != nil && segments(s) > closeCompactSegments {
		return ix.Compact(context.Background())
	}
	return nil
}

func (ix *Index) scorch() *scorch.Scorch {
	adv, err := ix.bi.Advanced()
	if err != nil {
		return nil
	}
	s, _ := adv.(*scorch.Scorch)
	return s
}

// awaitPurge waits, at most max, until the folder holds no more segment files than the index
// uses, and reports whether it does.
func (ix *Index) awaitPurge(max time.Duration) bool {
	s := ix.scorch()
	if s == nil {
		return true
	}
	for deadline := time.Now().Add(max); ; time.Sleep(20 * time.Millisecond) {
		files, _ := filepath.Glob(filepath.Join(ix.dir, "store", "*.zap"))
		if v, _ := s.StatsMap()["TotFileSegmentsAtRoot"].(uint64); uint64(len(files)) <= v {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
	}
}
