package pdf

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"

	lpdf "github.com/ledongthuc/pdf"
)

// Errors of the page-image reader, for errors.Is.
var (
	// ErrNotSingleImage is wrapped when a page is not drawn by one stored image covering it (text,
	// vector graphics, several images, a rotated or partial image) or its image is stored in a
	// form not decoded here (JBIG2, JPEG 2000, a soft mask, CMYK...): render such a page instead.
	ErrNotSingleImage = errors.New("page is not one stored image")
	// ErrImageTooLarge is wrapped when an image has more pixels than the limit; it is refused
	// before any pixel is decoded.
	ErrImageTooLarge = errors.New("image too large")
)

// DefaultMaxImagePixels is the pixel limit of DecodeImage when ImageOptions.MaxPixels is zero.
const DefaultMaxImagePixels = 100_000_000

// minCover is the share of the page an image must cover, and of the image that must lie on the
// page, for the page to count as that image.
const minCover = 0.85

// ImageDoc reads the stored images of scanned pages: a page drawn by exactly one image XObject
// that covers it is that image, read without rendering.
type ImageDoc struct {
	r       *lpdf.Reader
	data    []byte // the bytes the parser reads, so that stream offsets point into them
	pages   int
	encrypt bool
}

// ImageInfo describes the image a scanned page is made of, read from its dictionary.
type ImageInfo struct {
	Page          int     // 1-based page number
	Width, Height int     // in pixels
	Filter        string  // DCTDecode, FlateDecode, CCITTFaxDecode, or "" for raw samples
	XDPI, YDPI    float64 // resolution across and down the page as shown, from the size drawn
	Rotate        int     // degrees clockwise (0, 90, 180, 270) to turn the image as shown; see Upright
	Components    int     // colour components of the decoded samples: 1 (grey) or 3 (RGB)
	BitsPerComp   int
	ImageMask     bool

	stream  lpdf.Value
	invert  bool       // /Decode [1 0]: the darkest sample is the largest
	palette lpdf.Value // the /Indexed colour space, for indexed colours
}

// OpenImages opens a PDF held in data for reading its page images.
func OpenImages(data []byte) (d *ImageDoc, err error) {
	defer func() {
		if x := recover(); x != nil {
			d, err = nil, fmt.Errorf("malformed PDF: %v", x)
		}
	}()
	r, used, err := open(data)
	if err != nil {
		return nil, err
	}
	n, err := numPages(r)
	if err != nil {
		return nil, err
	}
	return &ImageDoc{r: r, data: used, pages: n, encrypt: isEncrypted(r)}, nil
}

// NumPages is the number of pages of the document.
func (d *ImageDoc) NumPages() int { return d.pages }

// Info finds the one image that page num (1-based) is made of, reading its dictionary and the
// page's content streams but no pixels. The error wraps ErrNotSingleImage, with the reason, when
// the page is anything else.
func (d *ImageDoc) Info(num int) (info ImageInfo, err error) {
	defer func() {
		if x := recover(); x != nil {
			info, err = ImageInfo{}, fmt.Errorf("page %d: malformed page: %v", num, x)
		}
	}()
	if num < 1 || num > d.pages {
		return info, fmt.Errorf("page %d: no such page (the document has %d)", num, d.pages)
	}
	if d.encrypt {
		return info, fmt.Errorf("page %d: %w: encrypted file", num, ErrNotSingleImage)
	}
	pg := findPage(d.r, num)
	if pg.IsNull() {
		return info, fmt.Errorf("page %d: page not found in the page tree", num)
	}
	info, err = d.pageImage(pg)
	info.Page = num
	if err != nil {
		return info, fmt.Errorf("page %d: %w", num, err)
	}
	return info, nil
}

