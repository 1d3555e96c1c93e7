package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"thamluan/corpus"
	"thamluan/index"
	"thamluan/pipeline"
)

// fixture is an index of two small documents written for these tests, one of them with markup
// in its text, served by a test server.
type fixture struct {
	srv   *httptest.Server
	docA  string // path of the document with an original file on disk
	docB  string // path of the document with <script> in its text
	dir   string
	index *index.Index
}

func sentence(text string, para int, themes []string, rec bool, ev ...corpus.Evidence) corpus.Sentence {
	return corpus.Sentence{Text: text, Paragraph: para, Themes: themes, Recommendation: rec, Evidence: ev}
}

// evidence marks cue in text with character offsets, as the tagger does.
func evidence(text, cue string) corpus.Evidence {
	i := strings.Index(text, cue)
	start := utf8.RuneCountInString(text[:i])
	return corpus.Evidence{Theme: "digital-transformation", Text: cue, Start: start, End: start + utf8.RuneCountInString(cue)}
}

func fixtureDocs(dir string) []*corpus.Document {
	a := &corpus.Document{Path: filepath.Join(dir, "tham-luan-so-hoa.txt"), Format: "txt", Title: "Tham luận về chuyển đổi số trong sinh hoạt chi bộ",
		Workshop: &corpus.Workshop{Title: "Hội thảo xây dựng Đảng trong doanh nghiệp", Year: 2024}}
	s1 := []corpus.Sentence{
		sentence("Chi bộ đã đưa Sổ tay đảng viên điện tử vào sinh hoạt định kỳ.", 0, []string{"digital-transformation"}, false,
			evidence("Chi bộ đã đưa Sổ tay đảng viên điện tử vào sinh hoạt định kỳ.", "Sổ tay đảng viên điện tử")),
		sentence("Việc chuyển đổi số giúp giảm giấy tờ và rút ngắn thời gian họp.", 0, []string{"digital-transformation"}, false,
			evidence("Việc chuyển đổi số giúp giảm giấy tờ và rút ngắn thời gian họp.", "chuyển đổi số")),
		sentence("Đề nghị cấp trên hỗ trợ kinh phí mua thiết bị cho chi bộ ở xa.", 1, []string{"solutions"}, true),
	}
	a.Sections = []corpus.Section{{Ordinal: 1, Heading: "1. Kết quả ứng dụng công nghệ", HeadingPath: []string{"Phần thứ nhất", "1. Kết quả ứng dụng công nghệ"},
		Speaker: "Đảng ủy Công ty Cổ phần Cảng Quy Nhơn", SpeakerKind: "organisation", PageStart: 2, PageEnd: 3,
		Themes:    []corpus.ThemeTag{{ID: "digital-transformation", Label: "Chuyển đổi số", Score: 2}, {ID: "solutions", Label: "Giải pháp, kiến nghị", Score: 1}},
		Sentences: s1, Text: joinSentences(s1)}}
	b := &corpus.Document{Path: filepath.Join(dir, "ghi-chep-<script>.txt"), Format: "txt", Title: "Ghi chép <b>thảo luận</b>",
		Workshop: &corpus.Workshop{Title: "Hội thảo xây dựng Đảng trong doanh nghiệp", Year: 2024}}
	s2 := []corpus.Sentence{
		sentence("Đại biểu dán đoạn mã <script>alert('x')</script> vào biên bản để thử hệ thống.", 0, []string{"shortcomings"}, false),
		sentence("Doanh nghiệp tư nhân còn hạn chế trong việc thành lập tổ chức đảng.", 0, []string{"private-enterprise", "shortcomings"}, false),
		sentence("Đề nghị cấp trên hỗ trợ kinh phí mua thiết bị cho chi bộ ở xa.", 1, []string{"solutions"}, true),
	}
	b.Sections = []corpus.Section{{Ordinal: 1, Heading: "Ý kiến <i>thảo luận</i>", Speaker: "Chi bộ <Công ty> TNHH Minh Phát", PageStart: 1,
		Themes:    []corpus.ThemeTag{{ID: "shortcomings", Label: "Hạn chế, yếu kém", Score: 2, Evidence: []string{"hạn chế"}}, {ID: "private-enterprise", Label: "Doanh nghiệp tư nhân", Score: 1}},
		Sentences: s2, Text: joinSentences(s2)}}
	return []*corpus.Document{a, b}
}

func joinSentences(ss []corpus.Sentence) string {
	var parts []string
	for _, s := range ss {
		parts = append(parts, s.Text)
	}
	return strings.Join(parts, " ")
}

func newFixture(t testing.TB, opt Options) *fixture {
	t.Helper()
	dir := t.TempDir()
	docs := fixtureDocs(dir)
	f := serveDocs(t, dir, opt, docs...)
	if err := os.WriteFile(docs[0].Path, []byte(docs[0].Sections[0].Text), 0o644); err != nil {
		t.Fatal(err)
	}
	f.docA, f.docB = docs[0].Path, docs[1].Path
	return f
}

// serveDocs indexes docs in dir/index and serves that index with opt from a test server.
func serveDocs(t testing.TB, dir string, opt Options, docs ...*corpus.Document) *fixture {
	t.Helper()
	ix, err := index.Create(filepath.Join(dir, "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	for _, d := range docs {
		if err := ix.Add(d, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	s, err := New(ix, pipeline.DefaultCodebook(), opt)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	return &fixture{srv: srv, dir: dir, index: ix}
}

// get fetches path and returns the response with its body read.
func (f *fixture) do(t testing.TB, method, path string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, f.srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := f.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(body)
}
