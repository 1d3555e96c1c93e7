package docx

import (
	"strconv"
	"strings"
	"unicode"
)

type lvlXML struct {
	Ilvl  string  `xml:"ilvl,attr"`
	Start *valXML `xml:"start"`
	Fmt   valXML  `xml:"numFmt"`
	Text  *valXML `xml:"lvlText"`
	IsLgl *valXML `xml:"isLgl"`
}

type numberingXML struct {
	Abstract []struct {
		ID     string   `xml:"abstractNumId,attr"`
		Levels []lvlXML `xml:"lvl"`
	} `xml:"abstractNum"`
	Nums []struct {
		ID        string `xml:"numId,attr"`
		Abstract  valXML `xml:"abstractNumId"`
		Overrides []struct {
			Ilvl  string  `xml:"ilvl,attr"`
			Start *valXML `xml:"startOverride"`
			Lvl   *lvlXML `xml:"lvl"`
		} `xml:"lvlOverride"`
	} `xml:"num"`
}

const maxLevels = 9

// level is one level of a list definition.
type level struct {
	start int
	fmt   string // numFmt: decimal, upperRoman, lowerLetter, bullet, none, ...
	text  string // lvlText with %1..%9 placeholders
	legal bool   // isLgl: every placeholder in decimal
	set   bool
}

// abstractNum is a list definition with the counters of the lists that share it, as Word
// continues numbering across w:num instances of one definition.
type abstractNum struct {
	levels  [maxLevels]level
	count   [maxLevels]int
	started [maxLevels]bool
}

// num is a w:num instance: its definition and level overrides.
type num struct {
	abs       *abstractNum
	levels    [maxLevels]level // overriding levels (set when overridden)
	restart   [maxLevels]int   // startOverride + 1, 0 for none
	restarted bool
}

// loadNumbering reads word/numbering.xml; a document without one has no automatic labels.
func (r *reader) loadNumbering(name string) error {
	var nx numberingXML
	r.nums = map[string]*num{}
	if ok, err := r.readXML(name, &nx); !ok || err != nil {
		return err
	}
	abs := map[string]*abstractNum{}
	for _, a := range nx.Abstract {
		an := &abstractNum{}
		for _, l := range a.Levels {
			if i := atoi(l.Ilvl, -1); i >= 0 && i < maxLevels {
				an.levels[i] = makeLevel(l)
			}
		}
		abs[a.ID] = an
	}
	for _, n := range nx.Nums {
		an := abs[n.Abstract.Val]
		if an == nil {
			continue
		}
		nm := &num{abs: an}
		for _, o := range n.Overrides {
			i := atoi(o.Ilvl, -1)
			if i < 0 || i >= maxLevels {
				continue
			}
			if o.Start != nil {
				nm.restart[i] = atoi(o.Start.Val, 1) + 1
			}
			if o.Lvl != nil {
				nm.levels[i] = makeLevel(*o.Lvl)
			}
		}
		r.nums[n.ID] = nm
	}
	return nil
}

func makeLevel(l lvlXML) level {
	lv := level{start: 1, fmt: l.Fmt.Val, set: true, legal: l.IsLgl != nil && l.IsLgl.Val != "0" && l.IsLgl.Val != "false"}
	if l.Start != nil {
		lv.start = atoi(l.Start.Val, 1)
	}
	if l.Text != nil {
		lv.text = l.Text.Val
	}
	return lv
}

// level returns the effective definition of level i of n.
func (n *num) level(i int) level {
	if n.levels[i].set {
		return n.levels[i]
	}
	return n.abs.levels[i]
}

// nextLabel advances the counter of list numID at level ilvl and returns the label Word shows,
// such as "1.", "a)", "II." or "•"; "" when the paragraph has no list.
func (r *reader) nextLabel(numID string, ilvl int) string {
	n := r.nums[numID]
	if n == nil || numID == "0" {
		return ""
	}
	ilvl = max(0, min(ilvl, maxLevels-1))
	a := n.abs
	if !n.restarted {
		n.restarted = true
		for i, s := range n.restart {
			if s > 0 {
				a.count[i], a.started[i] = s-2, true
			}
		}
	}
	lv := n.level(ilvl)
	if a.started[ilvl] {
		a.count[ilvl]++
	} else {
		a.count[ilvl], a.started[ilvl] = lv.start, true
	}
	for i := ilvl + 1; i < maxLevels; i++ {
		a.started[i] = false
	}
	return n.render(ilvl)
}

// render fills the level text of ilvl with the current counters.
func (n *num) render(ilvl int) string {
	lv := n.level(ilvl)
	switch lv.fmt {
	case "none":
		return strings.TrimSpace(stripPlaceholders(lv.text))
	case "bullet":
		return bulletLabel(lv.text)
	}
	var b strings.Builder
	t := lv.text
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+1 < len(t) && t[i+1] >= '1' && t[i+1] <= '9' {
			k := int(t[i+1] - '1')
			c := n.abs.count[k]
			if !n.abs.started[k] {
				c = n.level(k).start
			}
			f := n.level(k).fmt
			if lv.legal {
				f = "decimal"
			}
			b.WriteString(formatNumber(c, f))
			i++
			continue
		}
		b.WriteByte(t[i])
	}
	return strings.TrimSpace(b.String())
}

func stripPlaceholders(t string) string {
	for k := '1'; k <= '9'; k++ {
		t = strings.ReplaceAll(t, "%"+string(k), "")
	}
	return t
}

// bulletLabel returns the bullet character of a level, "•" when it is a symbol-font glyph.
func bulletLabel(text string) string {
	for _, r := range text {
		if r >= 0xE000 && r <= 0xF8FF || !unicode.IsPrint(r) {
			return "•"
		}
	}
	if strings.TrimSpace(text) == "" {
		return "•"
	}
	return strings.TrimSpace(text)
}

// formatNumber writes n in a numFmt.
func formatNumber(n int, f string) string {
	switch f {
	case "upperRoman":
		return roman(n)
	case "lowerRoman":
		return strings.ToLower(roman(n))
	case "upperLetter":
		return letters(n, 'A')
	case "lowerLetter":
		return letters(n, 'a')
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "none":
		return ""
	}
	return strconv.Itoa(n)
}

// roman writes 1..3999 in Roman numerals, other numbers in decimal.
func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// letters writes n as Word does: a..z, then aa..zz, aaa..
func letters(n int, base byte) string {
	if n <= 0 {
		return strconv.Itoa(n)
	}
	n--
	reps := min(n/26+1, 50)
	return strings.Repeat(string(rune(base+byte(n%26))), reps)
}
