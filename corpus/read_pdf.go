package corpus

import "errors"

// readPDF is replaced by the PDF text layer; until then PDFs are refused clearly.
func readPDF(path string, data []byte, opt ReadOptions) (*Document, error) {
	return nil, errors.New("PDF reading is not available in this build")
}
