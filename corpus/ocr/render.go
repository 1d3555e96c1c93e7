package ocr

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // page images extracted from PDFs and JPEG files
	_ "image/png"  // page images extracted from PDFs and PNG files
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"thamluan/corpus/pdf"
)

// ErrTooLarge is wrapped by the error for an image refused before decoding for its size.
var ErrTooLarge = errors.New("ảnh quá lớn")

// pdfImage is the one stored image a PDF page is made of, as corpus/pdf finds it.
type pdfImage struct {
	page, width, height int
	enc                 string  // jpeg, image (Flate or raw samples) or ccitt, as pdfimages names them
	xppi                float64 // resolution implied by the size it is drawn at
}

// listTimeout bounds the reading of a PDF's page tree and content streams for its images: the
// parser can loop on a malformed file, and then every page is rendered instead.
const listTimeout = 30 * time.Second

// listImages finds the pages of a PDF that are one stored image (corpus/pdf ImageDoc.Info): a
// page listed here has exactly one image; any other page (text, vector graphics, several or
// partial images, JBIG2, JPEG 2000) is left out and rendered by pdftoppm. data is the content
// of the file at pdfPath, which the caller already holds; the document stays open, under
// pdfPath, for extractImages and loadImage.
func listImages(ctx context.Context, pdfPath string, data []byte) (map[int][]pdfImage, error) {
	sweepDocs()
	type result struct {
		doc *openDoc
		err error
	}
	done := make(chan result, 1)
	go func() {
		d, err := pdf.OpenImages(data)
		if err != nil {
			done <- result{nil, err}
			return
		}
		od := &openDoc{doc: d, infos: map[int]pdf.ImageInfo{}}
		for p := 1; p <= d.NumPages() && ctx.Err() == nil; p++ {
			// Pixels that are not square (a fax at 204×98 dpi) are left to pdftoppm, which
			// renders them square for Tesseract.
			if info, err := d.Info(p); err == nil && math.Abs(info.XDPI-info.YDPI) <= 0.05*info.XDPI {
				od.infos[p] = info
			}
		}
		done <- result{od, nil}
	}()
	timer := time.NewTimer(listTimeout)
	defer timer.Stop()
	var res result
	select {
	case res = <-done:
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-timer.C:
		return nil, fmt.Errorf("đọc cấu trúc tệp PDF quá %v", listTimeout)
	}
	if res.err != nil {
		return nil, res.err
	}
	docs.Lock()
	docs.m[pdfPath] = res.doc
	docs.Unlock()
	imgs := map[int][]pdfImage{}
	for p, info := range res.doc.infos {
		enc := map[string]string{"DCTDecode": "jpeg", "CCITTFaxDecode": "ccitt"}[info.Filter]
		if enc == "" {
			enc = "image"
		}
		imgs[p] = []pdfImage{{page: p, width: info.Width, height: info.Height, enc: enc, xppi: info.XDPI}}
	}
	return imgs, nil
}

// openDoc is a PDF listImages opened, with the image of each single-image page.
type openDoc struct {
	doc   *pdf.ImageDoc
	infos map[int]pdf.ImageInfo
}

// docs holds the documents listImages opened, by path, until their file is removed (the OCR
// of a PDF works in a temporary folder it removes at the end).
var docs = struct {
	sync.Mutex
	m map[string]*openDoc
}{m: map[string]*openDoc{}}

// sweepDocs forgets the documents whose file is gone.
func sweepDocs() {
	docs.Lock()
	defer docs.Unlock()
	for path := range docs.m {
		if _, err := os.Stat(path); err != nil {
			delete(docs.m, path)
		}
	}
}

// pageRefExt names the small file extractImages writes for a page image: it holds the PDF's
// path, and loadImage decodes the page's image from the PDF when the page is read, so that no
// page is decoded before a worker is free for it and no decoded page waits on disk.
const pageRefExt = ".pdfpage"

