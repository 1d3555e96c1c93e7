package pdf

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"image/jpeg"
	"io"

	lpdf "github.com/ledongthuc/pdf"
	"golang.org/x/image/ccitt"
)

// ImageOptions tune Image and Decode.
type ImageOptions struct {
	// MaxPixels refuses larger images before any pixel is decoded; 0 means DefaultMaxImagePixels.
	MaxPixels int
	// Gray decodes colour images to grey (as OCR wants them), in a quarter of the memory.
	Gray bool
}

// PageImage is the image of a scanned page: the JPEG data as stored, or the decoded pixels.
type PageImage struct {
	ImageInfo
	JPEG  []byte      // for DCTDecode: the stored JPEG file, for any JPEG decoder
	Image image.Image // otherwise: *image.Gray, or *image.RGBA for colour without ImageOptions.Gray
}

// Image returns the image page num is made of; see Info and Decode.
func (d *ImageDoc) Image(num int, opt ImageOptions) (*PageImage, error) {
	info, err := d.Info(num)
	if err != nil {
		return nil, err
	}
	return d.Decode(info, opt)
}

// Decode reads the image Info found: a JPEG is checked (its header) and returned as stored,
// Flate, CCITT and raw samples are decoded. An image over the pixel limit is refused first with
// ErrImageTooLarge; damaged data gives an error naming the page.
func (d *ImageDoc) Decode(info ImageInfo, opt ImageOptions) (pi *PageImage, err error) {
	defer func() {
		if x := recover(); x != nil {
			pi, err = nil, fmt.Errorf("page %d: corrupt image: %v", info.Page, x)
		}
	}()
	if opt.MaxPixels <= 0 {
		opt.MaxPixels = DefaultMaxImagePixels
	}
	if err := checkPixels(info.Width, info.Height, opt.MaxPixels); err != nil {
		return nil, fmt.Errorf("page %d: %w", info.Page, err)
	}
	raw, err := d.rawStream(info.stream)
	if err != nil {
		return nil, fmt.Errorf("page %d: %w", info.Page, err)
	}
	pi = &PageImage{ImageInfo: info}
	switch info.Filter {
	case "DCTDecode":
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("page %d: corrupt JPEG image: %w", info.Page, err)
		}
		if err := checkPixels(cfg.Width, cfg.Height, opt.MaxPixels); err != nil {
			return nil, fmt.Errorf("page %d: %w", info.Page, err)
		}
		pi.JPEG = raw
	case "CCITTFaxDecode":
		pi.Image, err = decodeCCITT(raw, info)
	default:
		pi.Image, err = decodeSamples(raw, info, opt.Gray)
	}
	if err != nil {
		return nil, fmt.Errorf("page %d: %w", info.Page, err)
	}
	return pi, nil
}

// checkPixels refuses an image of more than limit pixels.
func checkPixels(w, h, limit int) error {
	if w <= 0 || h <= 0 {
		return fmt.Errorf("invalid image size %d×%d", w, h)
	}
	if int64(w)*int64(h) > int64(limit) {
		return fmt.Errorf("%w: %d×%d pixels, over the limit of %d million; not decoded", ErrImageTooLarge, w, h, limit/1_000_000)
	}
	return nil
}

// params returns the decode parameters of a stream's only filter.
func params(v lpdf.Value) lpdf.Value {
	p := v.Key("DecodeParms")
	if p.Kind() == lpdf.Array {
		return p.Index(0)
	}
	return p
}

// intParam reads an integer decode parameter, def when absent.
func intParam(p lpdf.Value, key string, def int) int {
	if v := p.Key(key); v.Kind() == lpdf.Integer {
		return int(v.Int64())
	}
	return def
}

// decodeCCITT decodes CCITT Group 4, and Group 3 one-dimensional data with end-of-line codes, to
// grey.
func decodeCCITT(raw []byte, info ImageInfo) (image.Image, error) {
	p := params(info.stream)
	k := intParam(p, "K", 0)
	sf := ccitt.Group4
	switch {
	case k == 0 && p.Key("EndOfLine").Bool():
		sf = ccitt.Group3
	case k >= 0:
		return nil, fmt.Errorf("%w: CCITT Group 3 data (K %d) without end-of-line codes", ErrNotSingleImage, k)
	}
	if cols := intParam(p, "Columns", 1728); cols != info.Width {
		return nil, fmt.Errorf("%w: CCITT data %d columns wide for an image %d pixels wide", ErrNotSingleImage, cols, info.Width)
	}
	g := image.NewGray(image.Rect(0, 0, info.Width, info.Height))
	opts := &ccitt.Options{Align: p.Key("EncodedByteAlign").Bool(), Invert: p.Key("BlackIs1").Bool()}
	if err := ccitt.DecodeIntoGray(g, bytes.NewReader(raw), ccitt.MSB, sf, opts); err != nil {
		return nil, fmt.Errorf("corrupt CCITT image: %w", err)
	}
	if info.invert {
		for i, v := range g.Pix {
			g.Pix[i] = ^v
		}
	}
	return g, nil
}

