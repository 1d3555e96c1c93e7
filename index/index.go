package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"thamluan/corpus"
)

// ErrNotIndex is wrapped by Open for a folder that holds no thamluan index.
var ErrNotIndex = errors.New("not a thamluan index")

// Index is a thamluan archive: a Bleve index of sections plus one record per document.
type Index struct {
	dir      string
	bi       bleve.Index
	lock     *fileLock
	readOnly bool
}

// DocRecord is what the index remembers of a document as a whole: enough to skip an unchanged
// file without reading it, and to report statistics.
type DocRecord struct {
	Path      string           `json:"path"`
	Hash      string           `json:"hash"`
	Size      int64            `json:"size"`
	ModTime   time.Time        `json:"mod_time"`
	Title     string           `json:"title"`
	Format    string           `json:"format"`
	Shape     string           `json:"shape,omitempty"`
	Quality   float64          `json:"quality"`
	Pages     int              `json:"pages,omitempty"`
	Sections  int              `json:"sections"`
	Noise     int              `json:"noise"`
	Warnings  []string         `json:"warnings,omitempty"`
	OCRPages  []int            `json:"ocr_pages,omitempty"` // pages read by OCR, for the interface to mark
	Workshop  *corpus.Workshop `json:"workshop,omitempty"`
	IndexedAt time.Time        `json:"indexed_at"`
}

