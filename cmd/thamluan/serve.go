package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"thamluan/cmd/thamluan/web"
)

const serveHelp = `Serve a read-only web interface to an index, in Vietnamese: search with highlighted snippets
and filters, whole documents with their themes and evidence, a themes dashboard, the
recommendations with export links, and a JSON API (/api/search, /api/themes, /api/recs,
/api/doc). It listens on the loopback interface unless --addr says otherwise.`

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "", serveHelp)
	dir := fs.String("index", "", "index `DIR`")
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
	var af analysisFlags
	af.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	ix, cb, err := af.openIndex(*dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	logger := slog.New(slog.NewTextHandler(e.stderr, nil))
	srv, err := web.New(ix, cb, web.Options{Logger: logger})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	hs := web.NewHTTPServer(*addr, srv.Handler())
	printf(e.stderr, "Giao diện web: http://%s/ (Ctrl+C để dừng)\n", ln.Addr())
	return serveUntil(ctx, hs, ln)
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
