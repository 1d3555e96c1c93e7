package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"thamluan/index"
	"thamluan/pipeline/recurring"
)

// recurringIndex indexes the four workshops of testdata/recurring into a fresh index.
func recurringIndex(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "ix")
	var args []string
	for _, w := range []string{"w2022-phat-trien-dang-vien", "w2023-doi-moi-phuong-thuc", "w2024-chuyen-doi-so", "w2024-von-nuoc-ngoai"} {
		args = append(args, filepath.Join("..", "..", "testdata", "recurring", w))
	}
	if code, _, errs := runCmd(t, append([]string{"index", "--index", dir}, args...)...); code != 0 {
		t.Fatalf("index: exit %d: %s", code, errs)
	}
	return dir
}

// TestRecsRecurring checks `recs --recurring --json`: threads join proposals of different
// workshops only, and every member's text stands in the document it cites.
func TestRecsRecurring(t *testing.T) {
	dir := recurringIndex(t)
	code, out, errs := runCmd(t, "recs", "--index", dir, "--recurring", "--json")
	if code != 0 {
		t.Fatalf("recs --recurring: exit %d: %s", code, errs)
	}
	var threads []recurring.Thread
	if err := json.Unmarshal([]byte(out), &threads); err != nil {
		t.Fatalf("recs --recurring --json: %v\n%s", err, out)
	}
	if len(threads) < 5 {
		t.Errorf("%d threads on testdata/recurring, want at least 5 (it has 9)", len(threads))
	}
	for _, th := range threads {
		ws := map[string]bool{}
		for _, m := range th.Members {
			ws[m.Workshop] = true
			data, err := os.ReadFile(m.Path)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(norm.NFC.String(string(data)), m.Text) {
				t.Errorf("thread %q: member %q is not in %s", th.Text, m.Text, m.Path)
			}
		}
		if len(ws) < 2 || len(th.Workshops) != len(ws) {
			t.Errorf("thread %q spans workshops %v (listed %v), want two or more", th.Text, ws, th.Workshops)
		}
	}
	code, out, _ = runCmd(t, "recs", "--index", dir, "--recurring")
	if code != 0 || !strings.Contains(out, "Kiến nghị lặp lại") || !strings.Contains(out, "Năm: 2022, 2023, 2024") {
		t.Errorf("recs --recurring: exit %d, output:\n%s", code, out)
	}
}

// TestCompareAgreesWithThemes checks that `compare` counts each side's sections and themes as
// `themes` counts them by workshop and by year, and that a recurring proposal is not listed as new.
func TestCompareAgreesWithThemes(t *testing.T) {
	dir := recurringIndex(t)
	const fdi = "Xây dựng tổ chức đảng, đoàn thể trong doanh nghiệp có vốn đầu tư nước ngoài"
	code, out, errs := runCmd(t, "compare", "--index", dir, "--json", "2022", "von dau tu nuoc ngoai")
	if code != 0 {
		t.Fatalf("compare: exit %d: %s", code, errs)
	}
	var rep struct {
		index.Comparison
		Recurring []recurring.Thread `json:"recurring"`
		New       []struct{ Text string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("compare --json: %v\n%s", err, out)
	}
	if rep.B.Workshop != fdi || rep.A.YearFrom != 2022 || rep.A.YearTo != 2022 {
		t.Fatalf("sides read as %+v and %+v", rep.A, rep.B)
	}
	code, out, errs = runCmd(t, "themes", "--index", dir, "--json")
	if code != 0 {
		t.Fatalf("themes: exit %d: %s", code, errs)
	}
	var sums []index.ThemeSummary
	if err := json.Unmarshal([]byte(out), &sums); err != nil {
		t.Fatal(err)
	}
	count := func(fc []index.FacetCount, v string) int {
		for _, f := range fc {
			if f.Value == v {
				return f.Count
			}
		}
		return 0
	}
	for _, s := range sums {
		var c *index.ThemeChange
		for i := range rep.Themes {
			if rep.Themes[i].ID == s.ID {
				c = &rep.Themes[i]
			}
		}
		if c == nil {
			t.Fatalf("compare has no theme %s", s.ID)
		}
		if got, want := c.SectionsA, count(s.ByYear, "2022"); got != want {
			t.Errorf("%s: compare counts %d sections in 2022, themes %d", s.ID, got, want)
		}
		if got, want := c.SectionsB, count(s.ByWorkshop, fdi); got != want {
			t.Errorf("%s: compare counts %d sections of the FDI workshop, themes %d", s.ID, got, want)
		}
	}
	for _, th := range rep.Recurring {
		for _, m := range th.Members {
			for _, n := range rep.New {
				if n.Text == m.Text {
					t.Errorf("%q is listed both as recurring and as new", m.Text)
				}
			}
		}
	}
	if len(rep.Recurring) == 0 || len(rep.New) == 0 {
		t.Errorf("compare found %d recurring and %d new proposals; the set has both", len(rep.Recurring), len(rep.New))
	}
}

// TestCompareInput checks the errors of `compare` on sides it cannot read.
func TestCompareInput(t *testing.T) {
	dir := recurringIndex(t)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"2022"}, "cần đúng hai vế"},
		{[]string{"2022", "không có hội thảo này"}, "các hội thảo trong chỉ mục"},
		{[]string{"2022", "doanh nghiep"}, "khớp với nhiều hội thảo"},
		{[]string{"--out", filepath.Join(t.TempDir(), "so-sanh.pdf"), "2022", "2023"}, "đuôi .md"},
	}
	for _, c := range cases {
		code, _, errs := runCmd(t, append([]string{"compare", "--index", dir}, c.args...)...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("compare %q: exit %d, stderr %q; want exit 2 and %q", c.args, code, errs, c.want)
		}
	}
}

// TestCompareAndRecurringFiles checks the Markdown and Word files of `compare --out` and of
// `export --format recurring-md|recurring-docx`.
func TestCompareAndRecurringFiles(t *testing.T) {
	dir := recurringIndex(t)
	tmp := t.TempDir()
	cases := []struct {
		args []string
		file string
		want string // in a Markdown file; "" for a Word file
	}{
		{[]string{"compare", "--index", dir, "--out", filepath.Join(tmp, "ss.md"), "2022", "2024"}, "ss.md", "## Kiến nghị lặp lại"},
		{[]string{"compare", "--index", dir, "--out", filepath.Join(tmp, "ss.docx"), "2022", "2024"}, "ss.docx", ""},
		{[]string{"export", "--index", dir, "--format", "recurring-md", "--out", filepath.Join(tmp, "ll.md")}, "ll.md", "các năm 2022, 2023, 2024"},
		{[]string{"export", "--index", dir, "--format", "recurring-docx", "--out", filepath.Join(tmp, "ll.docx")}, "ll.docx", ""},
	}
	for _, c := range cases {
		if code, _, errs := runCmd(t, c.args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, errs)
		}
		data, err := os.ReadFile(filepath.Join(tmp, c.file))
		if err != nil {
			t.Fatal(err)
		}
		if c.want != "" && !strings.Contains(string(data), c.want) {
			t.Errorf("%s lacks %q:\n%s", c.file, c.want, data)
		}
		if c.want == "" && !strings.HasPrefix(string(data), "PK") {
			t.Errorf("%s is not a Word (zip) file", c.file)
		}
	}
}
