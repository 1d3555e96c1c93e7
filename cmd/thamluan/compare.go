package main

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"thamluan/corpus"
	"thamluan/corpus/vntext"
	"thamluan/index"
	"thamluan/pipeline"
	"thamluan/pipeline/recurring"
)

func runCompare(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "compare", "A B", "So sánh hai hội thảo hoặc hai giai đoạn: tỷ trọng mỗi chủ đề và mức thay đổi, các cụm từ\n"+
		"tăng và giảm, kiến nghị mới và kiến nghị lặp lại. A và B là tên (hoặc một phần tên) hội thảo,\n"+
		"một năm (2023) hoặc một khoảng năm (2021-2023).")
	dir := fs.String("index", "", "index `DIR`")
	var af analysisFlags
	af.register(fs)
	asJSON := fs.Bool("json", false, "print the comparison as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return fmt.Errorf("%w: cần đúng hai vế để so sánh (A B), có %d", errUsage, fs.NArg())
	}
	ix, cb, err := af.openIndex(*dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	stats, err := ix.Stats()
	if err != nil {
		return err
	}
	var sides [2]index.Side
	for i, arg := range fs.Args() {
		if sides[i], err = parseSide(arg, stats.Workshops); err != nil {
			return err
		}
	}
	rep, err := compareSides(ix, cb, sides[0], sides[1])
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e, rep)
	}
	printComparison(e, rep)
	return nil
}

// comparisonReport is what `compare` prints: the index's comparison, and the proposals of side B
// that side A made before (in a thread with a proposal of A) and those it did not.
type comparisonReport struct {
	*index.Comparison
	Recurring []recurring.Thread      `json:"recurring"`
	New       []corpus.Recommendation `json:"new"`
}

// compareSides compares sides a and b of ix and sorts the proposals of b into recurring and new.
func compareSides(ix *index.Index, cb *pipeline.Codebook, a, b index.Side) (*comparisonReport, error) {
	c, err := ix.Compare(a, b, infos(cb))
	if err != nil {
		return nil, err
	}
	all, err := ix.Recommendations(nil)
	if err != nil {
		return nil, err
	}
	rep := &comparisonReport{Comparison: c, Recurring: []recurring.Thread{}, New: []corpus.Recommendation{}}
	again := map[string]bool{} // path and text of B's proposals that recur from A
	// Threads are found over the whole archive, as `recs --recurring` finds them, and then cut
	// to the members of the two sides, so that both commands join the same proposals.
	for _, t := range recurring.Threads(all, recurring.Options{}) {
		inA, inB := false, false
		for _, m := range t.Members {
			inA, inB = inA || a.Holds(m.Workshop, m.Year), inB || b.Holds(m.Workshop, m.Year)
		}
		if !inA || !inB {
			continue
		}
		t, ok := t.Restrict(func(m recurring.Member) bool { return a.Holds(m.Workshop, m.Year) || b.Holds(m.Workshop, m.Year) })
		if !ok { // both sides are one workshop
			continue
		}
		rep.Recurring = append(rep.Recurring, t)
		for _, m := range t.Members {
			if b.Holds(m.Workshop, m.Year) {
				again[m.Path+"\x00"+m.Text] = true
			}
		}
	}
	for _, r := range all {
		if b.Holds(r.Workshop, r.Year) && !a.Holds(r.Workshop, r.Year) && !again[r.Path+"\x00"+r.Text] {
			rep.New = append(rep.New, r)
		}
	}
	return rep, nil
}

var yearRangeRE = regexp.MustCompile(`^\s*((?:19|20)\d{2})\s*(?:[-–—]|đến)?\s*((?:19|20)\d{2})?\s*$`)

