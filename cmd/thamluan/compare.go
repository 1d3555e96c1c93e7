package main

import (
	"context"
	"io"
	"path/filepath"
	"strings"

	"thamluan/cmd/thamluan/compare"
	"thamluan/cmd/thamluan/export"
	"thamluan/index"
)

func runCompare(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "compare", "A B", "")
	dir := fs.String("index", "", "index `DIR`")
	var af analysisFlags
	af.register(fs)
	asJSON := fs.Bool("json", false, "print the comparison as JSON")
	out := fs.String("out", "", "also write the comparison as a report to `FILE` (.md for Markdown, .docx for Word)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return usageErr("cần đúng hai vế để so sánh (A B), có %d", fs.NArg())
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
		if sides[i], err = compare.ParseSide(arg, stats.Workshops); err != nil {
			return usageErr("%v", err)
		}
	}
	rep, err := compare.Build(ix, infos(cb), sides[0], sides[1])
	if err != nil {
		return err
	}
	if *out != "" {
		write := export.WriteMarkdown
		switch strings.ToLower(filepath.Ext(*out)) {
		case ".docx":
			write = export.WriteDOCX
		case ".md", ".markdown", ".txt":
		default:
			return usageErr("--out %s: hãy đặt tên tệp đuôi .md (Markdown) hoặc .docx (Word)", *out)
		}
		if err := writeFileAtomic(*out, func(w io.Writer) error { return write(w, export.NewComparisonReport(rep)) }); err != nil {
			return err
		}
	}
	if *asJSON {
		return writeJSON(e, rep)
	}
	printComparison(e, rep)
	return nil
}

func printComparison(e *env, r *compare.Report) {
	w := e.stdout
	printf(w, "So sánh\n  A: %s — %d tài liệu, %d phần\n  B: %s — %d tài liệu, %d phần\n\n",
		r.A.String(), r.DocsA, r.SectionsA, r.B.String(), r.DocsB, r.SectionsB)
	printf(w, "Chủ đề (tỷ lệ phần có chủ đề)\n")
	for _, t := range r.Themes {
		printf(w, "  %-36s A %5s   B %5s   %s\n", t.Label, compare.Percent(t.ShareA), compare.Percent(t.ShareB), compare.Change(t.Change))
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

func joinYears(ys []int) string {
	if len(ys) == 0 {
		return "không rõ"
	}
	return export.Years(ys)
}
