package web

import (
	"encoding/json"
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"thamluan/index"
)

// TestFacetToggles checks each facet value in force links to the same search without it, the
// others kept: a filter is switched off on its own.
func TestFacetToggles(t *testing.T) {
	f := newFixture(t, Options{})
	_, body := f.do(t, "GET", "/search?q=chi+bo+year%3A2024&theme=digital-transformation&theme=shortcomings&sort=date")
	on := regexp.MustCompile(`<a href="(/search[^"]+)" class="on"`).FindAllStringSubmatch(body, -1)
	if len(on) != 3 {
		t.Fatalf("%d active facet links, want the two themes and the year at least:\n%s", len(on), body)
	}
	for _, m := range on {
		u, err := url.Parse(html.UnescapeString(m[1]))
		if err != nil {
			t.Fatal(err)
		}
		v := u.Query()
		kept := 0
		for _, th := range v["theme"] {
			if th == "digital-transformation" || th == "shortcomings" {
				kept++
			}
		}
		off := kept == 1 && strings.Contains(v.Get("q"), "year:2024") || kept == 2 && !strings.Contains(v.Get("q"), "year:2024")
		if !off || v.Get("sort") != "date" {
			t.Errorf("active link %s should drop exactly one filter and keep the rest", u)
		}
	}
}

// TestUnknownTheme checks an unknown theme id is refused with the list of valid ones, wherever it
// is named.
func TestUnknownTheme(t *testing.T) {
	f := newFixture(t, Options{})
	for _, path := range []string{"/api/search?q=chi+bo&theme=nope", "/api/search?q=chi+bo+theme%3Anope", "/api/recs?theme=nope"} {
		res, body := f.do(t, "GET", path)
		var got struct {
			Error string
			Valid []struct{ ID, Label string }
		}
		if err := json.Unmarshal([]byte(body), &got); err != nil || res.StatusCode != 400 {
			t.Fatalf("%s: status %d, %v: %s", path, res.StatusCode, err, body)
		}
		if len(got.Valid) != 4 || got.Valid[2].ID != "digital-transformation" || got.Valid[2].Label != "Chuyển đổi số" || !strings.Contains(got.Error, "«nope»") {
			t.Errorf("%s: %+v", path, got)
		}
	}
	for _, path := range []string{"/search?q=chi+bo+theme%3Anope", "/recs?theme=nope"} {
		res, body := f.do(t, "GET", path)
		if res.StatusCode != 400 || !strings.Contains(body, "<code>digital-transformation</code> — Chuyển đổi số") {
			t.Errorf("%s: status %d; the page should list the valid themes:\n%s", path, res.StatusCode, body)
		}
	}
	if _, body := f.do(t, "GET", "/search?q=chi+bo+theme%3Anope"); !strings.Contains(body, `value="chi bo theme:nope"`) {
		t.Errorf("the search box lost the query")
	}
}

// TestRecsPaging checks /api/recs and /recs take size and from, and the filters by year and words.
func TestRecsPaging(t *testing.T) {
	f := newFixture(t, Options{})
	tests := []struct {
		path         string
		code, total  int
		groups, said int
	}{
		{"/api/recs", 200, 1, 1, 2},
		{"/api/recs?size=1&from=1", 200, 1, 0, 2},
		{"/api/recs?year=2024", 200, 1, 1, 2},
		{"/api/recs?year=2019-2023", 200, 0, 0, 0},
		{"/api/recs?q=kinh+phi", 200, 1, 1, 2},
		{"/api/recs?q=khong+co+chu+nay", 200, 0, 0, 0},
		{"/api/recs?size=0", 400, 0, 0, 0},
		{"/api/recs?size=abc", 400, 0, 0, 0},
		{"/api/recs?from=-1", 400, 0, 0, 0},
		{"/api/recs?year=hai-nghin", 400, 0, 0, 0},
	}
	for _, tt := range tests {
		res, body := f.do(t, "GET", tt.path)
		if res.StatusCode != tt.code {
			t.Errorf("%s: status %d, want %d: %s", tt.path, res.StatusCode, tt.code, body)
			continue
		}
		if tt.code != 200 {
			if !strings.Contains(body, "không hợp lệ") && !strings.Contains(body, "cần một số") {
				t.Errorf("%s: the error does not say what is wrong: %s", tt.path, body)
			}
			continue
		}
		var got struct {
			Total, Said, From, Size int
			Groups                  []json.RawMessage
		}
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatal(err)
		}
		if got.Total != tt.total || len(got.Groups) != tt.groups || got.Said != tt.said {
			t.Errorf("%s: total %d, %d groups, said %d; want %d, %d, %d", tt.path, got.Total, len(got.Groups), got.Said, tt.total, tt.groups, tt.said)
		}
	}
	_, body := f.do(t, "GET", "/recs?size=1")
	for _, want := range []string{"1 kiến nghị (sau khi gộp trùng), 2 lần được nêu", "đang xem 1–1", "Tệp: " + f.docA, "“Tham luận về chuyển đổi số trong sinh hoạt chi bộ”"} {
		if !strings.Contains(html.UnescapeString(body), want) {
			t.Errorf("/recs lacks %q", want)
		}
	}
}

