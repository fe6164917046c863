#!/usr/bin/python3
"""Writes the small committed intake test files (tests/TestData/intake). Run from the repository root:

    apt-get install -y libreoffice-calc-nogui python3-uno   # for the .xls files
    /usr/bin/python3 tests/TestData/intake/make-test-files.py

Big files (a million blank rows, zip bombs, thousands of parts) are made by the tests in code, never committed.
The encrypted .xlsx cannot be written by LibreOffice headless; see README.md beside this file for how it was made.
"""
import os, random, subprocess, time, zipfile, io

HERE = os.path.dirname(os.path.abspath(__file__))
MALFORMED = os.path.join(HERE, "malformed")
XLS = os.path.join(HERE, "xls")

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def xlsx(sheet_xml, extra=None):
    """A minimal workbook: one sheet, inline strings, no styles (what ExcelDataReader needs and no more)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Arrangements" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return out.getvalue()


def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def row(r, values):
    cells = "".join(f'<c r="{col(i)}{r}" t="inlineStr"><is><t>{v}</t></is></c>' for i, v in enumerate(values) if v is not None)
    return f'<row r="{r}">{cells}</row>'


def sheet(*rows, head=""):
    return f'<?xml version="1.0" encoding="UTF-8"?>{head}<worksheet {NS}><sheetData>{"".join(rows)}</sheetData></worksheet>'


HEADER = ["Reference", "Arrangement", "Partners", "Service area"]
GOOD = ["M-01", "Shared legal service", "Essex County Council; Slough Borough Council", "Legal"]


def write(name, data):
    with open(os.path.join(MALFORMED, name), "wb") as f:
        f.write(data)


def malformed():
    rnd = random.Random(20261128)
    write("empty.xlsx", b"")
    write("random-bytes.xlsx", bytes(rnd.getrandbits(8) for _ in range(4096)))
    good = xlsx(sheet(row(1, HEADER), row(2, GOOD)))
    write("truncated.xlsx", good[: len(good) // 2])
    write("header-only.xlsx", xlsx(sheet(row(1, HEADER))))
    write("no-header-row.xlsx", xlsx(sheet(row(1, ["Thank you for your return."]), row(2, ["We will be in touch."]))))
    write("required-column-missing.xlsx", xlsx(sheet(row(1, ["Reference", "Arrangement", "Partners"]), row(2, GOOD[:3]))))
    write("word-document.xlsx", zip_with({"word/document.xml": "<document/>", "[Content_Types].xml": "<Types/>"}))
    write("binary-workbook.xlsb", zip_with({"xl/workbook.bin": b"\x83\x01\x00", "[Content_Types].xml": "<Types/>"}))
    write("plain-zip.xlsx", zip_with({"notes.txt": "arrangements to follow"}))
    lol = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    write("xml-entity-expansion.xlsx", xlsx(sheet(row(1, ["&lol3;"] + HEADER[1:]), row(2, GOOD), head=lol)))
    write("broken-xml.xlsx", xlsx(f'<?xml version="1.0"?><worksheet {NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Arrangement</t></is></c>'))
    write("cell-beyond-last-column.xlsx", xlsx(sheet(row(1, HEADER), '<row r="2"><c r="ZZZZZZZ2" t="inlineStr"><is><t>x</t></is></c></row>')))
    write("row-two-billion.xlsx", xlsx(sheet(row(1, HEADER), '<row r="2000000000"><c r="B2000000000" t="inlineStr"><is><t>Far away</t></is></c></row>')))
    deep = "<x>" * 50_000 + "</x>" * 50_000
    write("deeply-nested-xml.xlsx", xlsx(sheet(row(1, HEADER), deep)))
    write("pdf-renamed.xlsx", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    write("html-table.xls", b"<html><body><table><tr><td>Arrangement</td><td>Partners</td><td>Service area</td></tr></table></body></html>\n")
    write("spreadsheet-2003.xls", b'<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sheet1" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Table/></Worksheet></Workbook>\n')
    write("nul-byte.csv", b"Arrangement,Partners,Service area\r\nShared legal,Essex County Council;Slough Borough Council,Le\x00gal\r\n")
    write("header-only.csv", b"Arrangement,Partners,Service area\r\n")


def zip_with(parts):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def libreoffice():
    import uno
    from com.sun.star.beans import PropertyValue

    def prop(n, v):
        p = PropertyValue()
        p.Name, p.Value = n, v
        return p

    port = 2099
    proc = subprocess.Popen(["soffice", "--headless", "--invisible", "--nologo", "--norestore",
                             "-env:UserInstallation=file:///tmp/ssp-lo-profile", f"--accept=socket,host=127.0.0.1,port={port};urp;"])
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(60):
            try:
                ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(1)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
        sheets = doc.Sheets
        guidance = sheets.getByIndex(0)
        guidance.Name = "Guidance"
        guidance.getCellByPosition(0, 0).setString("How to fill in this return")
        guidance.getCellByPosition(0, 2).setString("Example:")
        for i, h in enumerate(["Arrangement", "Partners", "Service area"]):
            guidance.getCellByPosition(i, 3).setString(h)
        for i, v in enumerate(["Example shared service", "Essex County Council; Slough Borough Council", "Legal"]):
            guidance.getCellByPosition(i, 4).setString(v)

        sheets.insertNewByName("Return 2011-12", 1)
        data = sheets.getByName("Return 2011-12")
        locale = uno.createUnoStruct("com.sun.star.lang.Locale")
        locale.Language, locale.Country = "en", "GB"
        formats = doc.NumberFormats
        date_format = formats.queryKey("DD/MM/YYYY", locale, False)
        if date_format == -1:
            date_format = formats.addNew("DD/MM/YYYY", locale)

        data.getCellByPosition(0, 0).setString("Shared services return 2011/12")
        data.getCellRangeByName("A1:D1").merge(True)
        data.getCellByPosition(0, 1).setString("One row per arrangement. Savings in pounds.")
        header = ["Ref", "Name of arrangement", "Councils involved", "Service", "Start date", "Annual saving", "Savings to date (£)", "Status"]
        for i, h in enumerate(header):
            data.getCellByPosition(i, 2).setString(h)
        rows = [
            ["XLS-01", "Shared legal service", "Essex County Council; Slough Borough Council", "Legal", ("date", 40634), 250000, ("formula", "=F4*2"), "Live"],
            ["XLS-02", "Joint legal team", "Essex County Council\nBrentwood Borough Council", None, 2010, "£40k", None, "Live"],
            ["XLS-03", "Café and museums partnership", "Slough Borough Council; Essex County Council", "Museums", "2009/10", None, "c. £1,200", "Planned"],
        ]
        for r, values in enumerate(rows, start=3):
            for c, v in enumerate(values):
                cell = data.getCellByPosition(c, r)
                if v is None:
                    continue
                if isinstance(v, tuple) and v[0] == "date":
                    cell.setValue(v[1])
                    cell.NumberFormat = date_format
                elif isinstance(v, tuple) and v[0] == "formula":
                    cell.setFormula(v[1])
                elif isinstance(v, (int, float)):
                    cell.setValue(v)
                else:
                    cell.setString(v)
        data.getCellRangeByName("D4:D5").merge(True)  # "Legal" for XLS-01 and XLS-02
        data.getCellByPosition(1, 6).setString("Total")
        data.getCellByPosition(5, 6).setFormula("=SUM(F4:F6)")

        sheets.insertNewByName("Lists", 2)
        lists = sheets.getByName("Lists")
        for i, h in enumerate(["Arrangement", "Partners", "Service area"]):
            lists.getCellByPosition(i, 0).setString(h)
        lists.getCellByPosition(0, 1).setString("Hidden lookup row")
        lists.getCellByPosition(1, 1).setString("Essex County Council; Slough Borough Council")
        lists.getCellByPosition(2, 1).setString("Legal")
        lists.IsVisible = False

        doc.storeToURL("file://" + os.path.join(XLS, "district-return.xls"), (prop("FilterName", "MS Excel 97"),))
        doc.storeToURL("file://" + os.path.join(MALFORMED, "password-protected.xls"), (prop("FilterName", "MS Excel 97"), prop("Password", "secret")))
        doc.storeToURL("file:///tmp/ssp-plain-for-encryption.xlsx", (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    os.makedirs(MALFORMED, exist_ok=True)
    os.makedirs(XLS, exist_ok=True)
    malformed()
    libreoffice()
