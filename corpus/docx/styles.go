package docx

import (
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// valXML is an element whose only content of interest is its w:val attribute.
type valXML struct {
	Val string `xml:"val,attr"`
}

type numPrXML struct {
	Ilvl  *valXML `xml:"ilvl"`
	NumID *valXML `xml:"numId"`
}

type pPrXML struct {
	Outline *valXML   `xml:"outlineLvl"`
	NumPr   *numPrXML `xml:"numPr"`
}

type rPrXML struct {
	Fonts *fontsXML `xml:"rFonts"`
}

type fontsXML struct {
	ASCII string `xml:"ascii,attr"`
	HAnsi string `xml:"hAnsi,attr"`
}

// name returns the font that draws the non-ASCII bytes of a legacy encoding: hAnsi, else ascii.
func (f *fontsXML) name() string {
	if f == nil {
		return ""
	}
	if f.HAnsi != "" {
		return f.HAnsi
	}
	return f.ASCII
}

type styleXML struct {
	Type    string  `xml:"type,attr"`
	ID      string  `xml:"styleId,attr"`
	Default string  `xml:"default,attr"`
	Name    valXML  `xml:"name"`
	BasedOn *valXML `xml:"basedOn"`
	PPr     pPrXML  `xml:"pPr"`
	RPr     rPrXML  `xml:"rPr"`
}

type stylesXML struct {
	DefaultRPr rPrXML     `xml:"docDefaults>rPrDefault>rPr"`
	Styles     []styleXML `xml:"style"`
}

// style is what a paragraph or character style contributes, inheritance not yet applied.
type style struct {
	basedOn string
	name    string // lower-cased w:name
	outline int    // w:outlineLvl, -1 when unset
	numID   string // "" when the style sets no numbering
	ilvl    int    // -1 when unset
	font    string
}

// headingName matches the names of heading styles, built-in (stored in English) or localized.
var headingName = regexp.MustCompile(`^(heading|đầu đề|tiêu đề|überschrift|titre|título|titolo|kop|nagłówek|rubrik|заголовок)\s*([1-9])$`)

// readXML decodes the named part into v; it returns false when the part is absent.
func (r *reader) readXML(name string, v any) (bool, error) {
	rc, err := r.arch.open(name)
	if err != nil || rc == nil {
		return false, err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	d.CharsetReader = refuseCharset
	if err := d.Decode(v); err != nil && err != io.EOF {
		return true, fmt.Errorf("%s: %w", name, err)
	}
	return true, nil
}

func refuseCharset(label string, _ io.Reader) (io.Reader, error) {
	return nil, fmt.Errorf("unsupported XML encoding %q", label)
}

// loadStyles reads the style table; a document without one has only direct formatting.
func (r *reader) loadStyles(name string) error {
	var sx stylesXML
	r.styles = map[string]*style{}
	if ok, err := r.readXML(name, &sx); !ok || err != nil {
		return err
	}
	r.defFont = sx.DefaultRPr.Fonts.name()
	for _, s := range sx.Styles {
		st := &style{name: strings.ToLower(strings.TrimSpace(s.Name.Val)), outline: -1, ilvl: -1, font: s.RPr.Fonts.name()}
		if s.BasedOn != nil {
			st.basedOn = s.BasedOn.Val
		}
		if s.PPr.Outline != nil {
			st.outline = atoi(s.PPr.Outline.Val, -1)
		}
		if np := s.PPr.NumPr; np != nil {
			if np.NumID != nil {
				st.numID = np.NumID.Val
			}
			if np.Ilvl != nil {
				st.ilvl = atoi(np.Ilvl.Val, -1)
			}
		}
		r.styles[s.ID] = st
		if s.Default == "1" || s.Default == "true" {
			switch s.Type {
			case "paragraph":
				r.defPara = s.ID
			case "character":
				r.defChar = s.ID
			}
		}
	}
	return nil
}

// chain calls f on the style id and its ancestors, nearest first, until f returns true.
func (r *reader) chain(id string, f func(*style) bool) {
	for range 16 { // bounded: basedOn may form a cycle in a damaged file
		st := r.styles[id]
		if st == nil || f(st) {
			return
		}
		id = st.basedOn
	}
}

// paraStyle is the effect of a paragraph style after inheritance.
type paraStyle struct {
	title   bool
	heading int // 1-9, 0 for none
	numID   string
	ilvl    int
	font    string
}

// resolvePara resolves a paragraph style id, caching the result.
func (r *reader) resolvePara(id string) paraStyle {
	if id == "" {
		id = r.defPara
	}
	if ps, ok := r.paraCache[id]; ok {
		return ps
	}
	ps := paraStyle{ilvl: -1}
	outline, named := -1, false
	r.chain(id, func(st *style) bool {
		if !named {
			if m := headingName.FindStringSubmatch(st.name); m != nil {
				ps.heading, named = int(m[2][0]-'0'), true
			} else if st.name == "title" || st.name == "tiêu đề" {
				ps.title, named = true, true
			}
		}
		if outline < 0 && st.outline >= 0 {
			outline = st.outline
		}
		if ps.numID == "" && st.numID != "" {
			ps.numID = st.numID
		}
		if ps.ilvl < 0 && st.ilvl >= 0 {
			ps.ilvl = st.ilvl
		}
		if ps.font == "" {
			ps.font = st.font
		}
		return false
	})
	if !named && outline >= 0 && outline < 9 {
		ps.heading = outline + 1
	}
	if r.paraCache == nil {
		r.paraCache = map[string]paraStyle{}
	}
	r.paraCache[id] = ps
	return ps
}

// charFont returns the font a character style sets, after inheritance.
func (r *reader) charFont(id string) string {
	font := ""
	r.chain(id, func(st *style) bool {
		font = st.font
		return font != ""
	})
	return font
}

func atoi(s string, def int) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return def
	}
	return n
}

type relsXML struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

type relationship struct{ id, typ, target string }

// relationships reads a .rels part.
func (a *archive) relationships(name string) ([]relationship, error) {
	var rx relsXML
	r := &reader{arch: a}
	if ok, err := r.readXML(name, &rx); !ok || err != nil {
		return nil, err
	}
	out := make([]relationship, 0, len(rx.Rels))
	for _, x := range rx.Rels {
		out = append(out, relationship{id: x.ID, typ: x.Type, target: x.Target})
	}
	return out, nil
}
