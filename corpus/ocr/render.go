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
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// ErrTooLarge is wrapped by the error for an image refused before decoding for its size.
var ErrTooLarge = errors.New("ảnh quá lớn")

// pdfImage is one image a PDF page draws, as `pdfimages -list` describes it.
type pdfImage struct {
	page, width, height int
	enc                 string
	xppi                float64
}

// listImages runs `pdfimages -list` and returns the images of each page.
func listImages(ctx context.Context, pdfPath string) (map[int][]pdfImage, error) {
	bin, err := need("pdfimages")
	if err != nil {
		return nil, err
	}
	out, err := exec.CommandContext(ctx, bin, "-list", pdfPath).Output()
	if err != nil {
		return nil, fmt.Errorf("pdfimages -list: %w", err)
	}
	imgs := map[int][]pdfImage{}
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) < 14 || f[2] == "type" {
			continue
		}
		page, err := strconv.Atoi(f[0])
		if err != nil {
			continue
		}
		if f[2] != "image" { // masks and soft masks are not the page's picture
			continue
		}
		w, _ := strconv.Atoi(f[3])
		h, _ := strconv.Atoi(f[4])
		xppi, _ := strconv.ParseFloat(f[12], 64)
		imgs[page] = append(imgs[page], pdfImage{page: page, width: w, height: h, enc: f[8], xppi: xppi})
	}
	return imgs, nil
}

// extractImages writes the images of pages first-last into dir with pdfimages, keeping JPEG
// data as it is and decoding the rest (Flate, CCITT, JBIG2) to PNG; it returns the files by page.
func extractImages(ctx context.Context, pdfPath, dir string, first, last int) (map[int][]string, error) {
	bin, err := need("pdfimages")
	if err != nil {
		return nil, err
	}
	prefix := filepath.Join(dir, "img")
	cmd := exec.CommandContext(ctx, bin, "-j", "-png", "-p", "-f", strconv.Itoa(first), "-l", strconv.Itoa(last), pdfPath, prefix)
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("pdfimages: %v: %s", err, bytes.TrimSpace(out))
	}
	files, _ := filepath.Glob(prefix + "-*")
	byPage := map[int][]string{}
	for _, f := range files {
		parts := strings.Split(strings.TrimPrefix(filepath.Base(f), "img-"), "-")
		if len(parts) < 2 {
			continue
		}
		if p, err := strconv.Atoi(parts[0]); err == nil {
			byPage[p] = append(byPage[p], f)
		}
	}
	return byPage, nil
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

// loadImage decodes an image file (JPEG, PNG or PGM) into grey after checking its size from
// its header.
func loadImage(path string, maxPixels int) (*image.Gray, error) {
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
