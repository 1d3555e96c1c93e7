package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"thamluan/cmd/thamluan/msg"
)

// runCmd runs thamluan with args and returns its exit status, stdout and stderr.
func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), &env{stdout: &out, stderr: &errb, stdin: strings.NewReader("")}, args)
	return code, out.String(), errb.String()
}

type searchJSON struct {
	Total uint64 `json:"total"`
	Hits  []struct {
		Path      string   `json:"path"`
		Ordinal   int      `json:"ordinal"`
		Heading   string   `json:"heading"`
		Speaker   string   `json:"speaker"`
		PageStart int      `json:"page_start"`
		Score     float64  `json:"score"`
		Themes    []string `json:"themes"`
		Snippet   string   `json:"snippet"`
	} `json:"hits"`
}

// TestEndToEndDemo indexes the embedded demo corpus and searches it with and without diacritics.
func TestEndToEndDemo(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	if err := writeDemoCorpus(docs); err != nil {
		t.Fatal(err)
	}
	idx := filepath.Join(dir, "index")
	if code, _, stderr := runCmd(t, "index", "--index", idx, "--quiet", docs); code != 0 {
		t.Fatalf("index: exit %d: %s", code, stderr)
	}
	code, out, stderr := runCmd(t, "stats", "--index", idx, "--json")
	if code != 0 {
		t.Fatalf("stats: exit %d: %s", code, stderr)
	}
	var st struct{ Documents, Sections int }
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	if st.Documents != 3 || st.Sections < 9 {
		t.Errorf("stats: %d documents, %d sections; want 3 documents and at least 9 sections", st.Documents, st.Sections)
	}
	tests := []struct {
		query string
		mark  string // a highlighted word expected in the snippets
	}{
		{"chuyển đổi số", "<mark>chuyển đổi số</mark>"},
		{"chuyen doi so", "<mark>chuyển đổi số</mark>"},
		{"doanh nghiệp ngoài khu vực nhà nước", "<mark>doanh nghiệp"},
		{"doanh nghiep ngoai khu vuc nha nuoc", "<mark>doanh nghiệp"},
		{`"sổ tay đảng viên điện tử"`, "<mark>sổ tay đảng viên điện tử</mark>"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			code, out, stderr := runCmd(t, "search", "--index", idx, "--json", "--size", "5", tt.query)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var res searchJSON
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatalf("%v: %s", err, out)
			}
			if res.Total == 0 || len(res.Hits) == 0 {
				t.Fatalf("no hits")
			}
			found := false
			for _, h := range res.Hits {
				if strings.Contains(strings.ToLower(h.Snippet), strings.ToLower(tt.mark)) {
					found = true
				}
				if h.Path == "" || h.Ordinal < 1 {
					t.Errorf("hit without citation: %+v", h)
				}
			}
			if !found {
				t.Errorf("no snippet highlights %q: %+v", tt.mark, res.Hits)
			}
		})
	}
	// The accented query finds sections holding its words as typed, every one of which the
	// accent-free query finds too (it also finds words that only fold alike: đôi, sổ, sở).
	a := hitKeys(t, idx, "chuyển đổi số")
	b := hitKeys(t, idx, "chuyen doi so")
	sort.Strings(b)
	for _, k := range a {
		if _, found := slices.BinarySearch(b, k); !found {
			t.Errorf("accented hit %s not among the accent-free hits %v", k, b)
		}
	}
	if len(a) == 0 || len(a) > len(b) {
		t.Errorf("accented hits %v, accent-free hits %v: want some, and no more than accent-free", a, b)
	}
	// Running the index again changes nothing.
	code, _, stderr = runCmd(t, "index", "--index", idx, docs)
	if code != 0 || !strings.Contains(stderr, "không đổi 3") {
		t.Errorf("second run: exit %d, %s; want 3 unchanged", code, stderr)
	}
}

