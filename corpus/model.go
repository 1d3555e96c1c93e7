package corpus

// Formats a document can come in; Document.Format holds one of them.
const (
	FormatText = "txt"
	FormatPDF  = "pdf"
	FormatDOCX = "docx"
	FormatHTML = "html"
)

// Shapes of a workshop document; Document.Shape holds one of them.
const (
	ShapeProceedings = "proceedings" // a volume of contributions (kỷ yếu)
	ShapePaper       = "paper"       // a single contribution with numbered headings
	ShapeNews        = "news-report" // a newspaper report of a workshop
)

// BlockKind says what a block of extracted text is.
type BlockKind int

// The kinds of block a reader produces.
const (
	BlockParagraph BlockKind = iota // running text
	BlockHeading                    // a heading marked as such by the file (DOCX style, HTML h1-h6)
	BlockListItem                   // an item of a bulleted or numbered list
	BlockTable                      // a table row, cells joined by " | "
	BlockNote                       // a footnote or endnote
	BlockCaption                    // an image caption or other page furniture: noise
	BlockTitle                      // the document's title (HTML h1, DOCX Title style)
)

// String returns the kind's name.
func (k BlockKind) String() string {
	switch k {
	case BlockHeading:
		return "heading"
	case BlockListItem:
		return "list-item"
	case BlockTable:
		return "table"
	case BlockNote:
		return "note"
	case BlockCaption:
		return "caption"
	case BlockTitle:
		return "title"
	}
	return "paragraph"
}

// Block is one paragraph-like unit of text as a reader found it, in reading order.
type Block struct {
	Text  string    // NFC text; lines of one paragraph joined with spaces
	Kind  BlockKind // what the file says the block is
	Level int       // heading level (1 = top) for BlockHeading, 0 when unknown
	Page  int       // 1-based page number, 0 when the format has no pages
}

// Workshop is the metadata of the workshop (hội thảo) a document belongs to.
type Workshop struct {
	Title      string   `json:"title,omitempty" toml:"title"`
	Date       string   `json:"date,omitempty" toml:"date"` // YYYY-MM-DD, YYYY-MM or YYYY
	Year       int      `json:"year,omitempty" toml:"year"`
	Place      string   `json:"place,omitempty" toml:"place"`
	Organisers []string `json:"organisers,omitempty" toml:"organisers"`
	Shape      string   `json:"shape,omitempty" toml:"shape"` // overrides shape detection
}

// Document is one file of the archive after reading and analysis. Its JSON form is the contract
// of `thamluan analyze --json`.
type Document struct {
	Path     string  `json:"path"`
	Format   string  `json:"format"`
	Title    string  `json:"title"`
	Shape    string  `json:"shape,omitempty"`
	Encoding string  `json:"encoding,omitempty"` // the source encoding when it was not UTF-8
	Quality  float64 `json:"quality"`            // share of well-formed words, 0-1
	Pages    int     `json:"pages,omitempty"`
	Hash     string  `json:"hash,omitempty"` // SHA-256 of the file's bytes, hex
	// Date is the document's own date as its metadata states it (PDF Info or XMP, DOCX
	// docProps/core.xml, HTML article:published_time or JSON-LD): YYYY-MM-DD, YYYY-MM or YYYY;
	// empty when the file states none.
	Date     string    `json:"date,omitempty"`
	Size     int64     `json:"size,omitempty"`
	Workshop *Workshop `json:"workshop,omitempty"`
	Warnings []string  `json:"warnings"`
	OCRPages []int     `json:"ocr_pages,omitempty"` // pages read by OCR (Tesseract), in order
	Error    string    `json:"error,omitempty"`
	Noise    []string  `json:"noise,omitempty"` // lines removed as captions, player remnants, furniture
	Sections []Section `json:"sections"`

	// Blocks is the text as read, before segmentation; it is not part of the JSON contract.
	Blocks []Block `json:"-"`
}

