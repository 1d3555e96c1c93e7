package pipeline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// recurringGold is the labelled set of testdata/recurring: proposals of four workshops and the
// threads of proposals made again in a later workshop.
type recurringGold struct {
	Workshops map[string]string `json:"workshops"`
	Threads   map[string]string `json:"threads"`
	Proposals []struct {
		ID, Workshop, File, Text string
		Thread                   *string
	} `json:"proposals"`
	NotProposals []struct{ ID, Workshop, File, Text string } `json:"not_proposals"`
	Traps        map[string]string                           `json:"traps"`
}

// TestRecurringGoldQuotesItsTexts checks that every labelled sentence of testdata/recurring
// stands verbatim in its file, that every thread spans at least two workshops, and that every
// trap names a labelled proposal.
func TestRecurringGoldQuotesItsTexts(t *testing.T) {
	dir := filepath.Join("..", "testdata", "recurring")
	data, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g recurringGold
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatalf("gold.json: %v", err)
	}
	texts := map[string]string{}
	read := func(file string) string {
		if s, ok := texts[file]; ok {
			return s
		}
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		texts[file] = norm.NFC.String(string(b))
		return texts[file]
	}
	spans := map[string]map[string]bool{}
	ids := map[string]bool{}
	for _, p := range g.Proposals {
		ids[p.ID] = true
		if !strings.Contains(read(p.File), p.Text) {
			t.Errorf("%s: %q is not in %s", p.ID, p.Text, p.File)
		}
		if p.Thread != nil {
			if _, ok := g.Threads[*p.Thread]; !ok {
				t.Errorf("%s: unknown thread %s", p.ID, *p.Thread)
			}
			if spans[*p.Thread] == nil {
				spans[*p.Thread] = map[string]bool{}
			}
			spans[*p.Thread][p.Workshop] = true
		}
	}
	for _, p := range g.NotProposals {
		if !strings.Contains(read(p.File), p.Text) {
			t.Errorf("%s: %q is not in %s", p.ID, p.Text, p.File)
		}
	}
	for id := range g.Threads {
		if len(spans[id]) < 2 {
			t.Errorf("thread %s spans %d workshops, want at least 2", id, len(spans[id]))
		}
	}
	for id := range g.Traps {
		if !ids[id] {
			t.Errorf("trap %s is not a labelled proposal", id)
		}
	}
	if len(g.Proposals) < 40 || len(g.Workshops) < 4 {
		t.Errorf("%d proposals in %d workshops, want at least 40 in 4", len(g.Proposals), len(g.Workshops))
	}
}