// decodeSamples decodes Flate-compressed or raw samples, with their predictor, to grey or RGBA.
func decodeSamples(raw []byte, info ImageInfo, gray bool) (image.Image, error) {
	var r io.Reader = bytes.NewReader(raw)
	if info.Filter == "FlateDecode" {
		zr, err := zlib.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("corrupt Flate image: %w", err)
		}
		r = zr
	}
	samples := info.Components
	if info.palette.Kind() != lpdf.Null {
		samples = 1
	}
	rowLen := (samples*info.BitsPerComp*info.Width + 7) / 8
	rows, err := newRowReader(r, params(info.stream), rowLen)
	if err != nil {
		return nil, err
	}
	c, err := newConverter(info, samples)
	if err != nil {
		return nil, err
	}
	rect := image.Rect(0, 0, info.Width, info.Height)
	var g *image.Gray
	var rgba *image.RGBA
	if c.rgb != nil && !gray {
		rgba = image.NewRGBA(rect)
	} else {
		g = image.NewGray(rect)
	}
	for y := 0; y < info.Height; y++ {
		row, err := rows.next()
		if err != nil {
			return nil, fmt.Errorf("corrupt image data at row %d of %d: %w", y+1, info.Height, err)
		}
		if g != nil {
			c.gray(row, g.Pix[y*g.Stride:y*g.Stride+info.Width])
		} else {
			c.color(row, rgba.Pix[y*rgba.Stride:y*rgba.Stride+4*info.Width])
		}
	}
	if g != nil {
		return g, nil
	}
	return rgba, nil
}

// rowReader returns the rows of image data, undoing a PNG or TIFF predictor.
type rowReader struct {
	r         io.Reader
	pred      int
	bpp       int    // bytes per pixel for the predictor, at least 1
	cur, prev []byte // with the PNG filter-type byte in front when pred >= 10
}

func newRowReader(r io.Reader, p lpdf.Value, rowLen int) (*rowReader, error) {
	rr := &rowReader{r: bufio.NewReaderSize(r, 1<<16), pred: intParam(p, "Predictor", 1)}
	if rr.pred > 1 {
		colors, bpc, cols := intParam(p, "Colors", 1), intParam(p, "BitsPerComponent", 8), intParam(p, "Columns", 1)
		if colors < 1 || colors > 4 || bpc < 1 || bpc > 16 || cols < 1 || cols > 1<<24 {
			return nil, fmt.Errorf("%w: predictor parameters Colors %d BitsPerComponent %d Columns %d", ErrNotSingleImage, colors, bpc, cols)
		}
		if n := (colors*bpc*cols + 7) / 8; n != rowLen {
			return nil, fmt.Errorf("%w: predictor rows of %d bytes for image rows of %d", ErrNotSingleImage, n, rowLen)
		}
		rr.bpp = max(1, colors*bpc/8)
		if rr.pred == 2 && bpc != 8 {
			return nil, fmt.Errorf("%w: TIFF predictor with %d bits per component", ErrNotSingleImage, bpc)
		}
	}
	extra := 0
	if rr.pred >= 10 {
		extra = 1
	}
	rr.cur, rr.prev = make([]byte, rowLen+extra), make([]byte, rowLen+extra)
	return rr, nil
}

// next returns the next row, valid until the following call.
func (rr *rowReader) next() ([]byte, error) {
	rr.cur, rr.prev = rr.prev, rr.cur
	if _, err := io.ReadFull(rr.r, rr.cur); err != nil {
		return nil, err
	}
	switch {
	case rr.pred == 2:
		for i := rr.bpp; i < len(rr.cur); i++ {
			rr.cur[i] += rr.cur[i-rr.bpp]
		}
	case rr.pred >= 10:
		if err := unfilterPNG(rr.cur[0], rr.cur[1:], rr.prev[1:], rr.bpp); err != nil {
			return nil, err
		}
		return rr.cur[1:], nil
	}
	return rr.cur, nil
}

// unfilterPNG undoes one row's PNG filter in place (PNG specification, section 9).
func unfilterPNG(kind byte, cur, prev []byte, bpp int) error {
	switch kind {
	case 0:
	case 1:
		for i := bpp; i < len(cur); i++ {
			cur[i] += cur[i-bpp]
		}
	case 2:
		for i := range cur {
			cur[i] += prev[i]
		}
	case 3:
		for i := range cur {
			left := 0
			if i >= bpp {
				left = int(cur[i-bpp])
			}
			cur[i] += byte((left + int(prev[i])) / 2)
		}
	case 4:
		for i := range cur {
			var a, c int
			if i >= bpp {
				a, c = int(cur[i-bpp]), int(prev[i-bpp])
			}
			cur[i] += paeth(a, int(prev[i]), c)
		}
	default:
		return fmt.Errorf("unknown PNG predictor type %d", kind)
	}
	return nil
}

