package index

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"thamluan/corpus/vntext"
)

// phraseCounts holds phrase counts of the whole archive and of each theme's sentences, gathered
// in one pass so that key phrases for every theme cost one tokenisation of the archive. A phrase
// is one to maxPhraseWords whole words of the word list; its key joins the syllables of a word
// with "_" and the words with " ", so that whole words can be taken off its edges.
type phraseCounts struct {
	all      map[string]int
	nAll     int
	byTheme  map[string]map[string]int
	nByTheme map[string]int
	shown    map[string]string // key → the phrase as the text writes it (lower case), first seen
}

func newPhraseCounts() *phraseCounts {
	return &phraseCounts{all: map[string]int{}, byTheme: map[string]map[string]int{}, nByTheme: map[string]int{},
		shown: map[string]string{}}
}

// add counts the phrases of one sentence under each of its themes.
func (pc *phraseCounts) add(text string, themes []string) {
	grams := phrases(text)
	pc.nAll += len(grams)
	for _, g := range grams {
		pc.all[g.key]++
	}
	for _, t := range themes {
		m := pc.byTheme[t]
		if m == nil {
			m = map[string]int{}
			pc.byTheme[t] = m
		}
		for _, g := range grams {
			m[g.key]++
			if _, ok := pc.shown[g.key]; !ok {
				pc.shown[g.key] = g.shown
			}
		}
		pc.nByTheme[t] += len(grams)
	}
}

// keyPhrases returns the n phrases most significant for a theme: frequent in the theme's
// sentences and rare elsewhere (Dunning's log-likelihood ratio against the rest of the archive),
// fragments of a longer phrase left out. Each is shown as the text writes it.
func (pc *phraseCounts) keyPhrases(theme string, n int) []FacetCount {
	in := pc.byTheme[theme]
	nin := pc.nByTheme[theme]
	nout := pc.nAll - nin
	super := superCounts(in)
	type scored struct {
		g string
		s float64
	}
	var cands []scored
	for g, a := range in {
		if a < 2 || float64(super[g]) >= 0.75*float64(a) {
			continue
		}
		b := pc.all[g] - a
		expIn := float64(nin) * float64(a+b) / float64(max(nin+nout, 1))
		if float64(a) <= expIn {
			continue
		}
		cands = append(cands, scored{g, llr(a, b, nin, nout)})
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].s != cands[j].s {
			return cands[i].s > cands[j].s
		}
		return cands[i].g < cands[j].g
	})
	var chosen []FacetCount // Value holds the key until the end
	for _, c := range cands {
		if len(chosen) == n {
			break
		}
		if absorb(chosen, c.g, in[c.g]) {
			continue
		}
		chosen = append(chosen, FacetCount{Value: c.g, Count: in[c.g]})
	}
	for i := range chosen {
		chosen[i].Value = pc.shown[chosen[i].Value]
	}
	return chosen
}

