package export

import (
	"archive/zip"
	"crypto/sha1"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"time"

	"thamluan/index"
	"thamluan/pipeline"
)

// QDPXOptions name the REFI-QDA project and date it.
type QDPXOptions struct {
	Name string    // project name; default "thamluan"
	Time time.Time // creation time written on every element; default now
}

// The REFI-QDA project file (project.qde), the subset thamluan writes. Element order follows
// the schema Project-mrt2019.xsd.
type qdeProject struct {
	XMLName     xml.Name      `xml:"urn:QDA-XML:project:1.0 Project"`
	Name        string        `xml:"name,attr"`
	Origin      string        `xml:"origin,attr"`
	User        string        `xml:"creatingUserGUID,attr"`
	Created     string        `xml:"creationDateTime,attr"`
	Users       []qdeUser     `xml:"Users>User"`
	Codes       []qdeCode     `xml:"CodeBook>Codes>Code"`
	Variables   []qdeVariable `xml:"Variables>Variable,omitempty"`
	Cases       []qdeCase     `xml:"Cases>Case,omitempty"`
	Sources     []qdeSource   `xml:"Sources>TextSource,omitempty"`
	Description string        `xml:"Description,omitempty"`
}

type qdeUser struct {
	GUID string `xml:"guid,attr"`
	Name string `xml:"name,attr"`
}

type qdeCode struct {
	GUID        string `xml:"guid,attr"`
	Name        string `xml:"name,attr"`
	Codable     bool   `xml:"isCodable,attr"`
	Color       string `xml:"color,attr,omitempty"`
	Description string `xml:"Description,omitempty"`
}

type qdeVariable struct {
	GUID string `xml:"guid,attr"`
	Name string `xml:"name,attr"`
	Type string `xml:"typeOfVariable,attr"`
}

type qdeCase struct {
	GUID    string   `xml:"guid,attr"`
	Name    string   `xml:"name,attr"`
	Sources []qdeRef `xml:"SourceRef"`
}

type qdeRef struct {
	Target string `xml:"targetGUID,attr"`
}

type qdeSource struct {
	GUID        string         `xml:"guid,attr"`
	Name        string         `xml:"name,attr"`
	Path        string         `xml:"plainTextPath,attr"`
	User        string         `xml:"creatingUser,attr"`
	Created     string         `xml:"creationDateTime,attr"`
	Description string         `xml:"Description,omitempty"`
	Selections  []qdeSelection `xml:"PlainTextSelection"`
	Codings     []qdeCoding    `xml:"Coding"`
	Values      []qdeValue     `xml:"VariableValue"`
}

type qdeSelection struct {
	GUID    string      `xml:"guid,attr"`
	Name    string      `xml:"name,attr"`
	Start   int         `xml:"startPosition,attr"`
	End     int         `xml:"endPosition,attr"`
	User    string      `xml:"creatingUser,attr"`
	Created string      `xml:"creationDateTime,attr"`
	Codings []qdeCoding `xml:"Coding"`
}

type qdeCoding struct {
	GUID    string `xml:"guid,attr"`
	User    string `xml:"creatingUser,attr"`
	Created string `xml:"creationDateTime,attr"`
	Code    qdeRef `xml:"CodeRef"`
}

type qdeValue struct {
	Variable qdeRef  `xml:"VariableRef"`
	Text     *string `xml:"TextValue,omitempty"`
	Integer  *int    `xml:"IntegerValue,omitempty"`
}

