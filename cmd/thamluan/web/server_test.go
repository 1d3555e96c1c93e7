package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestHandlers(t *testing.T) {
	f := newFixture(t, Options{})
	long := url.QueryEscape(strings.Repeat("đảng ", 101))
	a, b := url.QueryEscape(f.docA), url.QueryEscape(f.docB)
	tests := []struct {
		name, method, path string
		code               int
		want, not          []string // substrings the body must and must not hold
		ctype              string
	}{
		{"home", "GET", "/", 200, []string{"Tìm kiếm", "Cú pháp tìm kiếm", "Kho có 2 tài liệu"}, nil, "text/html"},
		{"search without diacritics", "GET", "/search?q=chuyen+doi+so", 200,
			[]string{"<mark>chuyển đổi số</mark>", "Đảng ủy Công ty Cổ phần Cảng Quy Nhơn", "phần 1, trang 2", `class="chip t2"`}, nil, "text/html"},
		{"search escapes document text", "GET", "/search?q=alert", 200,
			[]string{"&lt;script&gt;", "Ghi chép &lt;b&gt;thảo luận&lt;/b&gt;"}, []string{"<script>alert", "<b>thảo"}, "text/html"},
		{"search echoes the query escaped", "GET", "/search?q=%3Cscript%3Ex", 200, []string{"&lt;script&gt;x"}, []string{"<script>x"}, "text/html"},
		{"facet links", "GET", "/search?q=chi+bo", 200, []string{"theme=digital-transformation", "Năm", "year%3A2024"}, nil, "text/html"},
		{"theme filter", "GET", "/search?q=chi+bo&theme=private-enterprise", 200, []string{"Bỏ mọi bộ lọc", "1 kết quả"}, nil, "text/html"},
		{"paging", "GET", "/search?q=chi+bo&size=1", 200, []string{"Trang sau", "from=1"}, nil, "text/html"},
		{"empty query shows the form", "GET", "/search?q=", 200, []string{`name="q"`}, nil, "text/html"},
		{"query too long", "GET", "/search?q=" + long, 400, []string{"tối đa 500"}, nil, "text/html"},
		{"size too large", "GET", "/search?q=x&size=101", 400, []string{"size"}, nil, "text/html"},
		{"size not a number", "GET", "/search?q=x&size=abc", 400, nil, nil, "text/html"},
		{"negative from", "GET", "/search?q=x&from=-1", 400, nil, nil, "text/html"},
		{"bad sort", "GET", "/search?q=x&sort=random", 400, nil, nil, "text/html"},
		{"unclosed quote", "GET", "/search?q=%22chi+bo", 400, []string{"dấu ngoặc kép mở mà không đóng", `value="&#34;chi bo"`, `<mark class="bad">&#34;</mark>chi bo`,
			`href="/search?q=chi&#43;bo"`}, []string{"unclosed"}, "text/html"},
		{"post refused", "POST", "/search?q=x", 405, nil, nil, "text/html"},
		{"unknown page", "GET", "/nope", 404, nil, nil, "text/html"},
		{"doc", "GET", "/doc?path=" + a, 200, []string{"Phần thứ nhất &gt; 1. Kết quả ứng dụng công nghệ", "<mark>Sổ tay đảng viên điện tử</mark>",
			"<mark>chuyển đổi số</mark>", `class="sent rec"`, "trang 2", "/file?path="}, nil, "text/html"},
		{"doc escapes", "GET", "/doc?path=" + b, 200, []string{"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "Chi bộ &lt;Công ty&gt;", "<mark>hạn chế</mark>"},
			[]string{"<script>alert", "<i>thảo"}, "text/html"},
		{"doc unknown", "GET", "/doc?path=%2Fetc%2Fpasswd", 404, nil, nil, "text/html"},
		{"doc without path", "GET", "/doc", 400, nil, nil, "text/html"},
		{"file", "GET", "/file?path=" + a, 200, []string{"Sổ tay đảng viên điện tử"}, nil, "text/plain"},
		{"file traversal", "GET", "/file?path=" + url.QueryEscape(f.docA+"/../../../../etc/passwd"), 404, nil, []string{"root:"}, "text/html"},
		{"file outside the index", "GET", "/file?path=%2Fetc%2Fpasswd", 404, nil, []string{"root:"}, "text/html"},
		{"file relative traversal", "GET", "/file?path=..%2F..%2F..%2Fetc%2Fpasswd", 404, nil, []string{"root:"}, "text/html"},
		{"file indexed but gone", "GET", "/file?path=" + b, 404, []string{"không còn"}, nil, "text/html"},
		{"themes", "GET", "/themes", 200, []string{"<svg", "Chuyển đổi số", "Theo hội thảo", "<rect"}, nil, "text/html"},
		{"recs", "GET", "/recs", 200, []string{"Đề nghị cấp trên hỗ trợ kinh phí", "nêu 2 lần", `data-copy="Đề nghị`, "/export/kien-nghi.docx"}, nil, "text/html"},
		{"recs by speaker", "GET", "/recs?speaker=quy+nhon", 200, []string{"1 lần được nêu"}, nil, "text/html"},
		{"recs by theme without match", "GET", "/recs?theme=private-enterprise", 200, []string{"Không có kiến nghị"}, nil, "text/html"},
		{"export md", "GET", "/export/kien-nghi.md", 200, []string{"# Tổng hợp kiến nghị", "Cảng Quy Nhơn"}, nil, "text/markdown"},
		{"export csv", "GET", "/export/doan-ma-hoa.csv", 200, []string{"\ufefftệp,phần"}, nil, "text/csv"},
		{"export unknown", "GET", "/export/passwd", 404, nil, nil, "text/html"},
		{"static css", "GET", "/static/style.css", 200, []string{"mark"}, nil, "text/css"},
		{"static traversal", "GET", "/static/..%2f..%2fserver.go", 404, nil, []string{"package web"}, ""},
		{"api search", "GET", "/api/search?q=chuyen+doi+so", 200, []string{`"hits"`, `<mark>chuyển đổi số</mark>`}, nil, "application/json"},
		{"api search without q", "GET", "/api/search", 400, []string{`"error"`}, nil, "application/json"},
		{"api search bad size", "GET", "/api/search?q=x&size=1000", 400, []string{`"status":400`}, nil, "application/json"},
		{"api themes", "GET", "/api/themes", 200, []string{`"by_workshop"`}, nil, "application/json"},
		{"api recs", "GET", "/api/recs?theme=solutions", 200, []string{`"members"`}, nil, "application/json"},
		{"api doc", "GET", "/api/doc?path=" + a, 200, []string{`"sections"`, `"evidence"`}, nil, "application/json"},
		{"api doc unknown", "GET", "/api/doc?path=x", 404, []string{`"error"`}, nil, "application/json"},
		{"api delete refused", "DELETE", "/api/doc?path=" + a, 405, nil, nil, "application/json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := f.do(t, tt.method, tt.path)
			if res.StatusCode != tt.code {
				t.Fatalf("status %d, want %d; body: %.300s", res.StatusCode, tt.code, body)
			}
			if tt.ctype != "" && !strings.HasPrefix(res.Header.Get("Content-Type"), tt.ctype) {
				t.Errorf("Content-Type %q, want %s", res.Header.Get("Content-Type"), tt.ctype)
			}
			if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src") {
				t.Errorf("no Content-Security-Policy: %q", csp)
			}
			if res.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("no X-Content-Type-Options: nosniff")
			}
			if tt.code == 405 && res.Header.Get("Allow") == "" {
				t.Errorf("405 without Allow")
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %q:\n%.2000s", w, body)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(body, w) {
					t.Errorf("body holds %q", w)
				}
			}
		})
	}
}

