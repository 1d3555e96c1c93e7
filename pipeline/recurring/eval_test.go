package recurring_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"thamluan/corpus"
	"thamluan/pipeline"
	"thamluan/pipeline/recurring"
)

// goldSet is testdata/recurring/gold.json: proposals of four workshops and their threads.
type goldSet struct {
	Workshops map[string]string `json:"workshops"`
	Proposals []struct {
		ID, Workshop, File, Text string
		Thread                   *string
	} `json:"proposals"`
	NotProposals []struct{ ID, Text string } `json:"not_proposals"`
}

// recurringSets are the labelled sets: testdata/recurring, written before the feature, and
// testdata/recurring2, written blind by another hand after it, before it first ran on it.
var recurringSets = []string{"../../testdata/recurring", "../../testdata/recurring2"}

// recurringRecs reads and analyses the workshops of a labelled set and returns their
// recommendations as the index hands them to the recs command.
func recurringRecs(t testing.TB, recurringDir string) []corpus.Recommendation {
	folders, _ := filepath.Glob(filepath.Join(recurringDir, "w*")) // one folder a workshop; the README is no document
	paths, err := corpus.Discover(folders, corpus.DiscoverOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a := pipeline.NewAnalyzer(nil, pipeline.SegmentOptions{})
	var recs []corpus.Recommendation
	for _, p := range paths {
		doc, err := corpus.Read(p, corpus.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		w, err := corpus.FindWorkshop(p, recurringDir)
		if err != nil {
			t.Fatal(err)
		}
		a.Analyze(doc)
		doc.Workshop = w.Merge(doc.Workshop)
		for _, s := range doc.Sections {
			for _, x := range s.Sentences {
				if x.Recommendation {
					recs = append(recs, corpus.Recommendation{Text: x.Text, Speaker: s.SpeakerLabel(), Addressee: x.Addressee,
						Themes: x.Themes, Path: p, Title: doc.Title, Ordinal: s.Ordinal, Page: x.Page,
						Workshop: doc.Workshop.Title, Year: doc.Workshop.Year})
				}
			}
		}
	}
	return recs
}

// pairScore is the pairwise precision and recall of threads against the gold threads, counted
// over pairs of proposals from different workshops.
type pairScore struct {
	tp, fp, fn int
	fps, fns   []string
}

func (s pairScore) precision() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s pairScore) recall() float64    { return ratio(s.tp, s.tp+s.fn) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func scoreThreads(t *testing.T, g goldSet, threads []recurring.Thread) pairScore {
	key := func(s string) string { return strings.Join(strings.Fields(norm.NFC.String(s)), " ") }
	threadOf, wsOf, idOf := map[string]string{}, map[string]string{}, map[string]string{}
	for _, p := range g.Proposals {
		k := key(p.Text)
		idOf[k], wsOf[k] = p.ID, p.Workshop
		if p.Thread != nil {
			threadOf[k] = *p.Thread
		}
	}
	for _, p := range g.NotProposals {
		idOf[key(p.Text)] = p.ID
	}
	name := func(k string) string {
		if id := idOf[k]; id != "" {
			return id
		}
		return "«" + k + "»"
	}
	predicted := map[[2]string]bool{}
	var s pairScore
	for _, th := range threads {
		for i, a := range th.Members {
			for _, b := range th.Members[i+1:] {
				if a.Workshop == b.Workshop {
					continue
				}
				ka, kb := key(a.Text), key(b.Text)
				pair := [2]string{ka, kb}
				if ka > kb {
					pair = [2]string{kb, ka}
				}
				predicted[pair] = true
				if threadOf[ka] != "" && threadOf[ka] == threadOf[kb] {
					s.tp++
				} else {
					s.fp++
					s.fps = append(s.fps, name(ka)+" ~ "+name(kb))
				}
			}
		}
	}
	for i, a := range g.Proposals {
		for _, b := range g.Proposals[i+1:] {
			if a.Thread == nil || b.Thread == nil || *a.Thread != *b.Thread || a.Workshop == b.Workshop {
				continue
			}
			ka, kb := key(a.Text), key(b.Text)
			pair := [2]string{ka, kb}
			if ka > kb {
				pair = [2]string{kb, ka}
			}
			if !predicted[pair] {
				s.fn++
				s.fns = append(s.fns, a.ID+" ~ "+b.ID+" ("+*a.Thread+")")
			}
		}
	}
	sort.Strings(s.fps)
	sort.Strings(s.fns)
	return s
}

// TestRecurringThreads scores the threads on the labelled set of testdata/recurring: pairwise
// precision at least 0.9 and recall at least 0.8 over proposals of different workshops.
func TestRecurringThreads(t *testing.T) {
	for _, dir := range recurringSets {
		t.Run(filepath.Base(dir), func(t *testing.T) { checkRecurringSet(t, dir) })
	}
}

func checkRecurringSet(t *testing.T, recurringDir string) {
	data, err := os.ReadFile(filepath.Join(recurringDir, "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g goldSet
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	recs := recurringRecs(t, recurringDir)
	threads := recurring.Threads(recs, recurring.Options{})
	s := scoreThreads(t, g, threads)
	t.Logf("%d recommendations, %d threads; pairs: TP %d FP %d FN %d; precision %.3f recall %.3f",
		len(recs), len(threads), s.tp, s.fp, s.fn, s.precision(), s.recall())
	for _, p := range s.fps {
		t.Logf("false pair: %s", p)
	}
	for _, p := range s.fns {
		t.Logf("missed pair: %s", p)
	}
	if s.precision() < 0.9 || s.recall() < 0.8 {
		t.Errorf("pairwise precision %.3f (want ≥ 0.9), recall %.3f (want ≥ 0.8)", s.precision(), s.recall())
	}
}

func TestDebugRecs(t *testing.T) {
	if os.Getenv("RECUR_DEBUG") == "" {
		t.Skip()
	}
	for _, r := range recurringRecs(t, recurringSets[1]) {
		t.Logf("%d | %s | %s", r.Year, r.Addressee, r.Text)
	}
}
