package export

import (
	"fmt"
	"strconv"
	"strings"

	"thamluan/cmd/thamluan/compare"
	"thamluan/index"
	"thamluan/pipeline"
	"thamluan/pipeline/recurring"
)

// NewRecurringReport makes the report of the proposals made again and again: each thread under
// its primary theme, its citations in order of year.
func NewRecurringReport(cb *pipeline.Codebook, threads []recurring.Thread) *Report {
	rep := &Report{Title: "Kiến nghị lặp lại qua các hội thảo, các năm"}
	byTheme := map[string][]ReportItem{}
	for _, t := range threads {
		id := ""
		if len(t.Themes) > 0 {
			id = PrimaryTheme(cb, t.Themes)
		}
		byTheme[id] = append(byTheme[id], threadItem(t))
	}
	rep.Intro = fmt.Sprintf("%d kiến nghị được nêu lại ở hội thảo hoặc năm khác, kể cả bằng lời lẽ khác; mỗi kiến nghị kèm các lần được nêu theo năm và nguồn.", len(threads))
	rep.Themes = byCodebook(cb, byTheme)
	return rep
}

// threadItem is a thread as a report item: its text with its years, then one citation a member.
func threadItem(t recurring.Thread) ReportItem {
	when := "năm " + Years(t.Years)
	if len(t.Years) > 1 {
		when = "các " + when
	}
	it := ReportItem{Text: t.Text + " (nêu " + strconv.Itoa(len(t.Members)) + " lần ở " + strconv.Itoa(len(t.Workshops)) + " hội thảo, " + when + ")"}
	for _, m := range t.Members {
		src := MemberSource(m)
		src.Quote = m.Text // a thread lists each year's own wording
		it.Sources = append(it.Sources, src)
	}
	return it
}

// byCodebook orders items grouped by theme id as the codebook orders its themes, "" last.
func byCodebook(cb *pipeline.Codebook, byTheme map[string][]ReportItem) []ReportTheme {
	var out []ReportTheme
	for _, t := range cb.Themes() {
		if items := byTheme[t.ID]; len(items) > 0 {
			out = append(out, ReportTheme{ID: t.ID, Label: t.Label, Items: items})
		}
	}
	if items := byTheme[""]; len(items) > 0 {
		out = append(out, ReportTheme{Label: other, Items: items})
	}
	return out
}

// NewComparisonReport makes the report of a comparison: the themes' shares and their change,
// the key phrases that rose and fell, the proposals that recur and those that are new.
func NewComparisonReport(r *compare.Report) *Report {
	rep := &Report{Title: "So sánh " + r.A.String() + " và " + r.B.String()}
	rep.Intro = fmt.Sprintf("A: %s — %d tài liệu, %d phần. B: %s — %d tài liệu, %d phần. Tỷ lệ là số phần có chủ đề trên số phần của mỗi vế.",
		r.A.String(), r.DocsA, r.SectionsA, r.B.String(), r.DocsB, r.SectionsB)
	var themes ReportTheme
	themes.Label = "Chủ đề"
	for _, t := range r.Themes {
		themes.Items = append(themes.Items, ReportItem{Text: fmt.Sprintf("%s: A %s, B %s (%s)", t.Label,
			compare.Percent(t.ShareA), compare.Percent(t.ShareB), compare.Change(t.Change))})
	}
	rep.Themes = append(rep.Themes, themes)
	for _, p := range []struct {
		label string
		list  []string
	}{{"Cụm từ nổi lên ở B", phrases(r.Rose)}, {"Cụm từ giảm ở B", phrases(r.Fell)}} {
		if len(p.list) > 0 {
			rep.Themes = append(rep.Themes, ReportTheme{Label: p.label, Items: []ReportItem{{Text: strings.Join(p.list, "; ")}}})
		}
	}
	recur := ReportTheme{Label: "Kiến nghị lặp lại"}
	for _, t := range r.Recurring {
		recur.Items = append(recur.Items, threadItem(t))
	}
	if len(recur.Items) > 0 {
		rep.Themes = append(rep.Themes, recur)
	}
	fresh := ReportTheme{Label: "Kiến nghị mới ở B"}
	for _, x := range r.New {
		fresh.Items = append(fresh.Items, ReportItem{Text: x.Text, Sources: []Source{SourceOf(x)}})
	}
	if len(fresh.Items) > 0 {
		rep.Themes = append(rep.Themes, fresh)
	}
	return rep
}

func phrases(fc []index.FacetCount) []string {
	out := make([]string, len(fc))
	for i, p := range fc {
		out[i] = p.Value + " (" + strconv.Itoa(p.Count) + ")"
	}
	return out
}

// Years lists years as a reader writes them: 2022, 2023.
func Years(ys []int) string {
	s := make([]string, len(ys))
	for i, y := range ys {
		s[i] = strconv.Itoa(y)
	}
	return strings.Join(s, ", ")
}
