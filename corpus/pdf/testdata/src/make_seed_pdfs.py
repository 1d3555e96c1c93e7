"""Writes the hand-made minimal PDFs that seed FuzzExtract (own work):
    python3 make_seed_pdfs.py /tmp/seeds && go run seedfile.go ../fuzz/FuzzExtract /tmp/seeds/*.pdf ../lo-txt.pdf"""
import os, sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def pdf(content, fonts="/F1 5 0 R", form_res=""):
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << %s >> /XObject << /X1 6 0 R >> >> /Contents 4 0 R >>" % fonts,
        "<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [65 /ohornacute /dcroat /uni1EA1] >> >>",
        "<< /Type /XObject /Subtype /Form /BBox [0 0 300 200] %s/Matrix [1 0 0 1 10 10] /Length 35 >>\nstream\nBT /F1 9 Tf 0 0 Td (form text) Tj ET\nendstream" % form_res,
    ]
    data = "%PDF-1.4\n"
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(data))
        data += "%d 0 obj\n%s\nendobj\n" % (i + 1, o)
    x = len(data)
    data += "xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        data += "%010d 00000 n \n" % o
    data += "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    return data.encode("latin1")


def write(name, data):
    open(os.path.join(out, name), "wb").write(data)


write("minimal.pdf", pdf("BT /F1 12 Tf 20 150 Td (Chi bo ABC) Tj T* [(xa) -300 (hoi)] TJ ET"))
write("operators.pdf", pdf("q 1 0 0 1 5 5 cm BT /F1 10 Tf 2 Tc 3 Tw 90 Tz 14 TL 1 Ts 10 100 TD (a b) Tj (c) ' 1 2 (d) \" ET Q /X1 Do BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI /Span <</ActualText <FEFF1EA1>>> BDC BT /F1 8 Tf 0 0 Td (a) Tj ET EMC"))
write("cyclic-form.pdf", pdf("/X1 Do", form_res="/Resources << /XObject << /X1 6 0 R >> >> "))
write("no-font.pdf", pdf("BT /F9 12 Tf (x) Tj ET Tj TJ ) ] >> <<", fonts=""))
write("header-only.pdf", b"%PDF-1.7\n%%EOF\n")
