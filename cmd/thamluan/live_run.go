package main

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"thamluan/corpus"
	"thamluan/index"
)

// runState is what an index run handed to the process that holds the writer (a server, see
// host.go) carries in its context: the open writer, the folder the caller's relative paths are
// resolved against, and where progress, commits and the report go.
type runState struct {
	dir       string       // the index folder the host holds
	ix        *index.Index // the host's writer
	base      string       // the caller's working folder
	committed func()       // after each durable batch
	pace      func()       // before each file is read
	tap       func(files int, bytes int64, every time.Duration, quiet bool) progressSink
	report    func(*indexReport)
}

type runKey struct{}

func withRun(ctx context.Context, st *runState) context.Context {
	return context.WithValue(ctx, runKey{}, st)
}

func runOf(ctx context.Context) *runState {
	st, _ := ctx.Value(runKey{}).(*runState)
	return st
}

// liveRun sets the options of a run handed over to a host: the caller's working folder, the
// commit hook and the pace of the reads.
func liveRun(ctx context.Context, o *indexOptions) {
	if st := runOf(ctx); st != nil {
		o.base, o.committed, o.pace = st.base, st.committed, st.pace
	}
}

// openForRun opens the index of an index run. A run handed to a host writes through the host's
// open writer; any other run opens the index for writing itself and, while it runs, answers the
// searches and statistics of other processes (host.go). done closes what was opened.
func openForRun(ctx context.Context, o *indexOptions) (*index.Index, func() error, error) {
	if st := runOf(ctx); st != nil {
		if !sameFolder(st.dir, o.dir) {
			return nil, nil, fmt.Errorf("máy chủ này giữ chỉ mục %s, không phải %s", st.dir, o.dir)
		}
		return st.ix.View(true), func() error { return nil }, nil
	}
	ix, err := index.OpenOrCreate(o.dir)
	if err != nil {
		return nil, nil, err
	}
	h := startHost(ix, o.dir)
	return ix, func() error { h.stop(); return ix.Close() }, nil
}

// reportRun hands the report of a finished run to the job that ran it, if any.
func reportRun(ctx context.Context, rep *indexReport) {
	if st := runOf(ctx); st != nil && st.report != nil {
		st.report(rep)
	}
}

// progressSink receives the progress of a run, one file at a time.
type progressSink interface {
	add(bytes int64)
	finish()
}

// progressFor returns the progress display of a run: the caller's terminal or log for a local
// run, the job's tap for a handed-over one (which forwards it to the caller).
func progressFor(ctx context.Context, e *env, o *indexOptions, files int, bytes int64) progressSink {
	if st := runOf(ctx); st != nil && st.tap != nil {
		return st.tap(files, bytes, o.logEvery, o.quiet)
	}
	return newProgress(e, o.quiet, files, bytes, o.logEvery)
}

// disk returns where the file recorded as p is found: p itself, or p under the caller's working
// folder for a handed-over run, so that records keep the names the caller gave.
func (o *indexOptions) disk(p string) string {
	if o.base == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(o.base, p)
}

func (o *indexOptions) diskPaths(ps []string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = o.disk(p)
	}
	return out
}

// discover lists the documents under o.roots, named as the caller named them; unreadable paths
// and empty folders are skipped and reported as the local run reports them. With --prune an
// empty folder is no warning: its documents were removed, and pruning them is the run's work
// (a watched folder emptied, or not yet filled).
func (o *indexOptions) discover(e *env) ([]string, int, error) {
	opt := corpus.DiscoverOptions{Include: o.include, Exclude: o.exclude}
	if o.base == "" {
		return discoverFolders(e, o.roots, opt, o.prune)
	}
	files, skipped, err := discoverFolders(e, o.diskPaths(o.roots), opt, o.prune)
	if err != nil {
		return nil, skipped, err
	}
	for i, f := range files {
		for _, r := range o.roots {
			switch {
			case f == o.disk(r):
				files[i] = r // a file named as such keeps its name exactly
			case !filepath.IsAbs(r) && beneath(f, []string{o.disk(r)}):
				if rel, err := filepath.Rel(o.base, f); err == nil {
					files[i] = rel
				}
			default:
				continue
			}
			break
		}
	}
	return files, skipped, nil
}

// sameFolder reports whether a and b name the same folder.
func sameFolder(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	ba, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == ba
}
