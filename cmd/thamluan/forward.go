package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"thamluan/index"
)

// pathFlags are the flags whose values are file names, made absolute before a command line is
// handed to a host that runs in another working folder.
var pathFlags = map[string]bool{"index": true, "out": true, "report": true, "codebook": true, "cpuprofile": true, "memprofile": true}

// dispatch runs command c with args: through the process writing its index when there is one
// (forwarded is then true, and code its exit status), else here. A command that finds the index
// taken by a writer that has not yet recorded its address (one starting just then) is tried
// again, through it.
func dispatch(ctx context.Context, e *env, c command, args []string) (code int, forwarded bool, err error) {
	for attempt := 0; ; attempt++ {
		if ok, code := forward(ctx, e, c.name, args); ok {
			return code, true, nil
		}
		err = c.run(ctx, e, args)
		if attempt == 3 || !forwardable[c.name] || !errors.Is(err, index.ErrInUse) || ctx.Err() != nil ||
			index.Writer(flagValue(args, "index")) == os.Getpid() {
			return 0, false, err
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// forward hands the command line of a reading command, or of an index run, to the process that
// holds the index's writer (a server or an index run, found through the index's ServerFile),
// prints what it answers and returns its exit status. ok is false when there is no such process
// (or it cannot be reached): the command then runs here, as it always did. An index run meeting
// another index run waits for it to finish, then runs here.
func forward(ctx context.Context, e *env, name string, args []string) (ok bool, code int) {
	if !forwardable[name] {
		return false, 0
	}
	dir := flagValue(args, "index")
	if dir == "" {
		return false, 0
	}
	info, found := index.ReadServer(dir)
	// A writer between opening the index and recording its address: give it a moment.
	for deadline := time.Now().Add(3 * time.Second); !found && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if pid := index.Writer(dir); pid == 0 || pid == os.Getpid() {
			break
		}
		info, found = index.ReadServer(dir)
	}
	if !found || info.PID == os.Getpid() {
		return false, 0
	}
	if name == "index" && info.Kind != hostServe {
		waitForWriter(ctx, e, dir, info)
		return false, 0
	}
	cwd, err := os.Getwd()
	if err != nil {
		return false, 0
	}
	body, _ := json.Marshal(runRequest{Args: append([]string{name}, absPathFlags(args)...), Cwd: cwd})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://"+info.Addr+"/api/run", bytes.NewReader(body))
	if err != nil {
		return false, 0
	}
	req.Header.Set("X-Thamluan-Token", info.Token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return false, 0 // gone meanwhile: run here
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusConflict && name == "index":
		waitForWriter(ctx, e, dir, info)
		return false, 0
	case resp.StatusCode != http.StatusOK:
		var m struct {
			Error string `json:"error"`
		}
		_ = json.NewDecoder(io.LimitReader(resp.Body, 1<<16)).Decode(&m)
		printf(e.stderr, "thamluan %s: máy chủ %s từ chối lệnh: %s\n", name, info.Addr, m.Error)
		return true, exitFatal
	}
	if name == "index" && !hasFlag(args, "quiet") {
		printf(e.stderr, "đã chuyển lần chạy cho máy chủ đang giữ chỉ mục (tiến trình %d, http://%s/)\n", info.PID, info.Addr)
	}
	return true, relay(ctx, e, name, resp.Body)
}

// relay prints the frames of a host's answer and returns the exit status it ends with.
func relay(ctx context.Context, e *env, name string, body io.Reader) int {
	dec := json.NewDecoder(body)
	var prog *progress
	for {
		var fr frame
		if err := dec.Decode(&fr); err != nil {
			if prog != nil {
				prog.finish()
			}
			if ctx.Err() != nil {
				printf(e.stderr, "thamluan %s: đã dừng; các lô đã ghi được giữ lại, hãy chạy lại lệnh để hoàn tất\n", name)
			} else {
				printf(e.stderr, "thamluan %s: mất kết nối với máy chủ (%v); các lô đã ghi được giữ lại, hãy chạy lại lệnh để hoàn tất\n", name, err)
			}
			return exitFatal
		}
		switch {
		case fr.Out != nil:
			_, _ = io.WriteString(e.stdout, *fr.Out)
		case fr.Err != nil:
			_, _ = io.WriteString(e.stderr, *fr.Err)
		case len(fr.Start) == 3:
			prog = newProgress(e, false, int(fr.Start[0]), fr.Start[1], time.Duration(fr.Start[2]))
		case fr.Add != nil && prog != nil:
			prog.add(*fr.Add)
		case fr.End && prog != nil:
			prog.finish()
			prog = nil
		case fr.Exit != nil:
			return *fr.Exit
		}
	}
}

// waitForWriter waits while another index run holds the index.
func waitForWriter(ctx context.Context, e *env, dir string, info index.ServerInfo) {
	printf(e.stderr, "một lần chạy index khác (tiến trình %d) đang ghi vào %s; đang chờ nó xong…\n", info.PID, dir)
	for {
		if _, ok := index.ReadServer(dir); !ok {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(300 * time.Millisecond):
		}
	}
}

// flagValue returns the value of flag name (-name V, --name V, -name=V or --name=V) in args.
func flagValue(args []string, name string) string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return ""
		}
		n, v, eq := splitFlag(a)
		if n != name {
			continue
		}
		if eq {
			return v
		}
		if i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

// hasFlag reports whether a boolean flag is set in args.
func hasFlag(args []string, name string) bool {
	for _, a := range args {
		if n, v, eq := splitFlag(a); n == name && (!eq || v == "true" || v == "1") {
			return true
		}
	}
	return false
}

// splitFlag splits "-name", "--name" or "--name=value"; name is "" for an argument.
func splitFlag(a string) (name, value string, eq bool) {
	if !strings.HasPrefix(a, "-") || a == "-" {
		return "", "", false
	}
	a = strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
	name, value, eq = strings.Cut(a, "=")
	return name, value, eq
}

// absPathFlags returns args with the values of pathFlags made absolute.
func absPathFlags(args []string) []string {
	out := append([]string(nil), args...)
	for i := 0; i < len(out); i++ {
		if out[i] == "--" {
			break
		}
		n, v, eq := splitFlag(out[i])
		if !pathFlags[n] {
			continue
		}
		if eq {
			out[i] = out[i][:strings.Index(out[i], "=")+1] + absPath(v)
		} else if i+1 < len(out) {
			out[i+1] = absPath(out[i+1])
			i++
		}
	}
	return out
}

func absPath(p string) string {
	if p == "" || p == "-" {
		return p
	}
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}
