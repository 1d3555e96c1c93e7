package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"thamluan/cmd/thamluan/web"
	"thamluan/index"
	"thamluan/pipeline"
)

// demoIndex writes the embedded demo corpus to a temporary folder, indexes it and returns the
// index folder.
func demoIndex(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	if err := writeDemoCorpus(docs); err != nil {
		t.Fatal(err)
	}
	idx := filepath.Join(dir, "index")
	var out, errb bytes.Buffer
	if err := runIndex(context.Background(), &env{stdout: &out, stderr: &errb, stdin: strings.NewReader("")}, []string{"--index", idx, "--quiet", docs}); err != nil {
		t.Fatalf("index the demo corpus: %v\n%s", err, errb.String())
	}
	return idx
}

// demoServer serves the demo index with the web interface.
func demoServer(t testing.TB, idx string) *httptest.Server {
	t.Helper()
	ix, err := index.Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	s, err := web.New(ix, pipeline.DefaultCodebook(), web.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	return srv
}

// withoutTook decodes a search result as generic JSON and drops the timing, the one field that
// differs between two runs of the same search.
func withoutTook(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%v: %s", err, data)
	}
	delete(m, "took_ms")
	return m
}

// TestAPISearchMatchesCLI checks /api/search answers exactly what `search --json` prints.
func TestAPISearchMatchesCLI(t *testing.T) {
	idx := demoIndex(t)
	// The CLI opens the index itself, so the server opens it only after the CLI runs.
	tests := []struct {
		q    string
		args []string
		qs   url.Values
	}{
		{"chuyen doi so", nil, nil},
		{"doanh nghiệp ngoài khu vực nhà nước", []string{"--size", "3", "--from", "1"}, url.Values{"size": {"3"}, "from": {"1"}}},
		{"đảng viên", []string{"--theme", "digital-transformation"}, url.Values{"theme": {"digital-transformation"}}},
		{`"sổ tay đảng viên điện tử" year:2023`, []string{"--facets"}, url.Values{"facets": {"1"}}},
	}
	var cli [][]byte
	for _, tt := range tests {
		code, out, stderr := runCmd(t, append(append([]string{"search", "--index", idx, "--json"}, tt.args...), tt.q)...)
		if code != 0 {
			t.Fatalf("search %q: exit %d: %s", tt.q, code, stderr)
		}
		cli = append(cli, []byte(out))
	}
	srv := demoServer(t, idx)
	for i, tt := range tests {
		v := url.Values{"q": {tt.q}}
		for k, x := range tt.qs {
			v[k] = x
		}
		res, err := http.Get(srv.URL + "/api/search?" + v.Encode())
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Fatalf("%q: status %d: %s", tt.q, res.StatusCode, body)
		}
		got, want := withoutTook(t, body), withoutTook(t, cli[i])
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: /api/search differs from search --json:\n%s\nwant:\n%s", tt.q, body, cli[i])
		}
		if n := len(want["hits"].([]any)); n == 0 {
			t.Errorf("%q: no hits to compare", tt.q)
		}
	}
}

// syncBuffer is a buffer safe to write from the serving goroutine and read from the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServeCommand starts `thamluan serve` on a free loopback port, fetches a page and stops it.
func TestServeCommand(t *testing.T) {
	idx := demoIndex(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, &env{stdout: io.Discard, stderr: &stderr, stdin: strings.NewReader("")}, []string{"--index", idx, "--addr", "127.0.0.1:0"})
	}()
	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	var base string
	for deadline := time.Now().Add(10 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		base = addr.FindString(stderr.String())
	}
	if base == "" {
		t.Fatalf("serve printed no address: %s", stderr.String())
	}
	res, err := http.Get(base + "search?q=chuyen+doi+so")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(strings.ToLower(string(body)), "<mark>chuyển đổi số</mark>") {
		t.Errorf("status %d, body without the highlighted match: %.500s", res.StatusCode, body)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after the context ended", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}

func TestServeUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"serve"}, exitFatal, "thiếu --index THƯ-MỤC"},
		{[]string{"serve", "--index", filepath.Join(t.TempDir(), "none")}, exitFatal, "không phải chỉ mục thamluan"},
		{[]string{"export", "--index", "x"}, exitFatal, "--out TỆP"},
		{[]string{"export", "--index", "x", "--out", "y", "--format", "pdf"}, exitFatal, `--format "pdf"`},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.err) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d mentioning %q", tt.args, code, stderr, tt.code, tt.err)
		}
	}
}