// parseSide reads a side of a comparison: a year, a range of years, or a workshop named by its
// title or a part of it that only one workshop of the index holds (accents and case aside).
func parseSide(arg string, workshops map[string]int) (index.Side, error) {
	if m := yearRangeRE.FindStringSubmatch(arg); m != nil {
		from, _ := strconv.Atoi(m[1])
		to := from
		if m[2] != "" {
			to, _ = strconv.Atoi(m[2])
		}
		if to < from {
			from, to = to, from
		}
		return index.Side{Label: arg, YearFrom: from, YearTo: to}, nil
	}
	key := foldKey(arg)
	var exact, partial []string
	for w := range workshops {
		switch fw := foldKey(w); {
		case fw == key:
			exact = append(exact, w)
		case key != "" && strings.Contains(fw, key):
			partial = append(partial, w)
		}
	}
	sort.Strings(partial)
	switch {
	case len(exact) == 1:
		return index.Side{Label: arg, Workshop: exact[0]}, nil
	case len(exact) == 0 && len(partial) == 1:
		return index.Side{Label: arg, Workshop: partial[0]}, nil
	case len(exact)+len(partial) > 1:
		return index.Side{}, fmt.Errorf("%w: %q khớp với nhiều hội thảo: %s; hãy ghi rõ hơn", errUsage, arg, strings.Join(append(exact, partial...), "; "))
	}
	names := make([]string, 0, len(workshops))
	for w := range workshops {
		if w != "" && w != "(không rõ)" {
			names = append(names, w)
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return index.Side{}, fmt.Errorf("%w: không có hội thảo nào tên %q; chỉ mục chưa ghi tên hội thảo nào, hãy so sánh theo năm (ví dụ 2022 2023)", errUsage, arg)
	}
	return index.Side{}, fmt.Errorf("%w: không có hội thảo nào tên %q; các hội thảo trong chỉ mục: %s", errUsage, arg, strings.Join(names, "; "))
}

// foldKey folds s for matching a name typed by a person: lower case, no accents, single spaces.
func foldKey(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(vntext.Fold(s))), " ")
}

func printComparison(e *env, r *comparisonReport) {
	w := e.stdout
	printf(w, "So sánh\n  A: %s — %d tài liệu, %d phần\n  B: %s — %d tài liệu, %d phần\n\n",
		r.A.String(), r.DocsA, r.SectionsA, r.B.String(), r.DocsB, r.SectionsB)
	printf(w, "Chủ đề (tỷ lệ phần có chủ đề)\n")
	for _, t := range r.Themes {
		printf(w, "  %-36s A %5s   B %5s   %s\n", t.Label, percent(t.ShareA), percent(t.ShareB), change(t.Change))
	}
	phraseList := func(title string, fc []index.FacetCount) {
		printf(w, "\n%s\n", title)
		if len(fc) == 0 {
			printf(w, "  (không có)\n")
		}
		for _, p := range fc {
			printf(w, "  %s (%d)\n", p.Value, p.Count)
		}
	}
	phraseList("Cụm từ nổi lên ở B so với A", r.Rose)
	phraseList("Cụm từ giảm ở B so với A", r.Fell)
	printf(w, "\nKiến nghị lặp lại (%d)\n", len(r.Recurring))
	for i, t := range r.Recurring {
		printf(w, "%d. %s\n   năm: %s\n", i+1, t.Text, joinYears(t.Years))
		for _, m := range t.Members {
			printf(w, "   — %d: %s (%s)\n", m.Year, m.Text, citeMember(m))
		}
	}
	printf(w, "\nKiến nghị mới ở B (%d)\n", len(r.New))
	for i, x := range r.New {
		printf(w, "%d. %s (%s)\n", i+1, x.Text, citeRec(x))
	}
}

func percent(f float64) string {
	return strings.Replace(strconv.FormatFloat(100*f, 'f', 1, 64), ".", ",", 1) + "%"
}

func change(d float64) string {
	s := strings.Replace(strconv.FormatFloat(100*d, 'f', 1, 64), ".", ",", 1)
	if d > 0 {
		s = "+" + s
	}
	return s + " điểm phần trăm"
}

func joinYears(ys []int) string {
	var s []string
	for _, y := range ys {
		s = append(s, strconv.Itoa(y))
	}
	if len(s) == 0 {
		return "không rõ"
	}
	return strings.Join(s, ", ")
}