// extractImages prepares the stored image of each single-image page from first to last for
// loadImage and returns the files by page. Nothing is decoded here.
func extractImages(ctx context.Context, pdfPath, dir string, first, last int) (map[int][]string, error) {
	docs.Lock()
	od := docs.m[pdfPath]
	docs.Unlock()
	if od == nil {
		return nil, fmt.Errorf("tệp PDF chưa được mở: %s", pdfPath)
	}
	byPage := map[int][]string{}
	for p := first; p <= last && ctx.Err() == nil; p++ {
		if _, ok := od.infos[p]; !ok {
			continue
		}
		f := filepath.Join(dir, "img-"+strconv.Itoa(p)+pageRefExt)
		if err := os.WriteFile(f, []byte(pdfPath), 0o600); err != nil {
			return nil, err
		}
		byPage[p] = []string{f}
	}
	return byPage, ctx.Err()
}

// loadPageImage decodes the stored image of a page written by extractImages into grey, after
// checking its size, and turns it as the page shows it.
func loadPageImage(ref string, maxPixels int) (*image.Gray, error) {
	src, err := os.ReadFile(ref)
	if err != nil {
		return nil, err
	}
	page, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(filepath.Base(ref), "img-"), pageRefExt))
	if err != nil {
		return nil, fmt.Errorf("tên tệp ảnh trang không hợp lệ: %s", ref)
	}
	docs.Lock()
	od := docs.m[string(src)]
	docs.Unlock()
	if od == nil {
		return nil, fmt.Errorf("tệp PDF không còn mở: %s", src)
	}
	info := od.infos[page]
	if err := checkSize(info.Width, info.Height, maxPixels); err != nil {
		return nil, err
	}
	pi, err := od.doc.Decode(info, pdf.ImageOptions{MaxPixels: maxPixels, Gray: true})
	if err != nil {
		if errors.Is(err, pdf.ErrImageTooLarge) {
			return nil, fmt.Errorf("%w: %v", ErrTooLarge, err)
		}
		return nil, fmt.Errorf("ảnh hỏng: %w", err)
	}
	if pi.JPEG == nil {
		return pdf.Upright(toGray(pi.Image), info.Rotate), nil
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(pi.JPEG))
	if err != nil {
		return nil, fmt.Errorf("ảnh JPEG hỏng: %w", err)
	}
	if err := checkSize(cfg.Width, cfg.Height, maxPixels); err != nil {
		return nil, err
	}
	img, _, err := image.Decode(bytes.NewReader(pi.JPEG))
	if err != nil {
		return nil, fmt.Errorf("ảnh JPEG hỏng: %w", err)
	}
	return pdf.Upright(toGray(img), info.Rotate), nil
}

// renderPage rasterises one PDF page in grey at dpi with pdftoppm and returns the PGM file.
func renderPage(ctx context.Context, pdfPath, dir string, page, dpi int) (string, error) {
	bin, err := need("pdftoppm")
	if err != nil {
		return "", err
	}
	prefix := filepath.Join(dir, "page-"+strconv.Itoa(page))
	cmd := exec.CommandContext(ctx, bin, "-r", strconv.Itoa(dpi), "-gray", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), "-singlefile", pdfPath, prefix)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("pdftoppm trang %d: %v: %s", page, err, bytes.TrimSpace(out))
	}
	return prefix + ".pgm", nil
}

// tiffFrames converts the frames of a TIFF file to 8-bit PGM files with ImageMagick.
func tiffFrames(ctx context.Context, tiffPath, dir string, n int) ([]string, error) {
	bin, err := need("convert")
	if err != nil {
		return nil, err
	}
	pattern := filepath.Join(dir, "frame-%d.pgm")
	if out, err := exec.CommandContext(ctx, bin, tiffPath, "-depth", "8", pattern).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("ImageMagick không đọc được ảnh TIFF: %v: %s", err, bytes.TrimSpace(out))
	}
	var files []string
	for i := 0; i < n; i++ {
		f := filepath.Join(dir, fmt.Sprintf("frame-%d.pgm", i))
		if _, err := os.Stat(f); err != nil {
			break
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("ImageMagick không tách được trang nào của ảnh TIFF")
	}
	return files, nil
}