// absorb reports whether phrase g (seen count times) is already represented by a chosen phrase:
// contained in it, or a window overlapping its edge by a word or more and seen about as often
// (a longer phrase seen through two windows).
func absorb(chosen []FacetCount, g string, count int) bool {
	gw := strings.Fields(g)
	for _, c := range chosen {
		if strings.Contains(" "+c.Value+" ", " "+g+" ") || strings.Contains(" "+g+" ", " "+c.Value+" ") {
			return true
		}
		cw := strings.Fields(c.Value)
		similar := float64(count) >= 0.75*float64(c.Count) && float64(c.Count) >= 0.75*float64(count)
		for k := min(len(cw), len(gw)) - 1; k >= 1; k-- {
			if equalWords(cw[len(cw)-k:], gw[:k]) || equalWords(gw[len(gw)-k:], cw[:k]) {
				return k >= 2 || similar
			}
		}
	}
	return false
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// superCounts maps each phrase to the highest count of a phrase one word longer that starts or
// ends with it: "đổi mới" seen mostly inside "đổi mới nội dung" is a fragment, not a phrase.
func superCounts(counts map[string]int) map[string]int {
	super := map[string]int{}
	for h, c := range counts {
		if !strings.Contains(h, " ") {
			continue
		}
		first := h[strings.IndexByte(h, ' ')+1:]
		last := h[:strings.LastIndexByte(h, ' ')]
		super[first] = max(super[first], c)
		super[last] = max(super[last], c)
	}
	return super
}

// Bounds of a key phrase: in words of the word list, and in syllables.
const (
	maxPhraseWords     = 3
	minPhraseSyllables = 2
	maxPhraseSyllables = 6
)

// phrase is a candidate key phrase of a sentence.
type phrase struct {
	key   string // syllables of a word joined by "_", words by " ", in the form of foldWord
	shown string // as the text writes it, in lower case
}

// phrases returns the candidate key phrases of s: runs of 1 to maxPhraseWords whole words of the
// word list (2 to maxPhraseSyllables syllables) that do not cross punctuation, hold no digit, no
// discourse marker or pronoun, neither start nor end with a function word, and are not a proper
// name (every syllable capitalised).
func phrases(s string) []phrase {
	dict := wordList()
	var out []phrase
	for _, chunk := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsPunct(r) && r != '-' }) {
		raw := strings.Fields(chunk)
		if len(raw) < minPhraseSyllables {
			continue
		}
		low := make([]string, len(raw))
		syl := make([]string, len(raw))
		for i, w := range raw {
			low[i] = strings.ToLower(w)
			syl[i] = vntext.NormalizeTones(low[i])
		}
		ends := segmentWords(syl)
		starts := make([]int, len(ends))
		for i := 1; i < len(ends); i++ {
			starts[i] = ends[i-1]
		}
		wordAt := make([]string, len(ends))
		ok := make([]bool, len(ends))
		for i := range ends {
			wordAt[i] = strings.Join(syl[starts[i]:ends[i]], " ")
			ok[i] = dict[wordAt[i]] && !hasDigit(syl[starts[i]:ends[i]]) && !discourse[wordAt[i]]
		}
		for i := range ends {
			if !ok[i] || edgeStop[wordAt[i]] {
				continue
			}
			for j := i; j < len(ends) && j < i+maxPhraseWords && ok[j]; j++ {
				n := ends[j] - starts[i]
				if n > maxPhraseSyllables && j > i {
					break // a single word of the list may be longer: a term such as "doanh nghiệp có vốn đầu tư nước ngoài"
				}
				if n < minPhraseSyllables || edgeStop[wordAt[j]] || endOnly[wordAt[j]] || properName(raw[starts[i]:ends[j]]) ||
					endOnly[wordAt[i]] && n == j-i+1 { // "chưa đồng bộ", not "chưa biết"
					continue
				}
				out = append(out, phrase{key: phraseKey(syl, starts[i:j+1], ends[i:j+1]),
					shown: strings.Join(low[starts[i]:ends[j]], " ")})
			}
		}
	}
	return out
}

// phraseKey joins syllables into the key of the words that start and end where given.
func phraseKey(syl []string, starts, ends []int) string {
	var b strings.Builder
	for w := range starts {
		if w > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.Join(syl[starts[w]:ends[w]], "_"))
	}
	return b.String()
}

// properName reports syllables that are all capitalised and not all in capitals: a name such
// as "Lê Văn Hòa" or "Bình Định" rather than a term.
func properName(raw []string) bool {
	caps := true
	for _, w := range raw {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		caps = caps && !strings.ContainsFunc(w, unicode.IsLower)
	}
	return !caps
}

func hasDigit(ws []string) bool {
	for _, w := range ws {
		for _, r := range w {
			if unicode.IsDigit(r) {
				return true
			}
		}
	}
	return false
}