// pageImage finds the image a page draws and checks that it covers the page, upright.
func (d *ImageDoc) pageImage(page lpdf.Value) (ImageInfo, error) {
	box := inherited(page, "MediaBox")
	x0, y0 := box.Index(0).Float64(), box.Index(1).Float64()
	w, h := box.Index(2).Float64()-x0, box.Index(3).Float64()-y0
	if !(w > 0 && h > 0) {
		return ImageInfo{}, fmt.Errorf("invalid media box %v", box)
	}
	rot, w, h := rotation(inherited(page, "Rotate").Int64(), w, h)
	sc := &drawScan{doc: d}
	sc.ctm = matrix{1, 0, 0, 1, -x0, -y0}.mul(rot)
	res := inherited(page, "Resources")
	contents := page.Key("Contents")
	if contents.Kind() == lpdf.Array {
		var data []byte
		for i := 0; i < contents.Len() && i < 4096; i++ {
			b, err := streamBytes(contents.Index(i))
			if err != nil {
				return ImageInfo{}, fmt.Errorf("content stream: %w", err)
			}
			data = append(append(data, b...), '\n')
		}
		sc.run(data, res, 0)
	} else {
		b, err := streamBytes(contents)
		if err != nil && !contents.IsNull() {
			return ImageInfo{}, fmt.Errorf("content stream: %w", err)
		}
		sc.run(b, res, 0)
	}
	switch {
	case sc.other != "":
		return ImageInfo{}, fmt.Errorf("%w: it draws %s", ErrNotSingleImage, sc.other)
	case len(sc.images) == 0:
		return ImageInfo{}, fmt.Errorf("%w: it draws no image", ErrNotSingleImage)
	case len(sc.images) > 1:
		return ImageInfo{}, fmt.Errorf("%w: it draws %d images", ErrNotSingleImage, len(sc.images))
	}
	im := sc.images[0]
	m := im.ctm
	turn, ok := orientation(m)
	if !ok {
		return ImageInfo{}, fmt.Errorf("%w: its image is skewed or mirrored [%.4g %.4g %.4g %.4g]", ErrNotSingleImage, m[0], m[1], m[2], m[3])
	}
	ix0, ix1 := m[4]+math.Min(0, m[0])+math.Min(0, m[2]), m[4]+math.Max(0, m[0])+math.Max(0, m[2])
	iy0, iy1 := m[5]+math.Min(0, m[1])+math.Min(0, m[3]), m[5]+math.Max(0, m[1])+math.Max(0, m[3])
	ow := math.Min(ix1, w) - math.Max(ix0, 0)
	oh := math.Min(iy1, h) - math.Max(iy0, 0)
	area := (ix1 - ix0) * (iy1 - iy0)
	if ow <= 0 || oh <= 0 || ow*oh < minCover*w*h || ow*oh < minCover*area {
		on := math.Max(0, ow) * math.Max(0, oh)
		return ImageInfo{}, fmt.Errorf("%w: its image covers %.0f%% of the page and lies %.0f%% on it", ErrNotSingleImage, 100*on/(w*h), 100*on/area)
	}
	info, err := imageInfo(im.v)
	if err != nil {
		return info, err
	}
	info.Rotate = turn
	across, down := info.Width, info.Height
	if turn == 90 || turn == 270 {
		across, down = down, across
	}
	info.XDPI = float64(across) / ((ix1 - ix0) / 72)
	info.YDPI = float64(down) / ((iy1 - iy0) / 72)
	return info, nil
}

// orientation returns how many degrees clockwise the stored image must turn to stand as the
// page shows it, from the matrix it is drawn with (PDF 32000-1, 8.9.4: the first row of samples
// is the top of the unit square); ok is false for a skewed or mirrored image.
func orientation(m matrix) (deg int, ok bool) {
	small := func(v, of float64) bool { return math.Abs(v) <= 1e-3*math.Abs(of) }
	switch {
	case small(m[1], m[0]) && small(m[2], m[3]) && m[0] > 0 && m[3] > 0:
		return 0, true
	case small(m[1], m[0]) && small(m[2], m[3]) && m[0] < 0 && m[3] < 0:
		return 180, true
	case small(m[0], m[1]) && small(m[3], m[2]) && m[1] < 0 && m[2] > 0:
		return 90, true
	case small(m[0], m[1]) && small(m[3], m[2]) && m[1] > 0 && m[2] < 0:
		return 270, true
	}
	return 0, false
}

// drawn is an image XObject drawn by a page, with the CTM it is drawn under.
type drawn struct {
	v   lpdf.Value
	ctm matrix
}

// drawScan follows what a content stream paints: image XObjects and their CTM, and the first
// thing painted that is not an image.
type drawScan struct {
	doc    *ImageDoc
	ctm    matrix
	stack  []matrix
	tr     int // text rendering mode; 3 is invisible (the text layer of an OCR'd scan)
	images []drawn
	other  string
	ops    []operand
	steps  int
}

