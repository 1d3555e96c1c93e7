package main

import (
	"context"
	"io/fs"
	"maps"
	"path/filepath"
	"strings"
	"time"
)

// stamp is what the watcher knows of a file without reading it.
type stamp struct {
	size  int64
	mtime time.Time
}

// watch keeps the index in step with the folders roots by polling: every interval it lists
// the files (names, sizes, modification times: nothing is read) and, once a change has been
// quiet for one interval (a copy has finished), runs args (an index run over roots with
// --prune) as a job. The run reads only the files whose size or time differ from their records,
// so an unchanged file is never read again. Polling rather than fsnotify: no new dependency,
// the same behaviour on network shares and USB drives (where change events are unreliable or
// missing) and no per-folder watches to manage; a listing of a few thousand files every two
// seconds costs milliseconds.
func (h *host) watch(ctx context.Context, roots []string, every time.Duration, args []string) {
	title := "theo dõi " + strings.Join(roots, ", ")
	prev := snapshot(roots)
	h.runWatchJob(ctx, title, args)
	dirty := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		}
		cur := snapshot(roots)
		if !maps.Equal(cur, prev) {
			prev, dirty = cur, true
			continue
		}
		if dirty {
			dirty = false
			h.runWatchJob(ctx, title, args)
		}
	}
}

func (h *host) runWatchJob(ctx context.Context, title string, args []string) {
	if ctx.Err() != nil {
		return
	}
	id := h.jobs.Add("watch", title)
	w := &prefixWriter{w: h.log, prefix: "[theo dõi] "}
	h.execute(ctx, id, withServerWorkers(args), "", &env{stdout: w, stderr: w, stdin: strings.NewReader("")}, nil)
}

// snapshot lists the regular, non-hidden files under roots with their size and time.
func snapshot(roots []string) map[string]stamp {
	out := map[string]stamp{}
	for _, root := range roots {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if p != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() {
				return nil
			}
			if info, err := d.Info(); err == nil {
				out[p] = stamp{info.Size(), info.ModTime()}
			}
			return nil
		})
	}
	return out
}
