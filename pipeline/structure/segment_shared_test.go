package structure

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"thamluan/corpus"
	"thamluan/corpus/corpustest"
	"thamluan/corpus/vntext"
)

// goldDoc is the part of a NAME.gold.json file the structure stage is scored on.
type goldDoc struct {
	File     string `json:"file"`
	Shape    string `json:"shape"`
	Sections []struct {
		Start   string `json:"start"`
		Speaker string `json:"speaker"`
	} `json:"sections"`
	Noise []string `json:"noise"`
}

var (
	spaceRE = regexp.MustCompile(`\s+`)
	// enumRE drops leading enumerators as eval/score does: "I.", "1.2.", "a)", "Phần I", "-".
	enumRE    = regexp.MustCompile(`^(?:(?:phần|chương|mục)\s+\S+\s*[.:-]?\s*|[ivxlc]+[.)]\s*|\d+(?:\.\d+)*[.)]?\s*|[a-zđ][.)]\s*|[-–•*+]\s*)+`)
	nonWordRE = regexp.MustCompile(`^[^\p{L}\p{N}_]+`)
)

// scoreNorm is eval/score's norm: NFC, one tone placement, lower case, single spaces.
func scoreNorm(s string) string {
	s = strings.ToLower(vntext.NormalizeTones(norm.NFC.String(s)))
	return strings.TrimSpace(spaceRE.ReplaceAllString(s, " "))
}

// scoreKey is eval/score's key: the first 25 characters without leading enumerators.
func scoreKey(s string) string {
	s = nonWordRE.ReplaceAllString(enumRE.ReplaceAllString(scoreNorm(s), ""), "")
	if r := []rune(s); len(r) > 25 {
		return string(r[:25])
	}
	return s
}

// structureScore holds the counts eval/score derives from sections and noise.
type structureScore struct {
	tp, fp, fn, speakerOK, speakerN, leaked, noise int
}

// scoreStructure matches gold section starts to predicted sections in order, as eval/score does.
func scoreStructure(g goldDoc, doc *corpus.Document) structureScore {
	var sc structureScore
	next := 0
	matched := map[int]int{}
	for gi, gs := range g.Sections {
		want := scoreKey(gs.Start)
		for pi := next; pi < len(doc.Sections); pi++ {
			if sectionMatches(doc.Sections[pi], want) {
				matched[gi], next = pi, pi+1
				break
			}
		}
	}
	sc.tp, sc.fp, sc.fn = len(matched), len(doc.Sections)-len(matched), len(g.Sections)-len(matched)
	for gi, gs := range g.Sections {
		if gs.Speaker == "" {
			continue
		}
		sc.speakerN++
		if pi, ok := matched[gi]; ok {
			p, w := scoreNorm(doc.Sections[pi].Speaker), scoreNorm(gs.Speaker)
			if p != "" && (strings.Contains(w, p) || strings.Contains(p, w)) {
				sc.speakerOK++
			}
		}
	}
	var body strings.Builder
	for _, s := range doc.Sections {
		body.WriteString(scoreNorm(s.Heading) + " " + scoreNorm(s.Text) + " ")
	}
	for _, n := range g.Noise {
		sc.noise++
		if k := scoreNorm(n); k != "" && strings.Contains(body.String(), k) {
			sc.leaked++
		}
	}
	return sc
}

func sectionMatches(s corpus.Section, want string) bool {
	h, t := scoreNorm(s.Heading), scoreNorm(s.Text)
	for _, x := range []string{strings.TrimSpace(h + " " + t), t} {
		if x == "" {
			continue
		}
		c := scoreKey(x)
		if c == want || len([]rune(want)) >= 5 && strings.HasPrefix(c, want) || len([]rune(c)) >= 15 && strings.HasPrefix(want, c) {
			return true
		}
	}
	return false
}