// checkSize refuses an image of more than maxPixels pixels.
func checkSize(w, h, maxPixels int) error {
	if w <= 0 || h <= 0 {
		return fmt.Errorf("kích thước ảnh không hợp lệ (%d×%d)", w, h)
	}
	if int64(w)*int64(h) > int64(maxPixels) {
		return fmt.Errorf("%w: %d×%d điểm ảnh, vượt giới hạn %d triệu điểm ảnh; không giải mã", ErrTooLarge, w, h, maxPixels/1_000_000)
	}
	return nil
}

// loadImage decodes an image file (JPEG, PNG or PGM, or a PDF page's stored image written by
// extractImages) into grey after checking its size from its header.
func loadImage(path string, maxPixels int) (*image.Gray, error) {
	if strings.HasSuffix(path, pageRefExt) {
		return loadPageImage(path, maxPixels)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<16)
	head, _ := br.Peek(2)
	if string(head) == "P5" {
		return readPGM(br, maxPixels)
	}
	cfg, _, err := image.DecodeConfig(br)
	if err != nil {
		return nil, fmt.Errorf("ảnh hỏng: %w", err)
	}
	if err := checkSize(cfg.Width, cfg.Height, maxPixels); err != nil {
		return nil, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	img, _, err := image.Decode(bufio.NewReaderSize(f, 1<<16))
	if err != nil {
		return nil, fmt.Errorf("ảnh hỏng: %w", err)
	}
	return toGray(img), nil
}

// readPGM reads a binary 8-bit PGM (P5), as pdftoppm -gray and ImageMagick write it.
func readPGM(r *bufio.Reader, maxPixels int) (*image.Gray, error) {
	var magic string
	var w, h, maxv int
	if _, err := fmt.Fscan(r, &magic, &w, &h, &maxv); err != nil {
		return nil, fmt.Errorf("ảnh PGM hỏng: %w", err)
	}
	if _, err := r.ReadByte(); err != nil { // the single white space after the header
		return nil, fmt.Errorf("ảnh PGM hỏng: %w", err)
	}
	if maxv != 255 {
		return nil, fmt.Errorf("ảnh PGM có giá trị tối đa %d, không phải 255", maxv)
	}
	if err := checkSize(w, h, maxPixels); err != nil {
		return nil, err
	}
	g := image.NewGray(image.Rect(0, 0, w, h))
	if _, err := io.ReadFull(r, g.Pix); err != nil {
		return nil, fmt.Errorf("ảnh PGM bị cắt cụt: %w", err)
	}
	return g, nil
}

// tiffSizes reads the width and height of every frame of a TIFF from its directory entries,
// without decoding any pixels.
func tiffSizes(data []byte) ([][2]int, error) {
	if len(data) < 8 {
		return nil, fmt.Errorf("tệp TIFF quá ngắn (%d byte)", len(data))
	}
	var bo binary.ByteOrder
	switch string(data[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return nil, fmt.Errorf("không phải tệp TIFF")
	}
	off := int64(bo.Uint32(data[4:8]))
	var sizes [][2]int
	seen := map[int64]bool{}
	for off != 0 && !seen[off] && len(sizes) < 10000 {
		seen[off] = true
		if off < 8 || off+2 > int64(len(data)) {
			return nil, fmt.Errorf("tệp TIFF hỏng: thư mục ảnh nằm ngoài tệp (vị trí %d)", off)
		}
		n := int64(bo.Uint16(data[off:]))
		end := off + 2 + n*12
		if end+4 > int64(len(data)) {
			return nil, fmt.Errorf("tệp TIFF hỏng: thư mục ảnh bị cắt cụt")
		}
		var wh [2]int
		for i := int64(0); i < n; i++ {
			e := data[off+2+i*12:]
			tag, typ := bo.Uint16(e), bo.Uint16(e[2:])
			var v int
			if typ == 3 {
				v = int(bo.Uint16(e[8:]))
			} else {
				v = int(bo.Uint32(e[8:]))
			}
			switch tag {
			case 256:
				wh[0] = v
			case 257:
				wh[1] = v
			}
		}
		sizes = append(sizes, wh)
		off = int64(bo.Uint32(data[end:])) // a loop back to a directory seen ends the walk
	}
	if len(sizes) == 0 {
		return nil, fmt.Errorf("tệp TIFF không có trang nào")
	}
	return sizes, nil
}
