"""Writes a flat ODT (LibreOffice XML) from body.html: h1/h2 as bold headings, p as paragraphs,
a running header and a "Trang N" footer, a page break before each h2 that starts with a Roman
numeral so that the document has three pages. usage: make_fodt.py body.html out.fodt"""
import html, re, sys

src = open(sys.argv[1], encoding="utf-8").read()
body = []
for tag, text in re.findall(r"<(h1|h2|p)>(.*?)</\1>", src, re.S):
    text = html.escape(html.unescape(text))
    style = {"h1": "Title1", "h2": "Head2", "p": "Body"}[tag]
    if tag == "h2" and re.match(r"[IVX]+\.", text) and body:
        style = "Head2Break"
    body.append('<text:p text:style-name="%s">%s</text:p>' % (style, text))

doc = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
 <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.2cm" fo:text-indent="0.8cm"/><style:text-properties style:font-name="DejaVu Serif" fo:font-size="11pt"/></style:style>
 <style:style style:name="Title1" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/><style:text-properties style:font-name="DejaVu Serif" fo:font-size="15pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Head2" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.2cm"/><style:text-properties style:font-name="DejaVu Serif" fo:font-size="12pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Head2Break" style:family="paragraph" style:parent-style-name="Head2"><style:paragraph-properties fo:break-before="page"/></style:style>
 <style:style style:name="Furniture" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="DejaVu Serif" fo:font-size="9pt"/></style:style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="14.8cm" fo:page-height="21cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="1.5cm"/><style:header-style/><style:footer-style/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL">
 <style:header><text:p text:style-name="Furniture">Đảng bộ phường Bến Thành – Tài liệu hội thảo</text:p></style:header>
 <style:footer><text:p text:style-name="Furniture">Trang <text:page-number text:select-page="current"/></text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
%s
</office:text></office:body></office:document>
""" % "\n".join(body)
open(sys.argv[2], "w", encoding="utf-8").write(doc)
