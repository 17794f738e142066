#!/usr/bin/env python3
"""make.py - the foreign PDFs that preflight's tests read (tests/e2e/print.sh).

Small hand-written PDFs, each with one fault a print shop looks for. Run it
here (python3 make.py, with qpdf installed) and commit what it writes.
Every page is an A4 trim (595.28 x 841.89 pt) with 3 mm (8.5 pt) of bleed
around it unless said otherwise; the background is dark blue.
"""
import subprocess

B = 8.5  # 3 mm
W, H = 595.28 + 2 * B, 841.89 + 2 * B
TRIM = [B, B, W - B, H - B]
BLEED = [0, 0, W, H]
FULL = "0.1 0.1 0.4 rg 0 0 %.2f %.2f re f\n" % (W, H)


def box(b):
    return "[%s]" % " ".join("%.2f" % v for v in b)


def pdf(path, pages, font=False, intent=None):
    """pages: a list of (extra page dict entries, content stream); intent:
    an ICC profile's path, embedded as the FOGRA39 output intent."""
    objs = []
    kids = []
    n_pages = len(pages)
    # 1 catalog, 2 pages, 3 font, then page and content pairs
    for i, (extra, content) in enumerate(pages):
        page_id = 4 + 2 * i
        kids.append("%d 0 R" % page_id)
    intents = ""
    if intent:
        intents = ("/OutputIntents [<< /Type /OutputIntent /S /GTS_PDFX "
                   "/OutputConditionIdentifier (FOGRA39) /DestOutputProfile %d 0 R >>]"
                   % (4 + 2 * n_pages))
    objs.append("<< /Type /Catalog /Pages 2 0 R %s>>" % (intents + " " if intents else ""))
    objs.append("<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(kids), n_pages))
    objs.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, (extra, content) in enumerate(pages):
        res = "<< /Font << /F1 3 0 R >> >>" if font else "<< >>"
        objs.append("<< /Type /Page /Parent 2 0 R /MediaBox %s %s /Resources %s /Contents %d 0 R >>"
                    % (box(BLEED), extra, res, 5 + 2 * i))
        data = content.encode("latin-1")
        objs.append("<< /Length %d >>\nstream\n" % len(data) + content + "\nendstream")
    if intent:
        with open(intent, "rb") as f:
            icc = f.read().decode("latin-1")
        objs.append("<< /N 4 /Length %d >>\nstream\n" % len(icc) + icc + "\nendstream")
    out = b"%PDF-1.6\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        out += ("%d 0 obj\n%s\nendobj\n" % (i + 1, o)).encode("latin-1")
    xref = len(out)
    out += ("xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)).encode()
    for off in offsets:
        out += ("%010d 00000 n \n" % off).encode()
    out += ("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objs) + 1, xref)).encode()
    with open(path, "wb") as f:
        f.write(out)
    subprocess.run(["qpdf", "--check", path], check=True, stdout=subprocess.DEVNULL)


boxes = "/TrimBox %s /BleedBox %s" % (box(TRIM), box(BLEED))

# The background stops at the cut on the left: the bleed there is paper.
pdf("white-left.pdf", [(boxes, "0.1 0.1 0.4 rg %.2f 0 %.2f %.2f re f" % (B, W - B, H))])

# Three pages; the second has no bleed box beyond its trim.
pdf("second-page-no-bleed.pdf", [
    (boxes, FULL),
    ("/TrimBox %s /BleedBox %s" % (box(TRIM), box(TRIM)), FULL),
    (boxes, FULL)])

# Turned 90 degrees clockwise: what PDF calls the left is seen at the top.
# Only 1.5 mm of bleed there, and it is white.
left = 4.25
pdf("rotated.pdf", [("/Rotate 90 /TrimBox %s /BleedBox %s" % (box(TRIM), box([left, 0, W, H])),
                     "0.1 0.1 0.4 rg %.2f 0 %.2f %.2f re f" % (B, W - B, H))])

# A crop box inside the trim: viewers and RIPs cut 4.1 mm off each side.
pdf("cropped.pdf", [(boxes + " /CropBox %s" % box([20, 20, W - 20, H - 20]), FULL)])

# A 0.2 pt line drawn at half scale (0.1 pt) and 4 pt text (scaled by Tm).
pdf("thin.pdf", [(boxes,
                  FULL + "q 0.5 0 0 0.5 0 0 cm 1 1 1 RG 0.2 w 200 400 m 800 400 l S Q\n"
                  "BT 1 1 1 rg /F1 1 Tf 4 0 0 4 100 400 Tm (tiny print) Tj ET")],
    font=True)

# Full bleed, then encrypted with printing forbidden (an empty user
# password: it opens, but may not be printed).
pdf("full.pdf", [(boxes, FULL)])
subprocess.run(["qpdf", "--encrypt", "", "owner", "256", "--print=none", "--",
                "full.pdf", "locked.pdf"], check=True)

# 400% ink: a patch of 100% cyan, magenta, yellow and black on a CMYK
# background, under a CMYK output intent (Ghostscript's small CMYK profile,
# from Debian's ghostscript package).
pdf("ink-400.pdf", [(boxes, "0.9 0.7 0 0.1 k 0 0 %.2f %.2f re f\n"
                     "1 1 1 1 k 100 100 200 200 re f" % (W, H))],
    intent="/usr/share/color/icc/ghostscript/ps_cmyk.icc")
