package web

import (
	"bytes"
	"errors"
	"net/http"
	"strings"

	"thamluan/cmd/thamluan/compare"
	"thamluan/cmd/thamluan/export"
	"thamluan/index"
	"thamluan/pipeline/recurring"
)

// timeline is a thread's years laid out on one line: a mark for each year a proposal was made,
// scaled between the thread's first and last year.
type timeline struct {
	Label string
	Marks []timeMark
}

type timeMark struct {
	Year, Count int
	X           float64 // percent of the width
}

func newTimeline(t recurring.Thread) timeline {
	counts := map[int]int{}
	for _, m := range t.Members {
		if m.Year != 0 {
			counts[m.Year]++
		}
	}
	tl := timeline{Label: "Các năm được nêu: " + export.Years(t.Years)}
	if len(t.Years) == 0 {
		return tl
	}
	first, last := t.Years[0], t.Years[len(t.Years)-1]
	for _, y := range t.Years {
		x := 50.0
		if last > first {
			x = 6 + 88*float64(y-first)/float64(last-first)
		}
		tl.Marks = append(tl.Marks, timeMark{Year: y, Count: counts[y], X: x})
	}
	return tl
}

type threadView struct {
	recurring.Thread
	Chips    []chip
	Timeline timeline
	Cites    []memberView
}

type memberView struct {
	Text, Cite, URL string
	Year            int
}

func (s *Server) threadViews(threads []recurring.Thread) []threadView {
	var out []threadView
	for _, t := range threads {
		tv := threadView{Thread: t, Chips: s.chips(t.Themes), Timeline: newTimeline(t)}
		for _, m := range t.Members {
			tv.Cites = append(tv.Cites, memberView{Text: m.Text, Year: m.Year, URL: docURL(m.Path, m.Ordinal),
				Cite: citeOf(m)})
		}
		out = append(out, tv)
	}
	return out
}

// citeOf cites a thread member as a reader writes it; its sentence stands before it on the page.
func citeOf(m recurring.Member) string {
	src := export.MemberSource(m)
	return src.Cite()
}

type recurringView struct {
	Title, Nav string
	Threads    []threadView
}

func (s *Server) threads(r *http.Request) ([]recurring.Thread, error) {
	return withDeadline(r.Context(), s.store.recurringThreads)
}

// recurringPage lists the proposals made again at other workshops or in other years, each with
// the timeline of its years and its citations.
func (s *Server) recurringPage(w http.ResponseWriter, r *http.Request) error {
	threads, err := s.threads(r)
	if err != nil {
		return err
	}
	return s.render(w, "recurring", &recurringView{Title: "Kiến nghị lặp lại", Nav: "recurring", Threads: s.threadViews(threads)})
}

func (s *Server) apiRecurring(w http.ResponseWriter, r *http.Request) error {
	threads, err := s.threads(r)
	if err != nil {
		return err
	}
	if threads == nil {
		threads = []recurring.Thread{}
	}
	return writeJSON(w, threads)
}

type compareView struct {
	Title, Nav string
	A, B       string
	Workshops  []string
	Report     *compare.Report
	Rows       []compareRow
	Threads    []threadView
}

// compareRow is one theme of a comparison as the page draws it: two bars and the change.
type compareRow struct {
	Label          string
	ShareA, ShareB string
	WA, WB         float64 // bar widths, percent
	Change         string  // signed percentage points
	Trend          string  // "up", "down" or "same", for colour
}

// comparison reads the sides of /compare?a=...&b=...; nil when the form is not filled in yet.
func (s *Server) comparison(r *http.Request) (*compare.Report, []string, error) {
	workshops := s.store.workshops()
	names := compare.Workshops(workshops)
	a, b := r.URL.Query().Get("a"), r.URL.Query().Get("b")
	if a == "" && b == "" {
		return nil, names, nil
	}
	if len([]rune(a)) > s.opt.MaxQuery || len([]rune(b)) > s.opt.MaxQuery {
		return nil, names, badRequest("tên vế so sánh quá dài")
	}
	var sides [2]index.Side
	for i, arg := range []string{a, b} {
		if arg == "" {
			return nil, names, badRequest("hãy chọn cả hai vế để so sánh (A và B)")
		}
		side, err := compare.ParseSide(arg, workshops)
		var se *compare.SideError
		if errors.As(err, &se) {
			return nil, names, badRequest("%s", se.Msg)
		} else if err != nil {
			return nil, names, err
		}
		sides[i] = side
	}
	rep, err := withDeadline(r.Context(), func() (*compare.Report, error) {
		c, err := s.ix.Compare(sides[0], sides[1], s.infos())
		if err != nil {
			return nil, err
		}
		all, err := s.store.recommendations()
		if err != nil {
			return nil, err
		}
		threads, err := s.store.recurringThreads()
		if err != nil {
			return nil, err
		}
		return compare.New(c, all, threads, sides[0], sides[1]), nil
	})
	return rep, names, err
}

// comparePage compares two workshops or two periods: the themes' shares side by side, the key
// phrases that rose and fell, and the proposals that recur and that are new.
func (s *Server) comparePage(w http.ResponseWriter, r *http.Request) error {
	rep, names, err := s.comparison(r)
	if err != nil {
		return err
	}
	view := &compareView{Title: "So sánh", Nav: "compare", A: r.URL.Query().Get("a"), B: r.URL.Query().Get("b"), Workshops: names, Report: rep}
	if rep != nil {
		for _, t := range rep.Themes {
			view.Rows = append(view.Rows, compareRow{Label: t.Label, ShareA: compare.Percent(t.ShareA), ShareB: compare.Percent(t.ShareB),
				WA: 100 * t.ShareA, WB: 100 * t.ShareB, Change: compare.Points(t.Change), Trend: trend(t.Change)})
		}
		view.Threads = s.threadViews(rep.Recurring)
		view.Title = "So sánh " + rep.A.String() + " và " + rep.B.String()
	}
	return s.render(w, "compare", view)
}

func (s *Server) apiCompare(w http.ResponseWriter, r *http.Request) error {
	rep, _, err := s.comparison(r)
	if err != nil {
		return err
	}
	if rep == nil {
		return badRequest("hãy cho hai vế để so sánh: ?a=...&b=... (tên hội thảo, một năm hoặc một khoảng năm)")
	}
	return writeJSON(w, rep)
}

// reportExport serves a report built by build as a download in Markdown (ext "md") or Word.
func (s *Server) reportExport(name string, build func(*http.Request) (*export.Report, error)) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		rep, err := build(r)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		ctype := "text/markdown; charset=utf-8"
		if strings.HasSuffix(name, ".docx") {
			ctype = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
			err = export.WriteDOCX(&buf, rep)
		} else {
			err = export.WriteMarkdown(&buf, rep)
		}
		if err != nil {
			return err
		}
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
		_, err = w.Write(buf.Bytes())
		return err
	}
}

func (s *Server) recurringReport(r *http.Request) (*export.Report, error) {
	threads, err := s.threads(r)
	if err != nil {
		return nil, err
	}
	return export.NewRecurringReport(s.cb, threads), nil
}

func (s *Server) comparisonReport(r *http.Request) (*export.Report, error) {
	rep, _, err := s.comparison(r)
	if err != nil {
		return nil, err
	}
	if rep == nil {
		return nil, badRequest("hãy cho hai vế để so sánh: ?a=...&b=...")
	}
	return export.NewComparisonReport(rep), nil
}

func trend(d float64) string {
	switch {
	case d > 0.0005:
		return "up"
	case d < -0.0005:
		return "down"
	}
	return "same"
}
