package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"thamluan/cmd/thamluan/web"
)

// buildBinary builds thamluan into a temporary folder, or skips when no Go tool is at hand.
func buildBinary(t *testing.T) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		if gobin = filepath.Join(os.Getenv("GOROOT"), "bin", "go"); os.Getenv("GOROOT") == "" {
			t.Skip("no go tool to build the binary")
		}
	}
	bin := filepath.Join(t.TempDir(), "thamluan")
	out, err := exec.Command(gobin, "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func binStats(t *testing.T, bin, idx string) statsJSON {
	t.Helper()
	out, err := exec.Command(bin, "stats", "--json", "--index", idx).Output()
	if err != nil {
		t.Fatalf("stats %s: %v", idx, err)
	}
	var st statsJSON
	if err := json.Unmarshal(out, &st); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestKillAndResume SIGKILLs `thamluan index` part-way through a hundred and twenty documents, at
// several moments, then checks that the index opens, and that a second run completes it to
// exactly the counts of an uninterrupted run: no document lost, none doubled.
func TestKillAndResume(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	writeTestDocs(t, docs, 120)
	ref := filepath.Join(dir, "ref")
	if out, err := exec.Command(bin, "index", "--quiet", "--index", ref, docs).CombinedOutput(); err != nil {
		t.Fatalf("uninterrupted run: %v\n%s", err, out)
	}
	want := binStats(t, bin, ref)
	if want.Documents != 120 || want.Sections != 480 {
		t.Fatalf("uninterrupted run: %+v", want)
	}
	for _, killAfter := range []int{2, 5} { // progress lines before the kill
		idx := filepath.Join(dir, "killed", strings.Repeat("x", killAfter))
		killed := killPartWay(t, bin, idx, docs, killAfter)
		if killed {
			// The index opens as it is, with only whole documents in it.
			st := binStats(t, bin, idx)
			if st.Sections != st.Documents*4 {
				t.Errorf("kill after %d lines: %d documents but %d sections; want 4 a document", killAfter, st.Documents, st.Sections)
			}
			t.Logf("killed after %d progress lines: %d documents kept", killAfter, st.Documents)
		}
		out, err := exec.Command(bin, "index", "--quiet", "--index", idx, docs).CombinedOutput()
		if err != nil {
			t.Fatalf("resume: %v\n%s", err, out)
		}
		if got := binStats(t, bin, idx); got.Documents != want.Documents || got.Sections != want.Sections {
			t.Errorf("kill after %d lines, then resume: %d documents, %d sections; want %d, %d",
				killAfter, got.Documents, got.Sections, want.Documents, want.Sections)
		}
	}
}

// killPartWay starts an index run with small batches and a progress line every 20 ms and sends
// SIGKILL after n lines; false when the run finished first.
func killPartWay(t *testing.T, bin, idx, docs string, n int) bool {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "index", "--index", idx, "--batch", "10", "--workers", "2", "--log-every", "20ms", docs)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	lines, killed := 0, false
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "tiến độ:") {
			if lines++; lines == n {
				killed = cmd.Process.Signal(syscall.SIGKILL) == nil
				break
			}
		}
	}
	go func() { // drain what is left so the process is never blocked on a full pipe
		for sc.Scan() {
		}
	}()
	err = cmd.Wait()
	if killed {
		var ee *exec.ExitError
		if ok := errors.As(err, &ee); !ok || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Logf("run ended with %v before the kill landed", err)
			return false
		}
	}
	return killed
}

