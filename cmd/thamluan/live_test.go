package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"thamluan/cmd/thamluan/web"
	"thamluan/index"
)

// The tests here run real processes on loopback: a built thamluan serving an index while other
// thamluan processes, HTTP clients and a folder watcher add documents to it.

var (
	binOnce sync.Once
	binPath string
	binErr  string
)

// liveBinary builds thamluan once for all the tests of this file.
func liveBinary(t testing.TB) string {
	t.Helper()
	binOnce.Do(func() {
		gobin, err := exec.LookPath("go")
		if err != nil {
			binErr = "no go tool to build the binary"
			return
		}
		dir, err := os.MkdirTemp("", "thamluan-live-bin-")
		if err != nil {
			binErr = err.Error()
			return
		}
		binPath = filepath.Join(dir, "thamluan")
		if out, err := exec.Command(gobin, "build", "-o", binPath, ".").CombinedOutput(); err != nil {
			binErr = fmt.Sprintf("go build: %v\n%s", err, out)
		}
	})
	if binErr != "" {
		t.Skip(binErr)
	}
	return binPath
}

// served is a running `thamluan serve`.
type served struct {
	cmd    *exec.Cmd
	base   string // http://host:port
	stderr *syncBuffer
	done   chan struct{}
}

// startServe starts `thamluan serve --index idx --addr 127.0.0.1:0 ARGS...` in dir and waits
// until it has recorded its address beside the index's lock.
func startServe(t testing.TB, bin, dir, idx string, args ...string) *served {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"serve", "--index", idx, "--addr", "127.0.0.1:0"}, args...)...)
	cmd.Dir = dir
	s := &served{cmd: cmd, stderr: &syncBuffer{}, done: make(chan struct{})}
	cmd.Stderr = s.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { cmd.Wait(); close(s.done) }()
	t.Cleanup(func() { s.stop() })
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if info, ok := index.ReadServer(filepath.Join(dir, idx)); ok && info.PID == cmd.Process.Pid {
			s.base = "http://" + info.Addr
			return s
		}
		select {
		case <-s.done:
			t.Fatalf("serve ended before serving: %s", s.stderr)
		case <-time.After(50 * time.Millisecond):
		}
	}
	t.Fatalf("serve did not record its address: %s", s.stderr)
	return nil
}