// TestSegmentSharedDev scores Segment on the shared dev set the way eval/score does and requires
// section F1 and speaker accuracy of at least 0.95 with no noise leaked into the sections.
func TestSegmentSharedDev(t *testing.T) {
	dir := corpustest.Shared(t, "corpus/dev")
	golds, err := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if err != nil || len(golds) == 0 {
		t.Skipf("no gold files in %s", dir)
	}
	var total structureScore
	for _, gp := range golds {
		data, err := os.ReadFile(gp)
		if err != nil {
			t.Fatal(err)
		}
		var g goldDoc
		if err := json.Unmarshal(data, &g); err != nil {
			t.Fatalf("%s: %v", gp, err)
		}
		doc, err := corpus.Read(filepath.Join(dir, g.File), corpus.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		Segment(doc, SegmentOptions{})
		sc := scoreStructure(g, doc)
		t.Logf("%s: shape %s (gold %s), sections tp=%d fp=%d fn=%d, speakers %d/%d, noise leaked %d/%d",
			g.File, doc.Shape, g.Shape, sc.tp, sc.fp, sc.fn, sc.speakerOK, sc.speakerN, sc.leaked, sc.noise)
		if doc.Shape != g.Shape {
			t.Errorf("%s: shape %s, want %s", g.File, doc.Shape, g.Shape)
		}
		total.add(sc)
	}
	f1 := 2 * float64(total.tp) / float64(2*total.tp+total.fp+total.fn)
	acc := float64(total.speakerOK) / float64(max(total.speakerN, 1))
	t.Logf("dev: section F1 %.3f, speaker accuracy %.3f, noise leaked %d of %d", f1, acc, total.leaked, total.noise)
	if f1 < 0.95 || acc < 0.95 || total.leaked > 0 {
		t.Errorf("dev: section F1 %.3f (want >= 0.95), speaker accuracy %.3f (want >= 0.95), noise leaked %d (want 0)",
			f1, acc, total.leaked)
	}
}

func (s *structureScore) add(o structureScore) {
	s.tp, s.fp, s.fn = s.tp+o.tp, s.fp+o.fp, s.fn+o.fn
	s.speakerOK, s.speakerN = s.speakerOK+o.speakerOK, s.speakerN+o.speakerN
	s.leaked, s.noise = s.leaked+o.leaked, s.noise+o.noise
}

// TestSegmentSharedSeed segments the seed news report: one section for the introduction, one
// per contributing organisation, one for the closing speech, and no caption inside any of them.
func TestSegmentSharedSeed(t *testing.T) {
	dir := corpustest.Shared(t, "corpus/seed")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skipf("no seed text in %s", dir)
	}
	for _, f := range files {
		doc, err := corpus.Read(f, corpus.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		Segment(doc, SegmentOptions{})
		for _, s := range doc.Sections {
			t.Logf("%d | %s | %s (%s)", s.Ordinal, s.Heading, s.Speaker, s.SpeakerKind)
		}
		t.Logf("%d noise lines", len(doc.Noise))
		if doc.Shape != corpus.ShapeNews {
			t.Errorf("%s: shape %s, want %s", f, doc.Shape, corpus.ShapeNews)
		}
		checkSeed(t, doc)
	}
}

// checkSeed checks the seed's structure without its wording: the first section has no speaker,
// every other one has, organisations before the closing person, and no noise line in the text.
func checkSeed(t *testing.T, doc *corpus.Document) {
	t.Helper()
	n := len(doc.Sections)
	if n < 3 {
		t.Fatalf("%d sections, want an introduction, organisations and a closing speech", n)
	}
	if doc.Sections[0].Speaker != "" {
		t.Errorf("the introduction has speaker %q", doc.Sections[0].Speaker)
	}
	for _, s := range doc.Sections[1 : n-1] {
		if s.SpeakerKind != KindOrganisation || s.Speaker == "" {
			t.Errorf("section %d: speaker %q (%s), want an organisation", s.Ordinal, s.Speaker, s.SpeakerKind)
		}
	}
	if last := doc.Sections[n-1]; last.SpeakerKind != KindPerson || last.SpeakerRole == "" || strings.Contains(last.Speaker, ", ") {
		t.Errorf("closing section: speaker %q [%s] (%s), want a name with a title beside it", last.Speaker, last.SpeakerRole, last.SpeakerKind)
	}
	if len(doc.Noise) == 0 {
		t.Errorf("no noise found in the seed")
	}
	checkInvariants(t, doc)
}
