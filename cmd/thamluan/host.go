package main

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"thamluan/cmd/thamluan/web"
	"thamluan/index"
)

// Kinds of host: a server (which takes index runs handed to it) or an index run (which answers
// searches and statistics while it writes, and makes other index runs wait).
const (
	hostServe    = "serve"
	hostIndexRun = "index"
)

// host is the process holding an index's writer, serving other processes: they find it through
// the index's ServerFile and send their command line to /api/run. Reading commands run here on
// a view of the open index and see every committed batch; index runs become jobs, one at a time.
type host struct {
	dir      string
	ix       *index.Index
	kind     string
	token    string
	jobs     *web.Jobs
	log      io.Writer // where background jobs report (the server's stderr)
	onCommit func()    // after each durable batch (set before any job runs)
	unshare  func()
	writeMu  sync.Mutex // one index run at a time
	ctx      context.Context
	cancel   context.CancelFunc
	wg       sync.WaitGroup // background jobs
	hs       *http.Server   // the host's own listener, for an index run
	reading  atomic.Int64   // requests being answered (searches, pages)
	jobSeq   int            // jobs run so far (under writeMu)
}

// paceLimit is the longest a job's worker waits for the server's requests before reading its
// next file.
const paceLimit = 200 * time.Millisecond

// pace lets the requests being answered go first: a job's workers wait (up to paceLimit a file)
// while any is in flight, so that searches keep their latency during a run.
func (h *host) pace() {
	for start := time.Now(); h.reading.Load() > 0 && time.Since(start) < paceLimit; {
		time.Sleep(time.Millisecond)
	}
}

// reads wraps the server's pages and API so that pace knows when requests are in flight.
func (h *host) reads(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet || r.Method == http.MethodHead { // not an upload's long stream
			h.reading.Add(1)
			defer h.reading.Add(-1)
		}
		next.ServeHTTP(w, r)
	})
}

// newHost shares ix with this process's readers and prepares to serve others.
func newHost(ix *index.Index, dir, kind string, log io.Writer) *host {
	var b [16]byte
	_, _ = rand.Read(b[:])
	ctx, cancel := context.WithCancel(context.Background())
	return &host{dir: dir, ix: ix, kind: kind, token: hex.EncodeToString(b[:]), jobs: web.NewJobs(), log: log,
		unshare: ix.Share(), ctx: ctx, cancel: cancel}
}

// startHost makes an index run reachable from other processes on a loopback port. Failing to
// listen costs only that: other commands then wait for the run as before.
func startHost(ix *index.Index, dir string) *host {
	h := newHost(ix, dir, hostIndexRun, io.Discard)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return h
	}
	mux := http.NewServeMux()
	mux.Handle("/api/run", h)
	h.hs = web.NewHTTPServer(ln.Addr().String(), mux)
	h.hs.BaseContext = func(net.Listener) context.Context { return h.ctx }
	go func() { _ = h.hs.Serve(ln) }()
	_ = h.publish(ln.Addr())
	return h
}

// publish records the host's address beside the index's lock.
func (h *host) publish(a net.Addr) error {
	addr := a.String()
	if ta, ok := a.(*net.TCPAddr); ok && (ta.IP == nil || ta.IP.IsUnspecified()) {
		addr = net.JoinHostPort("127.0.0.1", fmt.Sprint(ta.Port))
	}
	return index.WriteServer(h.dir, index.ServerInfo{PID: os.Getpid(), Addr: addr, Token: h.token, Kind: h.kind})
}

// stop ends the jobs (each keeps the batches it wrote), stops serving and lets go of the index.
func (h *host) stop() {
	h.cancel()
	if h.hs != nil {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_ = h.hs.Shutdown(sctx)
		cancel()
	}
	h.wg.Wait()
	h.writeMu.Lock() // wait for a compaction under way to stop
	h.writeMu.Unlock()
	index.RemoveServer(h.dir)
	h.unshare()
}

func (h *host) committed() {
	if h.onCommit != nil {
		h.onCommit()
	}
}

// runRequest is a command line handed to a host.
type runRequest struct {
	Args []string `json:"args"` // command name first
	Cwd  string   `json:"cwd"`  // the caller's working folder
}

// runCommand is run, set at init to break the cycle commands → serve → host → run → commands.
var runCommand func(ctx context.Context, e *env, args []string) int

func init() { runCommand = run }

// forwardable lists the commands a host runs for other processes.
var forwardable = map[string]bool{"index": true, "search": true, "stats": true, "themes": true, "recs": true, "export": true}

