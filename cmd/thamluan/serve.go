package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"thamluan/cmd/thamluan/msg"
	"thamluan/cmd/thamluan/web"
	"thamluan/index"
)

// serveOptions are the flags of `thamluan serve`.
type serveOptions struct {
	analysisFlags
	dir, addr, token  string
	watch             bool
	poll              time.Duration
	fileMB, requestMB int
}

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "[--watch DIR...]", "")
	var o serveOptions
	o.register(fs)
	fs.StringVar(&o.dir, "index", "", "index `DIR` (created when absent with --watch)")
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
	fs.BoolVar(&o.watch, "watch", false, "index the folders named after the flags, and keep the index in step with them")
	fs.DurationVar(&o.poll, "poll", 2*time.Second, "how often --watch looks at the folders")
	fs.StringVar(&o.token, "token", "", "let other machines use the upload page when they give this `SECRET` (with --addr)")
	fs.IntVar(&o.fileMB, "upload-file-mb", 50, "largest uploaded file, in `MB`")
	fs.IntVar(&o.requestMB, "upload-mb", 200, "largest upload (all its files), in `MB`")
	if err := parse(fs, args); err != nil {
		return err
	}
	if o.dir == "" {
		return usageErr(msg.CLINoIndex)
	}
	if fs.NArg() > 0 && !o.watch || o.watch && fs.NArg() == 0 {
		return usageErr("hãy nêu các thư mục cần theo dõi sau các cờ, và chỉ khi có --watch")
	}
	cb, err := o.loadCodebook()
	if err != nil {
		return err
	}
	index.SetAnalysisWorkers(runtime.NumCPU() - 1) // a batch being written leaves a core to searches
	if os.Getenv("GOMAXPROCS") == "" {
		// More threads than cores: a request waiting for a busy job's goroutine to be preempted
		// is answered by the system's scheduler instead, which favours it over the job's
		// low-priority threads (live_nice_linux.go).
		runtime.GOMAXPROCS(4 * runtime.NumCPU())
	}
	ix, err := openServed(ctx, e, o.dir, o.watch)
	if err != nil {
		return err
	}
	defer ix.Close()
	h := newHost(ix, o.dir, hostServe, e.stderr)
	defer h.stop()
	uploads := filepath.Join(absPath(o.dir), "uploads")
	logger := slog.New(slog.NewTextHandler(e.stderr, nil))
	live, err := web.NewLive(ix.View(false), cb, web.LiveOptions{Options: web.Options{Logger: logger}, Jobs: h.jobs,
		UploadDir: uploads, MaxFileBytes: int64(o.fileMB) << 20, MaxUploadBytes: int64(o.requestMB) << 20, Token: o.token,
		StartIndex: func(folder, title string) int { return h.submit("upload", title, o.jobArgs(false, folder)) }})
	if err != nil {
		return err
	}
	h.onCommit = refresher(h.ctx, live, logger)
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle("/api/run", h)
	mux.Handle("/", h.reads(live.Handler()))
	hs := web.NewHTTPServer(o.addr, mux)
	hs.BaseContext = func(net.Listener) context.Context { return ctx }
	if err := h.publish(ln.Addr()); err != nil {
		ln.Close()
		return err
	}
	printf(e.stderr, "Giao diện web: http://%s/ (Ctrl+C để dừng)\nThêm tài liệu: http://%s/upload\n", ln.Addr(), ln.Addr())
	if !web.IsLoopback(ln.Addr().String()) && o.token == "" {
		printf(e.stderr, "Lưu ý: chưa có --token, nên trang Thêm tài liệu chỉ mở được trên chính máy này.\n")
	}
	web.CleanStaging(uploads)
	if hasFiles(uploads) { // finish uploads a killed server left unindexed
		h.submit("upload", "tài liệu đã tải lên", o.jobArgs(true, uploads))
	}
	if o.watch {
		roots := fs.Args()
		h.wg.Add(1)
		go func() { defer h.wg.Done(); h.watch(h.ctx, roots, o.poll, o.jobArgs(true, roots...)) }()
	}
	return serveUntil(ctx, hs, ln)
}

// jobArgs is the index command line of a job of the server over roots.
func (o *serveOptions) jobArgs(prune bool, roots ...string) []string {
	args := []string{"index", "--index", o.dir}
	if o.codebook != "" {
		args = append(args, "--codebook", o.codebook)
	}
	if o.shape != "" {
		args = append(args, "--shape", o.shape)
	}
	if o.allowLowQuality {
		args = append(args, "--allow-low-quality")
	}
	if o.ocr != "" { // watched and uploaded scans are read as `index` reads them
		args = append(args, "--ocr", o.ocr)
	}
	if o.ocrLang != "" {
		args = append(args, "--ocr-lang", o.ocrLang)
	}
	if prune {
		args = append(args, "--prune")
	}
	return append(append(args, "--"), roots...)
}

// openServed opens the index for writing, created when absent if create. While an index run
// holds it, it waits for the run to finish; another server holding it is an error.
func openServed(ctx context.Context, e *env, dir string, create bool) (*index.Index, error) {
	open := index.OpenWriter
	if create {
		open = index.OpenOrCreate
	}
	told := false
	for {
		ix, err := open(dir)
		if err == nil || !errors.Is(err, index.ErrInUse) {
			return ix, err
		}
		info, ok := index.ReadServer(dir)
		if ok && info.Kind == hostServe {
			return nil, fmt.Errorf("đã có máy chủ cho chỉ mục %s tại http://%s/ (tiến trình %d)", dir, info.Addr, info.PID)
		}
		if !ok && !told {
			return nil, err
		}
		if !told {
			printf(e.stderr, "một lần chạy index (tiến trình %d) đang ghi vào %s; máy chủ sẽ mở khi nó xong…\n", info.PID, dir)
			told = true
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// refreshEvery is the least time between two refreshes of a server's pages. Searches need none
// (they see each batch at once); document pages, themes and recommendations wait at most this.
const refreshEvery = 2 * time.Second

// refresher returns the commit hook of a server: it refreshes the pages at most every
// refreshEvery, the last commit always followed by a refresh.
func refresher(ctx context.Context, live *web.Live, log *slog.Logger) func() {
	kick := make(chan struct{}, 1)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-kick:
			}
			if err := live.Refresh(); err != nil {
				log.Error("làm mới giao diện", "err", err)
			}
			time.Sleep(refreshEvery)
		}
	}()
	return func() {
		select {
		case kick <- struct{}{}:
		default:
		}
	}
}

// hasFiles reports whether dir holds any file.
func hasFiles(dir string) bool {
	return len(snapshot([]string{dir})) > 0
}

// serveUntil serves on ln until ctx ends, then shuts the server down gracefully.
func serveUntil(ctx context.Context, hs *http.Server, ln net.Listener) error {
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
