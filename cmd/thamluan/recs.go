package main

import (
	"context"

	"thamluan/cmd/thamluan/export"
	"thamluan/cmd/thamluan/msg"
	"thamluan/pipeline"
	"thamluan/pipeline/recurring"
)

func runRecs(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "recs", "", "")
	dir := fs.String("index", "", "index `DIR`")
	var af analysisFlags
	af.register(fs)
	var themes listFlag
	fs.Var(&themes, "theme", "only recommendations with this theme `ID` (repeatable)")
	asJSON := fs.Bool("json", false, "print the groups as JSON")
	recurringOnly := fs.Bool("recurring", false, "list the proposals made again at other workshops or in other years, as threads")
	if err := parse(fs, args); err != nil {
		return err
	}
	cb, err := af.loadCodebook()
	if err != nil {
		return err
	}
	if err := msg.CheckThemes(cb, "", themes); err != nil {
		return usageErr("%s", err.Error())
	}
	ix, cb, err := af.openIndex(*dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	recs, err := ix.Recommendations(themes)
	if err != nil {
		return err
	}
	if *recurringOnly {
		threads := recurring.Threads(recs, recurring.Options{})
		if *asJSON {
			return writeJSON(e, threads)
		}
		printThreads(e, threads)
		return nil
	}
	groups := pipeline.GroupRecommendations(recs)
	if *asJSON {
		return writeJSON(e, groups)
	}
	printRecs(e, cb, groups)
	return nil
}

// printRecs prints the groups under the theme they carry first, themes in codebook order.
func printRecs(e *env, cb *pipeline.Codebook, groups []pipeline.RecGroup) {
	w := e.stdout
	byTheme := map[string][]pipeline.RecGroup{}
	for _, g := range groups {
		t := "(khác)"
		if len(g.Themes) > 0 {
			t = export.PrimaryTheme(cb, g.Themes)
		}
		byTheme[t] = append(byTheme[t], g)
	}
	order := []string{}
	for _, t := range cb.Themes() {
		order = append(order, t.ID)
	}
	order = append(order, "(khác)")
	n := 0
	for _, id := range order {
		gs := byTheme[id]
		if len(gs) == 0 {
			continue
		}
		label := msg.OutOther
		if id != "(khác)" {
			label = cb.Label(id)
		}
		printf(w, "■ %s\n", label)
		for _, g := range gs {
			n++
			printf(w, "%d. %s\n", n, g.Text)
			for _, m := range g.Members {
				src := export.SourceOf(m)
				printf(w, "   — %s [%s]\n", src.Cite(), src.Footnote())
				if m.Text != g.Text { // a citation shows its own document's sentence
					printf(w, "     “%s”\n", m.Text)
				}
			}
		}
		printf(w, "\n")
	}
	if n == 0 {
		printf(w, msg.OutNoRecs)
	}
}
