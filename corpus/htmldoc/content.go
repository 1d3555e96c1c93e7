package htmldoc

import (
	"strings"

	"golang.org/x/net/html"
)

// junkTags are elements that never hold article text.
var junkTags = map[string]bool{
	"nav": true, "footer": true, "aside": true, "script": true, "style": true, "noscript": true,
	"form": true, "iframe": true, "svg": true, "button": true, "select": true, "textarea": true,
	"template": true, "object": true, "embed": true, "video": true, "audio": true, "canvas": true,
	"input": true, "head": true, "menu": true, "dialog": true,
}

// junkParts are substrings of class or id values (lower-cased, with - and _ removed) of share
// widgets, related-news lists, comment sections and site furniture.
var junkParts = []string{
	"share", "social", "related", "relate", "lienquan", "xemthem", "docthem", "tinkhac",
	"cungchuyenmuc", "xemnhieu", "mostview", "mostread", "comment", "binhluan", "breadcrumb",
	"sidebar", "advert", "banner", "newsletter", "subscribe", "popup", "cookie", "toolbar",
	"navbar", "navigation", "pagination", "footer", "masthead", "topbar", "rating", "widget",
}

// junkTokens are whole class or id tokens of furniture.
var junkTokens = map[string]bool{
	"nav": true, "menu": true, "ads": true, "ad": true, "tags": true, "tag": true, "taglist": true,
	"print": true, "poll": true, "vote": true, "hidden": true, "hide": true, "header": true,
}

// relatedLabels are the headings of lists of links to other articles.
var relatedLabels = []string{
	"tin liên quan", "bài liên quan", "bài viết liên quan", "xem thêm", "đọc thêm", "tin khác",
	"tin cùng chuyên mục", "cùng chuyên mục", "có thể bạn quan tâm", "tin mới", "tin nổi bật",
	"related news", "related articles", "read more", "see also", "bài viết khác", "tin đọc nhiều",
}

// flatten removes the separators of class names: "tin-lien-quan" and "tin_lien_quan" are
// "tinlienquan".
var flatten = strings.NewReplacer("-", "", "_", "")

// isJunk reports whether the element is furniture by its tag, role, visibility or class and id.
func isJunk(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if junkTags[n.Data] || n.Data == "header" && !insideArticle(n) {
		return true
	}
	switch attr(n, "role") {
	case "navigation", "banner", "contentinfo", "complementary", "search", "dialog":
		return true
	}
	if _, ok := attrOK(n, "hidden"); ok || attr(n, "aria-hidden") == "true" {
		return true
	}
	if st := strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", ""); strings.Contains(st, "display:none") {
		return true
	}
	switch n.Data {
	case "html", "body", "main", "article":
		return false
	}
	if hasContentClass(n) || attr(n, "itemprop") == "articleBody" {
		return false
	}
	names := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	if names == " " || strings.Contains(names, "caption") || strings.Contains(names, "sapo") {
		return false
	}
	for _, tok := range strings.Fields(names) {
		if junkTokens[flatten.Replace(tok)] {
			return true
		}
	}
	flat := flatten.Replace(names)
	for _, p := range junkParts {
		if strings.Contains(flat, p) {
			return true
		}
	}
	return false
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func insideArticle(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && (p.Data == "article" || attr(p, "itemprop") == "articleBody") {
			return true
		}
	}
	return false
}

// removeJunk deletes furniture, labelled related-news lists and link lists from the tree,
// children first so that a container is judged without the lists already removed from it.
func removeJunk(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.CommentNode || isJunk(c) {
			n.RemoveChild(c)
			c = next
			continue
		}
		if c.Type == html.ElementNode && isRelatedLabel(c) {
			next = dropFollowingList(c)
			n.RemoveChild(c)
			c = next
			continue
		}
		removeJunk(c)
		if c.Type == html.ElementNode && isLinkList(c) {
			n.RemoveChild(c)
		}
		c = next
	}
}

// labelTags are the elements that can carry a related-news label.
var labelTags = map[string]bool{
	"h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "p": true, "div": true, "span": true,
	"strong": true, "b": true, "section": true, "header": true, "dt": true, "td": true, "label": true,
}

// isRelatedLabel reports whether the element's whole text is a related-news label, or a short
// paragraph that starts with one and is mostly a link ("Xem thêm: <a>...</a>").
func isRelatedLabel(n *html.Node) bool {
	if !labelTags[n.Data] || hasContentClass(n) || attr(n, "itemprop") == "articleBody" {
		return false
	}
	raw, ok := shortText(n, 300)
	if !ok {
		return false
	}
	t := strings.ToLower(strings.TrimRight(collapse(raw), " :»>›.…"))
	for _, l := range relatedLabels {
		if t == l {
			return true
		}
		if strings.HasPrefix(t, l) && linkShare(n) > 0.5 {
			return true
		}
	}
	return false
}