// TestKillServerDuringJob SIGKILLs a server while its watcher indexes a hundred and twenty
// documents, then serves again: the documents are indexed to exactly the counts of an
// uninterrupted run, none lost, none doubled.
func TestKillServerDuringJob(t *testing.T) {
	bin := liveBinary(t)
	dir := t.TempDir()
	writeTestDocs(t, filepath.Join(dir, "docs"), 120)
	if out, err := runIn(dir, bin, "index", "--quiet", "--index", "ref", "docs"); err != nil {
		t.Fatalf("uninterrupted run: %v\n%s", err, out)
	}
	want := statsIn(t, bin, dir, "ref")
	s := startServe(t, bin, dir, "ix", "--watch", "docs")
	killed := false
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline) && !killed; {
		for _, j := range s.jobs(t) {
			if j.State == web.JobRunning && j.Done > 0 {
				s.kill()
				killed = true
				t.Logf("killed the server with job %d at %d of %d files", j.ID, j.Done, j.Files)
				break
			}
		}
		if killed {
			break
		}
		if js := s.jobs(t); len(js) > 0 && js[0].Finished != nil {
			t.Log("the job ended before the kill landed")
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if killed {
		st := statsIn(t, bin, dir, "ix") // opens as it is, with whole documents only
		if st.Sections != st.Documents*4 {
			t.Errorf("after the kill: %d documents but %d sections; want 4 a document", st.Documents, st.Sections)
		}
	}
	s2 := startServe(t, bin, dir, "ix", "--watch", "docs")
	for deadline := time.Now().Add(30 * time.Second); ; {
		js := s2.jobs(t)
		if len(js) > 0 && js[0].Finished != nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the restarted server's job did not end: %s", s2.stderr)
		}
		time.Sleep(50 * time.Millisecond)
	}
	s2.stop()
	if got := statsIn(t, bin, dir, "ix"); got.Documents != want.Documents || got.Sections != want.Sections {
		t.Errorf("killed and served again: %d documents, %d sections; want %d, %d", got.Documents, got.Sections, want.Documents, want.Sections)
	}
}

