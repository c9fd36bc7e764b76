#!/usr/bin/env python3
"""The papers as officials receive them: every kind written by `thidua doc` from the sample, then
- each .docx opened with python-docx (Debian's python3-docx): national title, motto (underlined), document type,
  the figures (votes, totals, ranks) equal to the engine's, the signature blocks, A4 and the margins, the
  synthetic-data line in the page header;
- each .xlsx read back with openpyxl (python3-openpyxl): numbers are numbers, equal to the engine's;
- each .docx converted to PDF by LibreOffice (libreoffice-writer-nogui) without error, and rendered to PNG
  (pdftoppm, poppler-utils) into OUT_DIR/png for a person to look at.
The engine's figures come from thidua_tests itself ("docs: the engine's figures for check_docs.py").

usage: check_docs.py THIDUA_CLI THIDUA_TESTS SOURCE_DIR OUT_DIR
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import docx
import openpyxl
from docx.shared import Mm

cli, tests_bin, source, out = sys.argv[1:5]
data = os.path.join(source, "assets", "data", "cum1")
os.makedirs(out, exist_ok=True)
failures = []


def check(cond, message):
    if not cond:
        failures.append(message)
        print("FAIL:", message)


expected_path = os.path.join(out, "expected.json")
env = dict(os.environ, THIDUA_DOCS_EXPECTED=expected_path)
subprocess.run([tests_bin, "--test-case=the engine's figures for check_docs.py"], env=env, check=True,
               stdout=subprocess.DEVNULL)
expected = json.load(open(expected_path, encoding="utf-8"))


def vn(x):  # 97.58 -> "97,58", 95.0 -> "95" (text::FormatPoints)
    s = ("%.2f" % x).rstrip("0").rstrip(".")
    return s.replace(".", ",")


def doc_lines(document):
    """Every paragraph's text, tables included (cells in order), and each table as rows of cell texts."""
    lines, tables = [], []
    for p in document.paragraphs:
        lines.append(p.text)
    for t in document.tables:
        rows = []
        for row in t.rows:
            cells = [c.text for c in row.cells]
            rows.append(cells)
            for c in row.cells:
                lines.extend(p.text for p in c.paragraphs)
        tables.append(rows)
    return lines, tables


def write(kind, args, name):
    path = os.path.join(out, name)
    r = subprocess.run([cli, "doc", kind] + args + [data, path], capture_output=True, text=True)
    check(r.returncode == 0, f"thidua doc {kind} {args} -> {name}: exit {r.returncode}: {r.stderr.strip()}")
    return path


papers = [
    ("giao-uoc-thi-dua", ["--year", "2021"], "giao-uoc-thi-dua-2021", "GIAO ƯỚC THI ĐUA"),
    ("bien-ban-hoi-nghi", ["--meeting", "mtg.cum1.2021-12-15.tong-ket"], "bien-ban-hoi-nghi-2021-12-15", "BIÊN BẢN"),
    ("bien-ban-hoi-nghi", ["--meeting", "mtg.cum1.2025-12-15.tong-ket"], "bien-ban-hoi-nghi-2025-12-15", "BIÊN BẢN"),
    ("bien-ban-kiem-phieu", ["--ballot", "ballot.cum1.2021.suy-ton.r2"], "bien-ban-kiem-phieu-2021-vong-2", "BIÊN BẢN KIỂM PHIẾU"),
    ("bien-ban-kiem-phieu", ["--ballot", "ballot.cum1.2025.suy-ton.r1"], "bien-ban-kiem-phieu-2025-vong-1", "BIÊN BẢN KIỂM PHIẾU"),
    ("to-trinh-khen-thuong", ["--year", "2021", "--date", "2021-12-20"], "to-trinh-khen-thuong-2021", "TỜ TRÌNH"),
    ("bang-tong-hop-diem", ["--year", "2021"], "bang-tong-hop-diem-2021",
     "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA NĂM 2021"),
]