// maxScanSteps bounds the operators followed on one page, forms included.
const maxScanSteps = 1 << 20

func (sc *drawScan) run(data []byte, res lpdf.Value, depth int) {
	l := lexer{b: data}
	for sc.other == "" && len(sc.images) <= 1 {
		var op operand
		kw, isOp, ok := l.next(&op)
		if !ok {
			return
		}
		if !isOp {
			if len(sc.ops) < 16 {
				sc.ops = append(sc.ops, op)
			}
			continue
		}
		if sc.steps++; sc.steps > maxScanSteps {
			sc.other = "too many operators"
			return
		}
		sc.op(kw, res, depth, &l)
		sc.ops = sc.ops[:0]
	}
}

// op follows one operator.
func (sc *drawScan) op(kw string, res lpdf.Value, depth int, l *lexer) {
	n := len(sc.ops)
	num := func(i int) float64 {
		if i >= 0 && i < n && sc.ops[i].kind == kNum {
			return sc.ops[i].num
		}
		return 0
	}
	switch kw {
	case "q":
		if len(sc.stack) < 256 {
			sc.stack = append(sc.stack, sc.ctm)
		}
	case "Q":
		if k := len(sc.stack); k > 0 {
			sc.ctm, sc.stack = sc.stack[k-1], sc.stack[:k-1]
		}
	case "cm":
		if n >= 6 {
			m := matrix{num(n - 6), num(n - 5), num(n - 4), num(n - 3), num(n - 2), num(n - 1)}
			sc.ctm = m.mul(sc.ctm)
		}
	case "Tr":
		sc.tr = int(num(n - 1))
	case "Tj", "'", "\"", "TJ":
		if sc.tr != 3 && n > 0 && (len(sc.ops[n-1].str) > 0 || len(sc.ops[n-1].arr) > 0) {
			sc.other = "text"
		}
	case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*":
		sc.other = "vector graphics"
	case "sh":
		sc.other = "a shading"
	case "BI":
		l.skipInlineImage()
		sc.other = "an inline image"
	case "Do":
		if n >= 1 && sc.ops[n-1].kind == kName {
			sc.xobject(res.Key("XObject").Key(string(sc.ops[n-1].str)), res, depth)
		}
	}
}

// xobject follows a Do: an image is recorded, a form is followed in a saved state.
func (sc *drawScan) xobject(x, res lpdf.Value, depth int) {
	switch x.Key("Subtype").Name() {
	case "Image":
		sc.images = append(sc.images, drawn{x, sc.ctm})
	case "Form":
		if depth >= 8 {
			sc.other = "forms nested too deep"
			return
		}
		data, err := streamBytes(x)
		if err != nil {
			sc.other = "an unreadable form"
			return
		}
		saved, savedOps := sc.ctm, sc.ops
		if m := x.Key("Matrix"); m.Len() == 6 {
			var fm matrix
			for i := range fm {
				fm[i] = m.Index(i).Float64()
			}
			sc.ctm = fm.mul(sc.ctm)
		}
		sub := x.Key("Resources")
		if sub.Kind() != lpdf.Dict {
			sub = res
		}
		sc.ops = nil
		sc.run(data, sub, depth+1)
		sc.ctm, sc.ops = saved, savedOps
	}
}