// TestErrorPagesVietnamese checks error pages and the static files' 404 speak Vietnamese.
func TestErrorPagesVietnamese(t *testing.T) {
	f := newFixture(t, Options{})
	for _, tt := range []struct {
		path  string
		code  int
		title string
	}{
		{"/nope", 404, "Không tìm thấy"},
		{"/static/khong-co.css", 404, "Không tìm thấy"},
		{"/doc", 400, "Yêu cầu không hợp lệ"},
		{"/search?q=x&size=abc", 400, "Yêu cầu không hợp lệ"},
	} {
		res, body := f.do(t, "GET", tt.path)
		if res.StatusCode != tt.code || !strings.Contains(body, "<title>"+tt.title) {
			t.Errorf("%s: status %d, want %d titled %q:\n%.400s", tt.path, res.StatusCode, tt.code, tt.title, body)
		}
		for _, en := range englishWords {
			if strings.Contains(body, en) {
				t.Errorf("%s: English %q", tt.path, en)
			}
		}
	}
}

// englishWords are the English words an error page must not show.
var englishWords = []string{"Not Found", "Bad Request", "page not found", "unclosed", "no such file", "Internal Server Error"}

// TestChartLayout checks the bars of a chart: labels above, widths within the chart, counts
// after the bar, and the value summary for screen readers.
func TestChartLayout(t *testing.T) {
	c := newChart("Theo hội thảo", nil, "t0", 5)
	if len(c.Bars) != 0 {
		t.Fatalf("bars for no counts")
	}
	c = newChart("Theo năm", indexFacets{{"2019", 3}, {"Hội thảo khoa học cấp tỉnh về công tác xây dựng Đảng trong doanh nghiệp tư nhân", 12}}.counts(), "t1", 5)
	if len(c.Bars) != 2 || c.Bars[1].Pct != "84.00" || c.Bars[0].Pct != "21.00" || c.Bars[1].CountX != "85.50" {
		t.Errorf("bars %+v", c.Bars)
	}
	if c.Bars[0].LabelY >= c.Bars[0].Y || c.Bars[1].LabelY <= c.Bars[0].CountY {
		t.Errorf("labels should sit above their bars, rows one under the other: %+v", c.Bars)
	}
	if n := len([]rune(c.Bars[1].Label)); n > chartLabel || c.Bars[1].Full == c.Bars[1].Label {
		t.Errorf("long label %q not cut", c.Bars[1].Label)
	}
	if !strings.Contains(c.Summary, "2019: 3") {
		t.Errorf("summary %q", c.Summary)
	}
}

type indexFacet struct {
	v string
	n int
}

type indexFacets []indexFacet

func (fs indexFacets) counts() []index.FacetCount {
	var out []index.FacetCount
	for _, f := range fs {
		out = append(out, index.FacetCount{Value: f.v, Count: f.n})
	}
	return out
}

// TestAPIQueryProblem checks /api/search explains a malformed query with its position and a
// repaired query, in Vietnamese.
func TestAPIQueryProblem(t *testing.T) {
	f := newFixture(t, Options{})
	res, body := f.do(t, "GET", "/api/search?q="+url.QueryEscape(`chi (bo`))
	var got struct {
		Error    string
		Status   int
		Position int
		Fixed    string
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil || res.StatusCode != 400 {
		t.Fatalf("status %d, %v: %s", res.StatusCode, err, body)
	}
	if got.Position != 5 || got.Fixed != "chi bo" || !strings.Contains(got.Error, "«(» không được đóng") {
		t.Errorf("%+v", got)
	}
}
