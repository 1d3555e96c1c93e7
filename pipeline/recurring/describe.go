package recurring

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"thamluan/corpus"
	"thamluan/corpus/vntext"
)

// description is what a recommendation asks, described once: the kind of its addressee, its
// content features (concepts and remaining content words, and their neighbouring pairs), the
// entities it is about and the numbers it states.
type description struct {
	addressee     string // the addressee as the text names it, lower case
	addresseeKind string // a key of addresseeKinds, "" when unknown
	features      []string
	scale         []float64 // per feature: 1, or tailWeight for a feature only in the reason or purpose
	weights       []float64
	ids           []int     // the features interned by weighFeatures, ascending, for fast comparison
	idWeights     []float64 // the weights in the order of ids
	idConcept     []bool    // whether each of ids is a concept
	conceptTotal  float64   // the weight of the concepts
	total         float64
	entities      []string // concepts starting with "!"
	report        bool     // the sentence tells of a proposal made or carried out, it makes none
}

// requestCues open a proposal made to someone: "X đề nghị Y ..." — X proposes, Y is asked. The
// words after the cue (and after Y) are what is asked.
var requestCues = []string{"kiến nghị", "đề nghị", "đề xuất", "yêu cầu", "mong muốn", "mong", "kêu gọi", "đề đạt", "xin", "trân trọng đề nghị"}

// modalCues open what someone should do: "X cần ..." — X is asked to act.
var modalCues = []string{"cần", "nên", "phải", "cần phải", "cần có", "sớm"}

// tailCues open the reason or purpose of a proposal ("vì ...", "nhằm ..."): what follows says why,
// not what, and weighs less.
var tailCues = []string{"vì", "bởi", "bởi vì", "nhằm", "để", "do", "nhất là", "kể cả", "phấn đấu"}

// tailWeight is the weight of a feature in the reason or purpose of a proposal.
const tailWeight = 0.3

// functionWords carry no content of a proposal: they are left out of the features.
var functionWords = []string{"của", "cho", "các", "những", "và", "để", "ở", "với", "trong", "về", "đối với", "là",
	"được", "một", "việc", "kịp thời", "hơn", "nhất", "này", "đó", "từ", "tại", "theo", "mỗi", "từng", "có thể",
	"chúng tôi", "chúng ta", "đồng chí", "vì", "vì vậy", "nhằm", "khi", "đến", "nhiều", "mà", "không", "thì",
	"hiện nay", "chủ động", "kỹ", "kể cả", "toàn bộ", "thống nhất", "trực tiếp", "riêng", "rõ", "cụ thể", "nhất là",
	"sớm", "nghiên cứu", "tiếp tục", "quan tâm", "chú trọng", "hằng năm", "năm", "thành thạo", "phấn đấu", "người", "có"}

type lexicon struct {
	concept   map[string]string // phrase -> concept
	maxLen    int
	function  map[string]bool
	cues      map[string]string // phrase -> "request" or "modal"
	cueMax    int
	tails     map[string]bool
	addressee map[string]string // phrase -> kind
	addrMax   int
}

var (
	lexOnce sync.Once
	lex     lexicon
)

// normWords returns the lower-case words of s, tones placed one way, with punctuation dropped.
func normWords(s string) []string {
	s = strings.ToLower(vntext.NormalizeTones(vntext.Clean(s)))
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '%' })
}

