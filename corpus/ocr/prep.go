package ocr

import (
	"bufio"
	"fmt"
	"image"
	"image/draw"
	"math"
	"os"
)

// Prep chooses the image preparation done in Go before Tesseract reads a page.
type Prep struct {
	Deskew   bool // find the skew within ±MaxSkew degrees by projection profiles and rotate it away
	Denoise  bool // 3×3 median filter
	Binarize string
	Upscale  bool // bring pages scanned below 250 dpi to 300 dpi, where Tesseract reads best
}

// Binarisation methods for Prep.Binarize; "" leaves the grey image to Tesseract's own Otsu.
const (
	BinOtsu    = "otsu"
	BinSauvola = "sauvola"
)

// MaxSkew is the largest skew, in degrees, deskewing looks for.
const MaxSkew = 5.0

// toGray converts any image to 8-bit grey (a copy only when it is not grey already).
func toGray(img image.Image) *image.Gray {
	if g, ok := img.(*image.Gray); ok {
		return g
	}
	b := img.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(g, g.Bounds(), img, b.Min, draw.Src)
	return g
}

// prepare applies p to g and returns the result with the skew angle it removed.
func prepare(g *image.Gray, p Prep) (*image.Gray, float64) {
	angle := 0.0
	if p.Deskew {
		angle = skew(g)
		if math.Abs(angle) >= 0.1 {
			g = rotate(g, angle)
		}
	}
	if p.Denoise {
		g = median3(g)
	}
	switch p.Binarize {
	case BinOtsu:
		threshold(g, otsu(g))
	case BinSauvola:
		g = sauvola(g, 25, 0.2)
	}
	return g, angle
}

// otsu returns the grey level that best splits the histogram of g into two classes.
func otsu(g *image.Gray) uint8 {
	var hist [256]float64
	for _, v := range g.Pix {
		hist[v]++
	}
	total := float64(len(g.Pix))
	sum := 0.0
	for i, h := range hist {
		sum += float64(i) * h
	}
	var sumB, wB, best float64
	t := uint8(128)
	for i := 0; i < 256; i++ {
		wB += hist[i]
		if wB == 0 {
			continue
		}
		wF := total - wB
		if wF == 0 {
			break
		}
		sumB += float64(i) * hist[i]
		mB, mF := sumB/wB, (sum-sumB)/wF
		if v := wB * wF * (mB - mF) * (mB - mF); v > best {
			best, t = v, uint8(i)
		}
	}
	return t
}

func threshold(g *image.Gray, t uint8) {
	for i, v := range g.Pix {
		if v <= t {
			g.Pix[i] = 0
		} else {
			g.Pix[i] = 255
		}
	}
}

// skew estimates the text's skew in degrees by the projection-profile method on a reduced,
// thresholded copy: the angle whose horizontal projection of dark pixels is the most peaked.
func skew(g *image.Gray) float64 {
	b := g.Bounds()
	step := max(1, b.Dx()/1000)
	t := otsu(g)
	var xs, ys []float64
	for y := b.Min.Y; y < b.Max.Y; y += step {
		row := g.Pix[(y-b.Min.Y)*g.Stride:]
		for x := 0; x < b.Dx(); x += step {
			if row[x] <= t {
				xs = append(xs, float64(x/step))
				ys = append(ys, float64((y-b.Min.Y)/step))
			}
		}
	}
	if len(xs) < 100 || len(xs) > b.Dx()*b.Dy()/(step*step)/2 {
		return 0 // a blank page, or mostly dark: nothing to measure
	}
	h := b.Dy()/step + b.Dx()/step
	bins := make([]float64, 2*h+1)
	score := func(deg float64) float64 {
		s, c := math.Sincos(deg * math.Pi / 180)
		clear(bins)
		for i := range xs {
			y := int(ys[i]*c-xs[i]*s) + h
			if y >= 0 && y < len(bins) {
				bins[y]++
			}
		}
		v := 0.0
		for _, n := range bins {
			v += n * n
		}
		return v
	}
	best, bestScore := 0.0, score(0)
	for a := -MaxSkew; a <= MaxSkew+1e-9; a += 0.25 {
		if v := score(a); v > bestScore {
			best, bestScore = a, v
		}
	}
	center := best
	for a := center - 0.25; a <= center+0.25+1e-9; a += 0.05 {
		if v := score(a); v > bestScore {
			best, bestScore = a, v
		}
	}
	return best
}

// rotate turns g by deg degrees about its centre (bilinear), filling with white, so that text
// skewed by deg comes out level.
func rotate(g *image.Gray, deg float64) *image.Gray {
	b := g.Bounds()
	w, h := b.Dx(), b.Dy()
	out := image.NewGray(image.Rect(0, 0, w, h))
	s, c := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(w)/2, float64(h)/2
	for y := 0; y < h; y++ {
		dy := float64(y) - cy
		row := out.Pix[y*out.Stride:]
		for x := 0; x < w; x++ {
			dx := float64(x) - cx
			sx := c*dx - s*dy + cx
			sy := s*dx + c*dy + cy
			x0, y0 := int(math.Floor(sx)), int(math.Floor(sy))
			if x0 < 0 || y0 < 0 || x0+1 >= w || y0+1 >= h {
				row[x] = 255
				continue
			}
			fx, fy := sx-float64(x0), sy-float64(y0)
			i := y0*g.Stride + x0
			p00, p10 := float64(g.Pix[i]), float64(g.Pix[i+1])
			p01, p11 := float64(g.Pix[i+g.Stride]), float64(g.Pix[i+g.Stride+1])
			v := p00*(1-fx)*(1-fy) + p10*fx*(1-fy) + p01*(1-fx)*fy + p11*fx*fy
			row[x] = uint8(v + 0.5)
		}
	}
	return out
}

