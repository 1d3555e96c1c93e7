package corpus

import "errors"

// These readers are filled in by the format packages; until then the formats are refused clearly.

func readPDF(path string, data []byte, opt ReadOptions) (*Document, error) {
	return nil, errors.New("PDF reading is not available in this build")
}

func readDOCX(path string, data []byte) (*Document, error) {
	return nil, errors.New("DOCX reading is not available in this build")
}

func readHTML(path string, data []byte) (*Document, error) {
	return nil, errors.New("HTML reading is not available in this build")
}