// edgeStop holds function words that make poor ends of a key phrase. They stay in the index and
// in the middle of phrases ("đổi mới và phát triển"); only phrase edges are filtered.
var edgeStop = map[string]bool{"và": true, "của": true, "các": true, "những": true, "là": true, "có": true,
	"được": true, "trong": true, "cho": true, "với": true, "để": true, "đã": true, "thì": true, "này": true,
	"đó": true, "một": true, "theo": true, "tại": true, "về": true, "từ": true, "như": true, "nhưng": true,
	"còn": true, "cũng": true, "vẫn": true, "rất": true, "đến": true, "khi": true, "ở": true, "do": true,
	"bị": true, "hoặc": true, "mà": true, "nên": true, "cần": true, "phải": true, "đang": true, "sẽ": true,
	"vào": true, "ra": true, "lên": true, "lại": true, "đi": true, "nhiều": true, "mỗi": true, "mọi": true,
	"từng": true, "bằng": true, "trên": true, "dưới": true, "sau": true, "trước": true, "giữa": true,
	"cùng": true, "nhau": true, "hơn": true, "nhất": true, "thêm": true, "luôn": true, "đều": true,
	"chỉ": true, "ngày": true, "năm": true, "tháng": true, "lần": true, "việc": true, "sự": true,
	"cuộc": true, "nhằm": true, "bởi": true, "vì": true, "nếu": true, "tuy": true, "dù": true, "song": true,
	"hay": true, "thuộc": true, "qua": true, "tới": true, "ngay": true, "rồi": true, "nữa": true}

// endOnly holds words that may start a key phrase but not end it: "chưa đồng bộ", not "bộ chưa".
var endOnly = map[string]bool{"chưa": true, "không": true, "đã được": true, "chưa được": true}

// discourse holds discourse markers, pronouns and other words that are never part of a key
// phrase, whatever their place.
var discourse = map[string]bool{"tuy nhiên": true, "dù vậy": true, "tuy vậy": true, "vì vậy": true,
	"do vậy": true, "do đó": true, "bởi vậy": true, "vì thế": true, "ngoài ra": true, "bên cạnh": true,
	"đồng thời": true, "mặt khác": true, "trong khi": true, "trong đó": true, "theo đó": true, "qua đó": true,
	"từ đó": true, "như vậy": true, "nhìn chung": true, "thậm chí": true, "chẳng hạn": true, "nói chung": true,
	"hơn nữa": true, "vả lại": true, "thế nhưng": true, "mặc dù": true, "nhất là": true, "trước hết": true,
	"trước tiên": true, "sau đó": true, "cuối cùng": true, "tóm lại": true, "cũng như": true, "rằng": true,
	"hiện nay": true, "vừa qua": true, "thời gian qua": true, "có thể": true, "tất cả": true, "hầu hết": true,
	"tôi": true, "chúng tôi": true, "chúng ta": true, "ta": true, "mình": true, "chúng mình": true, "họ": true,
	"bạn": true, "các bạn": true, "chúng em": true, "em": true, "anh": true, "chị": true, "ông": true,
	"bà": true, "nó": true, "chúng nó": true, "người ta": true, "ai": true, "gì": true, "nào": true,
	"ấy": true, "kia": true, "đây": true, "đấy": true, "vậy": true, "thế": true, "sao": true, "đâu": true,
	"ạ": true, "nhé": true, "à": true, "ơi": true, "nhỉ": true, "cơ mà": true, "thì là": true, "đặc biệt là": true,
	"ví dụ": true, "cụ thể": true, "chính vì vậy": true, "bên cạnh đó": true, "do đó mà": true,
	"một số": true, "đối với": true, "cùng với": true, "thông qua": true, "liên quan": true, "bao gồm": true,
	"khoảng": true, "các": true, "những": true}