func paeth(a, b, c int) byte {
	p := a + b - c
	pa, pb, pc := abs(float64(p-a)), abs(float64(p-b)), abs(float64(p-c))
	switch {
	case pa <= pb && pa <= pc:
		return byte(a)
	case pb <= pc:
		return byte(b)
	}
	return byte(c)
}

// converter turns rows of samples into grey or RGBA pixels through lookup tables built from the
// bit depth, the /Decode inversion and the palette.
type converter struct {
	bpc, samples, width int
	lum                 []byte    // grey of each sample value (grey and indexed images)
	rgb                 [][3]byte // colour of each index (indexed over RGB), or nil
	direct              bool      // three samples per pixel (RGB)
	scale               []byte    // sample value to 0-255 for RGB samples
}

func newConverter(info ImageInfo, samples int) (*converter, error) {
	c := &converter{bpc: info.BitsPerComp, samples: samples, width: info.Width}
	top := 1<<info.BitsPerComp - 1
	c.scale = make([]byte, top+1)
	for v := range c.scale {
		s := byte(v * 255 / top)
		if info.invert {
			s = 255 - s
		}
		c.scale[v] = s
	}
	switch {
	case info.palette.Kind() != lpdf.Null:
		return c, c.loadPalette(info.palette, top)
	case samples == 3:
		c.direct = true
		c.rgb = [][3]byte{} // colour output
	default:
		c.lum = c.scale
	}
	return c, nil
}

// loadPalette reads an /Indexed colour space's lookup table.
func (c *converter) loadPalette(cs lpdf.Value, top int) error {
	base, _ := components(cs.Index(1))
	table := []byte(cs.Index(3).RawString())
	if cs.Index(3).Kind() == lpdf.Stream {
		b, err := streamBytes(cs.Index(3))
		if err != nil {
			return fmt.Errorf("corrupt palette: %w", err)
		}
		table = b
	}
	c.lum = make([]byte, top+1)
	if base == 3 {
		c.rgb = make([][3]byte, top+1)
	}
	for v := 0; v <= top; v++ {
		var px [3]byte
		if i := v * base; i+base <= len(table) {
			copy(px[:], table[i:i+base])
		}
		if base == 1 {
			c.lum[v] = px[0]
			continue
		}
		c.rgb[v] = px
		c.lum[v] = luma(px[0], px[1], px[2])
	}
	return nil
}

func luma(r, g, b byte) byte {
	return byte((299*int(r) + 587*int(g) + 114*int(b) + 500) / 1000)
}

// sample returns the i-th sample of a row.
func (c *converter) sample(row []byte, i int) int {
	switch c.bpc {
	case 8:
		return int(row[i])
	case 1:
		return int(row[i>>3]>>(7-uint(i&7))) & 1
	case 2:
		return int(row[i>>2]>>(6-2*uint(i&3))) & 3
	case 4:
		return int(row[i>>1]>>(4-4*uint(i&1))) & 15
	}
	return 0
}

// gray writes a row's pixels as grey.
func (c *converter) gray(row, out []byte) {
	if c.direct {
		for x := range out {
			out[x] = luma(c.scale[c.sample(row, 3*x)], c.scale[c.sample(row, 3*x+1)], c.scale[c.sample(row, 3*x+2)])
		}
		return
	}
	if c.bpc == 8 {
		for x := range out {
			out[x] = c.lum[row[x]]
		}
		return
	}
	for x := range out {
		out[x] = c.lum[c.sample(row, x)]
	}
}

// color writes a row's pixels as RGBA.
func (c *converter) color(row, out []byte) {
	for x := 0; x < c.width; x++ {
		var px [3]byte
		if c.direct {
			px = [3]byte{c.scale[c.sample(row, 3*x)], c.scale[c.sample(row, 3*x+1)], c.scale[c.sample(row, 3*x+2)]}
		} else {
			px = c.rgb[c.sample(row, x)]
		}
		copy(out[4*x:], px[:])
		out[4*x+3] = 255
	}
}

// Upright returns g turned deg degrees clockwise (0, 90, 180 or 270; ImageInfo.Rotate), as
// the page shows it; g itself when deg is 0.
func Upright(g *image.Gray, deg int) *image.Gray {
	b := g.Bounds()
	w, h := b.Dx(), b.Dy()
	var out *image.Gray
	switch deg {
	case 90, 270:
		out = image.NewGray(image.Rect(0, 0, h, w))
	case 180:
		out = image.NewGray(image.Rect(0, 0, w, h))
	default:
		return g
	}
	for y := 0; y < h; y++ {
		row := g.Pix[(y)*g.Stride : (y)*g.Stride+w]
		for x, v := range row {
			switch deg {
			case 90: // the top row becomes the right column
				out.Pix[x*out.Stride+h-1-y] = v
			case 270: // the top row becomes the left column, read upwards
				out.Pix[(w-1-x)*out.Stride+y] = v
			default:
				out.Pix[(h-1-y)*out.Stride+w-1-x] = v
			}
		}
	}
	return out
}