// ServeHTTP answers /api/run: it runs a command line for another process of the same user on
// this machine and streams its output back as JSON lines (see frame).
func (h *host) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fail := func(code int, msg string) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(code)
		_ = json.NewEncoder(w).Encode(map[string]any{"error": msg, "status": code})
	}
	if r.Method != http.MethodPost {
		fail(http.StatusMethodNotAllowed, "chỉ nhận POST")
		return
	}
	if !web.IsLoopback(r.RemoteAddr) || !tokenOK(r.Header.Get("X-Thamluan-Token"), h.token) {
		fail(http.StatusForbidden, "chỉ nhận lệnh từ máy này, kèm mã trong tệp "+index.ServerFile)
		return
	}
	var req runRequest
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&req); err != nil || len(req.Args) == 0 || !forwardable[req.Args[0]] {
		fail(http.StatusBadRequest, "yêu cầu không hợp lệ")
		return
	}
	if d := flagValue(req.Args[1:], "index"); d == "" || !sameFolder(d, h.dir) {
		fail(http.StatusBadRequest, fmt.Sprintf("máy chủ này giữ chỉ mục %s", h.dir))
		return
	}
	if req.Args[0] == "index" && h.kind != hostServe {
		fail(http.StatusConflict, "một lần chạy index khác đang ghi vào chỉ mục")
		return
	}
	rc := http.NewResponseController(w)
	_ = rc.SetWriteDeadline(time.Time{})
	_ = rc.SetReadDeadline(time.Time{})
	w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	fw := &frames{w: w, rc: rc}
	e := &env{stdout: fw.stream("o"), stderr: fw.stream("e"), stdin: strings.NewReader("")}
	var code int
	if req.Args[0] == "index" {
		title := "thamluan " + strings.Join(req.Args, " ")
		req.Args = withServerWorkers(req.Args)
		code = h.runJob(r.Context(), "index", title, req.Args, req.Cwd, e, fw)
	} else {
		code = runCommand(r.Context(), e, req.Args)
	}
	fw.send(frame{Exit: &code})
}

// runJob runs an index command line as a job: after the jobs before it, through the host's
// writer, its progress and report kept in the job list (and streamed to fw when not nil).
func (h *host) runJob(ctx context.Context, kind, title string, args []string, base string, e *env, fw *frames) int {
	return h.execute(ctx, h.jobs.Add(kind, title), args, base, e, fw)
}

func (h *host) execute(ctx context.Context, id int, args []string, base string, e *env, fw *frames) int {
	if !h.writeMu.TryLock() {
		printf(e.stderr, "đang chờ việc lập chỉ mục trước xong…\n")
		h.writeMu.Lock()
	}
	defer h.writeMu.Unlock()
	h.jobs.Update(id, func(j *web.Job) { j.State = web.JobRunning })
	last := &lastLine{w: e.stderr}
	e = &env{stdout: e.stdout, stderr: last, stdin: e.stdin}
	st := &runState{dir: h.dir, ix: h.ix, base: base, committed: h.committed, report: h.reporter(id), pace: h.pace,
		tap: func(files int, bytes int64, every time.Duration, quiet bool) progressSink {
			h.jobs.Update(id, func(j *web.Job) { j.Files = files })
			t := &jobTap{jobs: h.jobs, id: id}
			if fw != nil && !quiet {
				t.fw = fw
				fw.send(frame{Start: []int64{int64(files), bytes, int64(every)}})
			}
			return t
		}}
	code := runCommand(withRun(ctx, st), e, args)
	h.compactLater()
	h.jobs.Update(id, func(j *web.Job) {
		now := time.Now().UTC()
		j.Finished = &now
		switch code {
		case exitOK:
			j.State = web.JobDone
		case exitPartial:
			j.State = web.JobPartial
		default:
			j.State, j.Error = web.JobFailed, last.last()
		}
	})
	return code
}

// compactAfter is how long a server waits after its last job before it merges the index's small
// segments (a plain index run does it at its end; a server's job leaves it for a quiet moment,
// so that the searches answered during a run keep their speed).
var compactAfter = 10 * time.Second

// compactLater compacts the index once no job has run for compactAfter; the caller holds writeMu.
func (h *host) compactLater() {
	h.jobSeq++
	seq := h.jobSeq
	time.AfterFunc(compactAfter, func() {
		h.writeMu.Lock()
		defer h.writeMu.Unlock()
		if h.jobSeq != seq || h.ctx.Err() != nil {
			return // another job ran since, or the server is stopping
		}
		if err := h.ix.Compact(h.ctx); err != nil && h.ctx.Err() == nil {
			printf(h.log, "gộp các đoạn chỉ mục: %v\n", err)
		}
	})
}