docx_files = []
for kind, args, stem, doc_type in papers:
    path = write(kind, args, stem + ".docx")
    write(kind, args, stem + ".html")
    if not os.path.exists(path):
        continue
    docx_files.append(path)
    d = docx.Document(path)
    lines, tables = doc_lines(d)
    where = stem + ".docx"
    check(doc_type in lines, f"{where}: the document type '{doc_type}' is a paragraph of its own")
    if kind != "bang-tong-hop-diem":
        check("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines, f"{where}: national title")
        motto = [p for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs
                 if p.text == "Độc lập - Tự do - Hạnh phúc"]
        check(motto and all(r.underline for r in motto[0].runs) and all(r.bold for r in motto[0].runs),
              f"{where}: motto bold and underlined")
        check(any(l.startswith("Bắc Ninh, ngày ") or l.startswith("Ninh Bình, ngày ") for l in lines),
              f"{where}: place and date line")
    check("CỤM THI ĐUA SỐ I" in lines, f"{where}: the issuing body")
    header_text = " ".join(p.text for p in d.sections[0].header.paragraphs)
    check("DỮ LIỆU MINH HỌA" in header_text, f"{where}: the synthetic-data line in the page header")
    sec = d.sections[0]
    landscape = kind == "bang-tong-hop-diem"
    check(abs(sec.page_width.mm - (297 if landscape else 210)) < 1 and abs(sec.page_height.mm - (210 if landscape else 297)) < 1,
          f"{where}: A4 {'landscape' if landscape else 'portrait'}")
    check(20 <= round(sec.top_margin.mm) <= 25 and 30 <= round(sec.left_margin.mm) <= 35 and 15 <= round(sec.right_margin.mm) <= 20,
          f"{where}: margins within the decree's ranges")
    check(d.styles["Normal"].font.name == "Times New Roman" or
          "Times New Roman" in d.styles.element.xml, f"{where}: Times New Roman")

    if kind == "giao-uoc-thi-dua":
        for m in expected["years"]["2021"]:
            block = m["short_name"].upper()
            check(block in lines, f"{where}: a signature block for {m['short_name']}")
        check(lines.count("GIÁM ĐỐC") == len(expected["years"]["2021"]), f"{where}: one signatory title per member")
    if kind == "bien-ban-hoi-nghi":
        check("CHỦ TRÌ" in lines and "THƯ KÝ" in lines, f"{where}: chair and secretary signature blocks")
    if kind == "bien-ban-kiem-phieu":
        ballot = expected["ballots"][args[1]]
        check("TRƯỞNG BAN KIỂM PHIẾU" in lines, f"{where}: the counting committee's signature block")
        tally = [t for t in tables if t and t[0][:3] == ["STT", "Đơn vị", "Số phiếu bầu"]]
        check(len(tally) == ballot["round"], f"{where}: one tally table per round ({len(tally)})")
        if tally:
            got = {row[1]: (int(row[2]), row[3]) for row in tally[-1][1:]}
            for c in ballot["counts"]:
                check(c["name"] in got and got[c["name"]][0] == c["votes"],
                      f"{where}: {c['name']} has {c['votes']} votes (got {got.get(c['name'])})")
                check(c["name"] in got and got[c["name"]][1] == ("%.2f" % c["percent"]).replace(".", ",") + "\u00a0%",
                      f"{where}: {c['name']} percentage {c['percent']} (got {got.get(c['name'])})")
        check(any(l.startswith("Kết quả: ") and "trúng cử" in l for l in lines) == (ballot["result"] == "pass"),
              f"{where}: the outcome line")
    if kind == "to-trinh-khen-thuong":
        check("CỤM TRƯỞNG" in lines and "TM. CỤM THI ĐUA SỐ I" in lines, f"{where}: the chair's signature block")
        check("Nơi nhận:" in lines, f"{where}: recipients")
        check("Bắc Ninh, ngày 20 tháng 12 năm 2021" in lines, f"{where}: the --date on the date line")
        check(any("Sở Tài nguyên và Môi trường tỉnh Vĩnh Phúc" == row[1] for t in tables for row in t if len(row) > 1),
              f"{where}: the flag goes to the ballot's winner")
    if kind == "bang-tong-hop-diem":
        table = [t for t in tables if t and t[0][:2] == ["STT", "Đơn vị"]]
        check(len(table) == 1, f"{where}: one score table")
        if table:
            rows = table[0][1:]
            exp = expected["years"]["2021"]
            check(len(rows) == len(exp), f"{where}: one row per member")
            for row, m in zip(rows, exp):
                check(row[1] == m["short_name"] and row[-3] == m["total_text"] and row[-2] == str(m["rank"]),
                      f"{where}: {m['short_name']} total {m['total_text']} rank {m['rank']} (got {row[1]}, {row[-3]}, {row[-2]})")
        check("CỤM TRƯỞNG" in lines and "NGƯỜI LẬP BẢNG" in lines, f"{where}: signature blocks")

# ---- spreadsheets -----------------------------------------------------------------------------------------------
x = write("bang-tong-hop-diem", ["--year", "2021"], "bang-tong-hop-diem-2021.xlsx")
if os.path.exists(x):
    ws = openpyxl.load_workbook(x).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    head = [i for i, r in enumerate(rows) if r and r[0] == "STT"]
    check(len(head) == 1, "score xlsx: one header row")
    if head:
        header = rows[head[0]]
        check("Tổng điểm" in header and "Xếp hạng" in header, f"score xlsx: Vietnamese headers {header}")
        ti, ri = header.index("Tổng điểm"), header.index("Xếp hạng")
        data_rows = rows[head[0] + 1:]
        for r, m in zip(data_rows, expected["years"]["2021"]):
            check(isinstance(r[ti], (int, float)) and abs(r[ti] - m["total"]) < 1e-9,
                  f"score xlsx: {m['name']} total {m['total']} as a number (got {r[ti]!r})")
            check(isinstance(r[ri], int) and r[ri] == m["rank"], f"score xlsx: {m['name']} rank {m['rank']} (got {r[ri]!r})")
            check(r[1] == m["name"], f"score xlsx: row order {r[1]} vs {m['name']}")
x = write("bien-ban-kiem-phieu", ["--ballot", "ballot.cum1.2021.suy-ton.r2"], "bien-ban-kiem-phieu-2021-vong-2.xlsx")
if os.path.exists(x):
    wb = openpyxl.load_workbook(x)
    check(wb.sheetnames == ["Vòng 1", "Vòng 2"], f"ballot xlsx: one sheet per round {wb.sheetnames}")
    for name, ballot_id in (("Vòng 1", "ballot.cum1.2021.suy-ton.r1"), ("Vòng 2", "ballot.cum1.2021.suy-ton.r2")):
        rows = list(wb[name].iter_rows(values_only=True))
        ballot = expected["ballots"][ballot_id]
        issued = [r for r in rows if len(r) > 2 and r[1] == "Số phiếu phát ra"]
        check(issued and issued[0][2] == ballot["issued"] and isinstance(issued[0][2], int), f"ballot xlsx {name}: ballots issued")
        got = {r[1]: r for r in rows if len(r) > 3 and isinstance(r[0], int)}
        for c in ballot["counts"]:
            r = got.get(c["name"])
            check(r is not None and r[2] == c["votes"] and isinstance(r[2], int), f"ballot xlsx {name}: {c['name']} votes")
            check(r is not None and isinstance(r[3], (int, float)) and abs(r[3] - c["percent"]) < 1e-9,
                  f"ballot xlsx {name}: {c['name']} percent {c['percent']} (got {r and r[3]!r})")

# ---- bad data: a clear message, no file ---------------------------------------------------------------------------
tmp = tempfile.mkdtemp()
shutil.copytree(data, os.path.join(tmp, "data"))
res_path = os.path.join(tmp, "data", "years", "2021", "results.json")
res = json.load(open(res_path, encoding="utf-8"))
res["ballots"][1]["counts"] = []
json.dump(res, open(res_path, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
bad_out = os.path.join(tmp, "bad.docx")
r = subprocess.run([cli, "doc", "bien-ban-kiem-phieu", "--ballot", "ballot.cum1.2021.suy-ton.r2", os.path.join(tmp, "data"), bad_out],
                   capture_output=True, text=True)
check(r.returncode == 1 and "years/2021/results.json:/ballots/1/counts: chưa ghi số phiếu" in r.stderr and not os.path.exists(bad_out),
      f"a ballot without counts: exit {r.returncode}, {r.stderr.strip()!r}")
shutil.rmtree(tmp)

# ---- LibreOffice: every .docx converts to PDF; PNGs for a person to look at ------------------------------------
soffice = shutil.which("soffice")
check(soffice is not None, "LibreOffice (soffice) is installed (scripts/setup: libreoffice-writer-nogui)")
if soffice and docx_files:
    pdf_dir = os.path.join(out, "pdf")
    os.makedirs(pdf_dir, exist_ok=True)
    profile = tempfile.mkdtemp()
    r = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", pdf_dir] + docx_files, capture_output=True, text=True, timeout=300)
    shutil.rmtree(profile, ignore_errors=True)
    check(r.returncode == 0, f"soffice exit {r.returncode}: {r.stderr.strip()}")
    png_dir = os.path.join(out, "png")
    os.makedirs(png_dir, exist_ok=True)
    for f in docx_files:
        stem = os.path.splitext(os.path.basename(f))[0]
        pdf = os.path.join(pdf_dir, stem + ".pdf")
        check(os.path.exists(pdf) and os.path.getsize(pdf) > 1000, f"{stem}.pdf written by LibreOffice")
        if os.path.exists(pdf) and shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-r", "60", "-png", pdf, os.path.join(png_dir, stem)], check=False)
            info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
            print(f"{stem}.pdf: {[l for l in info.splitlines() if l.startswith(('Pages', 'Page size'))]}")

print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
