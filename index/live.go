package index

import (
	"path/filepath"
	"sync"

	"github.com/blevesearch/bleve/v2"
)

// shared holds, by absolute folder, the indexes this process has opened for writing and shares
// with its own readers (see Share).
var shared sync.Map

// Share lets this process's calls to Open(dir) for ix's folder answer with a read-only view of
// ix instead of failing with ErrInUse: the process that holds an index's writer (a server, an
// index run) can then run searches, statistics and exports on it while it writes, and they see
// every batch as soon as Flush returns. The returned function stops the sharing; call it before
// Close.
func (ix *Index) Share() (unshare func()) {
	key := absDir(ix.dir)
	shared.Store(key, ix)
	return func() { shared.CompareAndDelete(key, ix) }
}

// sharedView returns a read-only view of the index this process shares for dir, or nil.
func sharedView(dir string) *Index {
	v, ok := shared.Load(absDir(dir))
	if !ok {
		return nil
	}
	return v.(*Index).View(false)
}

// View returns a view of ix that searches (and, with write, changes) the same open index, and
// whose Close leaves ix open: how one process lends its index to the work it does for others.
// The view must not be used after ix is closed.
func (ix *Index) View(write bool) *Index {
	return &Index{dir: ix.dir, bi: keepOpen{ix.bi}, readOnly: ix.readOnly || !write}
}

// keepOpen is a Bleve index whose Close does nothing.
type keepOpen struct{ lent }

// lent names the embedded index, whose type name would clash with its method Index.
type lent = bleve.Index

// Close leaves the underlying index open.
func (keepOpen) Close() error { return nil }

func absDir(dir string) string {
	if a, err := filepath.Abs(dir); err == nil {
		return a
	}
	return filepath.Clean(dir)
}

// SetAnalysisWorkers sets how many goroutines analyse the documents of a batch while it is
// written (Bleve's default is 4). Call it before opening any index: the indexes opened before
// would be left without workers. A server lowers it so that a batch being written leaves a core
// to its searches.
func SetAnalysisWorkers(n int) {
	bleve.Config.SetAnalysisQueueSize(max(1, n))
}