func loadLexicon() {
	lex = lexicon{concept: map[string]string{}, function: map[string]bool{}, cues: map[string]string{},
		addressee: map[string]string{}, tails: map[string]bool{}}
	add := func(m map[string]string, max *int, phrase, v string) {
		w := normWords(phrase)
		m[strings.Join(w, " ")] = v
		*max = maxInt(*max, len(w))
	}
	for c, ps := range concepts {
		for _, p := range ps {
			add(lex.concept, &lex.maxLen, p, c)
		}
	}
	for k, ps := range addresseeKinds {
		for _, p := range ps {
			add(lex.addressee, &lex.addrMax, p, k)
		}
	}
	for _, p := range functionWords {
		lex.function[strings.Join(normWords(p), " ")] = true
	}
	for kind, ps := range map[string][]string{"request": requestCues, "modal": modalCues} {
		for _, p := range ps {
			w := normWords(p)
			lex.cues[strings.Join(w, " ")] = kind
			lex.cueMax = maxInt(lex.cueMax, len(w))
		}
	}
	for _, p := range tailCues {
		lex.tails[strings.Join(normWords(p), " ")] = true
	}
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// longest returns the longest phrase of m starting at words[i] (at most max words), its value and
// its length in words; n is 0 when none starts there.
func longest(words []string, i, max int, m map[string]string) (string, int) {
	for n := min(max, len(words)-i); n > 0; n-- {
		if v, ok := m[strings.Join(words[i:i+n], " ")]; ok {
			return v, n
		}
	}
	return "", 0
}

// describe describes what r asks.
func describe(r *corpus.Recommendation) description {
	lexOnce.Do(loadLexicon)
	words := normWords(r.Text)
	var d description
	cue, at, start := cueEnd(words)
	d.report = isReport(words, cue, at, start)
	switch {
	case cue == "modal" && start > 0:
		// the subject before "cần" is who should act: "Đảng ủy Khu kinh tế cần phân công ..."
		d.addresseeKind, d.addressee = subjectKind(words[:start])
	case cue == "request":
		// the body right after "đề nghị" is who is asked: "đề nghị Ban Tổ chức Tỉnh ủy ...",
		// "đề nghị các chủ doanh nghiệp ..."
		for start < len(words) && determiners[words[start]] {
			start++
		}
		if kind, n := longest(words, start, lex.addrMax, lex.addressee); n > 0 {
			d.addresseeKind, d.addressee = kind, strings.Join(words[start:start+n], " ")
			start += n
			for start < len(words) { // the rest of its name: "Ban Tổ chức Tỉnh ủy", "Trung tâm Chính trị huyện"
				_, m := longest(words, start, lex.addrMax, lex.addressee)
				if m == 0 {
					break
				}
				start += m
			}
		}
	}
	if d.addresseeKind == "" && r.Addressee != "" {
		w := normWords(r.Addressee)
		if kind, n := longest(w, 0, lex.addrMax, lex.addressee); n > 0 {
			d.addresseeKind, d.addressee = kind, strings.Join(w, " ")
		}
	}
	d.features, d.scale, d.entities = contentFeatures(words[start:])
	return d
}

// contentFeatures returns the features of the content words of a proposal (concepts and words,
// and their neighbouring pairs), the weight scale of each (tailWeight for those only in its
// reason or purpose), and the entities and matters it is about.
func contentFeatures(words []string) (features []string, scale []float64, entities []string) {
	type unit struct {
		s    string
		tail bool
	}
	var units []unit
	tail := false
	for i := 0; i < len(words); {
		if c, n := longest(words, i, lex.maxLen, lex.concept); n > 0 {
			units = append(units, unit{c, tail})
			// the purpose names whom a proposal is for as well: "... để công nhân đi ca theo học"
			if c[0] == '!' || entityGroups[c] != "" {
				entities = append(entities, c)
			}
			if e := impliedEntities[c]; e != "" {
				entities = append(entities, e)
			}
			i += n
			continue
		}
		if n := tailAt(words, i); n > 0 {
			tail = true
			units = append(units, unit{}) // a gap: no pair across it
			i += n
			continue
		}
		if n := functionAt(words, i); n > 0 {
			units = append(units, unit{})
			i += n
			continue
		}
		units = append(units, unit{words[i], tail})
		i++
	}
	best := map[string]float64{}
	put := func(f string, t bool) {
		w := 1.0
		if t {
			w = tailWeight
		}
		if w > best[f] {
			best[f] = w
		}
	}
	for k, u := range units {
		if u.s == "" {
			continue
		}
		put(u.s, u.tail)
		if k+1 < len(units) && units[k+1].s != "" {
			put(u.s+" "+units[k+1].s, u.tail || units[k+1].tail)
		}
	}
	for f := range best {
		features = append(features, f)
	}
	slices.Sort(features)
	for _, f := range features {
		scale = append(scale, best[f])
	}
	slices.Sort(entities)
	return features, scale, slices.Compact(entities)
}

// cueEnd returns the kind of the first proposal cue ("request" or "modal"), where it stands and
// the index of the first word after it; "", 0, 0 when there is none.
func cueEnd(words []string) (kind string, at, end int) {
	for i := range words {
		for n := min(lex.cueMax, len(words)-i); n > 0; n-- {
			if kind := lex.cues[strings.Join(words[i:i+n], " ")]; kind != "" {
				j := i + n
				for j < len(words) && lex.cues[words[j]] != "" { // "cần phải", "đề nghị sớm"
					j++
				}
				return kind, i, j
			}
		}
	}
	return "", 0, 0
}

// determiners stand before an addressee's name: "đề nghị các chủ doanh nghiệp".
var determiners = map[string]bool{"các": true, "những": true, "mỗi": true, "toàn": true, "tất": true, "cả": true}

// pastMarkers before a cue make it a report of a proposal made before: "đã đề xuất và được ...".
var pastMarkers = map[string]bool{"đã": true, "từng": true, "vừa": true}

// isReport reports whether the sentence tells of a proposal rather than making one: the cue is
// in the past ("đã đề xuất ..."), names a proposal ("Kiến nghị về việc ... đã được thực hiện"),
// or a modal counts people or things ("có 41 người cần thẩm tra ...").
func isReport(words []string, kind string, at, end int) bool {
	switch {
	case kind == "":
		return false
	case at > 0 && pastMarkers[words[at-1]] || at > 1 && words[at-2] == "đã" && words[at-1] == "từng":
		return true
	case kind == "request" && end < len(words) && (words[end] == "về" || words[end] == "này" || words[end] == "đó") && hasPast(words[end:]):
		return true
	case kind == "modal":
		for k := max(0, at-3); k < at; k++ {
			if isNumber(words[k]) {
				return true
			}
		}
	}
	return false
}

// hasPast reports whether words tell of something done: "đã được", "đã ban hành".
func hasPast(words []string) bool {
	for i, w := range words {
		if w == "đã" && i+1 < len(words) {
			return true
		}
	}
	return false
}

func isNumber(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			if r != '.' && r != ',' {
				return false
			}
		}
	}
	return w != ""
}

