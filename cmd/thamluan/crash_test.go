package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
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