// Create makes a new, empty index in dir, which must not hold one already, and holds it for
// writing until Close.
func Create(dir string) (*Index, error) {
	m, err := NewMapping()
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	l, err := lockIndex(dir, true)
	if err != nil {
		return nil, err
	}
	bi, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, writerConfig())
	if err != nil { // bi is then a nil index inside an interface: nothing to close
		l.release()
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	if err := writeFormat(dir); err != nil {
		bi.Close()
		l.release()
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	return &Index{dir: dir, bi: bi, lock: l}, nil
}

// MaxSegmentSections bounds the sections of a segment that Bleve's merger makes. A merge reads
// its segments through memory maps, which count in the process's resident memory, so unbounded
// merges of a large archive end with one merge touching the whole index: with the bound, memory
// stays flat as the archive grows, at the price of a few more segments for a search to visit (35,440 news articles: 7 segments).
var MaxSegmentSections = 12000

// Compact merges the index's small segments into segments of up to MaxSegmentSections sections,
// so searches visit few of them. Bleve merges in the background while batches come in, but a
// run that ends closes the index before those merges catch up; Compact, called after the last
// batch, waits for them. The index stays searchable and consistent throughout, and a run killed
// meanwhile loses nothing: merged segments replace their sources only when written.
func (ix *Index) Compact(ctx context.Context) error {
	if ix.readOnly {
		return fmt.Errorf("index %s: compact: %w", ix.dir, ErrReadOnly)
	}
	adv, err := ix.bi.Advanced()
	if err != nil {
		return fmt.Errorf("index %s: compact: %w", ix.dir, err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil // not a scorch index: nothing to merge
	}
	plan := mergeplan.DefaultMergePlanOptions
	plan.MaxSegmentSize = int64(MaxSegmentSections)
	plan.MaxSegmentsPerTier = 1 // merge whatever can be merged within the size bound
	plan.SegmentsPerMergeTask = bulkMergeWidth
	// One forced merge runs one plan; repeat while it still lowers the number of segments.
	for last := segments(s); last > 1; {
		if err := s.ForceMerge(ctx, &plan); err != nil {
			return fmt.Errorf("index %s: compact: %w", ix.dir, err)
		}
		n := segments(s)
		if n >= last {
			break
		}
		last = n
	}
	return nil
}

// segments returns the number of segments at scorch's root, persisted or not.
func segments(s *scorch.Scorch) uint64 {
	m := s.StatsMap()
	n := func(k string) uint64 { v, _ := m[k].(uint64); return v }
	return n("TotFileSegmentsAtRoot") + n("TotMemorySegmentsAtRoot")
}

// bulkMergeWidth is how many segments one merge joins, and how many segments of a size may live
// side by side before they are merged. A bulk load's batch segments are then merged about once:
// 30 batches make one segment, which is too large (over MaxSegmentSections/2) to be merged
// again, and Compact joins only the batches left after the last of those merges. The live
// segments a batch is checked against (Bleve looks each new document's id up in every segment,
// to replace older versions) stay at a few dozen: with no merges at all until the end, those
// look-ups and the open segments make a 35,440-article run superlinear (CPU ×13 for 7× the
// articles, peak RSS 1 GB).
const bulkMergeWidth = 30

// bulkFloorSegment is the merge plan's floor segment size, in documents. Scorch's default (2000)
// counts every smaller segment as 2000 documents, so that 0.5 MB batches (about 300 documents)
// look like a full tier after a few batches: 5,000 articles made 14 merges during the run and
// every section was rewritten about four times (35,440 articles: 126 merges). With no floor,
// the tiers follow the real sizes and a section is rewritten about once.
const bulkFloorSegment = 1

// writerConfig is scorch's configuration for an index opened for writing: a bulk load's merge
// plan (see bulkMergeWidth); Compact, at the end of a run, joins what is left. A writer that
// does not call Compact gets it from Close once segments pile up.
func writerConfig() map[string]interface{} {
	// Scorch overlays these on its default merge plan.
	plan := map[string]interface{}{"MaxSegmentSize": MaxSegmentSections, "MaxSegmentsPerTier": bulkMergeWidth,
		"SegmentsPerMergeTask": bulkMergeWidth, "FloorSegmentSize": bulkFloorSegment}
	return map[string]interface{}{"bolt_timeout": "2s", "scorchMergePlanOptions": plan}
}

// closeCompactSegments is how many segments a writer may leave at Close without compacting.
const closeCompactSegments = 32

// Open opens the index in dir for reading (search, statistics, export). Any number of readers
// may hold an index at once; while a writer (OpenWriter, OpenOrCreate) holds it, Open fails at
// once with ErrInUse naming the writer's process. An index opened this way cannot be changed.
func Open(dir string) (*Index, error) {
	return open(dir, false)
}

// OpenWriter opens the index in dir for reading and writing, holding it alone until Close: a
// second writer, or a reader, gets ErrInUse naming this process.
func OpenWriter(dir string) (*Index, error) {
	return open(dir, true)
}

func open(dir string, write bool) (*Index, error) {
	if !write {
		if v := sharedView(dir); v != nil {
			return v, nil // this process holds the writer and shares it (live.go)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err != nil {
		return nil, fmt.Errorf("open index %s: %w (create one with `thamluan index --index %s FILES`)", dir, ErrNotIndex, dir)
	}
	if err := checkFormat(dir); err != nil {
		return nil, err
	}
	l, err := lockIndex(dir, write)
	if err != nil {
		return nil, err
	}
	cfg := map[string]interface{}{"bolt_timeout": "2s"}
	if write {
		cfg = writerConfig()
	} else {
		cfg["read_only"] = true
	}
	bi, err := bleve.OpenUsing(dir, cfg)
	if err != nil {
		l.release()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	return &Index{dir: dir, bi: bi, lock: l, readOnly: !write}, nil
}

// OpenOrCreate opens the index in dir for writing, creating it when the folder holds none.
func OpenOrCreate(dir string) (*Index, error) {
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err == nil {
		return OpenWriter(dir)
	}
	if err := os.MkdirAll(filepath.Dir(filepath.Clean(dir)), 0o755); err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	return Create(dir)
}

// Dir returns the folder of the index.
func (ix *Index) Dir() string { return ix.dir }

// Close closes the index and lets go of its lock. Every batch already flushed was durable when
// Flush returned; Close adds nothing to that.
func (ix *Index) Close() error {
	var err error
	purged := true
	if !ix.readOnly {
		err = ix.compactIfMany()
		purged = err != nil || ix.awaitPurge(purgeWait)
	}
	if cerr := ix.bi.Close(); err == nil {
		err = cerr
	}
	if err == nil && !purged {
		err = removeStaleSegments(ix.dir)
	}
	ix.lock.release()
	if err != nil {
		return fmt.Errorf("close index %s: %w", ix.dir, err)
	}
	return nil
}

// SectionID returns the Bleve id of a document's section.
func SectionID(path string, ordinal int) string {
	return path + sectionIDSeparator + strconv.Itoa(ordinal)
}

// Record returns the record of the document at path, or nil when it is not indexed.
func (ix *Index) Record(path string) (*DocRecord, error) {
	d, err := ix.bi.Document(docIDPrefix + path)
	if err != nil {
		return nil, fmt.Errorf("index %s: look up %s: %w", ix.dir, path, err)
	}
	if d == nil {
		return nil, nil
	}
	var raw string
	d.VisitFields(func(f bindex.Field) {
		if f.Name() == FieldData {
			raw = string(f.Value())
		}
	})
	if raw == "" {
		return nil, nil
	}
	var rec DocRecord
	if err := json.Unmarshal([]byte(raw), &rec); err != nil {
		return nil, fmt.Errorf("index %s: record of %s: %w", ix.dir, path, err)
	}
	return &rec, nil
}

// Batch collects documents to add and remove, applied together by Flush. It is how a large run
// keeps memory bounded: flush every few hundred sections.
type Batch struct {
	ix    *Index
	b     *bleve.Batch
	paths []string
	bytes uint64 // size of the sections queued with IndexAdvanced, which Bleve does not count
}

// NewBatch starts a batch of changes.
func (ix *Index) NewBatch() *Batch { return &Batch{ix: ix, b: ix.bi.NewBatch()} }

// Size returns the number of operations queued.
func (b *Batch) Size() int { return b.b.Size() }

// Paths returns the paths of the documents added to the batch so far.
func (b *Batch) Paths() []string { return b.paths }

// Add queues the document: its old sections (if any) are removed and the new ones indexed, with
// the document record written last. rec carries the file's identity (size, modification time).
func (b *Batch) Add(doc *corpus.Document, modTime time.Time) error {
	old, err := b.ix.Record(doc.Path)
	if err != nil {
		return err
	}
	return b.Replace(doc, modTime, old)
}

// Replace is Add for a caller that has already looked up the document's old record (nil when
// the document is new): the old record's sections beyond the new count are removed.
func (b *Batch) Replace(doc *corpus.Document, modTime time.Time, old *DocRecord) error {
	p, err := b.ix.Prepare(doc)
	if err != nil {
		return err
	}
	return b.ReplacePrepared(p, modTime, old)
}

// Remove queues the removal of the document at path and all its sections.
func (b *Batch) Remove(path string) error {
	old, err := b.ix.Record(path)
	if err != nil || old == nil {
		return err
	}
	for i := 1; i <= old.Sections; i++ {
		b.b.Delete(SectionID(path, i))
	}
	b.b.Delete(docIDPrefix + path)
	return nil
}

// ErrReadOnly is returned when changing an index opened with Open.
var ErrReadOnly = errors.New("index is open for reading only")

// Flush applies the batch and empties it. When Flush returns nil the batch is durable: Bleve's
// scorch store (with its default, safe batches) returns from Batch only after the new segment
// file and the root holding it were written and fsynced. A batch is atomic: after a crash either
// all of it (sections and document records together) is in the index or none of it is.
func (b *Batch) Flush() error {
	if b.b.Size() == 0 {
		return nil
	}
	if b.ix.readOnly {
		return fmt.Errorf("index %s: write batch: %w", b.ix.dir, ErrReadOnly)
	}
	if err := b.ix.bi.Batch(b.b); err != nil {
		return fmt.Errorf("index %s: write batch: %w", b.ix.dir, err)
	}
	// A fresh batch, not Reset: scorch may still read the applied batch's documents from its
	// own goroutines after Batch returns, and Reset would clear them under it (a data race).
	b.b = b.ix.bi.NewBatch()
	b.paths = b.paths[:0]
	b.bytes = 0
	return nil
}

// Bytes returns the approximate size of the documents queued, to bound a batch's memory.
func (b *Batch) Bytes() uint64 { return b.b.TotalDocsSize() + b.bytes }

// Touch queues a new file identity (size, modification time) for a document whose content hash
// is unchanged, without re-indexing its sections.
func (b *Batch) Touch(rec *DocRecord, size int64, modTime time.Time) error {
	r := *rec
	r.Size, r.ModTime = size, modTime
	return b.putRecord(&r)
}

func (b *Batch) putRecord(rec *DocRecord) error {
	data, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("index %s: record of %s: %w", b.ix.dir, rec.Path, err)
	}
	b.paths = append(b.paths, rec.Path)
	year := 0
	if rec.Workshop != nil {
		year = workshopYear(&corpus.Document{Workshop: rec.Workshop})
	}
	return b.b.Index(docIDPrefix+rec.Path, map[string]interface{}{
		FieldType: typeDocument, FieldPath: rec.Path, FieldFormat: rec.Format,
		FieldWorkshop: workshopName(&corpus.Document{Workshop: rec.Workshop}), FieldYear: float64(year), FieldData: string(data),
	})
}

// Add indexes one document at once (a batch of one).
func (ix *Index) Add(doc *corpus.Document, modTime time.Time) error {
	b := ix.NewBatch()
	if err := b.Add(doc, modTime); err != nil {
		return err
	}
	return b.Flush()
}

// Remove deletes the document at path from the index.
func (ix *Index) Remove(path string) error {
	b := ix.NewBatch()
	if err := b.Remove(path); err != nil {
		return err
	}
	return b.Flush()
}

// Records returns the records of every indexed document, ordered by path. For a large archive,
// EachRecord streams them instead.
func (ix *Index) Records() ([]DocRecord, error) {
	var out []DocRecord
	err := ix.EachRecord(func(r *DocRecord) error {
		out = append(out, *r)
		return nil
	})
	return out, err
}

// EachRecord calls fn with the record of every indexed document, ordered by path, reading them
// page by page so that memory does not grow with the archive.
func (ix *Index) EachRecord(fn func(*DocRecord) error) error {
	q := bleve.NewTermQuery(typeDocument)
	q.SetField(FieldType)
	return ix.scan(q, []string{FieldData}, []string{FieldPath}, func(fields map[string]interface{}) error {
		s, ok := fields[FieldData].(string)
		if !ok {
			return nil
		}
		var rec DocRecord
		if err := json.Unmarshal([]byte(s), &rec); err != nil {
			return err
		}
		return fn(&rec)
	})
}

// scanPage is how many hits scan reads at a time (a variable for tests).
var scanPage = 500

// scan runs q and calls fn with the stored fields of every hit, page by page. Pages follow one
// another with SearchAfter, so each costs the same however deep into the results it is.
func (ix *Index) scan(q query.Query, fields, sortBy []string, fn func(map[string]interface{}) error) error {
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(q, scanPage, 0, false)
		req.Fields = fields
		req.SortBy(append(append([]string{}, sortBy...), "_id"))
		req.SearchAfter = after
		res, err := ix.bi.Search(req)
		if err != nil {
			return fmt.Errorf("index %s: %w", ix.dir, err)
		}
		for _, h := range res.Hits {
			if err := fn(h.Fields); err != nil {
				return fmt.Errorf("index %s: %s: %w", ix.dir, h.ID, err)
			}
		}
		if len(res.Hits) < scanPage {
			return nil
		}
		after = res.Hits[len(res.Hits)-1].Sort
	}
}

func workshopName(doc *corpus.Document) string {
	if doc.Workshop != nil && doc.Workshop.Title != "" {
		return doc.Workshop.Title
	}
	return ""
}

func workshopYear(doc *corpus.Document) int {
	if doc.Workshop == nil {
		return 0
	}
	if doc.Workshop.Year != 0 {
		return doc.Workshop.Year
	}
	if len(doc.Workshop.Date) >= 4 {
		y, _ := strconv.Atoi(doc.Workshop.Date[:4])
		return y
	}
	return 0
}

// sectionData is the stored, not indexed, part of a section: what summaries and citations need.
type sectionData struct {
	Sentences []corpus.Sentence `json:"sentences"`
	Themes    []corpus.ThemeTag `json:"themes"`
	Affil     string            `json:"affiliation,omitempty"`
	Kind      string            `json:"speaker_kind,omitempty"`
	Role      string            `json:"speaker_title,omitempty"`
	Prefix    string            `json:"speaker_prefix,omitempty"`
}

func sectionDoc(doc *corpus.Document, s *corpus.Section) (map[string]interface{}, error) {
	themes := make([]string, 0, len(s.Themes))
	for _, t := range s.Themes {
		themes = append(themes, t.ID)
	}
	recs := 0
	for _, x := range s.Sentences {
		if x.Recommendation {
			recs++
		}
	}
	data, err := json.Marshal(sectionData{Sentences: s.Sentences, Themes: s.Themes, Affil: s.Affiliation, Kind: s.SpeakerKind, Role: s.SpeakerRole, Prefix: s.SpeakerPrefix})
	if err != nil {
		return nil, err
	}
	date := ""
	if doc.Workshop != nil {
		date = doc.Workshop.Date
	}
	fields := map[string]interface{}{
		FieldType: typeSection, FieldPath: doc.Path, FieldTitle: doc.Title, FieldFormat: doc.Format,
		FieldOrdinal: float64(s.Ordinal), FieldHeading: s.Heading, FieldHeadingPath: strings.Join(s.HeadingPath, " > "),
		FieldSpeaker: s.Speaker, FieldSpeakerText: strings.Join([]string{s.SpeakerPrefix, s.Speaker, s.SpeakerRole, s.Affiliation}, " "), FieldThemes: themes,
		FieldWorkshop: workshopName(doc), FieldYear: float64(workshopYear(doc)), FieldDate: date,
		FieldPageStart: float64(s.PageStart), FieldPageEnd: float64(s.PageEnd), FieldLanguage: s.Language,
		FieldData: string(data), FieldRecs: float64(recs), FieldHash: doc.Hash,
	}
	return fields, nil
}

// sectionDocument maps a section to a Bleve document: its fields through the mapping, except
// the text, whose exact, folded, bigram and English fields are added here with analyzers that
// share one tokenisation of it (see textStreams).
func sectionDocument(m mapping.IndexMapping, id string, doc *corpus.Document, s *corpus.Section) (*document.Document, error) {
	fields, err := sectionDoc(doc, s)
	if err != nil {
		return nil, err
	}
	d := document.NewDocument(id)
	if err := m.MapDocument(d, fields); err != nil {
		return nil, err
	}
	text := []byte(s.Text)
	// English, or not known: the English stream's own test decides.
	ts := &textStreams{text: text, english: s.Language != "vi"}
	opts := textOptions()
	for _, f := range []struct {
		name string
		kind int
	}{{FieldText, streamExact}, {FieldTextFolded, streamFolded}, {FieldTextGrams, streamGrams}, {FieldTextEnglish, streamEnglish}} {
		if f.kind == streamEnglish && !ts.english {
			continue
		}
		ts.fields++
		d.AddField(document.NewTextFieldCustom(f.name, nil, text, opts[f.name], streamAnalyzer{ts, f.kind}))
	}
	return d, nil
}

// textOptions returns the indexing options the mapping gives each field of a section's text.
var textOptions = sync.OnceValue(func() map[string]bindex.FieldIndexingOptions {
	m, err := NewMapping()
	if err != nil {
		panic(err) // the mapping is static: an error is a programming error caught by any test
	}
	out := map[string]bindex.FieldIndexingOptions{}
	sec := m.TypeMapping[typeSection]
	for _, prop := range []string{FieldText, FieldTextEnglish} {
		for _, fm := range sec.Properties[prop].Fields {
			name := fm.Name
			if name == "" {
				name = prop
			}
			out[name] = fm.Options()
		}
	}
	return out
})
