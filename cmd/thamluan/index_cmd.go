package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"sync"
	"time"

	"thamluan/cmd/thamluan/msg"
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

// defaultMemoryMB is --memory-mb's default. The collector works hard near the limit, and a
// large run's heap grows with its live segments: 35,440 news articles took 244 s of CPU under
// 256 MB (a run begun under load) and 209 s under 288 MB (quiet), 180 s with no limit but an
// 883 MB peak RSS; under 288 MB the peak RSS was 483 MB (the bound is 500).
const defaultMemoryMB = 288

// indexOptions are the flags of `thamluan index`.
type indexOptions struct {
	analysisFlags
	dir      string
	workers  int
	batch    int
	batchMB  float64
	prune    bool
	quiet    bool
	report   string
	include  listFlag
	exclude  listFlag
	reindex  bool
	logEvery time.Duration
	roots    []string // the files and folders named on the command line
	cpuProf  string
	memProf  string
	memoryMB int
	// Set for a run handed to a live server (live.go), never by flags:
	base      string // folder that relative paths are resolved against ("" for the working folder)
	committed func() // called after each durable batch
	pace      func() // called before each file is read: lets a server's searches go first
}

func runIndex(ctx context.Context, e *env, args []string) error {
	flags := newFlags(e, "index", "PATH...", "Add or update documents (files, or every document under folders) in an index.\n"+
		"Unchanged files (same size and modification time) are skipped without being read; changed\n"+
		"files replace their old sections. A run that is interrupted or killed keeps every batch\n"+
		"written so far; run it again to finish.")
	var o indexOptions
	o.register(flags)
	flags.StringVar(&o.dir, "index", "", "index `DIR` (created when absent)")
	flags.IntVar(&o.workers, "workers", runtime.NumCPU(), "parallel extraction and analysis workers")
	flags.IntVar(&o.batch, "batch", 1000, "at most this many documents per durable batch")
	flags.Float64Var(&o.batchMB, "batch-mb", 0.5, "write a batch once its sections hold this many `MB` of text (memory is about 200× this, two batches at a time)")
	flags.BoolVar(&o.prune, "prune", false, "remove documents whose files are gone from the named folders")
	flags.BoolVar(&o.quiet, "quiet", false, "no progress output")
	flags.BoolVar(&o.reindex, "force", false, "re-read and re-index every file, changed or not")
	flags.StringVar(&o.report, "report", "", "write the run's summary as JSON to `FILE`")
	flags.Var(&o.include, "include", "only files matching this glob `PATTERN` (repeatable)")
	flags.Var(&o.exclude, "exclude", "skip files matching this glob `PATTERN` (repeatable)")
	flags.DurationVar(&o.logEvery, "log-every", 5*time.Second, "progress line interval when stderr is not a terminal")
	flags.IntVar(&o.memoryMB, "memory-mb", defaultMemoryMB, "soft limit of the program's own memory in `MB` (the garbage collector works harder near it; 0: none; GOMEMLIMIT, when set, wins)")
	flags.StringVar(&o.cpuProf, "cpuprofile", "", "write a CPU profile of the run to `FILE` (for tuning)")
	flags.StringVar(&o.memProf, "memprofile", "", "write a heap profile at the end of the run to `FILE` (for tuning)")
	if err := parse(flags, args); err != nil {
		return err
	}
	if o.cpuProf != "" {
		stop, err := startCPUProfile(o.cpuProf)
		if err != nil {
			return err
		}
		defer stop()
	}
	if o.memProf != "" {
		defer writeHeapProfile(o.memProf)
	}
	if o.memoryMB > 0 && os.Getenv("GOMEMLIMIT") == "" && runOf(ctx) == nil { // a server keeps its own limit
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(int64(o.memoryMB) << 20))
	}
	if o.dir == "" {
		return usageErr(msg.CLINoIndex)
	}
	if flags.NArg() == 0 {
		return usageErr("hãy nêu ít nhất một tệp hoặc thư mục để lập chỉ mục")
	}
	o.roots = flags.Args()
	liveRun(ctx, &o)
	an, err := o.analyzer()
	if err != nil {
		return err
	}
	ro, err := o.readOptions(ctx, filepath.Join(o.dir, "ocr-cache"))
	if err != nil {
		return err
	}
	files, skipped, err := o.discover(e)
	if err != nil {
		return err
	}
	ix, done, err := openForRun(ctx, &o)
	if err != nil {
		return err
	}
	p := &processor{analyzer: an, read: ro, roots: o.diskPaths(o.roots)}
	rep, err := indexFiles(ctx, e, ix, p, files, &o)
	if cerr := done(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	reportRun(ctx, rep)
	return withSkipped(finishReport(e, rep, &o), skipped)
}