func hitKeys(t *testing.T, idx, q string) []string {
	t.Helper()
	_, out, _ := runCmd(t, "search", "--index", idx, "--json", "--size", "200", q)
	var res searchJSON
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, h := range res.Hits {
		keys = append(keys, filepath.Base(h.Path)+"#"+string(rune('0'+h.Ordinal)))
	}
	return keys
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	bad := filepath.Join(dir, "bad.pdf")
	os.WriteFile(good, []byte("Hội thảo về công tác xây dựng Đảng.\n\nCác đại biểu đề xuất nhiều giải pháp.\n"), 0o644)
	os.WriteFile(bad, []byte("this is not a PDF at all"), 0o644)
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"no command", nil, exitFatal, "cách dùng"},
		{"unknown command", []string{"frobnicate"}, exitFatal, "không có lệnh"},
		{"help", []string{"search", "--help"}, exitOK, "Cú pháp truy vấn"},
		{"bad flag", []string{"analyze", "--nope", good}, exitFatal, "không có cờ -nope"},
		{"missing index flag", []string{"search", "x"}, exitFatal, "thiếu --index THƯ-MỤC"},
		{"missing index", []string{"search", "--index", filepath.Join(dir, "none"), "x"}, exitFatal, "không phải chỉ mục thamluan"},
		{"all good", []string{"analyze", "--json", good}, exitOK, ""},
		{"one bad file", []string{"analyze", "--json", good, bad}, exitPartial, "bad.pdf"},
		{"missing file", []string{"analyze", filepath.Join(dir, "missing.txt")}, exitFatal, "missing.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %s)", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.err) {
				t.Errorf("stderr %q does not mention %q", stderr, tt.err)
			}
		})
	}
}

// TestAnalyzeJSONContract checks the keys every script relies on.
func TestAnalyzeJSONContract(t *testing.T) {
	dir := t.TempDir()
	if err := writeDemoCorpus(dir); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCmd(t, "analyze", "--json", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d JSON lines, want 3", len(lines))
	}
	themes := map[string]bool{}
	for _, l := range lines {
		var doc map[string]interface{}
		if err := json.Unmarshal([]byte(l), &doc); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"path", "format", "title", "quality", "warnings", "sections"} {
			if _, ok := doc[k]; !ok {
				t.Errorf("document lacks %q", k)
			}
		}
		for _, s := range doc["sections"].([]interface{}) {
			sec := s.(map[string]interface{})
			for _, k := range []string{"ordinal", "heading", "speaker", "page_start", "page_end", "text", "themes", "sentences"} {
				if _, ok := sec[k]; !ok {
					t.Errorf("section lacks %q", k)
				}
			}
			for _, th := range sec["themes"].([]interface{}) {
				tag := th.(map[string]interface{})
				themes[tag["id"].(string)] = true
				for _, k := range []string{"label", "score", "evidence"} {
					if _, ok := tag[k]; !ok {
						t.Errorf("theme lacks %q", k)
					}
				}
			}
			for _, x := range sec["sentences"].([]interface{}) {
				for _, k := range []string{"text", "themes", "recommendation"} {
					if _, ok := x.(map[string]interface{})[k]; !ok {
						t.Errorf("sentence lacks %q", k)
					}
				}
			}
		}
	}
	for _, id := range []string{"shortcomings", "solutions", "digital-transformation", "private-enterprise"} {
		if !themes[id] {
			t.Errorf("the demo corpus shows no section with theme %s", id)
		}
	}
}

// TestDescribeCLI checks usage errors still raised in English by commands are shown in Vietnamese.
func TestDescribeCLI(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{fmt.Errorf("%w: --index DIR is required", errUsage), "thiếu --index THƯ-MỤC (thư mục chỉ mục)"},
		{fmt.Errorf("%w: name at least one file or folder", errUsage), "cần ít nhất một tệp hoặc thư mục"},
		{fmt.Errorf("%w: --ocr %q: want auto, off or force", errUsage, "x"), `--ocr "x" không hợp lệ: dùng auto, off hoặc force`},
		{fmt.Errorf("%w: 2 of 5 files could not be indexed", errPartial), "2 trong 5 tệp không lập chỉ mục được"},
		{usageErr(msg.CLIBadSize, 0, 1000), "--size 0 không hợp lệ"},
	}
	for _, tt := range tests {
		if got := describeCLI(tt.err); !strings.Contains(got, tt.want) {
			t.Errorf("describeCLI(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}
