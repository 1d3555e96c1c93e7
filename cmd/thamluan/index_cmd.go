package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"sync"
	"time"

	"thamluan/corpus"
	"thamluan/index"
)

// indexReport is the summary of an index run; --report writes it as JSON.
type indexReport struct {
	Index     string        `json:"index"`
	Files     int           `json:"files"`
	Indexed   int           `json:"indexed"`
	Unchanged int           `json:"unchanged"`
	Pruned    int           `json:"pruned"`
	Failed    []failure     `json:"failed"`
	Sections  int           `json:"sections"`
	Bytes     int64         `json:"bytes"`
	Elapsed   time.Duration `json:"elapsed_ns"`
}

type failure struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// indexOptions are the flags of `thamluan index`.
type indexOptions struct {
	analysisFlags
	dir       string
	workers   int
	batch     int
	prune     bool
	quiet     bool
	report    string
	include   listFlag
	exclude   listFlag
	reindex   bool
	indexOpts corpus.DiscoverOptions
}

func runIndex(ctx context.Context, e *env, args []string) error {
	flags := newFlags(e, "index", "PATH...", "Add or update documents (files, or every document under folders) in an index.\nUnchanged files are skipped; changed files replace their old sections.")
	var o indexOptions
	o.register(flags)
	flags.StringVar(&o.dir, "index", "", "index `DIR` (created when absent)")
	flags.IntVar(&o.workers, "workers", runtime.NumCPU(), "parallel extraction and analysis workers")
	flags.IntVar(&o.batch, "batch", 200, "documents per durable batch")
	flags.BoolVar(&o.prune, "prune", false, "remove documents whose files are gone from the named folders")
	flags.BoolVar(&o.quiet, "quiet", false, "no progress output")
	flags.BoolVar(&o.reindex, "force", false, "re-read and re-index every file, changed or not")
	flags.StringVar(&o.report, "report", "", "write the run's summary as JSON to `FILE`")
	flags.Var(&o.include, "include", "only files matching this glob `PATTERN` (repeatable)")
	flags.Var(&o.exclude, "exclude", "skip files matching this glob `PATTERN` (repeatable)")
	if err := parse(flags, args); err != nil {
		return err
	}
	if o.dir == "" {
		return fmt.Errorf("%w: --index DIR is required", errUsage)
	}
	if flags.NArg() == 0 {
		return fmt.Errorf("%w: name at least one file or folder", errUsage)
	}
	an, err := o.analyzer()
	if err != nil {
		return err
	}
	files, err := corpus.Discover(flags.Args(), corpus.DiscoverOptions{Include: o.include, Exclude: o.exclude})
	if err != nil {
		return err
	}
	ix, err := index.OpenOrCreate(o.dir)
	if err != nil {
		return err
	}
	p := &processor{analyzer: an, read: corpus.ReadOptions{AllowLowQuality: o.allowLowQuality}, roots: flags.Args()}
	rep, err := indexFiles(ctx, e, ix, p, files, &o)
	if cerr := ix.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if !o.quiet {
		printf(e.stderr, "đã lập chỉ mục %d, không đổi %d, lỗi %d, đã gỡ %d (%d tệp, %.1fs)\n",
			rep.Indexed, rep.Unchanged, len(rep.Failed), rep.Pruned, rep.Files, rep.Elapsed.Seconds())
	}
	for _, f := range rep.Failed {
		printf(e.stderr, "  lỗi: %s: %s\n", f.Path, f.Reason)
	}
	if o.report != "" {
		data, _ := json.MarshalIndent(rep, "", "  ")
		if err := os.WriteFile(o.report, append(data, '\n'), 0o644); err != nil {
			return fmt.Errorf("write report %s: %w", o.report, err)
		}
	}
	if len(rep.Failed) > 0 {
		return fmt.Errorf("%w: %d of %d files could not be indexed", errPartial, len(rep.Failed), rep.Files)
	}
	return nil
}

type job struct {
	path string
	info os.FileInfo
}

type result struct {
	path string
	info os.FileInfo
	doc  *corpus.Document
	err  error
}

// indexFiles runs the workers that read and analyse files and the single writer that batches
// them into the index. A document is recorded as indexed only in the batch that holds its sections.
func indexFiles(ctx context.Context, e *env, ix *index.Index, p *processor, files []string, o *indexOptions) (*indexReport, error) {
	start := time.Now()
	rep := &indexReport{Index: o.dir, Files: len(files), Failed: []failure{}}
	var todo []job
	for _, f := range files {
		info, err := os.Stat(f)
		if err != nil {
			rep.Failed = append(rep.Failed, failure{f, err.Error()})
			continue
		}
		if !o.reindex {
			rec, err := ix.Record(f)
			if err != nil {
				return nil, err
			}
			if rec != nil && rec.Size == info.Size() && rec.ModTime.Equal(info.ModTime().UTC()) {
				rep.Unchanged++
				continue
			}
		}
		todo = append(todo, job{f, info})
		rep.Bytes += info.Size()
	}
	prog := newProgress(e, o.quiet, len(todo), rep.Bytes)
	jobs := make(chan job)
	results := make(chan result, o.workers*2)
	var wg sync.WaitGroup
	for range max(o.workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				doc, err := p.process(j.path)
				results <- result{j.path, j.info, doc, err}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, j := range todo {
			select {
			case jobs <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	b := ix.NewBatch()
	pending := 0
	var werr error
	for r := range results {
		prog.add(r.info.Size())
		if werr != nil {
			continue
		}
		if r.err != nil {
			rep.Failed = append(rep.Failed, failure{r.path, r.err.Error()})
			continue
		}
		if old, _ := ix.Record(r.path); old != nil && old.Hash == r.doc.Hash && !o.reindex {
			// touched but not changed: refresh the recorded identity only
			rep.Unchanged++
		} else {
			rep.Indexed++
		}
		rep.Sections += len(r.doc.Sections)
		if err := b.Add(r.doc, r.info.ModTime().UTC()); err != nil {
			rep.Failed = append(rep.Failed, failure{r.path, err.Error()})
			continue
		}
		if pending++; pending >= o.batch {
			werr = b.Flush()
			pending = 0
		}
	}
	if werr == nil {
		werr = b.Flush()
	}
	prog.finish()
	if werr != nil {
		return nil, werr
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("interrupted: the documents indexed so far are kept; run again to finish: %w", err)
	}
	if o.prune {
		n, err := prune(ix)
		if err != nil {
			return nil, err
		}
		rep.Pruned = n
	}
	rep.Elapsed = time.Since(start)
	return rep, nil
}

// prune removes the documents whose files no longer exist.
func prune(ix *index.Index) (int, error) {
	recs, err := ix.Records()
	if err != nil {
		return 0, err
	}
	b := ix.NewBatch()
	n := 0
	for _, r := range recs {
		if _, err := os.Stat(r.Path); !errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err := b.Remove(r.Path); err != nil {
			return n, err
		}
		n++
	}
	return n, b.Flush()
}