// imageInfo reads an image XObject's dictionary and says whether its samples can be decoded
// here.
func imageInfo(v lpdf.Value) (ImageInfo, error) {
	info := ImageInfo{stream: v, Width: int(v.Key("Width").Int64()), Height: int(v.Key("Height").Int64()),
		BitsPerComp: int(v.Key("BitsPerComponent").Int64()), ImageMask: v.Key("ImageMask").Bool()}
	if info.Width <= 0 || info.Height <= 0 {
		return info, fmt.Errorf("invalid image size %d×%d", info.Width, info.Height)
	}
	unsupported := func(format string, a ...any) (ImageInfo, error) {
		return info, fmt.Errorf("%w: %s", ErrNotSingleImage, fmt.Sprintf(format, a...))
	}
	f := v.Key("Filter")
	switch {
	case f.Kind() == lpdf.Name:
		info.Filter = f.Name()
	case f.Kind() == lpdf.Array && f.Len() == 1:
		info.Filter = f.Index(0).Name()
	case f.Kind() == lpdf.Array && f.Len() > 1:
		return unsupported("its image has a chain of %d filters", f.Len())
	case !f.IsNull():
		return unsupported("its image has an invalid filter %v", f)
	}
	switch info.Filter {
	case "", "DCTDecode", "FlateDecode", "CCITTFaxDecode":
	default:
		return unsupported("its image is stored as %s", info.Filter)
	}
	if !v.Key("SMask").IsNull() || !v.Key("Mask").IsNull() {
		return unsupported("its image has a mask")
	}
	if info.ImageMask {
		info.Components, info.BitsPerComp = 1, 1
	} else if err := colorSpace(&info, v.Key("ColorSpace")); err != nil {
		return info, err
	}
	if info.Filter == "CCITTFaxDecode" && info.BitsPerComp != 1 {
		return unsupported("CCITT image with %d bits per component", info.BitsPerComp)
	}
	switch info.BitsPerComp {
	case 1, 2, 4, 8:
	default:
		if info.Filter != "DCTDecode" {
			return unsupported("its image has %d bits per component", info.BitsPerComp)
		}
	}
	if dec := v.Key("Decode"); dec.Len() > 0 {
		if info.Filter == "DCTDecode" || info.palette.Kind() != lpdf.Null || dec.Len() != 2*info.Components {
			return unsupported("its image has a /Decode array %v", dec)
		}
		for i := 0; i < dec.Len(); i += 2 {
			lo, hi := dec.Index(i).Float64(), dec.Index(i+1).Float64()
			inv := lo == 1 && hi == 0
			if !inv && !(lo == 0 && hi == 1) || i > 0 && inv != info.invert {
				return unsupported("its image has a /Decode array %v", dec)
			}
			info.invert = inv
		}
	}
	return info, nil
}

// colorSpace sets the number of decoded components from an image's colour space: grey and RGB
// (device, calibrated, ICC-based) and indexed colours over them.
func colorSpace(info *ImageInfo, cs lpdf.Value) error {
	n, err := components(cs)
	if err == nil && cs.Kind() == lpdf.Array && cs.Index(0).Name() == "Indexed" {
		if info.Filter == "DCTDecode" {
			return fmt.Errorf("%w: indexed JPEG", ErrNotSingleImage)
		}
		n, err = components(cs.Index(1))
		info.palette = cs
	}
	if err != nil {
		return err
	}
	info.Components = n
	return nil
}

func components(cs lpdf.Value) (int, error) {
	name := cs.Name()
	if cs.Kind() == lpdf.Array {
		name = cs.Index(0).Name()
	}
	switch name {
	case "DeviceGray", "CalGray", "G":
		return 1, nil
	case "DeviceRGB", "CalRGB", "RGB":
		return 3, nil
	case "ICCBased":
		if n := cs.Index(1).Key("N").Int64(); n == 1 || n == 3 {
			return int(n), nil
		}
		return 0, fmt.Errorf("%w: ICC colour space with %d components", ErrNotSingleImage, cs.Index(1).Key("N").Int64())
	case "Indexed":
		return 1, nil
	}
	return 0, fmt.Errorf("%w: colour space %v", ErrNotSingleImage, cs)
}

// streamOffset finds where the data of stream v starts in the file: the parser keeps the offset
// only in its printed form, "<<dict>>@offset".
var streamOffset = regexp.MustCompile(`@(\d{1,15})$`)

// rawStream returns the stored (still encoded) bytes of stream v.
func (d *ImageDoc) rawStream(v lpdf.Value) ([]byte, error) {
	m := streamOffset.FindStringSubmatch(v.String())
	if m == nil {
		return nil, errors.New("not a stream")
	}
	off, _ := strconv.ParseInt(m[1], 10, 64)
	n := v.Key("Length").Int64()
	if off < 0 || n < 0 || off > int64(len(d.data)) {
		return nil, fmt.Errorf("stream outside the file (offset %d, length %d)", off, n)
	}
	if off+n > int64(len(d.data)) {
		n = int64(len(d.data)) - off // a truncated file: decode what is there
	}
	return d.data[off : off+n], nil
}