// finishReport prints the run's summary, writes --report and turns failures into errPartial.
func finishReport(e *env, rep *indexReport, o *indexOptions) error {
	if !o.quiet {
		printf(e.stderr, "đã lập chỉ mục %d, không đổi %d, lỗi %d, đã gỡ %d (%d tệp, %d phần, %.1f MB, %.1fs)\n",
			rep.Indexed, rep.Unchanged, len(rep.Failed), rep.Pruned, rep.Files, rep.Sections,
			float64(rep.Bytes)/(1<<20), rep.Elapsed.Seconds())
	}
	for _, f := range rep.Failed {
		printf(e.stderr, "  lỗi: %s: %s\n", f.Path, f.Reason)
	}
	if o.report != "" {
		data, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(o.report, append(data, '\n'), 0o644); err != nil {
			return fmt.Errorf("write report %s: %w", o.report, err)
		}
	}
	if len(rep.Failed) > 0 {
		return fmt.Errorf("%w: %d trong %d tệp không lập chỉ mục được", errPartial, len(rep.Failed), rep.Files)
	}
	return nil
}

// result is what a worker hands the writer for one file: a document to index, a record whose
// identity to refresh (touch: same content, new modification time), or an error.
type result struct {
	path  string
	size  int64
	mtime time.Time
	doc   *index.Prepared // the document's sections, analysed for the index
	old   *index.DocRecord
	touch bool
	err   error
}

// indexFiles checks which files changed, then runs the workers that read and analyse them and
// the single writer that batches them into the index. A document's record is written in the
// same batch as its sections, so a crash loses at most the batches not yet flushed, and those
// files are simply indexed again by the next run. Memory is bounded by the batch and the
// channels, not by the number of files: only the paths and one bit per path are held.
func indexFiles(ctx context.Context, e *env, ix *index.Index, p *processor, files []string, o *indexOptions) (*indexReport, error) {
	start := time.Now()
	rep := &indexReport{Index: o.dir, Files: len(files), Failed: []failure{}}
	need, count, err := changedFiles(ix, files, o.reindex, rep, o.disk)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	prog := progressFor(ctx, e, o, count, rep.Bytes)
	results := startWorkers(ctx, ix, p, files, need, max(o.workers, 1), o)
	werr := writeResults(ix, results, rep, prog, o)
	if werr != nil {
		cancel()
		for range results { // let the workers finish
		}
	}
	prog.finish()
	if werr != nil {
		return nil, werr
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("đã dừng giữa chừng: các tài liệu đã lập chỉ mục được giữ lại; hãy chạy lại để hoàn tất: %w", err)
	}
	if o.prune {
		n, err := prune(ix, o.roots, o.disk)
		if err != nil {
			return nil, err
		}
		rep.Pruned = n
	}
	if o.committed != nil && (rep.Indexed > 0 || rep.Pruned > 0) {
		o.committed() // a server's run: the index stays open and Bleve's merger catches up meanwhile
	} else if rep.Indexed > 0 || rep.Pruned > 0 {
		if err := ix.Compact(ctx); err != nil {
			return nil, err
		}
	}
	rep.Elapsed = time.Since(start)
	return rep, nil
}

// Marks of a file in changedFiles.
const (
	skipFile  = iota // unchanged, or not found
	newFile          // changed, and the index holds no record of it
	knownFile        // changed, and the index may hold its record: the worker looks it up
)

// changedFiles marks the files whose size or modification time differ from their records (all
// files with force) and counts them and their bytes; files that cannot be examined are failures.
// A changed file the index has no record of is marked newFile, so that its worker need not look
// the record up again: on a first run, that spares a look-up per file across every segment
// written so far, which grows with the run.
func changedFiles(ix *index.Index, files []string, force bool, rep *indexReport, disk func(string) string) ([]uint8, int, error) {
	need := make([]uint8, len(files))
	count := 0
	for i, f := range files {
		info, err := os.Stat(disk(f))
		if err != nil {
			rep.Failed = append(rep.Failed, failure{f, err.Error()})
			continue
		}
		if !force {
			rec, err := ix.Record(f)
			if err != nil {
				return nil, 0, err
			}
			if sameFile(rec, info) {
				rep.Unchanged++
				continue
			}
			if rec == nil {
				need[i] = newFile
				count++
				rep.Bytes += info.Size()
				continue
			}
		}
		need[i] = knownFile
		count++
		rep.Bytes += info.Size()
	}
	return need, count, nil
}

