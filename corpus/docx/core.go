package docx

import "strings"

// coreProps returns dc:title and dcterms:created of docProps/core.xml, "" for what is absent or
// unreadable; the date is as the file writes it (W3CDTF, "2023-11-15T08:30:00Z").
func (a *archive) coreProps() (title, created string) {
	var cx struct {
		Title   string `xml:"title"`
		Created string `xml:"created"`
	}
	r := &reader{arch: a}
	if ok, err := r.readXML("docProps/core.xml", &cx); !ok || err != nil {
		return "", ""
	}
	return strings.Join(strings.Fields(cx.Title), " "), strings.TrimSpace(cx.Created)
}