// llr is Dunning's log-likelihood ratio of a phrase seen a times in n1 theme n-grams and b times in
// n2 others.
func llr(a, b, n1, n2 int) float64 {
	e1 := float64(n1) * float64(a+b) / float64(n1+n2)
	e2 := float64(n2) * float64(a+b) / float64(n1+n2)
	s := 0.0
	if a > 0 {
		s += float64(a) * math.Log(float64(a)/e1)
	}
	if b > 0 {
		s += float64(b) * math.Log(float64(b)/e2)
	}
	return 2 * s
}

// representative picks up to n sentences by maximal marginal relevance: high theme score, low
// word overlap with the sentences already picked. Only complete sentences of at most
// maxRepresentativeWords words stand for a theme (see representable).
func representative(cands []Citation, n int) []Citation {
	const lambda = 0.7
	words := make([]map[string]bool, len(cands))
	maxScore := 0.0
	for i, c := range cands {
		words[i] = wordSet(c.Text)
		maxScore = math.Max(maxScore, c.Score)
	}
	var picked []int
	used := map[int]bool{}
	for len(picked) < n && len(picked) < len(cands) {
		best, bestV := -1, math.Inf(-1)
		for i, c := range cands {
			if used[i] || !representable(c.Text) {
				continue
			}
			rel := 1.0
			if maxScore > 0 {
				rel = c.Score / maxScore
			}
			sim := 0.0
			for _, p := range picked {
				sim = math.Max(sim, jaccard(words[i], words[p]))
			}
			if v := lambda*rel - (1-lambda)*sim; v > bestV {
				best, bestV = i, v
			}
		}
		if best < 0 {
			break
		}
		used[best] = true
		picked = append(picked, best)
	}
	out := make([]Citation, 0, len(picked))
	for _, i := range picked {
		out = append(out, cands[i])
	}
	return out
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(vntext.Fold(s))) {
		m[strings.Trim(w, ".,;:!?“”\"()")] = true
	}
	return m
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	inter := 0
	for w := range a {
		if b[w] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// maxRepresentativeWords is the longest sentence that may stand for a theme, in words.
const maxRepresentativeWords = 60

// announcement matches the end of a sentence that announces what follows ("…một số giải pháp
// sau đây:", "…như sau.") rather than saying it.
var announcement = regexp.MustCompile(`(?i)(?:sau đây|như sau|dưới đây|cụ thể là|bao gồm|gồm có|gồm|những nội dung sau|các nội dung sau|những điểm sau|sau)\s*[:.…]*\s*$`)

// representable reports a sentence fit to stand for a theme: complete (it starts with a capital
// letter, a digit or an opening quote and ends with a full stop, a question or exclamation mark or
// a closing quote after one, not an ellipsis), 40 characters to maxRepresentativeWords words, not a table row (cells
// joined by " | ", or mostly numbers), not a heading in capitals, and not an announcement of what
// follows.
func representable(s string) bool {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) < 40 || strings.Contains(s, " | ") || strings.ContainsRune(s, '\t') {
		return false
	}
	fields := strings.Fields(s)
	if len(fields) > maxRepresentativeWords {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !strings.ContainsRune("“\"‘'(«", first) {
		return false
	}
	end := strings.TrimRight(s, "”\"’')»")
	last, _ := utf8.DecodeLastRuneInString(end)
	if !strings.ContainsRune(".!?", last) || strings.HasSuffix(end, "..") {
		return false // no final stop, or a list trailing off
	}
	if announcement.MatchString(strings.TrimRight(end, ".…:")) || strings.HasSuffix(end, ":") {
		return false
	}
	numeric, lower := 0, false
	for _, f := range fields {
		if strings.IndexFunc(f, unicode.IsDigit) >= 0 && strings.IndexFunc(f, unicode.IsLetter) < 0 {
			numeric++
		}
		lower = lower || strings.ContainsFunc(f, unicode.IsLower)
	}
	return lower && numeric*3 < len(fields)
}
