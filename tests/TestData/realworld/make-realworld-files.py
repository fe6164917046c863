#!/usr/bin/python3
"""Writes the committed files of the real-world corpus (tests/TestData/realworld): workbooks saved by LibreOffice, which
the tests cannot make in code. Run from the repository root:

    apt-get install -y libreoffice-calc-nogui python3-openpyxl
    /usr/bin/python3 tests/TestData/realworld/make-realworld-files.py

Each workbook is laid out with openpyxl, then opened and saved again by LibreOffice Calc (headless), so the committed
bytes are LibreOffice's own .xlsx, .xls (BIFF8) and .ods writers. The expectations are in tests/RealWorld/FormatCases.cs
and (the long layout and two-sheet returns) tests/RealWorld/RoundTwoCases.cs.
"""
import datetime, os, shutil, subprocess, tempfile
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))


def census_return(wb):
    """CenSus (Adur, Horsham, Mid Sussex): title row, header on row 2, a service merged down two rows, a total formula."""
    ws = wb.active
    ws.title = "CenSus 2012"
    ws.append(["CenSus partnership - shared services return 2012/13"])
    ws.merge_cells("A1:G1")
    ws.append(["Arrangement", "Partners", "Service area", "Start date", "Status", "Annual savings (£)", "Savings to date (£)"])
    ws.append(["CenSus revenues and benefits", "Adur District Council; Horsham District Council; Mid Sussex District Council", "Revenues and benefits", datetime.date(2008, 4, 1), "Live", 700000, 2800000])
    ws.append(["CenSus ICT", "Adur DC; Horsham DC; Mid Sussex DC", None, datetime.date(2009, 10, 1), "Live", "£250k", None])
    ws.merge_cells("C3:C4")
    ws.append(["Joint West Sussex parking partnership", "Adur District Council; Horsham District Council; Mid Sussex District Council; West Sussex County Council", "Parking", "2010/11", "Live", "£40,000", None])
    ws.append(["Total", None, None, None, None, "=SUM(F3:F5)", "=SUM(G3:G5)"])
    for row in ws.iter_rows(min_row=3, max_row=5, min_col=4, max_col=4):
        for cell in row:
            if isinstance(cell.value, datetime.date):
                cell.number_format = "DD/MM/YYYY"
    lists = wb.create_sheet("Lists")
    lists.append(["Live"]); lists.append(["Planned"]); lists.append(["Ended"])
    lists.sheet_state = "hidden"


def west_kent_return(wb):
    """West Kent (Sevenoaks, Dartford, Tunbridge Wells, Tonbridge and Malling): an old .xls with a notes row and a year as a number."""
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["Notes: one row per shared service. Savings are per year."])
    ws.append(["Ref", "Name of arrangement", "Councils involved", "Lead council", "Service", "Start year", "Annual saving", "Status"])
    ws.append(["WK1", "West Kent revenues and benefits partnership", "Sevenoaks District Council; Dartford Borough Council", "Sevenoaks District Council", "Revenues & Benefits", 2006, 450000, "Live"])
    ws.append(["WK2", "Shared audit partnership", "Sevenoaks DC; Dartford BC; Tunbridge Wells BC; Tonbridge & Malling BC", "Dartford", "Internal Audit", datetime.date(2009, 4, 1), "£60,000", "Live"])
    ws.append(["WK3", "Joint licensing partnership", "Sevenoaks District Council; Tunbridge Wells Borough Council", None, "Licensing", "2011/12", None, "Planned"])
    ws["F4"].number_format = "DD/MM/YYYY"


def lewes_ods(wb):
    ws = wb.active
    ws.title = "Return"
    ws.append(["Arrangement", "Partners", "Service area"])
    ws.append(["Joint waste collection", "Lewes District Council; Eastbourne Borough Council", "Waste collection"])


def east_devon_long_layout(wb):
    """East Devon: a title block, then the long layout (an arrangement's partners on the rows under it, the title merged down
    over them, Lead? marked Y), a blank row between blocks, partners listing only the others, a partner's share of a saving."""
    ws = wb.active
    ws.title = "Partnerships"
    ws.append(["Council: East Devon District Council"])
    ws.append(["Return for 2012/13"])
    ws.append([])
    ws.append(["Arrangement", "Partner(s)", "Lead?", "Service area", "Start date", "Annual savings (£)"])
    ws.append(["Strata Service Solutions", "Exeter City Council", "Y", "ICT", datetime.date(2014, 11, 1), 400000])
    ws.append([None, "Teignbridge District Council", None, None, None, None])
    ws.append([None, "East Devon District Council", None, None, None, 130000])
    ws.append([])
    ws.append(["Devon building control partnership", "East Devon DC", "Y", "Building control", "2011/12", "£50k"])
    ws.append([None, "Mid Devon DC", None, None, None, None])
    ws.append([])
    ws.append(["Devon audit partnership", "Devon County Council", "Y", "Internal audit", "2009", None])
    ws.append([None, "Torbay Council", None, None, None, None])
    ws.append([None, "Plymouth City Council", None, None, None, None])
    for merged in ("A5:A7", "D5:D7", "E5:E7", "A12:A14", "D12:D14", "E12:E14"):
        ws.merge_cells(merged)
    ws["E5"].number_format = "DD/MM/YYYY"
    ws.freeze_panes = "A5"


def east_sussex_relational(wb):
    """East Sussex: a two-sheet return in an old .xls, the partners first (the reference merged down over an arrangement's
    partners, the lead marked x), the arrangements on the second sheet; default sheet names."""
    partners = wb.active
    partners.title = "Sheet1"
    partners.append(["Ref", "Partner council", "Lead authority?", "Type"])
    partners.append(["ES1", "Lewes District Council", None, "District"])
    partners.append([None, "Eastbourne Borough Council", "x", "District"])
    partners.append(["ES2", "Hastings Borough Council", None, "District"])
    partners.append([None, "Rother District Council", None, "District"])
    partners.append([None, "Wealden District Council", "x", "District"])
    partners.append([None, "East Sussex County Council", None, "County"])
    partners.merge_cells("A2:A3")
    partners.merge_cells("A4:A7")
    arrangements = wb.create_sheet("Sheet2")
    arrangements.append(["Ref", "Arrangement", "Service area", "Start date", "Status"])
    arrangements.append(["ES1", "Lewes and Eastbourne joint working", "Shared management team", datetime.date(2016, 4, 1), "Live"])
    arrangements.append(["ES2", "East Sussex building control partnership", "Building control", "2011/12", "Live"])
    arrangements["D2"].number_format = "DD/MM/YYYY"


def convert(build, target, filter_name):
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "source.xlsx")
        wb = openpyxl.Workbook()
        build(wb)
        wb.save(source)
        profile = "file://" + os.path.join(tmp, "profile")
        out = os.path.join(tmp, "out")
        subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", filter_name, "--outdir", out, source],
                       check=True, stdout=subprocess.DEVNULL, timeout=180)
        extension = filter_name.split(":")[0]
        shutil.copyfile(os.path.join(out, "source." + extension), os.path.join(HERE, target))
        print("wrote", target)


convert(census_return, "census-libreoffice.xlsx", 'xlsx:Calc MS Excel 2007 XML')
convert(west_kent_return, "west-kent-legacy.xls", "xls:MS Excel 97")
convert(lewes_ods, "lewes-libreoffice.ods", "ods")
convert(east_devon_long_layout, "east-devon-long-libreoffice.xlsx", 'xlsx:Calc MS Excel 2007 XML')
convert(east_sussex_relational, "east-sussex-relational-libreoffice.xls", "xls:MS Excel 97")