// TestKillForwardingIndex SIGKILLs a `thamluan index` whose run a server is doing, then the
// server itself during a second handed-over run: after each, running index again completes the
// index to exactly the counts of an uninterrupted run.
func TestKillForwardingIndex(t *testing.T) {
	bin := liveBinary(t)
	dir := t.TempDir()
	writeTestDocs(t, filepath.Join(dir, "docs"), 120)
	if out, err := runIn(dir, bin, "index", "--quiet", "--index", "ref", "docs"); err != nil {
		t.Fatalf("uninterrupted run: %v\n%s", err, out)
	}
	want := statsIn(t, bin, dir, "ref")
	writeTestDocs(t, filepath.Join(dir, "seed"), 1)
	if out, err := runIn(dir, bin, "index", "--quiet", "--index", "ix", "seed"); err != nil {
		t.Fatalf("seed run: %v\n%s", err, out)
	}
	want.Documents++
	want.Sections += 4
	check := func(when string) {
		t.Helper()
		if out, err := runIn(dir, bin, "index", "--quiet", "--index", "ix", "docs"); err != nil {
			t.Fatalf("%s, run again: %v\n%s", when, err, out)
		}
		if got := statsIn(t, bin, dir, "ix"); got.Documents != want.Documents || got.Sections != want.Sections {
			t.Errorf("%s, then run again: %d documents, %d sections; want %d, %d", when, got.Documents, got.Sections, want.Documents, want.Sections)
		}
	}

	s := startServe(t, bin, dir, "ix")
	cmd := exec.Command(bin, "index", "--index", "ix", "--batch", "10", "--workers", "1", "--log-every", "20ms", "docs")
	cmd.Dir = dir
	lines := progressLines(t, cmd)
	if waitLines(lines, 3) {
		cmd.Process.Signal(syscall.SIGKILL)
	}
	cmd.Wait()
	// The server notices its caller is gone and stops the job at a batch's end.
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if js := s.jobs(t); len(js) > 0 && js[0].Finished != nil {
			t.Logf("after the client's kill the server's job ended: %s, %d of %d files", js[0].State, js[0].Done, js[0].Files)
			break
		}
	}
	check("index killed")

	// Now the server dies under a second handed-over run (of changed files).
	for i := 0; i < 120; i++ {
		p := filepath.Join(dir, "docs", fmt.Sprintf("nam-%d", 2015+i%4), fmt.Sprintf("bao-cao-%04d.txt", i))
		if err := os.WriteFile(p, []byte(testDoc(i+1000, 3)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd = exec.Command(bin, "index", "--index", "ix", "--batch", "10", "--workers", "1", "--log-every", "20ms", "docs")
	cmd.Dir = dir
	var stderr syncBuffer
	lines = progressLines(t, cmd, &stderr)
	serverKilled := waitLines(lines, 3)
	if serverKilled {
		s.kill()
	}
	err := cmd.Wait()
	if ee, ok := err.(*exec.ExitError); serverKilled && (!ok || ee.ExitCode() != exitFatal || !strings.Contains(stderr.String(), "mất kết nối với máy chủ")) {
		t.Errorf("client after the server's kill: %v; want exit 2 saying the connection was lost\n%s", err, stderr.String())
	}
	s = startServe(t, bin, dir, "ix")
	check("server killed")
	s.stop()
}

// progressLines starts cmd and sends a value for each progress line on its stderr (copied to
// also, when given).
func progressLines(t *testing.T, cmd *exec.Cmd, also ...io.Writer) <-chan struct{} {
	t.Helper()
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ch := make(chan struct{}, 1000)
	go func() {
		defer close(ch)
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			for _, w := range also {
				fmt.Fprintln(w, sc.Text())
			}
			if strings.HasPrefix(sc.Text(), "tiến độ:") {
				ch <- struct{}{}
			}
		}
	}()
	return ch
}

// waitLines waits for n progress lines; false when the run ended first.
func waitLines(ch <-chan struct{}, n int) bool {
	for i := 0; i < n; i++ {
		if _, ok := <-ch; !ok {
			return false
		}
	}
	return true
}

// TestKillServerDuringUpload SIGKILLs a server while it indexes an upload of sixty files, then
// serves again: the files already in its upload folder are indexed at start, to the counts of
// an uninterrupted run.
func TestKillServerDuringUpload(t *testing.T) {
	bin := liveBinary(t)
	dir := t.TempDir()
	writeTestDocs(t, filepath.Join(dir, "seed"), 1)
	if out, err := runIn(dir, bin, "index", "--quiet", "--index", "ix", "seed"); err != nil {
		t.Fatalf("seed run: %v\n%s", err, out)
	}
	s := startServe(t, bin, dir, "ix")
	parts := []uploadPart{{name: "csrf", data: []byte(csrfOf(t, s.base))}, {name: "title", data: []byte("Hội thảo tổng kết công tác kiểm tra")}}
	for i := 0; i < 60; i++ {
		parts = append(parts, uploadPart{name: "files", filename: fmt.Sprintf("bao-cao-%02d.txt", i), data: []byte(testDoc(i, 3)), file: true})
	}
	if code, body := postUpload(t, s.base, parts); code != 200 {
		t.Fatalf("upload: %d %s", code, body)
	}
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
		js := s.jobs(t)
		if len(js) > 0 && js[0].State == web.JobRunning && js[0].Done > 0 {
			s.kill()
			t.Logf("killed the server at %d of %d files", js[0].Done, js[0].Files)
			break
		}
		if len(js) > 0 && js[0].Finished != nil {
			t.Log("the job ended before the kill landed")
			break
		}
	}
	s2 := startServe(t, bin, dir, "ix")
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if js := s2.jobs(t); len(js) > 0 && js[0].Finished != nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the restarted server indexed nothing: %s", s2.stderr)
		}
	}
	s2.stop()
	if got := statsIn(t, bin, dir, "ix"); got.Documents != 61 || got.Sections != 61*4 {
		t.Errorf("killed during the upload's job and served again: %d documents, %d sections; want 61, 244", got.Documents, got.Sections)
	}
}
