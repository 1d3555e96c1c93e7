package main

import (
	"io"
	"strings"

	"thamluan/cmd/thamluan/export"
	"thamluan/corpus"
	"thamluan/index"
	"thamluan/pipeline"
	"thamluan/pipeline/recurring"
)

// printThreads prints the recurring proposals: each thread with the years and workshops it spans,
// the addressees, and its members by year with their citations.
func printThreads(e *env, threads []recurring.Thread) {
	w := e.stdout
	if len(threads) == 0 {
		printf(w, "Chưa thấy kiến nghị nào được nêu lại ở hội thảo hoặc năm khác.\n")
		return
	}
	printf(w, "Kiến nghị lặp lại qua các hội thảo, các năm: %d\n\n", len(threads))
	for i, t := range threads {
		printf(w, "%d. %s\n", i+1, t.Text)
		printf(w, "   Năm: %s · %d hội thảo", joinYears(t.Years), len(t.Workshops))
		if len(t.Addressees) > 0 {
			printf(w, " · kiến nghị với: %s", strings.Join(t.Addressees, "; "))
		}
		printf(w, "\n")
		for _, m := range t.Members {
			year := "—"
			if m.Year > 0 {
				year = joinYears([]int{m.Year})
			}
			printf(w, "   %s  %s\n        (%s)\n", year, m.Text, citeMember(m))
		}
		printf(w, "\n")
	}
}

// citeMember cites a thread member as the recommendation list cites one: as a reader writes it,
// with the file after it.
func citeMember(m recurring.Member) string {
	src := export.MemberSource(m)
	return src.Cite() + " [" + src.Footnote() + "]"
}

// citeRec cites a recommendation as the recommendation list cites one.
func citeRec(r corpus.Recommendation) string {
	src := export.SourceOf(r)
	return src.Cite() + " [" + src.Footnote() + "]"
}

// writeRecurring writes the report of the recurring proposals of ix with write.
func writeRecurring(w io.Writer, ix *index.Index, cb *pipeline.Codebook, write func(io.Writer, *export.Report) error) error {
	recs, err := ix.Recommendations(nil)
	if err != nil {
		return err
	}
	return write(w, export.NewRecurringReport(cb, recurring.Threads(recs, recurring.Options{})))
}