// guid derives a stable GUID from a key (a name-based UUID, version 5 layout), so exporting the
// same index twice gives the same project.
func guid(key string) string {
	h := sha1.Sum([]byte("thamluan/qdpx\x00" + key))
	h[6] = h[6]&0x0f | 0x50
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("%X-%X-%X-%X-%X", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

// codeColors are the themes' colours, the same as the web interface's chips.
var codeColors = []string{"#b5442c", "#2f7d4a", "#2d5fa8", "#8a5a00", "#6b3fa0", "#00808a", "#a0306b", "#4d5b1f"}

// WriteQDPX writes a REFI-QDA project (.qdpx): the codebook's themes as codes, each section as a
// plain-text source in sources/, the section's themes coded on the whole source and each tagged
// sentence as a coded PlainTextSelection (character positions, end exclusive). Sections of one
// document form a case; speaker, workshop, year and file are variables.
func WriteQDPX(w io.Writer, cb *pipeline.Codebook, secs []*index.SectionRecord, opt QDPXOptions) error {
	if opt.Name == "" {
		opt.Name = "thamluan"
	}
	if opt.Time.IsZero() {
		opt.Time = time.Now()
	}
	when := opt.Time.UTC().Format(time.RFC3339)
	user := guid("user")
	p := &qdeProject{Name: opt.Name, Origin: "thamluan", User: user, Created: when,
		Users:       []qdeUser{{GUID: user, Name: "thamluan"}},
		Description: "Xuất từ chỉ mục thamluan: mỗi nguồn là một phần của một tài liệu hội thảo."}
	codes := map[string]string{}
	for i, t := range cb.Themes() {
		codes[t.ID] = guid("code/" + t.ID)
		p.Codes = append(p.Codes, qdeCode{GUID: codes[t.ID], Name: t.Label, Codable: true,
			Color: codeColors[i%len(codeColors)], Description: nonEmpty(t.Description, t.Label)})
	}
	vars := []string{"Người trình bày", "Hội thảo", "Năm", "Tệp"}
	for i, v := range vars {
		typ := "Text"
		if i == 2 {
			typ = "Integer"
		}
		p.Variables = append(p.Variables, qdeVariable{GUID: guid("var/" + v), Name: v, Type: typ})
	}
	zw := zip.NewWriter(w)
	cases := map[string]*qdeCase{}
	var caseOrder []string
	for _, sec := range secs {
		src, text := qdeSourceOf(sec, codes, user, when)
		f, err := zw.CreateHeader(&zip.FileHeader{Name: "sources/" + src.GUID + ".txt", Method: zip.Deflate, Modified: opt.Time})
		if err != nil {
			return fmt.Errorf("export qdpx: %w", err)
		}
		if _, err := io.WriteString(f, text); err != nil {
			return fmt.Errorf("export qdpx: %w", err)
		}
		p.Sources = append(p.Sources, src)
		c := cases[sec.Path]
		if c == nil {
			c = &qdeCase{GUID: guid("case/" + sec.Path), Name: nonEmpty(sec.Title, sec.Path)}
			cases[sec.Path] = c
			caseOrder = append(caseOrder, sec.Path)
		}
		c.Sources = append(c.Sources, qdeRef{src.GUID})
	}
	for _, path := range caseOrder {
		p.Cases = append(p.Cases, *cases[path])
	}
	f, err := zw.CreateHeader(&zip.FileHeader{Name: "project.qde", Method: zip.Deflate, Modified: opt.Time})
	if err != nil {
		return fmt.Errorf("export qdpx: %w", err)
	}
	io.WriteString(f, xml.Header)
	enc := xml.NewEncoder(f)
	enc.Indent("", " ")
	if err := enc.Encode(p); err != nil {
		return fmt.Errorf("export qdpx: project.qde: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("export qdpx: %w", err)
	}
	return nil
}

// qdeSourceOf makes the text source of one section and returns it with its plain text.
func qdeSourceOf(sec *index.SectionRecord, codes map[string]string, user, when string) (qdeSource, string) {
	key := sec.Path + "#" + strconv.Itoa(sec.Ordinal)
	id := guid("source/" + key)
	st := BuildText(sec)
	name := fmt.Sprintf("%s — phần %d", nonEmpty(sec.Title, sec.Path), sec.Ordinal)
	if sec.Heading != "" {
		name += ": " + sec.Heading
	}
	src := qdeSource{GUID: id, Name: name, Path: "internal://" + id + ".txt", User: user, Created: when,
		Description: Cite(sec.Path, sec.Ordinal, sec.PageStart, sec.SpeakerLabel())}
	for _, t := range sec.Themes {
		if c, ok := codes[t.ID]; ok {
			src.Codings = append(src.Codings, qdeCoding{GUID: guid("coding/" + key + "/" + t.ID), User: user, Created: when, Code: qdeRef{c}})
		}
	}
	for i, x := range sec.Sentences {
		var cs []qdeCoding
		for _, t := range x.Themes {
			if c, ok := codes[t]; ok {
				cs = append(cs, qdeCoding{GUID: guid(fmt.Sprintf("coding/%s/%d/%s", key, i, t)), User: user, Created: when, Code: qdeRef{c}})
			}
		}
		if len(cs) == 0 {
			continue
		}
		r := st.Ranges[i]
		src.Selections = append(src.Selections, qdeSelection{GUID: guid(fmt.Sprintf("sel/%s/%d", key, i)),
			Name: cut(x.Text, 80), Start: r.Start, End: r.End, User: user, Created: when, Codings: cs})
	}
	year := sec.Year
	for i, v := range []string{sec.Speaker, sec.Workshop, "", sec.Path} {
		name := []string{"Người trình bày", "Hội thảo", "Năm", "Tệp"}[i]
		val := qdeValue{Variable: qdeRef{guid("var/" + name)}}
		switch {
		case i == 2 && year > 0:
			val.Integer = &year
		case i != 2 && v != "":
			s := v
			val.Text = &s
		default:
			continue
		}
		src.Values = append(src.Values, val)
	}
	return src, st.Text
}

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func cut(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}