// Section is a span of a document with one speaker: a contribution, a numbered part of a paper or
// the paragraphs of one organisation in a news report.
type Section struct {
	Ordinal     int      `json:"ordinal"` // from 1, in document order
	Heading     string   `json:"heading"`
	HeadingPath []string `json:"heading_path,omitempty"`  // outer headings first, this one last
	Speaker     string   `json:"speaker"`                 // canonical form for facets: an organisation, or a person's name
	SpeakerKind string   `json:"speaker_kind,omitempty"`  // "organisation" or "person"
	SpeakerRole string   `json:"speaker_title,omitempty"` // a person's title or office as the text gives it
	// SpeakerPrefix holds the academic titles or rank written before a person's name (ThS.,
	// PGS.TS., Đại tá), kept out of Speaker so that one person is one facet value.
	SpeakerPrefix string     `json:"speaker_prefix,omitempty"`
	Affiliation   string     `json:"affiliation,omitempty"` // an author's organisation
	PageStart     int        `json:"page_start"`
	PageEnd       int        `json:"page_end"`
	Language      string     `json:"language,omitempty"` // "vi" or "en"
	Text          string     `json:"text"`               // the body, paragraphs separated by "\n\n"
	Themes        []ThemeTag `json:"themes"`
	Sentences     []Sentence `json:"sentences"`
}

// ThemeTag is a theme given to a section, with its score and the cue texts that fired.
type ThemeTag struct {
	ID       string   `json:"id"`
	Label    string   `json:"label"`
	Score    float64  `json:"score"`
	Evidence []string `json:"evidence"`
}

// Sentence is one sentence of a section with its themes and recommendation flag.
type Sentence struct {
	Text           string             `json:"text"`
	Paragraph      int                `json:"paragraph"`      // 0-based paragraph of the section
	Start          int                `json:"start"`          // offset in Section.Text, in characters
	Page           int                `json:"page,omitempty"` // page the sentence starts on
	Themes         []string           `json:"themes"`
	Scores         map[string]float64 `json:"scores,omitempty"`
	Evidence       []Evidence         `json:"evidence,omitempty"`
	Recommendation bool               `json:"recommendation"`
	Addressee      string             `json:"addressee,omitempty"` // to whom a recommendation is made
}

// Evidence is one cue that fired in a sentence: the theme, the text and where it stands.
type Evidence struct {
	Theme  string  `json:"theme"`
	Text   string  `json:"text"`
	Start  int     `json:"start"` // offset in Sentence.Text, in characters
	End    int     `json:"end"`
	Weight float64 `json:"weight"`
	Rule   string  `json:"rule,omitempty"` // the rule that fired, for cues found by a rule
}

// SpeakerLabel returns the speaker as a citation shows it: a person's name with the title the
// text gives ("Trần Văn Hải, Bí thư Đảng ủy Khối"), an organisation as it is.
func (s *Section) SpeakerLabel() string {
	return SpeakerLabel(s.SpeakerPrefix, s.Speaker, s.SpeakerRole)
}

// SpeakerLabel joins a speaker's prefix, name and role as a citation shows them:
// "ThS. Lê Thị Hương", "Trần Văn Hải, Bí thư Đảng ủy Khối".
func SpeakerLabel(prefix, name, role string) string {
	if name == "" {
		return ""
	}
	if prefix != "" {
		name = prefix + " " + name
	}
	if role != "" {
		name += ", " + role
	}
	return name
}

// Recommendation is a sentence that puts a proposal forward, with who made it and where it stands.
type Recommendation struct {
	Text      string   `json:"text"`
	Speaker   string   `json:"speaker"`
	Addressee string   `json:"addressee,omitempty"`
	Themes    []string `json:"themes"`
	Path      string   `json:"path"`
	Title     string   `json:"title,omitempty"`
	Ordinal   int      `json:"ordinal"`
	Heading   string   `json:"heading,omitempty"`
	Page      int      `json:"page,omitempty"`
	Workshop  string   `json:"workshop,omitempty"`
	Year      int      `json:"year,omitempty"`
}