// stop ends the server with SIGTERM (a graceful stop) and waits for it.
func (s *served) stop() {
	select {
	case <-s.done:
		return
	default:
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(20 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.done
	}
}

// kill ends the server with SIGKILL.
func (s *served) kill() {
	_ = s.cmd.Process.Signal(syscall.SIGKILL)
	<-s.done
}

func (s *served) getJSON(t testing.TB, path string, v any) int {
	t.Helper()
	resp, err := http.Get(s.base + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if v != nil && resp.StatusCode == http.StatusOK {
		if err := json.Unmarshal(data, v); err != nil {
			t.Fatalf("GET %s: %v\n%s", path, err, data)
		}
	}
	return resp.StatusCode
}

// searchTotal returns /api/search's total for q.
func (s *served) searchTotal(t testing.TB, q string) int {
	t.Helper()
	var res struct {
		Total int `json:"total"`
	}
	if code := s.getJSON(t, "/api/search?q="+url.QueryEscape(q), &res); code != http.StatusOK {
		t.Fatalf("/api/search?q=%s: status %d", q, code)
	}
	return res.Total
}

// waitJob polls /api/jobs/{id} until the job ends.
func (s *served) waitJob(t testing.TB, id int) web.Job {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		var j web.Job
		if s.getJSON(t, fmt.Sprintf("/api/jobs/%d", id), &j) == http.StatusOK && j.Finished != nil {
			return j
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("job %d did not end: %s", id, s.stderr)
	return web.Job{}
}

func (s *served) jobs(t testing.TB) []web.Job {
	t.Helper()
	var list struct {
		Jobs []web.Job `json:"jobs"`
	}
	s.getJSON(t, "/api/jobs", &list)
	return list.Jobs
}

// statsIn runs `thamluan stats --json` in dir.
func statsIn(t testing.TB, bin, dir, idx string) statsJSON {
	t.Helper()
	cmd := exec.Command(bin, "stats", "--json", "--index", idx)
	cmd.Dir = dir
	var errb bytes.Buffer
	cmd.Stderr = &errb
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("stats: %v\n%s", err, errb.String())
	}
	var st statsJSON
	if err := json.Unmarshal(out, &st); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestServeWhileIndexing runs `thamluan index` on an index a server holds: the run is handed to
// the server and exits 0 with its report; search, stats and /api/search answer throughout, and
// the last document is found through /api/search within 5 s of the run's end.
func TestServeWhileIndexing(t *testing.T) {
	bin := liveBinary(t)
	dir := t.TempDir()
	writeTestDocs(t, filepath.Join(dir, "first"), 10)
	writeTestDocs(t, filepath.Join(dir, "docs"), 200)
	if out, err := runIn(dir, bin, "index", "--quiet", "--index", "ix", "first"); err != nil {
		t.Fatalf("first run: %v\n%s", err, out)
	}
	s := startServe(t, bin, dir, "ix")

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failures []string
	calls := map[string]int{}
	note := func(what string, err error) {
		mu.Lock()
		defer mu.Unlock()
		calls[what]++
		if err != nil {
			failures = append(failures, fmt.Sprintf("%s: %v", what, err))
		}
	}
	loop := func(what string, fn func() error) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				note(what, fn())
				time.Sleep(50 * time.Millisecond)
			}
		}()
	}
	loop("/api/search", func() error {
		resp, err := http.Get(s.base + "/api/search?q=" + url.QueryEscape("chi bộ"))
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("status %d", resp.StatusCode)
		}
		return nil
	})
	loop("search", func() error { return quietRun(dir, bin, "search", "--json", "--index", "ix", "chi bộ") })
	loop("stats", func() error { return quietRun(dir, bin, "stats", "--json", "--index", "ix") })
	loop("recs", func() error { return quietRun(dir, bin, "recs", "--index", "ix") })
	loop("export", func() error {
		os.Remove(filepath.Join(dir, "ra.csv"))
		if err := quietRun(dir, bin, "export", "--index", "ix", "--format", "csv", "--out", "ra.csv"); err != nil {
			return err
		}
		_, err := os.Stat(filepath.Join(dir, "ra.csv")) // written where the caller named it
		return err
	})

	cmd := exec.Command(bin, "index", "--index", "ix", "--batch", "20", "--log-every", "50ms", "--report", "report.json", "docs")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	end := time.Now()
	if err != nil {
		t.Fatalf("index while serving: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "đã chuyển lần chạy cho máy chủ") || !strings.Contains(string(out), "tiến độ:") ||
		!strings.Contains(string(out), "đã lập chỉ mục 200") {
		t.Errorf("the handed-over run's output lacks the hand-over, progress lines or report:\n%s", out)
	}
	var found time.Duration = -1
	for time.Since(end) < 5*time.Second {
		if s.searchTotal(t, "doc:bao-cao-0199") > 0 {
			found = time.Since(end)
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	if found < 0 {
		t.Errorf("the last document was not found by /api/search within 5 s of the run's end")
	}
	t.Logf("last document found %v after the run ended; calls during the run: %v", found, calls)
	if len(failures) > 0 {
		t.Errorf("%d calls failed during the run, first: %s", len(failures), failures[0])
	}
	for _, what := range []string{"/api/search", "search", "stats", "recs", "export"} {
		if calls[what] == 0 {
			t.Errorf("%s never answered during the run", what)
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rep indexReport
	if err := json.Unmarshal(data, &rep); err != nil || rep.Indexed != 200 || rep.Files != 200 {
		t.Errorf("report: %+v, %v", rep, err)
	}
	if st := statsIn(t, bin, dir, "ix"); st.Documents != 210 || st.Sections != 210*4 {
		t.Errorf("stats through the server: %+v; want 210 documents, 840 sections", st)
	}
	s.stop()
	// The server gone, the records keep the names the caller gave: a local run finds all unchanged.
	out2, err := runIn(dir, bin, "index", "--index", "ix", "docs", "first")
	if err != nil || !strings.Contains(string(out2), "không đổi 210") {
		t.Errorf("local run after the server: %v\n%s", err, out2)
	}
}

// runIn runs the binary in dir and returns its combined output.
func runIn(dir, bin string, args ...string) ([]byte, error) {
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	return cmd.CombinedOutput()
}

// quietRun runs the binary in dir and returns an error naming its output when it fails.
func quietRun(dir, bin string, args ...string) error {
	out, err := runIn(dir, bin, args...)
	if err != nil {
		return fmt.Errorf("%v: %s", err, out)
	}
	return nil
}

// TestServeWatch copies 50 files into a watched folder, changes 5 and deletes 5 others: after
// each step the index agrees with the folder (counts, and the contents of the changed files)
// within 10 s, and across all the watcher's runs no file was read while unchanged.
func TestServeWatch(t *testing.T) {
	bin := liveBinary(t)
	dir := t.TempDir()
	watched := filepath.Join(dir, "watched")
	if err := os.MkdirAll(watched, 0o755); err != nil {
		t.Fatal(err)
	}
	s := startServe(t, bin, dir, "ix", "--watch", "watched")
	agree := func(step string, ok func() bool) {
		t.Helper()
		start := time.Now()
		for !ok() {
			if time.Since(start) > 10*time.Second {
				t.Fatalf("%s: the index does not agree with the folder after 10 s; jobs: %+v\n%s", step, s.jobs(t), s.stderr)
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Logf("%s: the index agrees with the folder after %v", step, time.Since(start).Round(time.Millisecond))
	}
	docs := func() int { return statsIn(t, bin, dir, "ix").Documents }

	writeTestDocs(t, watched, 50)
	agree("50 files copied in", func() bool { return docs() == 50 && s.searchTotal(t, "doc:bao-cao-0049") > 0 })

	for i := 0; i < 5; i++ {
		p := filepath.Join(watched, fmt.Sprintf("nam-%d", 2015+i%4), fmt.Sprintf("bao-cao-%04d.txt", i))
		text := fmt.Sprintf("BÁO CÁO BỔ SUNG SỐ %d\n\nI. TÌNH HÌNH\n\nMương thủy lợi nội đồng của thôn đã được nạo vét lần %d.\n", i, i)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	agree("5 files changed", func() bool { return docs() == 50 && s.searchTotal(t, `"thủy lợi nội đồng"`) == 5 })
	if n := s.searchTotal(t, `doc:bao-cao-0003 "đây là mục 2"`); n != 0 {
		t.Errorf("the old text of a changed file is still found (%d hits)", n)
	}
	for i := 10; i < 15; i++ {
		if err := os.Remove(filepath.Join(watched, fmt.Sprintf("nam-%d", 2015+i%4), fmt.Sprintf("bao-cao-%04d.txt", i))); err != nil {
			t.Fatal(err)
		}
	}
	agree("5 files deleted", func() bool { return docs() == 45 && s.searchTotal(t, "doc:bao-cao-0012") == 0 })

	read, indexed, pruned := 0, 0, 0
	for _, j := range s.jobs(t) {
		if j.Kind != "watch" {
			continue
		}
		if j.State != web.JobDone {
			t.Errorf("watch job %d: %s %s %+v", j.ID, j.State, j.Error, j.Failed)
		}
		read, indexed, pruned = read+j.Done, indexed+j.Indexed, pruned+j.Pruned
	}
	if read != 55 || indexed != 55 || pruned != 5 {
		t.Errorf("the watcher read %d files and indexed %d, pruned %d; want 55 (50 new, 5 changed), 55, 5: no unchanged file read", read, indexed, pruned)
	}
	s.stop()
	if out, err := runIn(dir, bin, "index", "--quiet", "--index", "ref", "watched"); err != nil {
		t.Fatalf("reference run: %v\n%s", err, out)
	}
	got, want := statsIn(t, bin, dir, "ix"), statsIn(t, bin, dir, "ref")
	if got.Documents != want.Documents || got.Sections != want.Sections {
		t.Errorf("watched index %d documents, %d sections; a fresh run over the folder: %d, %d", got.Documents, got.Sections, want.Documents, want.Sections)
	}
}

// TestReadDuringIndexRun: with no server, a plain index run answers search and stats from
// other processes while it writes (they used to exit 2), and a second index run waits for it.
func TestReadDuringIndexRun(t *testing.T) {
	bin := liveBinary(t)
	dir := t.TempDir()
	writeTestDocs(t, filepath.Join(dir, "docs"), 120)
	writeTestDocs(t, filepath.Join(dir, "later"), 3)
	cmd := exec.Command(bin, "index", "--index", "ix", "--batch", "10", "--workers", "1", "--log-every", "20ms", "docs")
	cmd.Dir = dir
	lines := progressLines(t, cmd)
	if !waitLines(lines, 2) {
		t.Skip("the run ended before the readers could start")
	}
	go func() {
		for range lines {
		}
	}()
	if _, ok := index.ReadServer(filepath.Join(dir, "ix")); !ok {
		t.Fatal("the index run recorded no address beside the lock")
	}
	answered := 0
	second := exec.Command(bin, "index", "--index", "ix", "later")
	second.Dir = dir
	var secondOut syncBuffer
	second.Stderr = &secondOut
	if err := second.Start(); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"stats", "--json", "--index", "ix"}, {"search", "--index", "ix", "chi bộ"}, {"themes", "--index", "ix"}} {
		if err := quietRun(dir, bin, args...); err != nil {
			t.Errorf("%s during the index run: %v", args[0], err)
			continue
		}
		answered++
	}
	if _, ok := index.ReadServer(filepath.Join(dir, "ix")); !ok {
		t.Log("the run ended while the readers ran: they may have opened the index themselves")
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("the index run: %v", err)
	}
	if err := second.Wait(); err != nil {
		t.Errorf("the second run: %v\n%s", err, secondOut.String())
	} else if !strings.Contains(secondOut.String(), "đang chờ") {
		t.Log("the second run started after the first had ended: it did not have to wait")
	}
	if st := statsIn(t, bin, dir, "ix"); st.Documents != 123 {
		t.Errorf("after both runs: %d documents; want 123", st.Documents)
	}
	t.Logf("%d reading commands answered during the run", answered)
}
