package recurring

import (
	"slices"
	"strings"
	"testing"

	"thamluan/corpus"
)

// TestLexiconPhrasesAreUnique checks that no phrase names two concepts or two kinds of
// addressee: the lexicon would then depend on the order of a map.
func TestLexiconPhrasesAreUnique(t *testing.T) {
	for name, table := range map[string]map[string][]string{"concepts": concepts, "addresseeKinds": addresseeKinds} {
		seen := map[string]string{}
		for key, phrases := range table {
			for _, p := range phrases {
				n := strings.Join(normWords(p), " ")
				if other, ok := seen[n]; ok && other != key {
					t.Errorf("%s: %q is in both %s and %s", name, p, other, key)
				}
				seen[n] = key
			}
		}
	}
	for e, g := range entityGroups {
		if _, ok := concepts[e]; !ok {
			t.Errorf("entityGroups names %s, which is no concept", e)
		}
		if g == "" {
			t.Errorf("entity %s has no group", e)
		}
	}
}

// TestDescribe checks what a proposal is read as asking: to whom, about whom, and whether it
// makes a proposal at all. The sentences are written for this test.
func TestDescribe(t *testing.T) {
	cases := []struct {
		text     string
		kind     string // addressee kind
		entities []string
		report   bool
	}{
		{"Đề nghị Ủy ban nhân dân tỉnh cấp kinh phí cho chi bộ ở các hợp tác xã.", "party-state", []string{"!partyorg", "#funds"}, false},
		{"Chi bộ công ty đề nghị các chủ doanh nghiệp bố trí phòng họp cho chi bộ.", "enterprise", []string{"!partyorg"}, false},
		{"Công đoàn cơ sở kiến nghị Liên đoàn Lao động huyện tăng kinh phí công đoàn để lại.", "mass", []string{"@retain"}, false},
		{"Đề nghị Liên đoàn Lao động tỉnh hỗ trợ công đoàn cơ sở mua máy tính.", "mass", []string{"!union", "#equipment"}, false},
		{"Các cấp ủy cần quan tâm bồi dưỡng bí thư chi bộ mới.", "cells", []string{"!secretary"}, false},
		{"Huyện ủy cần mở lớp cảm tình Đảng vào ngày nghỉ để công nhân theo học.", "party-state", []string{"!partyawareness", "!worker"}, false},
		{"Năm ngoái, chi bộ đã đề xuất và được Đảng ủy đồng ý cho sinh hoạt ghép.", "", nil, true},
		{"Kiến nghị về việc cấp kinh phí cho chi bộ đã được tỉnh giải quyết từ tháng 5.", "", nil, true},
		{"Trong năm, có 17 người cần bổ sung hồ sơ lý lịch.", "", nil, true},
	}
	for _, c := range cases {
		d := describe(&corpus.Recommendation{Text: c.text})
		if c.report != d.report {
			t.Errorf("%q: report %v, want %v", c.text, d.report, c.report)
		}
		if c.report {
			continue
		}
		if d.addresseeKind != c.kind {
			t.Errorf("%q: addressee %q of kind %q, want kind %q", c.text, d.addressee, d.addresseeKind, c.kind)
		}
		for _, e := range c.entities {
			if !slices.Contains(d.entities, e) {
				t.Errorf("%q: entities %v, want %s among them", c.text, d.entities, e)
			}
		}
	}
}

// TestThreadsRules checks the rules of threads on proposals written for this test: other words
// join, one workshop alone or no date makes no thread, and another addressee, beneficiary or
// matter keeps proposals apart however alike their words.
func TestThreadsRules(t *testing.T) {
	rec := func(text, workshop string, year int) corpus.Recommendation {
		return corpus.Recommendation{Text: text, Workshop: workshop, Year: year, Path: workshop + ".txt"}
	}
	base := rec("Đề nghị Tỉnh ủy ban hành chính sách hỗ trợ kinh phí hoạt động cho chi bộ ở doanh nghiệp tư nhân.", "Hội thảo A", 2021)
	other := []corpus.Recommendation{ // unrelated proposals, so that frequencies are not of two sentences
		rec("Cần tăng cường kiểm tra việc thực hiện nghị quyết ở các xã vùng cao.", "Hội thảo C", 2020),
		rec("Các trường cần đưa nội dung giáo dục pháp luật vào giờ sinh hoạt lớp.", "Hội thảo C", 2020),
		rec("Đề nghị Sở Y tế bổ sung bác sĩ cho trạm y tế xã.", "Hội thảo D", 2022),
	}
	cases := []struct {
		name string
		b    corpus.Recommendation
		want bool
	}{
		{"other words, next year", rec("Chúng tôi kiến nghị Ủy ban nhân dân tỉnh có cơ chế cấp kinh phí cho các chi bộ trong doanh nghiệp ngoài nhà nước.", "Hội thảo B", 2022), true},
		{"same workshop", rec("Đề nghị Tỉnh ủy sớm có chính sách hỗ trợ kinh phí cho chi bộ doanh nghiệp tư nhân.", "Hội thảo A", 2021), false},
		{"no workshop, no year", rec("Đề nghị Tỉnh ủy sớm có chính sách hỗ trợ kinh phí cho chi bộ doanh nghiệp tư nhân.", "", 0), false},
		{"asked of the owners", rec("Đề nghị các chủ doanh nghiệp tư nhân hỗ trợ kinh phí hoạt động cho chi bộ.", "Hội thảo B", 2022), false},
		{"for the trade union", rec("Đề nghị Tỉnh ủy có chính sách hỗ trợ kinh phí hoạt động cho công đoàn ở doanh nghiệp tư nhân.", "Hội thảo B", 2022), false},
		{"an allowance, not funds", rec("Đề nghị Tỉnh ủy ban hành chính sách phụ cấp cho bí thư chi bộ ở doanh nghiệp tư nhân.", "Hội thảo B", 2022), false},
		{"a report of it done", rec("Năm 2022, Tỉnh ủy đã ban hành chính sách hỗ trợ kinh phí hoạt động cho chi bộ ở doanh nghiệp tư nhân, như hội thảo trước đã đề nghị.", "Hội thảo B", 2023), false},
	}
	for _, c := range cases {
		recs := append([]corpus.Recommendation{base, c.b}, other...)
		threads := Threads(recs, Options{})
		joined := false
		for _, th := range threads {
			texts := map[string]bool{}
			for _, m := range th.Members {
				texts[m.Text] = true
			}
			joined = joined || texts[base.Text] && texts[c.b.Text]
		}
		if joined != c.want {
			t.Errorf("%s: joined %v, want %v (threads %+v)", c.name, joined, c.want, threads)
		}
	}
}

// TestRestrict checks that a thread cut to some members takes its years and workshops from them,
// and that a thread left with one occasion is dropped.
func TestRestrict(t *testing.T) {
	th := Thread{Text: "c", Members: []Member{{Text: "a", Workshop: "A", Year: 2021}, {Text: "b", Workshop: "B", Year: 2022}, {Text: "c", Workshop: "C", Year: 2023}}}
	got, ok := th.Restrict(func(m Member) bool { return m.Year < 2023 })
	if !ok || got.Text != "b" || !slices.Equal(got.Years, []int{2021, 2022}) || !slices.Equal(got.Workshops, []string{"A", "B"}) {
		t.Errorf("Restrict to 2021-2022: %+v, %v", got, ok)
	}
	if _, ok := th.Restrict(func(m Member) bool { return m.Workshop == "C" }); ok {
		t.Errorf("a thread of one workshop was kept")
	}
}