// TestFileSandboxed checks an original file is served under a sandboxing policy.
func TestFileSandboxed(t *testing.T) {
	f := newFixture(t, Options{})
	res, _ := f.do(t, "GET", "/file?path="+url.QueryEscape(f.docA))
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "sandbox") || !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("original file served with CSP %q, want a sandbox", csp)
	}
}

// TestTimeout checks that work outliving the request's deadline gets a 503, page and API alike.
func TestTimeout(t *testing.T) {
	f := newFixture(t, Options{Timeout: time.Nanosecond})
	for _, p := range []string{"/search?q=chi+bo", "/api/search?q=chi+bo", "/themes", "/api/recs", "/doc?path=" + url.QueryEscape(f.docA)} {
		res, body := f.do(t, "GET", p)
		if res.StatusCode != http.StatusServiceUnavailable {
			t.Errorf("%s: status %d, want 503: %.200s", p, res.StatusCode, body)
		}
	}
}

// TestAPIShapes checks the JSON answers decode into the shapes clients rely on.
func TestAPIShapes(t *testing.T) {
	f := newFixture(t, Options{})
	var search struct {
		Query string `json:"query"`
		Total int    `json:"total"`
		From  int    `json:"from"`
		Hits  []struct {
			Path    string   `json:"path"`
			Ordinal int      `json:"ordinal"`
			Snippet string   `json:"snippet"`
			Themes  []string `json:"themes"`
		} `json:"hits"`
	}
	decode(t, f, "/api/search?q=de+nghi&size=1&from=1", &search)
	if search.Query != "de nghi" || search.Total != 2 || search.From != 1 || len(search.Hits) != 1 || search.Hits[0].Ordinal != 1 {
		t.Errorf("api/search: %+v", search)
	}
	var doc struct {
		Record   struct{ Path string }
		Sections []struct {
			Ordinal   int
			Sentences []struct{ Text string }
		}
	}
	decode(t, f, "/api/doc?path="+url.QueryEscape(f.docB), &doc)
	if doc.Record.Path != f.docB || len(doc.Sections) != 1 || len(doc.Sections[0].Sentences) != 3 {
		t.Errorf("api/doc: %+v", doc)
	}
	var recs struct {
		Total  int
		Groups []struct {
			Text    string
			Members []struct{ Path string }
		}
	}
	decode(t, f, "/api/recs", &recs)
	if recs.Total != 1 || len(recs.Groups) != 1 || len(recs.Groups[0].Members) != 2 {
		t.Errorf("api/recs: the shared proposal should be one group of two: %+v", recs)
	}
	var themes []struct {
		ID       string
		Sections int
	}
	decode(t, f, "/api/themes", &themes)
	if len(themes) != 4 || themes[2].ID != "digital-transformation" || themes[2].Sections != 1 {
		t.Errorf("api/themes: %+v", themes)
	}
}

func decode(t *testing.T, f *fixture, path string, v any) {
	t.Helper()
	res, body := f.do(t, "GET", path)
	if res.StatusCode != 200 {
		t.Fatalf("%s: status %d: %s", path, res.StatusCode, body)
	}
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("%s: %v: %s", path, err, body)
	}
}