// shortText returns the text of n when it is at most limit bytes long, else false; it stops
// reading as soon as the limit is passed.
func shortText(n *html.Node, limit int) (string, bool) {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
			b.WriteByte(' ')
			if b.Len() > limit*2 {
				return "", false
			}
		}
	}
	return b.String(), len(strings.TrimSpace(b.String())) <= limit*2
}

// dropFollowingList removes the element after a related-news label when it is a list of links,
// and returns the sibling after what was removed.
func dropFollowingList(label *html.Node) *html.Node {
	next := label.NextSibling
	for next != nil && next.Type == html.TextNode && strings.TrimSpace(next.Data) == "" {
		next = next.NextSibling
	}
	if next != nil && next.Type == html.ElementNode && (next.Data == "ul" || next.Data == "ol" || linkShare(next) > 0.5) {
		after := next.NextSibling
		next.Parent.RemoveChild(next)
		return after
	}
	return label.NextSibling
}

// isLinkList reports whether a container is mostly links: a menu, a list of other articles.
func isLinkList(n *html.Node) bool {
	switch n.Data {
	case "ul", "ol", "div", "section", "table", "dl":
	default:
		return false
	}
	links := 0
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.Data == "a" {
			links++
		}
	}
	return links >= 3 && linkShare(n) > 0.6
}

// linkShare is the share of the element's text that is inside links.
func linkShare(n *html.Node) float64 {
	total, linked := 0, 0
	var visit func(*html.Node, bool)
	visit = func(m *html.Node, inLink bool) {
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				k := len(strings.TrimSpace(c.Data))
				total += k
				if inLink {
					linked += k
				}
			case html.ElementNode:
				visit(c, inLink || c.Data == "a")
			}
		}
	}
	visit(n, false)
	if total == 0 {
		return 0
	}
	return float64(linked) / float64(total)
}

// contentClasses are class or id values of article bodies on Vietnamese and other news sites.
var contentClasses = []string{
	"detail-content", "article-body", "content-detail", "fck_detail", "singular-content",
	"entry-content", "detail__content", "article-content", "article__body", "article__content",
	"post-content", "news-content", "the-article-body", "cms-body", "detail-content-body",
	"content_detail", "detail_content", "box-content-detail", "post-body", "story-body",
	"td-post-content", "news-detail", "newsdetail", "noidung", "maincontent", "articlecontent",
	"journal-content", "contentdetail", "news-body", "newsbody", "post_content", "article-detail",
	"detail-body", "content-news", "cmscontents", "story__body", "main-content-detail",
}

// articleRoot returns the element that holds the article: [itemprop=articleBody], else the
// largest element with a known content class, else the largest <article>, else the element
// with the most paragraph text, else <body>.
func articleRoot(root *html.Node) *html.Node {
	var item, class, article, body *html.Node
	classLen, articleLen := 0, 0
	for n := range root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch {
		case n.Data == "body":
			body = n
		case item == nil && attr(n, "itemprop") == "articleBody":
			item = n
		case n.Data == "article":
			if l := len(textOf(n)); l > articleLen {
				article, articleLen = n, l
			}
		}
		if hasContentClass(n) {
			if l := len(textOf(n)); l > classLen {
				class, classLen = n, l
			}
		}
	}
	for _, n := range []*html.Node{item, class, article} {
		if n != nil && textOf(n) != "" {
			return n
		}
	}
	if n := densest(root); n != nil {
		return n
	}
	return body
}

func hasContentClass(n *html.Node) bool {
	names := strings.Fields(strings.ToLower(attr(n, "class") + " " + attr(n, "id")))
	for _, name := range names {
		for _, c := range contentClasses {
			if name == c {
				return true
			}
		}
	}
	return false
}

// densest scores every element by the text of the paragraphs it holds (a paragraph counts in
// full for its parent and half for its grandparent) and returns the best one.
func densest(root *html.Node) *html.Node {
	score := map[*html.Node]int{}
	for n := range root.Descendants() {
		if n.Type != html.ElementNode || (n.Data != "p" && n.Data != "blockquote" && n.Data != "li") {
			continue
		}
		l := len(textOf(n))
		if l < 20 || n.Parent == nil {
			continue
		}
		score[n.Parent] += l
		if g := n.Parent.Parent; g != nil {
			score[g] += l / 2
		}
	}
	var best *html.Node
	for n, s := range score {
		if best == nil || s > score[best] {
			best = n
		}
	}
	return best
}

// leadOutside returns the lead paragraph (sapo) of the article when the page keeps it outside
// and before the article body, or nil.
func leadOutside(root, body *html.Node) *html.Node {
	for n := range root.Descendants() {
		if n == body {
			return nil
		}
		if n.Type != html.ElementNode || contains(n, body) {
			continue
		}
		names := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
		isLead := strings.Contains(names, "sapo") || strings.Contains(names, "chapeau")
		for _, tok := range strings.Fields(names) {
			isLead = isLead || tok == "lead" || tok == "summary" || tok == "description" || strings.HasSuffix(tok, "-lead") || strings.HasSuffix(tok, "__lead")
		}
		if l := len(textOf(n)); isLead && l >= 30 && l <= 2000 {
			return n
		}
	}
	return nil
}
