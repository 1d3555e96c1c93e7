// Package compare sets two workshops or two periods of an index side by side for the compare
// command, the web interface and the exports: each theme's share and its change, the key phrases
// that rose and fell, and the proposals of the second side that are new or that recur from the
// first. It reads sides as a person names them: a year, a range of years, or a workshop's title
// or a part of it.
package compare

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"thamluan/corpus"
	"thamluan/corpus/vntext"
	"thamluan/index"
	"thamluan/pipeline/recurring"
)

// Report is a comparison with the proposals of side B sorted into recurring and new.
type Report struct {
	*index.Comparison
	Recurring []recurring.Thread      `json:"recurring"` // threads with members on both sides, cut to them
	New       []corpus.Recommendation `json:"new"`       // proposals of B that A did not make
}

// SideError is a side that cannot be read, with what to do; its text is for a person.
type SideError struct{ Msg string }

func (e *SideError) Error() string { return e.Msg }

// Build compares sides a and b of ix and sorts the proposals of b into recurring and new.
// Threads are found over the whole archive, as `recs --recurring` finds them, then cut to the
// members of the two sides, so that both join the same proposals.
func Build(ix *index.Index, themes []index.ThemeInfo, a, b index.Side) (*Report, error) {
	c, err := ix.Compare(a, b, themes)
	if err != nil {
		return nil, err
	}
	all, err := ix.Recommendations(nil)
	if err != nil {
		return nil, err
	}
	return New(c, all, recurring.Threads(all, recurring.Options{}), a, b), nil
}

// New completes the comparison c of sides a and b with the archive's recommendations all and
// their threads (as recurring.Threads finds them over all): the threads with members on both
// sides, cut to those members, and the proposals of b that recur from none of a.
func New(c *index.Comparison, all []corpus.Recommendation, threads []recurring.Thread, a, b index.Side) *Report {
	rep := &Report{Comparison: c, Recurring: []recurring.Thread{}, New: []corpus.Recommendation{}}
	again := map[string]bool{} // path and text of B's proposals that recur from A
	onSide := func(m recurring.Member) bool { return a.Holds(m.Workshop, m.Year) || b.Holds(m.Workshop, m.Year) }
	for _, t := range threads {
		inA, inB := false, false
		for _, m := range t.Members {
			inA, inB = inA || a.Holds(m.Workshop, m.Year), inB || b.Holds(m.Workshop, m.Year)
		}
		if !inA || !inB {
			continue
		}
		t, ok := t.Restrict(onSide)
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
	return rep
}

var yearRangeRE = regexp.MustCompile(`^\s*((?:19|20)\d{2})\s*(?:[-–—]|đến)?\s*((?:19|20)\d{2})?\s*$`)

// ParseSide reads a side of a comparison: a year ("2023"), a range of years ("2021-2023"), or a
// workshop named by its title or by a part of it that only one workshop of workshops holds
// (accents and case aside). workshops are the workshop facet of the index.
func ParseSide(arg string, workshops map[string]int) (index.Side, error) {
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
		return index.Side{}, &SideError{fmt.Sprintf("%q khớp với nhiều hội thảo: %s; hãy ghi rõ hơn", arg, strings.Join(append(exact, partial...), "; "))}
	}
	names := Workshops(workshops)
	if len(names) == 0 {
		return index.Side{}, &SideError{fmt.Sprintf("không có hội thảo nào tên %q; chỉ mục chưa ghi tên hội thảo nào, hãy so sánh theo năm (ví dụ 2022 2023)", arg)}
	}
	return index.Side{}, &SideError{fmt.Sprintf("không có hội thảo nào tên %q; các hội thảo trong chỉ mục: %s", arg, strings.Join(names, "; "))}
}

// Workshops returns the named workshops of a workshop facet, sorted, without the unknown one.
func Workshops(workshops map[string]int) []string {
	names := make([]string, 0, len(workshops))
	for w := range workshops {
		if w != "" && w != index.UnknownWorkshop {
			names = append(names, w)
		}
	}
	sort.Strings(names)
	return names
}

// foldKey folds s for matching a name typed by a person: lower case, no accents, single spaces.
func foldKey(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(vntext.Fold(s))), " ")
}

// Percent formats a share as Vietnamese writes a percentage: "37,5%".
func Percent(f float64) string {
	return strings.Replace(strconv.FormatFloat(100*f, 'f', 1, 64), ".", ",", 1) + "%"
}

// Change formats a change of share in percentage points: "+12,5 điểm phần trăm".
func Change(d float64) string { return Points(d) + " điểm phần trăm" }

// Points formats a change of share as signed percentage points without the unit: "+12,5", "−3,0".
func Points(d float64) string {
	s := strconv.FormatFloat(100*d, 'f', 1, 64)
	switch {
	case s == "-0.0" || s == "0.0":
		return "0,0"
	case d > 0:
		s = "+" + s
	case strings.HasPrefix(s, "-"):
		s = "−" + s[1:]
	}
	return strings.Replace(s, ".", ",", 1)
}