func tailAt(words []string, i int) int {
	for n := min(2, len(words)-i); n > 0; n-- {
		if lex.tails[strings.Join(words[i:i+n], " ")] {
			return n
		}
	}
	return 0
}

// subjectKind returns the kind and name of the body that a proposal's subject names, if any.
func subjectKind(words []string) (kind, name string) {
	for i := range words {
		if k, n := longest(words, i, lex.addrMax, lex.addressee); n > 0 {
			return k, strings.Join(words[i:i+n], " ")
		}
	}
	return "", ""
}

func functionAt(words []string, i int) int {
	for n := min(3, len(words)-i); n > 0; n-- {
		if lex.function[strings.Join(words[i:i+n], " ")] {
			return n
		}
	}
	return 0
}

// compatible reports whether a and b may state the same proposal: their addressees are of one
// kind (or one is unknown), they are about a common entity when both name entities, and the
// numbers they both state agree.
func (a *description) compatible(b *description) bool {
	if a.addresseeKind != "" && b.addresseeKind != "" && a.addresseeKind != b.addresseeKind {
		return false
	}
	for _, g := range []string{"who", "subject", "matter"} {
		ea, eb := inGroup(a.entities, g), inGroup(b.entities, g)
		if len(ea) > 0 && len(eb) > 0 && !intersects(ea, eb) {
			return false
		}
	}
	return true
}

func inGroup(es []string, g string) []string {
	var out []string
	for _, e := range es {
		if entityGroups[e] == g {
			out = append(out, e)
		}
	}
	return out
}

func intersects(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// similarity says how alike the proposals a and b are, from 0 to 2, or 0 when they are not
// compatible: the weighted Jaccard similarity of their concepts (what is done, to what, for
// whom) plus the weighted overlap of all their features, concepts, words and pairs (how they
// say it). The concepts carry proposals made in other words; the words keep apart proposals
// whose concepts are broad.
func (a *description) similarity(b *description) float64 {
	if !a.compatible(b) || a.total == 0 || b.total == 0 {
		return 0
	}
	var inter, cinter float64
	for i, j := 0, 0; i < len(a.ids) && j < len(b.ids); {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			w := (a.idWeights[i] + b.idWeights[j]) / 2
			inter += w
			if a.idConcept[i] {
				cinter += w
			}
			i++
			j++
		}
	}
	concepts := 0.0
	if a.conceptTotal > 0 && b.conceptTotal > 0 {
		concepts = cinter / (a.conceptTotal + b.conceptTotal - cinter)
	}
	overlap := inter / min(a.total, b.total)
	jaccard := inter / (a.total + b.total - inter)
	return concepts + (overlap+jaccard)/2
}

// isConcept reports whether the feature f is one concept of the lexicon (not a word, not a pair).
func isConcept(f string) bool {
	return (f[0] == '#' || f[0] == '@' || f[0] == '!') && !strings.Contains(f, " ")
}