// reporter copies a run's report into job id.
func (h *host) reporter(id int) func(*indexReport) {
	return func(rep *indexReport) {
		h.jobs.Update(id, func(j *web.Job) {
			j.Indexed, j.Unchanged, j.Pruned = rep.Indexed, rep.Unchanged, rep.Pruned
			for _, f := range rep.Failed {
				j.Failed = append(j.Failed, web.JobFailure{Path: f.Path, Name: filepath.Base(f.Path), Reason: f.Reason})
			}
		})
	}
}

// submit queues an index command line as a background job of the server, reporting to the
// server's log, and returns its id at once.
func (h *host) submit(kind, title string, args []string) int {
	id := h.jobs.Add(kind, title)
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		w := &prefixWriter{w: h.log, prefix: fmt.Sprintf("[việc %d] ", id)}
		h.execute(h.ctx, id, withServerWorkers(args), "", &env{stdout: w, stderr: w, stdin: strings.NewReader("")}, nil)
	}()
	return id
}

// withServerWorkers gives an index command line run by a server one worker fewer than the
// machine has cores, unless it says how many: the server's searches keep a core.
func withServerWorkers(args []string) []string {
	if flagValue(args[1:], "workers") != "" {
		return args
	}
	n := max(1, runtime.NumCPU()-1)
	return append([]string{args[0], "--workers", strconv.Itoa(n)}, args[1:]...)
}

// frame is one line of /api/run's answer: output, progress, or the exit status (last).
type frame struct {
	Out   *string `json:"o,omitempty"`  // stdout
	Err   *string `json:"e,omitempty"`  // stderr
	Start []int64 `json:"ps,omitempty"` // progress starts: files, bytes, plain-line interval (ns)
	Add   *int64  `json:"pa,omitempty"` // one file read, of this many bytes
	End   bool    `json:"pf,omitempty"` // progress ends
	Exit  *int    `json:"exit,omitempty"`
}

// frames writes frames to a streamed response, one JSON line each, flushed at once.
type frames struct {
	mu     sync.Mutex
	w      io.Writer
	rc     *http.ResponseController
	broken bool
}

func (f *frames) send(fr frame) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.broken {
		return
	}
	data, _ := json.Marshal(fr)
	if _, err := f.w.Write(append(data, '\n')); err != nil {
		f.broken = true
		return
	}
	if f.rc != nil {
		_ = f.rc.Flush()
	}
}

// stream returns a writer whose writes become frames of the given stream ("o" or "e").
func (f *frames) stream(name string) io.Writer { return streamWriter{f, name} }

type streamWriter struct {
	f    *frames
	name string
}

func (s streamWriter) Write(p []byte) (int, error) {
	text := string(p)
	if s.name == "o" {
		s.f.send(frame{Out: &text})
	} else {
		s.f.send(frame{Err: &text})
	}
	return len(p), nil
}

// jobTap counts a job's files and forwards its progress.
type jobTap struct {
	jobs *web.Jobs
	id   int
	fw   *frames
}

func (t *jobTap) add(n int64) {
	t.jobs.Update(t.id, func(j *web.Job) { j.Done++ })
	if t.fw != nil {
		t.fw.send(frame{Add: &n})
	}
}

func (t *jobTap) finish() {
	if t.fw != nil {
		t.fw.send(frame{End: true})
	}
}

// lastLine passes writes on and remembers the last non-empty line.
type lastLine struct {
	w  io.Writer
	mu sync.Mutex
	l  string
}

func (l *lastLine) Write(p []byte) (int, error) {
	l.mu.Lock()
	for _, s := range strings.Split(string(p), "\n") {
		if s = strings.TrimSpace(s); s != "" {
			l.l = s
		}
	}
	l.mu.Unlock()
	return l.w.Write(p)
}

func (l *lastLine) last() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.l
}

// prefixWriter writes each line with a prefix.
type prefixWriter struct {
	mu     sync.Mutex
	w      io.Writer
	prefix string
}

func (p *prefixWriter) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, line := range strings.SplitAfter(string(b), "\n") {
		if line != "" {
			if _, err := io.WriteString(p.w, p.prefix+line); err != nil {
				return 0, err
			}
		}
	}
	return len(b), nil
}

// tokenOK compares a secret in constant time.
func tokenOK(got, want string) bool {
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}
