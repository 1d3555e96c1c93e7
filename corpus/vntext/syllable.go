package vntext

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The syllable inventory is generated from the orthographic rules of REFERENCE.md section 3 (a
// port of tools/syllables.py of the shared reference, our own work), so nothing is embedded:
// onset x rhyme x tone, stop finals p t c ch only with sắc or nặng, both tone placements.

// rhymesPlain are the rhymes without a medial (nucleus + final), as written.
const rhymesPlain = `a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ich im in inh ip it iu
ia iêc iêm iên iêng iêp iêt iêu
o oc oi om on ong op ot ooc oong
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u uc ui um un ung up ut
ư ưc ưi ưm ưn ưng ưt ưu
ưa ươc ươi ươm ươn ương ươp ươt ươu
ua uôc uôi uôm uôn uông uôp uôt`

// rhymesMedial are the rhymes with the medial /w/ (written o before a, ă, e; u before â, ê, y, ơ).
const rhymesMedial = `oa oac oach oai oam oan oang oanh oao oap oat oay
oăc oăm oăn oăng oăp oăt
oe oen oeo oet
uân uâng uât uây
uê uêch uênh
uy uych uynh uyp uyt uyu uya uyên uyêt
uơ`

var (
	syllableOnce sync.Once
	syllableSet  map[string]struct{}
)

// syllables returns the set of well-formed lower-case syllables in both tone placements.
func syllables() map[string]struct{} {
	syllableOnce.Do(func() {
		syllableSet = make(map[string]struct{}, 17000)
		for _, w := range untonedSyllables() {
			addToned(syllableSet, w)
		}
	})
	return syllableSet
}

// untonedSyllables lists every written syllable without its tone.
func untonedSyllables() []string {
	medial := map[string]bool{}
	for _, r := range strings.Fields(rhymesMedial) {
		medial[r] = true
	}
	rhymes := append(strings.Fields(rhymesPlain), strings.Fields(rhymesMedial)...)
	var out []string
	for _, on := range strings.Fields("- b c ch d đ g gi h kh l m n ng nh p ph qu r s t th tr v x") {
		if on == "-" {
			on = ""
		}
		for _, rh := range rhymes {
			if w, ok := spellSyllable(on, rh, medial[rh]); ok {
				out = append(out, w)
			}
		}
	}
	for _, on := range []string{"", "h", "k", "l", "m", "n", "s", "t", "v"} {
		out = append(out, on+"y") // hy, kỳ, lý, mỹ, sỹ, tỷ, ý
	}
	// Rare rhymes found only after qu- (quốc, quên, quệt, quếu, quởn, quạu, quít, quấc, quoắt, quoàng).
	return append(out, strings.Fields("quôc quên quêt quêu quơn quau quit quâc quoăt quoang")...)
}

// spellSyllable writes onset + rhyme as Vietnamese spells it, or reports false when the pair
// does not occur (a medial after b, m, p, ph, v, gi, c; qu without a medial).
func spellSyllable(on, rh string, medial bool) (string, bool) {
	front := strings.HasPrefix(rh, "i") || strings.HasPrefix(rh, "e") || strings.HasPrefix(rh, "ê")
	switch {
	case on == "qu":
		if !medial {
			return "", false
		}
		if strings.HasPrefix(rh, "o") {
			rh = "u" + rh[1:]
		}
		return "q" + rh, true
	case medial && (on == "b" || on == "m" || on == "p" || on == "ph" || on == "v" || on == "gi" || on == "c"):
		return "", false
	case on == "c" && front:
		return "k" + rh, true
	case (on == "g" || on == "ng") && front:
		return on + "h" + rh, true
	case on == "gi" && strings.HasPrefix(rh, "i"):
		return "g" + rh, true // gì, gìn, giết
	case on == "" && strings.HasPrefix(rh, "iê"):
		return "y" + strings.TrimPrefix(rh, "i"), true // yên, yêu
	}
	return on + rh, true
}

// addToned adds w with each tone it can carry to set, in both placements.
func addToned(set map[string]struct{}, w string) {
	rs := []rune(w)
	stop := strings.HasSuffix(w, "p") || strings.HasSuffix(w, "t") || strings.HasSuffix(w, "c") || strings.HasSuffix(w, "ch")
	if !stop {
		set[w] = struct{}{}
	}
	places := []int{toneIndex(rs, false)}
	if k := toneIndex(rs, true); k != places[0] {
		places = append(places, k)
	}
	buf := make([]rune, len(rs))
	for t := toneGraveN; t <= toneDotN; t++ {
		if stop && t != toneAcuteN && t != toneDotN {
			continue // p t c ch take only sắc and nặng
		}
		for _, k := range places {
			copy(buf, rs)
			buf[k] = composeLetter(rs[k], t)
			set[string(buf)] = struct{}{}
		}
	}
}

// IsSyllable reports whether w is one well-formed Vietnamese syllable, in either tone placement
// and any letter case (Đảng, ĐẢNG, hoà, hòa); impossible forms such as cơng or tât are not.
func IsSyllable(w string) bool {
	if len(w) == 0 || len(w) > 4*maxSyllable {
		return false
	}
	if hasCombining(w) {
		w = norm.NFC.String(w)
	}
	var buf [4 * maxSyllable]byte
	low := buf[:0]
	for _, r := range w {
		low = utf8.AppendRune(low, unicode.ToLower(r))
	}
	_, ok := syllables()[string(low)]
	return ok
}
