package main

import (
	"html"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// englishLeft are English words that once reached a person through the interface: HTTP status
// texts, the query parser's and Go's error messages, the flag package's.
var englishLeft = []string{"Not Found", "Bad Request", "Method Not Allowed", "Internal Server Error", "page not found",
	"unclosed", "never closed", "no such file", "permission denied", "not a thamluan index", "is in use",
	"flag provided", "invalid value", "is required", "usage:", "unknown command", "at character", "malformed", "discover ",
	"must be", "out of range", "could not be"}

// englishProse are English function words, which Vietnamese prose does not use.
var englishProse = regexp.MustCompile(`(?i)\b(the|of|and|with|this|these|is|are|only|instead|write|print)\b`)

// codeSpan matches what stays as typed: `code`, «typed text», theme:ID and --flag tokens.
var codeSpan = regexp.MustCompile("`[^`]*`|«[^»]*»|\\btheme:[\\w-]+|--[\\w-]+")

// themeInProse finds a theme id where a person reads prose.
var themeInProse = regexp.MustCompile(`\b(shortcomings|solutions|digital-transformation|private-enterprise)\b`)

// checkVietnamese reports English words and theme ids in text a person reads.
func checkVietnamese(t *testing.T, where, text string, prose bool) {
	t.Helper()
	for _, en := range englishLeft {
		if strings.Contains(text, en) {
			t.Errorf("%s: English %q in:\n%s", where, en, excerpt(text, en))
		}
	}
	plain := codeSpan.ReplaceAllString(text, "")
	if m := themeInProse.FindString(plain); m != "" {
		t.Errorf("%s: theme id %q in prose:\n%s", where, m, excerpt(plain, m))
	}
	if prose {
		if m := englishProse.FindString(plain); m != "" {
			t.Errorf("%s: English word %q:\n%s", where, m, excerpt(plain, m))
		}
	}
}

func excerpt(s, sub string) string {
	i := strings.Index(s, sub)
	return s[max(i-120, 0):min(i+len(sub)+120, len(s))]
}

// TestCLIVietnamese greps the usage, every command's --help and the command line's error paths
// for English and for theme ids in prose.
func TestCLIVietnamese(t *testing.T) {
	idx := demoIndex(t)
	dir := t.TempDir()
	empty := filepath.Join(dir, "trong")
	os.MkdirAll(empty, 0o755)
	good := filepath.Join(dir, "a.txt")
	os.WriteFile(good, []byte("Hội thảo về công tác xây dựng Đảng.\n\nCác đại biểu đề xuất nhiều giải pháp.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "hong.pdf"), []byte("không phải PDF"), 0o644)
	os.WriteFile(filepath.Join(dir, "bo-ma.toml"), []byte("[[theme]]\nid = \"\"\n"), 0o644)
	_, _, usage := runCmd(t)
	checkVietnamese(t, "thamluan", usage, true)
	for _, c := range commands {
		code, _, help := runCmd(t, c.name, "--help")
		if code != exitOK || !strings.Contains(help, "các cờ:") {
			t.Errorf("%s --help: exit %d:\n%s", c.name, code, help)
		}
		checkVietnamese(t, c.name+" --help", help, true)
	}
	for _, args := range [][]string{
		{"frobnicate"},
		{"search", "x"},
		{"search", "--index", filepath.Join(dir, "khong-co"), "x"},
		{"search", "--index", idx, `"chuyển đổi (số`},
		{"search", "--index", idx, "(chi bộ"},
		{"search", "--index", idx, "chi bộ OR"},
		{"search", "--index", idx, "year:abc chi bộ"},
		{"search", "--index", idx, "-chi"},
		{"search", "--index", idx, "--theme", "nope", "x"},
		{"search", "--index", idx, "--size", "x", "y"},
		{"search", "--index", idx, "--nope", "x"},
		{"search", "--index", idx, "--index"},
		{"analyze", filepath.Join(dir, "khong-co.txt")},
		{"analyze", good, filepath.Join(dir, "hong.pdf")},
		{"analyze", empty},
		{"analyze", "--shape", "sach", good},
		{"index", "--quiet", "--index", filepath.Join(dir, "i"), empty},
		{"index", "--quiet", "--index", filepath.Join(dir, "i2"), good, filepath.Join(dir, "khong-co")},
		{"index", "x"},
		{"stats"},
		{"recs", "--index", idx, "--theme", "nope"},
		{"themes", "--index", filepath.Join(dir, "khong-co")},
		{"export", "--index", idx},
		{"export", "--index", idx, "--format", "pdf", "--out", "x"},
		{"export", "--index", idx, "--format", "md", "--out", filepath.Join(dir, "khong-co", "x.md")},
		{"codebook", "--check", filepath.Join(dir, "khong-co.toml")},
		{"codebook", "--check", filepath.Join(dir, "bo-ma.toml")},
		{"serve"},
	} {
		code, out, stderr := runCmd(t, args...)
		if code == exitOK {
			t.Errorf("%v: exit 0, want an error", args)
		}
		checkVietnamese(t, strings.Join(args, " "), stderr, false)
		if !strings.Contains(strings.Join(args, " "), "analyze") {
			checkVietnamese(t, strings.Join(args, " ")+" (stdout)", out, false)
		}
	}
}

// TestPagesVietnamese greps the rendered pages of the web interface — home, results with facets,
// a document, themes, recommendations and error pages — for English and theme ids in prose.
func TestPagesVietnamese(t *testing.T) {
	srv := demoServer(t, demoIndex(t))
	res, err := http.Get(srv.URL + "/api/search?q=chuyen+doi+so")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	doc := regexp.MustCompile(`"path": "([^"]+)"`).FindSubmatch(body)
	if doc == nil {
		t.Fatalf("no hit to open: %s", body)
	}
	for _, path := range []string{"/", "/search?q=chuyen+doi+so", "/search?q=chuyen+doi+so&theme=digital-transformation",
		"/doc?path=" + url.QueryEscape(string(doc[1])), "/themes", "/recs", "/recs?theme=solutions&size=5",
		"/nope", "/doc", "/doc?path=x", "/search?q=%22chuyen+doi+(so", "/search?q=theme%3Anope", "/search?q=x&size=abc",
		"/static/khong-co.css", "/export/khong-co", "/api/search?q=%22x", "/api/recs?theme=nope", "/api/search?q=x&size=0"} {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		checkVietnamese(t, path, visibleText(string(b)), !strings.HasPrefix(path, "/api/") && !strings.HasPrefix(path, "/doc?path=%2F"))
	}
}

var (
	hiddenParts = regexp.MustCompile(`(?s)<code>.*?</code>|<script.*?</script>|<style.*?</style>|<title>.*?</title>`)
	tags        = regexp.MustCompile(`(?s)<[^>]*>`)
)

// visibleText is the text of an HTML page a person reads: tags, attribute values and code
// left out. JSON is kept as it is, less its valid list of ids.
func visibleText(page string) string {
	if strings.HasPrefix(strings.TrimSpace(page), "{") {
		return regexp.MustCompile(`(?s)"valid":\s*\[.*?\]|"id":\s*"[^"]*"`).ReplaceAllString(page, "")
	}
	return html.UnescapeString(tags.ReplaceAllString(hiddenParts.ReplaceAllString(page, " "), " "))
}