// scale resizes g by factor f (bilinear).
func scale(g *image.Gray, f float64) *image.Gray {
	b := g.Bounds()
	w, h := int(float64(b.Dx())*f), int(float64(b.Dy())*f)
	out := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		sy := math.Min(float64(y)/f, float64(b.Dy()-1))
		y0 := int(sy)
		y1 := min(y0+1, b.Dy()-1)
		fy := sy - float64(y0)
		row := out.Pix[y*out.Stride:]
		for x := 0; x < w; x++ {
			sx := math.Min(float64(x)/f, float64(b.Dx()-1))
			x0 := int(sx)
			x1 := min(x0+1, b.Dx()-1)
			fx := sx - float64(x0)
			p00, p10 := float64(g.Pix[y0*g.Stride+x0]), float64(g.Pix[y0*g.Stride+x1])
			p01, p11 := float64(g.Pix[y1*g.Stride+x0]), float64(g.Pix[y1*g.Stride+x1])
			row[x] = uint8(p00*(1-fx)*(1-fy) + p10*fx*(1-fy) + p01*(1-fx)*fy + p11*fx*fy + 0.5)
		}
	}
	return out
}

// median3 is a 3×3 median filter; it removes the salt-and-pepper specks of a scan.
func median3(g *image.Gray) *image.Gray {
	b := g.Bounds()
	w, h := b.Dx(), b.Dy()
	out := image.NewGray(image.Rect(0, 0, w, h))
	copy(out.Pix, g.Pix)
	var win [9]uint8
	for y := 1; y < h-1; y++ {
		for x := 1; x < w-1; x++ {
			k := 0
			for dy := -1; dy <= 1; dy++ {
				i := (y+dy)*g.Stride + x - 1
				win[k], win[k+1], win[k+2] = g.Pix[i], g.Pix[i+1], g.Pix[i+2]
				k += 3
			}
			for i := 1; i < 9; i++ { // insertion sort of nine values
				for j := i; j > 0 && win[j] < win[j-1]; j-- {
					win[j], win[j-1] = win[j-1], win[j]
				}
			}
			out.Pix[y*out.Stride+x] = win[4]
		}
	}
	return out
}

// sauvola binarises g with Sauvola's local threshold T = m·(1 + k·(s/128 − 1)) over windows of
// (2r+1)² pixels, computed with integral images.
func sauvola(g *image.Gray, r int, k float64) *image.Gray {
	b := g.Bounds()
	w, h := b.Dx(), b.Dy()
	sum := make([]float64, (w+1)*(h+1))
	sq := make([]float64, (w+1)*(h+1))
	for y := 0; y < h; y++ {
		var rs, rq float64
		for x := 0; x < w; x++ {
			v := float64(g.Pix[y*g.Stride+x])
			rs += v
			rq += v * v
			sum[(y+1)*(w+1)+x+1] = sum[y*(w+1)+x+1] + rs
			sq[(y+1)*(w+1)+x+1] = sq[y*(w+1)+x+1] + rq
		}
	}
	out := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		y0, y1 := max(0, y-r), min(h, y+r+1)
		for x := 0; x < w; x++ {
			x0, x1 := max(0, x-r), min(w, x+r+1)
			n := float64((y1 - y0) * (x1 - x0))
			a := func(t []float64) float64 {
				return t[y1*(w+1)+x1] - t[y0*(w+1)+x1] - t[y1*(w+1)+x0] + t[y0*(w+1)+x0]
			}
			m := a(sum) / n
			s := math.Sqrt(max(0, a(sq)/n-m*m))
			if float64(g.Pix[y*g.Stride+x]) <= m*(1+k*(s/128-1)) {
				out.Pix[y*out.Stride+x] = 0
			} else {
				out.Pix[y*out.Stride+x] = 255
			}
		}
	}
	return out
}

// writePGM writes g as a binary PGM, which Tesseract (Leptonica) reads without decoding cost.
func writePGM(path string, g *image.Gray) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	b := g.Bounds()
	fmt.Fprintf(bw, "P5\n%d %d\n255\n", b.Dx(), b.Dy())
	for y := 0; y < b.Dy(); y++ {
		bw.Write(g.Pix[y*g.Stride : y*g.Stride+b.Dx()])
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// inkShare is the share of dark pixels (below half grey) in a sample of g: near 0 on a blank page.
func inkShare(g *image.Gray) float64 {
	b := g.Bounds()
	step := max(1, b.Dx()/400)
	dark, n := 0, 0
	for y := 0; y < b.Dy(); y += step {
		row := g.Pix[y*g.Stride:]
		for x := 0; x < b.Dx(); x += step {
			n++
			if row[x] < 128 {
				dark++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return float64(dark) / float64(n)
}