// sameFile reports whether the file still has the size and modification time recorded.
func sameFile(rec *index.DocRecord, info os.FileInfo) bool {
	return rec != nil && rec.Size == info.Size() && rec.ModTime.Equal(info.ModTime().UTC())
}

// startWorkers feeds the marked files to n workers and returns the channel of their results,
// closed when all are done or ctx is cancelled.
func startWorkers(ctx context.Context, ix *index.Index, p *processor, files []string, need []uint8, n int, o *indexOptions) <-chan result {
	type job struct {
		path  string
		known bool // the index may hold the file's record
	}
	jobs := make(chan job)
	results := make(chan result, n*2)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if o.pace != nil { // a server's job: its searches go first (live_nice_linux.go)
				lowerPriority()
			}
			for j := range jobs {
				if o.pace != nil {
					o.pace()
				}
				results <- work(ix, p, j.path, o.disk(j.path), j.known, o.reindex)
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i, f := range files {
			if need[i] == skipFile {
				continue
			}
			select {
			case jobs <- job{f, need[i] == knownFile}:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	return results
}

// work examines, reads and analyses one file, recorded as path and found on disk at disk, and
// prepares its sections for the index (see index.Prepare). The file is stat'ed before it is
// read, so that a file changing meanwhile is recorded with the older time and examined again
// next run. Its old record is looked up only when known (the index may hold one).
func work(ix *index.Index, p *processor, path, disk string, known, force bool) result {
	r := result{path: path}
	info, err := os.Stat(disk)
	if err != nil {
		r.err = err
		return r
	}
	r.size, r.mtime = info.Size(), info.ModTime().UTC()
	if info.Size() > corpus.MaxFileSize {
		r.err = fmt.Errorf("read %s: tệp %d MB, vượt giới hạn %d MB", path, info.Size()>>20, corpus.MaxFileSize>>20)
		return r
	}
	if known {
		if r.old, r.err = ix.Record(path); r.err != nil {
			return r
		}
	}
	data, err := os.ReadFile(disk)
	if err != nil {
		r.err = fmt.Errorf("read %s: %w", path, err)
		return r
	}
	if sum := sha256.Sum256(data); r.old != nil && !force && r.old.Hash == hex.EncodeToString(sum[:]) {
		r.touch = true
		return r
	}
	doc, err := corpus.ReadBytes(disk, data, p.read)
	if err == nil {
		doc, err = p.analyze(doc, disk)
	}
	if err != nil && disk != path {
		err = errors.New(strings.ReplaceAll(err.Error(), disk, path))
	} else if doc != nil {
		doc.Path = path
		r.doc, err = ix.Prepare(doc)
	}
	r.err = err
	return r
}

// writeResults is the single writer: it batches the workers' results and hands each batch to
// the flusher once it holds o.batch documents or o.batchMB megabytes of section text, then fills
// the next one while Bleve writes the last. The text bound is what keeps memory flat: Bleve holds
// the analysed tokens of a whole batch until it is written, some hundred bytes per byte of text,
// and at most two batches are held (one being written, one being filled).
func writeResults(ix *index.Index, results <-chan result, rep *indexReport, prog progressSink, o *indexOptions) error {
	f := startFlusher()
	f.onFlush = o.committed
	b := ix.NewBatch()
	pending, text := 0, 0
	limit := int(o.batchMB * (1 << 20))
	for r := range results {
		prog.add(r.size)
		var err error
		switch {
		case r.err != nil:
			rep.Failed = append(rep.Failed, failure{r.path, reason(r.path, r.err)})
			continue
		case r.touch:
			rep.Unchanged++
			err = b.Touch(r.old, r.size, r.mtime)
		default:
			rep.Indexed++
			doc := r.doc.Doc()
			rep.Sections += len(doc.Sections)
			for i := range doc.Sections {
				text += len(doc.Sections[i].Text)
			}
			err = b.ReplacePrepared(r.doc, r.mtime, r.old)
		}
		if err != nil {
			rep.Failed = append(rep.Failed, failure{r.path, reason(r.path, err)})
			continue
		}
		if pending++; pending >= o.batch || text >= limit {
			if err := f.send(b); err != nil {
				return err
			}
			b, pending, text = ix.NewBatch(), 0, 0
		}
	}
	if err := f.send(b); err != nil {
		return err
	}
	return f.close()
}

// flusher writes batches durably in its own goroutines, flushers of them, each building and
// writing one batch's segment while the writer fills the next (Bleve builds a batch's segment
// on the goroutine that calls Batch). Each
// batch is atomic on its own and holds whole documents (sections and record together), so two
// batches may be written in either order. The flusher stops at the first error; batches not
// written are indexed again by the next run.
type flusher struct {
	in      chan *index.Batch
	onFlush func() // called after each batch written, one call at a time, when set before the first send
	wg      sync.WaitGroup
	mu      sync.Mutex // serialises onFlush
	failed  chan struct{}
	fail    sync.Once
	closing sync.Once
	err     error // the first error, set before failed is closed
}

// flushers is how many batches are written at once (see flusher). Two build segments on both
// cores, but hold a third batch in memory: on 35,440 articles the heap then sat at the 256 MB
// limit and the collector took 40% of the CPU (CPU 362 s against 260 s with one flusher, and
// 180 s with no memory limit but 883 MB resident), so one it is until batches take less memory.
var flushers = 1

func startFlusher() *flusher {
	f := &flusher{in: make(chan *index.Batch), failed: make(chan struct{})}
	for range flushers {
		f.wg.Add(1)
		go func() {
			defer f.wg.Done()
			for b := range f.in {
				select {
				case <-f.failed:
					continue // an earlier batch failed: write nothing more
				default:
				}
				if err := b.Flush(); err != nil {
					f.fail.Do(func() { f.err = err; close(f.failed) })
					continue
				}
				if f.onFlush != nil {
					f.mu.Lock()
					f.onFlush()
					f.mu.Unlock()
				}
			}
		}()
	}
	return f
}

// send hands b to a free flusher goroutine, waiting while all are writing; it returns the error
// of an earlier batch, after which the flusher takes no more.
func (f *flusher) send(b *index.Batch) error {
	select {
	case f.in <- b:
		return nil
	case <-f.failed:
		return f.close()
	}
}

// close waits until every batch sent is written and returns the first error.
func (f *flusher) close() error {
	f.closing.Do(func() { close(f.in) })
	f.wg.Wait()
	return f.err
}

// reason is an error's message without the leading "read PATH: " the report already shows.
func reason(path string, err error) string {
	s := msg.Describe(err)
	for _, pre := range []string{"read " + path + ": ", path + ": "} {
		s = strings.TrimPrefix(s, pre)
	}
	return s
}

// prune removes the documents beneath roots whose files no longer exist. Records outside the
// named folders are left alone: their paths may be relative to another working folder.
func prune(ix *index.Index, roots []string, disk func(string) string) (int, error) {
	var gone []string
	err := ix.EachRecord(func(r *index.DocRecord) error {
		if !beneath(r.Path, roots) {
			return nil
		}
		if _, err := os.Stat(disk(r.Path)); errors.Is(err, fs.ErrNotExist) {
			gone = append(gone, r.Path)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	b := ix.NewBatch()
	for _, p := range gone {
		if err := b.Remove(p); err != nil {
			return 0, err
		}
	}
	return len(gone), b.Flush()
}

// beneath reports whether path is one of roots or lies in one of them, comparing cleaned paths.
func beneath(path string, roots []string) bool {
	c := filepath.Clean(path)
	for _, r := range roots {
		r = filepath.Clean(r)
		if c == r || r == "." && !filepath.IsAbs(c) && !strings.HasPrefix(c, "..") ||
			strings.HasPrefix(c, r+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// startCPUProfile writes a CPU profile to file until the returned function is called.
func startCPUProfile(file string) (func(), error) {
	f, err := os.Create(file)
	if err != nil {
		return nil, fmt.Errorf("cpu profile %s: %w", file, err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile %s: %w", file, err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// writeHeapProfile writes the heap profile (what was allocated where, and what is still in use).
func writeHeapProfile(file string) {
	f, err := os.Create(file)
	if err != nil {
		return
	}
	defer f.Close()
	_ = pprof.Lookup("heap").WriteTo(f, 0)
}
