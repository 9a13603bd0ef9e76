"""Generate thirteen fictitious announcements of issuers the converter has never seen, with truth.

Run ``python tests/data/unseen/generate.py`` to rewrite ``<name>.txt`` (the announcement) and
``<name>.csv`` (statement,label,period,component,value: every printed figure, the value as
printed with its sign, ``nil`` for a dash). The figures are built from a few chosen amounts so
that every subtotal, the balance sheet, the equity roll-forward and the cash-flow reconciliation
hold; the renderers then damage them the way real extractions do (layout text with page
furniture, minus signs and one decimal, OCR letters and a duplicated page). The companies and
figures are invented.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
D = Decimal


# --------------------------------------------------------------------------- statement model
@dataclass
class Stmt:
    kind: str
    title: list[str]
    rows: list[tuple] = field(default_factory=list)   # ("h", label) | ("r", label, note, {year: v})

    def h(self, label: str) -> None:
        self.rows.append(("h", label))

    def r(self, label: str, cur, prior, note: str = "") -> tuple:
        self.rows.append(("r", label, note, (D(cur), D(prior))))
        return D(cur), D(prior)

    def rn(self, label: str, values, note: str = "") -> tuple:
        """A row of any number of columns (a quarterly report's quarter and year to date)."""
        vals = tuple(D(v) for v in values)
        self.rows.append(("r", label, note, vals))
        return vals


@dataclass
class Equity:
    title: list[str]
    components: list[str]
    blocks: list[tuple[str, list[tuple[str, list[Decimal]]]]] = field(default_factory=list)


def add(*pairs):
    """Column-wise sum of equal-length tuples (two periods, or four in a quarterly report)."""
    return tuple(sum((p[i] for p in pairs), D(0)) for i in range(len(pairs[0])))


def neg(p):
    return tuple(-x for x in p)


def truth_rows(stmts, equity: Equity, years: tuple[str, ...]) -> list[list[str]]:
    out = []
    for s in stmts:
        for row in s.rows:
            if row[0] != "r":
                continue
            for year, value in zip(years, row[3]):
                out.append([s.kind, row[1], year, "", "nil" if value == 0 else str(value)])
    for year, rows in equity.blocks:
        for label, values in rows:
            for comp, value in zip(equity.components, values):
                out.append(["changes_in_equity", label, year, comp,
                            "nil" if value == 0 else str(value)])
    return out


def equity_blocks(opening: list[Decimal], movements_by_year, closing_label, opening_label):
    """Roll equity forward: movements per year are (label, per-component values); a line named
    'Total comprehensive income…' is printed after the items it sums (marked by '=')."""
    blocks = []
    bal = opening
    for year, moves in movements_by_year:
        rows = [(opening_label(year), bal)]
        for label, vals in moves:
            rows.append((label, vals))
            if not label.startswith("="):
                bal = [a + b for a, b in zip(bal, vals)]
        # an all-nil movement is not printed
        rows = [(lbl.lstrip("="), v) for lbl, v in rows if any(v)]
        rows.append((closing_label(year), bal))
        blocks.append((year, rows))
    return blocks, bal


def with_totals(owner_parts: list[Decimal], nci: Decimal) -> list[Decimal]:
    total = sum(owner_parts, D(0))
    return [*owner_parts, total, nci, total + nci]


def write_truth(name: str, rows: list[list[str]]) -> None:
    with (HERE / f"{name}.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["statement", "label", "period", "component", "value"])
        w.writerows(rows)


# --------------------------------------------------------------------------- the three companies
def company_a():
    """Malaysian, RM'000, by nature, separate P&L and OCI statements (figures invented)."""
    Y = ("2025", "2024")
    inc = Stmt("income", ["CONSOLIDATED STATEMENT OF PROFIT OR LOSS",
                          "FOR THE FINANCIAL YEAR ENDED 31 DECEMBER 2025"])
    rev = inc.r("Revenue", 486_320, 452_180, "4")
    oi = inc.r("Other income", 6_410, 5_230)
    raw = inc.r("Raw materials and consumables used", -241_560, -228_940)
    chg = inc.r("Changes in inventories of finished goods and work in progress", 3_120, -1_870)
    emp = inc.r("Employee benefits expense", -88_470, -82_310, "5")
    dep = inc.r("Depreciation and amortisation", -31_240, -29_880)
    imp = inc.r("Net impairment losses on financial assets", -1_260, 0)
    oth = inc.r("Other operating expenses", -47_930, -44_120)
    op = inc.r("Profit from operations", *add(rev, oi, raw, chg, emp, dep, imp, oth))
    fin_i = inc.r("Finance income", 1_840, 1_520)
    fin_c = inc.r("Finance costs", -9_760, -10_430, "6")
    assoc = inc.r("Share of results of associates, net of tax", 2_310, 1_980)
    pbt = inc.r("Profit before taxation", *add(op, fin_i, fin_c, assoc), "7")
    tax = inc.r("Income tax expense", -17_650, -15_240, "8")
    pat = inc.r("Profit for the financial year", *add(pbt, tax))
    inc.h("Profit attributable to:")
    nci_p = (D(3_460), D(2_910))
    own_p = inc.r("Owners of the Company", *add(pat, neg(nci_p)))
    inc.r("Non-controlling interests", *nci_p)
    inc.r("", *pat)
    inc.h("Earnings per share attributable to owners of the Company (sen):")
    shares = D(600_000)
    eps = tuple((v / shares * 100).quantize(D("0.01")) for v in own_p)
    inc.r("Basic and diluted", *eps, "9")

    oci = Stmt("comprehensive_income", ["CONSOLIDATED STATEMENT OF COMPREHENSIVE INCOME",
                                        "FOR THE FINANCIAL YEAR ENDED 31 DECEMBER 2025"])
    oci.r("Profit for the financial year", *pat)
    oci.h("Other comprehensive income/(loss)")
    oci.h("Item that will not be reclassified subsequently to profit or loss:")
    reval = oci.r("Revaluation surplus on land and buildings, net of tax", 4_200, 0)
    oci.h("Item that may be reclassified subsequently to profit or loss:")
    fx = oci.r("Foreign currency translation differences for foreign operations", -2_870, 1_640)
    oci_t = oci.r("Other comprehensive income for the financial year, net of tax", *add(reval, fx))
    tci = oci.r("Total comprehensive income for the financial year", *add(pat, oci_t))
    oci.h("Total comprehensive income attributable to:")
    nci_fx = (D(-140), D(90))
    tci_nci = add(nci_p, nci_fx)
    oci.r("Owners of the Company", *add(tci, neg(tci_nci)))
    oci.r("Non-controlling interests", *tci_nci)
    oci.r("", *tci)

    # equity: Share capital, Revaluation reserve, Translation reserve, Retained earnings
    comps = ["Share capital", "Revaluation reserve", "Translation reserve", "Retained earnings",
             "Total", "Non-controlling interests", "Total equity"]
    dividends = {"2024": D(-36_000), "2025": D(-42_000)}
    nci_div = {"2024": D(-1_200), "2025": D(-1_500)}
    moves = []
    for i, year in ((1, "2024"), (0, "2025")):
        p = [D(0), D(0), D(0), own_p[i]]
        o = [D(0), reval[i], fx[i] - nci_fx[i], D(0)]
        t = [a + b for a, b in zip(p, o)]
        moves.append((year, [
            ("Profit for the financial year", with_totals(p, nci_p[i])),
            ("Other comprehensive income/(loss)", with_totals(o, nci_fx[i])),
            ("=Total comprehensive income for the financial year",
             with_totals(t, nci_p[i] + nci_fx[i])),
            ("Dividends paid", with_totals([D(0), D(0), D(0), dividends[year]], nci_div[year])),
        ]))
    opening = with_totals([D(300_000), D(18_500), D(-4_260), D(196_840)], D(21_380))
    blocks, _ = equity_blocks(opening, moves, lambda y: f"At 31 December {y}",
                              lambda y: f"At 1 January {y}")
    eq = Equity(["CONSOLIDATED STATEMENT OF CHANGES IN EQUITY",
                 "FOR THE FINANCIAL YEAR ENDED 31 DECEMBER 2025"], comps, blocks)
    close = {b[0]: b[1][-1][1] for b in blocks}
    c25, c24 = close["2025"], close["2024"]

    fp = Stmt("financial_position", ["CONSOLIDATED STATEMENT OF FINANCIAL POSITION",
                                     "AS AT 31 DECEMBER 2025"])
    fp.h("ASSETS")
    fp.h("Non-current assets")
    nca = add(fp.r("Property, plant and equipment", 512_460, 498_730, "10"),
              fp.r("Right-of-use assets", 24_180, 26_950),
              fp.r("Intangible assets", 8_340, 9_120),
              fp.r("Investment in associates", 19_870, 18_060),
              fp.r("Deferred tax assets", 3_210, 2_840))
    fp.r("Total non-current assets", *nca)
    fp.h("Current assets")
    inv = fp.r("Inventories", 68_920, 64_310)
    rec = fp.r("Trade and other receivables", 97_640, 91_280, "11")
    taxr = fp.r("Current tax assets", 1_120, 0)
    ncl = ((D(96_000), D(118_000)), (D(18_760), D(21_430)), (D(14_980), D(13_620)))
    cl = ((D(74_310), D(70_950)), (D(32_000), D(28_000)), (D(6_220), D(6_480)),
          (D(4_130), D(3_760)))
    eq_t = (c25[-1], c24[-1])
    liab = add(*ncl, *cl)
    cash = add(eq_t, liab, neg(nca), neg(inv), neg(rec), neg(taxr))
    fp.r("Cash and bank balances", *cash)
    ca = add(inv, rec, taxr, cash)
    fp.r("Total current assets", *ca)
    fp.r("TOTAL ASSETS", *add(nca, ca))
    fp.h("EQUITY AND LIABILITIES")
    fp.h("Equity attributable to owners of the Company")
    fp.r("Share capital", c25[0], c24[0])
    fp.r("Reserves", c25[1] + c25[2] + c25[3], c24[1] + c24[2] + c24[3])
    fp.r("", c25[4], c24[4])
    fp.r("Non-controlling interests", c25[5], c24[5])
    fp.r("TOTAL EQUITY", *eq_t)
    fp.h("Non-current liabilities")
    fp.r("Loans and borrowings", *ncl[0], "12")
    fp.r("Lease liabilities", *ncl[1])
    fp.r("Deferred tax liabilities", *ncl[2])
    fp.r("Total non-current liabilities", *add(*ncl))
    fp.h("Current liabilities")
    fp.r("Trade and other payables", *cl[0])
    fp.r("Loans and borrowings", *cl[1], "12")
    fp.r("Lease liabilities", *cl[2])
    fp.r("Current tax liabilities", *cl[3])
    fp.r("Total current liabilities", *add(*cl))
    fp.r("TOTAL LIABILITIES", *liab)
    fp.r("TOTAL EQUITY AND LIABILITIES", *add(eq_t, liab))

    cf = Stmt("cash_flows", ["CONSOLIDATED STATEMENT OF CASH FLOWS",
                             "FOR THE FINANCIAL YEAR ENDED 31 DECEMBER 2025"])
    cf.h("CASH FLOWS FROM OPERATING ACTIVITIES")
    cf.r("Profit before taxation", *pbt)
    cf.h("Adjustments for:")
    adj = add(cf.r("Depreciation and amortisation", *neg(dep)),
              cf.r("Finance costs", *neg(fin_c)),
              cf.r("Finance income", *fin_i_neg(fin_i)),
              cf.r("Share of results of associates", *neg(assoc)),
              cf.r("Net impairment losses on financial assets", *neg(imp)))
    opwc = cf.r("Operating profit before working capital changes", *add(pbt, adj))
    wc_inv = cf.r("Increase in inventories", -4_610, -2_150)
    wc_rec = cf.r("Increase in trade and other receivables", -7_620, -5_940)
    # the payables line is chosen so that the cash flows end at the balance sheet's cash
    inv_flows = ((D(-41_280), D(-38_770)), (D(1_460), D(920)), (D(1_840), D(1_520)),
                 (D(500), D(400)))
    fin_flows = ((D(20_000), D(15_000)), (D(-38_000), D(-30_000)), (D(-6_790), D(-6_210)),
                 (D(-9_760), D(-10_430)), dividends_pair(dividends), dividends_pair(nci_div))
    taxp = (D(-16_940), D(-14_880))
    fx_cash = (D(-310), D(240))
    opening_cash = (cash[1], D(82_400))
    net_change_target = add(cash, neg(opening_cash), neg(fx_cash))
    fixed = add(opwc, wc_inv, wc_rec, taxp, *inv_flows, *fin_flows)
    wc_pay = add(net_change_target, neg(fixed))
    cf.r("Increase/(Decrease) in trade and other payables", *wc_pay)
    cgo = cf.r("Cash generated from operations", *add(opwc, wc_inv, wc_rec, wc_pay))
    cf.r("Income tax paid", *taxp)
    nop = cf.r("Net cash from operating activities", *add(cgo, taxp))
    cf.h("CASH FLOWS FROM INVESTING ACTIVITIES")
    for label, p in zip(("Acquisition of property, plant and equipment",
                         "Proceeds from disposal of property, plant and equipment",
                         "Interest received", "Dividends received from associates"), inv_flows):
        cf.r(label, *p)
    ninv = cf.r("Net cash used in investing activities", *add(*inv_flows))
    cf.h("CASH FLOWS FROM FINANCING ACTIVITIES")
    for label, p in zip(("Drawdown of loans and borrowings", "Repayment of loans and borrowings",
                         "Payment of lease liabilities", "Interest paid",
                         "Dividends paid to owners of the Company",
                         "Dividends paid to non-controlling interests"), fin_flows):
        cf.r(label, *p)
    nfin = cf.r("Net cash used in financing activities", *add(*fin_flows))
    net = cf.r("Net increase/(decrease) in cash and cash equivalents", *add(nop, ninv, nfin))
    cf.r("Effect of exchange rate fluctuations on cash held", *fx_cash)
    cf.r("Cash and cash equivalents at 1 January", *opening_cash)
    end = cf.r("Cash and cash equivalents at 31 December", *add(net, fx_cash, opening_cash))
    assert end == cash
    return [inc, oci, fp, eq, cf], Y


def fin_i_neg(p):
    return neg(p)


def dividends_pair(d: dict) -> tuple[Decimal, Decimal]:
    return d["2025"], d["2024"]


# --------------------------------------------------------------------------- renderers
def places(v: Decimal) -> int:
    return max(0, -v.as_tuple().exponent)


def fmt_paren(v: Decimal) -> str:
    if v == 0:
        return "-"
    s = f"{abs(v):,.{places(v)}f}"
    return f"({s})" if v < 0 else s


PAGE = 7


def render_layout(stmts, equity: Equity, furniture: list[str], wrap_at: int = 46) -> list[str]:
    """pdftotext -layout: columns by runs of spaces, page furniture between pages, labels
    longer than the label column wrapped onto a second, indented line."""
    out: list[str] = []
    global PAGE
    for s in stmts:
        if isinstance(s, Equity):
            out += render_equity_layout(s)
            continue
        out += [t.center(78).rstrip() for t in s.title] + [""]
        out += [" " * 50 + "Note" + "2025".rjust(12) + "2024".rjust(12)]
        out += [" " * 54 + "RM'000".rjust(12) + "RM'000".rjust(12), ""]
        for n, row in enumerate(s.rows):
            if n and n % 22 == 0:         # a page break in the middle of the statement
                PAGE += 1
                out += ["", f"{PAGE - 1}".center(78).rstrip(), "\f" + furniture[0],
                        furniture[1], ""]
            if row[0] == "h":
                out.append(row[1])
                continue
            label, note, (a, b) = row[1], row[2], row[3]
            if len(label) > wrap_at:
                cut = label.rfind(" ", 0, wrap_at)
                out.append(label[:cut])
                label = "  " + label[cut + 1:]
            out.append(f"{label:<50}{note:<4}{fmt_paren(a):>12}{fmt_paren(b):>12}".rstrip())
        out += ["", ""]
    return out


def render_equity_layout(eq: Equity) -> list[str]:
    w, lw = 13, 50
    out = [t.center(100).rstrip() for t in eq.title] + [""]
    out.append(" " * lw + "<-------- Attributable to owners of the Company -------->")
    heads = [c.split() for c in eq.components]
    depth = max(len(h) for h in heads)
    for k in range(depth):
        cells = []
        for h in heads:
            lines = [" ".join(h)] if len(" ".join(h)) <= w - 1 else _wrap_words(h, w - 1)
            lines = [""] * (depth - len(lines)) + lines
            cells.append(lines[k].rjust(w))
        out.append(" " * lw + "".join(cells))
    out.append(" " * lw + "".join("RM'000".rjust(w) for _ in heads))
    out.append("")
    for year, rows in reversed(eq.blocks):
        for label, values in rows:
            out.append(f"{label:<{lw}}" + "".join(fmt_paren(v).rjust(w) for v in values))
        out.append("")
    return out + [""]


def _wrap_words(words: list[str], width: int) -> list[str]:
    lines, cur = [], ""
    for word in words:
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}".strip()
    return lines + [cur]


def write_a() -> None:
    stmts, years = company_a()
    eq = next(s for s in stmts if isinstance(s, Equity))
    flat = [s for s in stmts if not isinstance(s, Equity)]
    head = [
        "MERANTI PACKAGING BERHAD",
        "(Registration No. 201501012345 (1134567-X))",
        "(Incorporated in Malaysia)",
        "",
        "AUDITED FINANCIAL RESULTS FOR THE FINANCIAL YEAR ENDED 31 DECEMBER 2025",
        "",
        "The Board of Directors of Meranti Packaging Berhad is pleased to announce the audited",
        "results of the Group for the financial year ended 31 December 2025. This announcement",
        "is a fictitious example written for the ixbrl-converter tests; the company and all",
        "figures are invented.",
        "",
    ]
    furniture = ["MERANTI PACKAGING BERHAD (Registration No. 201501012345)",
                 "Audited results for the financial year ended 31 December 2025"]
    body = render_layout(flat[:2], eq, furniture)
    body += render_layout([flat[2]], eq, furniture)
    body += render_equity_layout(eq)
    body += render_layout([flat[3]], eq, furniture)
    tail = ["NOTES TO THE FINANCIAL STATEMENTS", "",
            "1.  Basis of preparation",
            "    The financial statements have been prepared in accordance with MFRS and IFRS.",
            "", "By order of the Board", "Kuala Lumpur, 24 February 2026"]
    (HERE / "meranti-2025-layout.txt").write_text("\n".join(head + body + tail) + "\n",
                                                   encoding="utf-8")
    write_truth("meranti-2025-layout", truth_rows(flat, eq, years))


# --------------------------------------------------------------------------- B: UK, £m, minus signs
def company_b(k: Decimal = D(1), words: dict[str, str] | None = None, fy: str = "31 March"):
    """A UK-style group: £m with one decimal, by function, discontinued operations, liabilities
    printed negative. ``k`` rescales every amount (C reuses the structure in US$'000);
    ``words`` rewords labels; ``fy`` is the year-end day and month."""
    w = words or {}
    start = {"31 March": "1 April", "30 June": "1 July"}[fy]
    Y = ("2025", "2024")

    def m(a, b):
        q = D("0.1") if k == 1 else D(1)
        return (D(str(a)) * k).quantize(q), (D(str(b)) * k).quantize(q)

    def L(text):
        return w.get(text, text)

    inc = Stmt("income", [L("Consolidated income statement"), f"for the year ended {fy} 2025"])
    inc.h(L("Continuing operations"))
    rev = inc.r(L("Revenue"), *m(1284.6, 1196.3), "2")
    cos = inc.r(L("Cost of sales"), *m(-842.1, -790.4))
    gp = inc.r(L("Gross profit"), *add(rev, cos))
    opx = [inc.r(L("Distribution costs"), *m(-121.7, -114.2)),
           inc.r(L("Administrative expenses"), *m(-168.3, -159.8)),
           inc.r(L("Other operating income"), *m(7.9, 5.4))]
    op = inc.r(L("Operating profit"), *add(gp, *opx), "3")
    fin_i = inc.r(L("Finance income"), *m(3.2, 2.1), "4")
    fin_c = inc.r(L("Finance costs"), *m(-24.6, -27.3), "4")
    jv = inc.r(L("Share of post-tax profit of joint ventures"), *m(5.8, 4.9))
    pbt = inc.r(L("Profit before tax"), *add(op, fin_i, fin_c, jv))
    tax = inc.r(L("Taxation"), *m(-33.5, -27.9), "5")
    cont = inc.r(L("Profit for the year from continuing operations"), *add(pbt, tax))
    inc.h(L("Discontinued operations"))
    disc = inc.r(L("Loss for the year from discontinued operations"), *m(-12.4, -3.1), "6")
    pat = inc.r(L("Profit for the year"), *add(cont, disc))
    inc.h(L("Attributable to:"))
    nci_p = m(4.1, 3.6)
    own_p = inc.r(L("Owners of the parent"), *add(pat, neg(nci_p)))
    inc.r(L("Non-controlling interests"), *nci_p)
    inc.h(L("Earnings per share"))
    inc.r(L("Basic earnings per share (pence)"), D("34.2"), D("30.1"), "7")
    inc.r(L("Diluted earnings per share (pence)"), D("33.8"), D("29.7"), "7")

    oci = Stmt("comprehensive_income", [L("Consolidated statement of comprehensive income"),
                                        f"for the year ended {fy} 2025"])
    oci.r(L("Profit for the year"), *pat)
    oci.h(L("Other comprehensive income/(expense)"))
    oci.h(L("Items that will not be reclassified to profit or loss:"))
    rem = oci.r(L("Remeasurement of defined benefit pension schemes"), *m(-4.6, 8.2))
    rtax = oci.r(L("Tax on items that will not be reclassified"), *m(1.2, -2.1))
    oci.h(L("Items that may be reclassified subsequently to profit or loss:"))
    fx = oci.r(L("Exchange differences on translation of foreign operations"), *m(-6.3, 2.4))
    hedge = oci.r(L("Cash flow hedges: fair value movements"), *m(1.8, 0))
    oci_t = oci.r(L("Other comprehensive (expense)/income for the year, net of tax"),
                  *add(rem, rtax, fx, hedge))
    tci = oci.r(L("Total comprehensive income for the year"), *add(pat, oci_t))
    oci.h(L("Attributable to:"))
    nci_fx = m(-0.3, 0.2)
    tci_nci = add(nci_p, nci_fx)
    oci.r(L("Owners of the parent"), *add(tci, neg(tci_nci)))
    oci.r(L("Non-controlling interests"), *tci_nci)

    comps = [L("Share capital"), L("Share premium"), L("Other reserves"), L("Retained earnings"),
             L("Total"), L("Non-controlling interests"), L("Total equity")]
    divs = {"2025": m(-52.0, 0)[0], "2024": m(-47.5, 0)[0]}
    nci_div = {"2025": m(-2.0, 0)[0], "2024": m(-1.8, 0)[0]}
    sbp = {"2025": m(6.4, 0)[0], "2024": m(5.7, 0)[0]}
    issue = {"2025": m(0.4, 0)[0], "2024": m(0, 0)[0]}
    prem = {"2025": m(11.6, 0)[0], "2024": m(0, 0)[0]}
    moves = []
    z = D(0)
    for i, year in ((1, "2024"), (0, "2025")):
        p = [z, z, z, own_p[i]]
        o = [z, z, fx[i] - nci_fx[i] + hedge[i], rem[i] + rtax[i]]
        t = [a + b for a, b in zip(p, o)]
        moves.append((year, [
            (L("Profit for the year"), with_totals(p, nci_p[i])),
            (L("Other comprehensive income/(expense)"), with_totals(o, nci_fx[i])),
            ("=" + L("Total comprehensive income for the year"),
             with_totals(t, nci_p[i] + nci_fx[i])),
            (L("Dividends"), with_totals([z, z, z, divs[year]], nci_div[year])),
            (L("Share-based payments"), with_totals([z, z, z, sbp[year]], z)),
            (L("Issue of ordinary shares"), with_totals([issue[year], prem[year], z, z], z)),
        ]))
    opening = with_totals([m(25.0, 0)[0], m(118.3, 0)[0], m(14.6, 0)[0], m(402.7, 0)[0]],
                          m(18.9, 0)[0])
    blocks, _ = equity_blocks(opening, moves, lambda y: L(f"At {fy} {y}"),
                              lambda y: L(f"At {start} {int(y) - 1}"))
    eq = Equity([L("Consolidated statement of changes in equity"),
                 f"for the year ended {fy} 2025"], comps, blocks)
    close = {b[0]: b[1][-1][1] for b in blocks}
    c25, c24 = close["2025"], close["2024"]

    fp = Stmt("financial_position", [L("Consolidated balance sheet"), f"at {fy} 2025"])
    fp.h(L("Non-current assets"))
    nca = add(fp.r(L("Goodwill"), *m(212.4, 212.4), "8"),
              fp.r(L("Other intangible assets"), *m(46.8, 51.3)),
              fp.r(L("Property, plant and equipment"), *m(538.2, 521.7)),
              fp.r(L("Investments in joint ventures"), *m(31.5, 28.7)),
              fp.r(L("Deferred tax assets"), *m(9.6, 11.2)))
    fp.r("", *nca)
    fp.h(L("Current assets"))
    inv = fp.r(L("Inventories"), *m(164.9, 152.3))
    rec = fp.r(L("Trade and other receivables"), *m(241.3, 228.6))
    cl = (m(-268.4, -251.9), m(-45.0, -60.0), m(-11.7, -9.8), m(-6.2, -7.4))
    ncl = (m(-265.0, -280.0), m(-38.6, -44.1), m(-27.3, -25.8))
    eq_t = (c25[-1], c24[-1])
    liab = add(*cl, *ncl)
    hfs = m(0, 41.5)
    cash = add(eq_t, neg(liab), neg(nca), neg(inv), neg(rec), neg(hfs))
    fp.r(L("Cash and cash equivalents"), *cash, "9")
    fp.r(L("Assets classified as held for sale"), *hfs)
    ca = add(inv, rec, cash, hfs)
    fp.r("", *ca)
    fp.r(L("Total assets"), *add(nca, ca))
    fp.h(L("Current liabilities"))
    for label, p in zip((L("Trade and other payables"), L("Borrowings"),
                         L("Current tax liabilities"), L("Provisions")), cl):
        fp.r(label, *p)
    fp.r("", *add(*cl))
    fp.h(L("Non-current liabilities"))
    for label, p in zip((L("Borrowings"), L("Retirement benefit obligations"),
                         L("Deferred tax liabilities")), ncl):
        fp.r(label, *p)
    fp.r("", *add(*ncl))
    fp.r(L("Total liabilities"), *liab)
    fp.r(L("Net assets"), *eq_t)
    fp.h(L("Equity"))
    for i, label in enumerate(comps[:4]):
        fp.r(label, c25[i], c24[i])
    fp.r(L("Equity attributable to owners of the parent"), c25[4], c24[4])
    fp.r(L("Non-controlling interests"), c25[5], c24[5])
    fp.r(L("Total equity"), *eq_t)

    cf = Stmt("cash_flows", [L("Consolidated cash flow statement"), f"for the year ended {fy} 2025"])
    cf.h(L("Cash flows from operating activities"))
    int_paid, tax_paid = m(-23.9, -26.8), m(-30.2, -29.4)
    inv_flows = (m(-71.6, -64.2), m(-8.3, -9.1), m(38.0, 0), fin_i, m(3.0, 2.5))
    fin_flows = (add((issue["2025"] + prem["2025"], z)), m(40.0, 25.0), m(-75.0, -50.0),
                 m(-14.6, -13.9), (divs["2025"], divs["2024"]),
                 (nci_div["2025"], nci_div["2024"]))
    fx_cash = m(-1.9, 0.8)
    opening_cash = (cash[1], m(96.4, 0)[0])
    fixed = add(int_paid, tax_paid, *inv_flows, *fin_flows)
    cgo = add(cash, neg(opening_cash), neg(fx_cash), neg(fixed))
    cf.r(L("Cash generated from operations"), *cgo, "10")
    cf.r(L("Interest paid"), *int_paid)
    cf.r(L("Tax paid"), *tax_paid)
    nop = cf.r(L("Net cash inflow from operating activities"), *add(cgo, int_paid, tax_paid))
    cf.h(L("Cash flows from investing activities"))
    for label, p in zip((L("Purchase of property, plant and equipment"),
                         L("Purchase of intangible assets"),
                         L("Proceeds from sale of discontinued operation, net of cash disposed"),
                         L("Interest received"), L("Dividends received from joint ventures")),
                        inv_flows):
        cf.r(label, *p)
    ninv = cf.r(L("Net cash outflow from investing activities"), *add(*inv_flows))
    cf.h(L("Cash flows from financing activities"))
    for label, p in zip((L("Proceeds from issue of ordinary shares"),
                         L("Drawdown of borrowings"), L("Repayment of borrowings"),
                         L("Repayment of lease liabilities"),
                         L("Dividends paid to owners of the parent"),
                         L("Dividends paid to non-controlling interests")), fin_flows):
        cf.r(label, *p)
    nfin = cf.r(L("Net cash outflow from financing activities"), *add(*fin_flows))
    net = cf.r(L("Net increase/(decrease) in cash and cash equivalents"), *add(nop, ninv, nfin))
    cf.r(L(f"Cash and cash equivalents at {start}"), *opening_cash)
    cf.r(L("Exchange (losses)/gains on cash and cash equivalents"), *fx_cash)
    end = cf.r(L(f"Cash and cash equivalents at {fy}"), *add(net, opening_cash, fx_cash))
    assert end == cash
    return [inc, oci, fp, eq, cf], Y


def fmt_minus(v: Decimal, dash: str = "-") -> str:
    if v == 0:
        return "–"
    s = f"{abs(v):,.{places(v)}f}"
    return f"{dash}{s}" if v < 0 else s


def write_b() -> None:
    stmts, years = company_b()
    flat = [s for s in stmts if not isinstance(s, Equity)]
    eq = next(s for s in stmts if isinstance(s, Equity))
    out = ["Thistledown Engineering plc", "Preliminary results for the year ended 31 March 2025",
           "",
           "Thistledown Engineering plc reports its audited results. This document is a fictitious",
           "example written for the ixbrl-converter tests: the company and its figures are invented.",
           ""]
    for s in stmts:
        dash = "–" if getattr(s, "kind", "") == "cash_flows" else "-"
        out += s.title + [""]
        if isinstance(s, Equity):
            out.append("\t" + "\t".join(s.components))
            out.append("\t" + "\t".join("£m" for _ in s.components))
            for n, (year, rows) in enumerate(s.blocks):
                for label, values in rows[(1 if n else 0):]:   # one running table
                    out.append(label + "\t" + "\t".join(fmt_minus(v, "–") for v in values))
            out.append("")
            continue
        out += ["\tNote\t2025\t2024", "\t\t£m\t£m"]
        for row in s.rows:
            if row[0] == "h":
                out.append(row[1])
            else:
                a, b = row[3]
                out.append(f"{row[1]}\t{row[2]}\t{fmt_minus(a, dash)}\t{fmt_minus(b, dash)}")
        out.append("")
    out += ["Notes", "", "1. Basis of preparation",
            "The financial information has been prepared in accordance with UK-adopted IFRS.", ""]
    (HERE / "thistledown-2025-minus.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
    rows = truth_rows(flat, Equity(eq.title, eq.components,
                                   [(y, r[(1 if n else 0):]) for n, (y, r) in enumerate(eq.blocks)]),
                      years)
    write_truth("thistledown-2025-minus", rows)


# --------------------------------------------------------------------------- C: damaged OCR text
C_WORDS = {
    "Consolidated income statement":
        "CONSOLIDATED STATEMENT OF PROFIT OR LOSS AND OTHER COMPREHENSIVE INCOME",
    "Consolidated balance sheet": "CONSOLIDATED STATEMENT OF FINANCIAL POSITION",
    "Consolidated statement of changes in equity": "CONSOLIDATED STATEMENT OF CHANGES IN EQUITY",
    "Consolidated cash flow statement": "CONSOLIDATED STATEMENT OF CASH FLOWS",
    "Taxation": "Income tax expense",
    "Owners of the parent": "Equity holders of the Company",
    "Equity attributable to owners of the parent":
        "Equity attributable to equity holders of the Company",
    "Other reserves": "Capital reserves",
    "Retained earnings": "Accumulated profits",
    "Share of post-tax profit of joint ventures": "Share of results of joint ventures",
    "Loss for the year from discontinued operations": "Loss from discontinued operation",
    "Cash generated from operations": "Cash generated from operating activities",
    "Tax paid": "Income taxes paid",
    "Net cash inflow from operating activities": "Net cash generated from operating activities",
    "Net cash outflow from investing activities": "Net cash used in investing activities",
    "Net cash outflow from financing activities": "Net cash used in financing activities",
    "Dividends": "Final dividend paid",
    "Share-based payments": "Equity-settled share-based payments",
    "Basic earnings per share (pence)": "Basic (US cents)",
    "Diluted earnings per share (pence)": "Diluted (US cents)",
    "Earnings per share": "Earnings per share attributable to equity holders of the Company",
    "Attributable to:": "Attributable to:",
    "Total liabilities": "Total liabilities",
    "Net assets": "NET ASSETS",
}
# Which printed figures (counted through the document) the OCR damages, and how.
OCR_DAMAGE = {4: ("0", "O"), 17: ("1", "l"), 29: (",", " "), 41: ("0", "O"), 58: (",", " "),
              77: ("1", "l"), 95: ("0", "O"), 121: (",", " ")}


class Ocr:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self, v: Decimal) -> str:
        self.n += 1
        if v == 0:
            return "–" if self.n % 2 else "-"
        text = fmt_paren(v)
        old, new = OCR_DAMAGE.get(self.n, ("", ""))
        if old and old in text:
            text = text.replace(old, new, 1)
        else:
            OCR_DAMAGE.pop(self.n, None)
        return text


def write_c() -> None:
    stmts, years = company_b(D(100), C_WORDS, "30 June")
    inc, oci, fp, eq, cf = stmts
    ocr = Ocr()
    out = ["KESTREL BIOSCIENCES HOLDINGS LIMITED", "(Stock Code: 9487)", "",
           "ANNUAL RESULTS FOR THE YEAR ENDED 30 JUNE 2025", "",
           "This announcement is fictitious: it was written for the ixbrl-converter tests, and the",
           "company and its figures are invented. The text was recovered by OCR.", ""]
    # one statement of profit or loss and OCI: the P&L down to the profit, then OCI, then the
    # attributions and earnings per share
    rows_inc = inc.rows
    cut = next(i for i, r in enumerate(rows_inc) if r[0] == "h" and r[1] == "Attributable to:")
    combined = rows_inc[:cut] + oci.rows[1:] + [("h", "Profit for the year attributable to:")] + \
        rows_inc[cut + 1:cut + 3]
    tci_attr = oci.rows[-3:]
    combined = rows_inc[:cut] + oci.rows[1:-3] + [("h", "Profit for the year attributable to:")] \
        + rows_inc[cut + 1:cut + 3] + [("h", "Total comprehensive income attributable to:")] \
        + tci_attr[1:] + rows_inc[cut + 3:]

    def table(title, rows, swap=False):
        lines = title + ["", "\t\t2024\t2025" if swap else "\tNote\t2025\t2024",
                         "\t\tUS$'000\tUS$'000"]
        for row in rows:
            if row[0] == "h":
                lines.append(row[1])
                continue
            a, b = row[3]
            if swap:
                a, b = b, a
            lines.append(f"{row[1]}\t{row[2]}\t{ocr(a)}\t{ocr(b)}")
        return lines + [""]

    out += table(inc.title, combined)
    bs = table(fp.title, fp.rows)
    out += bs + ["- 5 -", ""] + bs          # the extractor emitted the page twice
    out += eq.title + ["", "\t" + "\t".join(eq.components),
                       "\t" + "\t".join("US$'000" for _ in eq.components)]
    for year, rows in reversed(eq.blocks):
        for label, values in rows:
            out.append(label + "\t" + "\t".join(ocr(v) for v in values))
        out.append("")
    out += table(cf.title, cf.rows, swap=True)
    out += ["NOTES", "", "1. GENERAL INFORMATION",
            "The Company is an investment holding company; the Group develops diagnostics.", ""]
    (HERE / "kestrel-2025-ocr.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
    comb = Stmt("income", [], combined)
    flat = [comb, fp, cf]
    rows = truth_rows(flat, eq, years)
    for r in rows:     # the combined statement: a row may land in either part
        if r[0] == "income":
            r[0] = "income|comprehensive_income"
    write_truth("kestrel-2025-ocr", rows)


# --------------------------------------------------------------------------- D: a bank, US style
def _roll(opening: list[Decimal], moves, opening_label: str, closing_label: str):
    """One equity block: the opening balance, the movements (a '=' line sums the lines before
    it and moves nothing), the closing balance."""
    bal, rows = opening, [(opening_label, opening)]
    for label, vals in moves:
        if not label.startswith("="):
            bal = [a + b for a, b in zip(bal, vals)]
        if any(vals):
            rows.append((label.lstrip("="), vals))
    rows.append((closing_label, bal))
    return rows, bal


def company_d():
    """A bank's interim report: IFRS 9 lines, a balance sheet in order of liquidity, US-style
    dates, $ in millions with one decimal (figures invented). The income columns are the six
    months to June 30 of each year; the balance sheet compares June 30, 2025 with
    December 31, 2024."""
    Y = ("2025", "2024")

    def m(a, b):
        return D(str(a)), D(str(b))

    inc = Stmt("income", ["CONSOLIDATED INCOME STATEMENT (UNAUDITED)"])
    ii = inc.r("Interest income", *m(2184.6, 1972.3))
    ie = inc.r("Interest expense", *m(-1046.2, -921.8))
    nii = inc.r("Net interest income", *add(ii, ie))
    fci = inc.r("Fee and commission income", *m(412.7, 386.4))
    fce = inc.r("Fee and commission expense", *m(-71.3, -64.9))
    nfc = inc.r("Net fee and commission income", *add(fci, fce))
    trd = inc.r("Net trading income", *m(96.8, 112.5))
    oth = inc.r("Other operating income", *m(18.4, 0))
    toi = inc.r("Total operating income", *add(nii, nfc, trd, oth))
    ecl = inc.r("Expected credit losses", *m(-138.9, -104.6))
    noi = inc.r("Net operating income", *add(toi, ecl))
    stf = inc.r("Personnel expenses", *m(-497.5, -468.2))
    dep = inc.r("Depreciation and amortization", *m(-63.1, -58.7))
    gae = inc.r("General and administrative expenses", *m(-214.6, -201.9))
    tox = inc.r("Total operating expenses", *add(stf, dep, gae))
    pbt = inc.r("Profit before income tax", *add(noi, tox))
    tax = inc.r("Income tax expense", *m(-154.2, -147.9))
    pat = inc.r("Net income", *add(pbt, tax))
    inc.h("Earnings per share ($)")
    inc.r("Basic", *m("1.72", "1.61"))
    inc.r("Diluted", *m("1.70", "1.59"))

    oci = Stmt("comprehensive_income",
               ["CONSOLIDATED STATEMENT OF COMPREHENSIVE INCOME (UNAUDITED)"])
    oci.r("Net income", *pat)
    oci.h("Items that may be reclassified subsequently to profit or loss:")
    fv = oci.r("Debt instruments at fair value through other comprehensive income", *m(23.6, -17.4))
    cfh = oci.r("Cash flow hedges", *m(-8.2, 5.1))
    otax = oci.r("Income tax relating to these items", *m(-3.9, 3.1))
    oci_t = oci.r("Other comprehensive income (loss), net of tax", *add(fv, cfh, otax))
    oci.r("Total comprehensive income", *add(pat, oci_t))

    comps = ["Share capital", "Other reserves", "Retained earnings", "Total equity"]
    z = D(0)

    def tot(v):
        return [*v, sum(v, z)]

    blocks = []
    divs = {"2025": D("-240.0"), "2024": D("-225.0")}
    buyback = {"2025": D("-50.0"), "2024": z}
    opening = {"2024": tot([D("2400.0"), D("-86.4"), D("6412.8")]),
               "2025": tot([D("2400.0"), D("-97.3"), D("6985.5")])}
    close = {}
    for i, year in ((1, "2024"), (0, "2025")):
        rows, bal = _roll(opening[year], [
            ("Net income", tot([z, z, pat[i]])),
            ("Other comprehensive income (loss)", tot([z, oci_t[i], z])),
            ("=Total comprehensive income", tot([z, oci_t[i], pat[i]])),
            ("Dividends", tot([z, z, divs[year]])),
            ("Repurchase of shares", tot([buyback[year], z, z])),
        ], f"Balance at January 1, {year}", f"Balance at June 30, {year}")
        blocks.append((year, rows))
        close[year] = bal
    eq = Equity(["CONSOLIDATED STATEMENT OF CHANGES IN EQUITY (UNAUDITED)"], comps, blocks)

    fp = Stmt("financial_position", ["CONSOLIDATED BALANCE SHEET (UNAUDITED)"])
    e25, e24 = close["2025"], opening["2025"]
    fp.h("Assets")
    liab_rows = (("Deposits from banks", m(3128.4, 2874.1)),
                 ("Deposits from customers", m(58412.7, 56230.9)),
                 ("Trading liabilities", m(1284.3, 1402.6)),
                 ("Debt securities in issue", m(9875.0, 9420.0)),
                 ("Current tax liabilities", m(61.8, 57.2)),
                 ("Other liabilities", m(912.5, 866.3)),
                 ("Subordinated liabilities", m(1500.0, 1500.0)))
    liab = add(*(p for _, p in liab_rows))
    eq_t = (e25[-1], e24[-1])
    other_assets = (("Loans and advances to banks", m(2416.9, 2198.5)),
                    ("Trading assets", m(3561.2, 3874.8)),
                    ("Derivative financial instruments", m(842.6, 915.3)),
                    ("Investment securities", m(12730.4, 12106.7)),
                    ("Loans and advances to customers", m(55318.6, 53247.1)),
                    ("Property and equipment", m(486.3, 497.2)),
                    ("Intangible assets", m(211.8, 219.4)),
                    ("Deferred tax assets", m(143.7, 151.6)),
                    ("Other assets", m(694.1, 652.9)))
    cash = add(liab, eq_t, *(neg(p) for _, p in other_assets))
    fp.r("Cash and balances with central banks", *cash)
    for label, p in other_assets:
        fp.r(label, *p)
    ta = fp.r("Total assets", *add(cash, *(p for _, p in other_assets)))
    fp.h("Liabilities")
    for label, p in liab_rows:
        fp.r(label, *p)
    fp.r("Total liabilities", *liab)
    fp.h("Equity")
    for i, label in enumerate(comps[:3]):
        fp.r(label, e25[i], e24[i])
    fp.r("Total equity", *eq_t)
    fp.r("Total liabilities and equity", *add(liab, eq_t))
    assert ta == add(liab, eq_t)

    cf = Stmt("cash_flows", ["CONSOLIDATED STATEMENT OF CASH FLOWS (UNAUDITED)"])
    cf.h("Cash flows from operating activities")
    cf.r("Profit before income tax", *pbt)
    cf.h("Adjustments for:")
    adj = add(cf.r("Expected credit losses", *neg(ecl)),
              cf.r("Depreciation and amortization", *neg(dep)))
    chg = (("Net change in loans and advances to customers", m(-2210.4, -1875.2)),
           ("Net change in trading assets", m(313.6, -402.9)),
           ("Net change in deposits from customers", m(2181.8, 1694.5)),
           ("Net change in other operating assets and liabilities", m(-12.7, 36.8)))
    taxp = (D("-149.6"), D("-141.3"))
    inv = (("Purchase of investment securities", m(-2874.3, -2410.6)),
           ("Proceeds from sale and maturity of investment securities", m(2268.2, 2047.9)),
           ("Purchase of property and equipment", m(-38.7, -44.2)))
    fin = (("Issuance of debt securities", m(1450.0, 1200.0)),
           ("Redemption of debt securities", m(-995.0, -1100.0)),
           ("Dividends paid", (divs["2025"], divs["2024"])),
           ("Repurchase of shares", (buyback["2025"], buyback["2024"])))
    fx_cash = m(-14.2, 9.6)
    opening_cash = (cash[1], D("4208.7"))
    closing_2024 = D("4386.2")
    fixed = add(pbt, adj, *(p for _, p in chg), taxp, *(p for _, p in inv),
                *(p for _, p in fin), fx_cash, opening_cash)
    target = (cash[0], closing_2024)
    plug = add(target, neg(fixed))     # the last operating change makes the cash end right
    chg = chg[:-1] + ((chg[-1][0], add(chg[-1][1], plug)),)
    for label, p in chg:
        cf.r(label, *p)
    cf.r("Income taxes paid", *taxp)
    nop = cf.r("Net cash from operating activities",
               *add(pbt, adj, *(p for _, p in chg), taxp))
    cf.h("Cash flows from investing activities")
    for label, p in inv:
        cf.r(label, *p)
    ninv = cf.r("Net cash used in investing activities", *add(*(p for _, p in inv)))
    cf.h("Cash flows from financing activities")
    for label, p in fin:
        cf.r(label, *p)
    nfin = cf.r("Net cash from (used in) financing activities", *add(*(p for _, p in fin)))
    net = cf.r("Net increase in cash and cash equivalents", *add(nop, ninv, nfin))
    cf.r("Effect of exchange rate changes on cash and cash equivalents", *fx_cash)
    cf.r("Cash and cash equivalents at beginning of period", *opening_cash)
    end = cf.r("Cash and cash equivalents at end of period", *add(net, fx_cash, opening_cash))
    assert end == target
    return [inc, oci, fp, eq, cf], Y


def fmt_usd(v: Decimal, dollar: bool) -> str:
    if v == 0:
        return "—"
    s = f"{abs(v):,.{places(v)}f}"
    s = f"({s})" if v < 0 else s
    return f"$ {s}" if dollar else s


def write_d() -> None:
    stmts, years = company_d()
    inc, oci, fp, eq, cf = stmts
    out = ["HARBORVIEW BANCORP", "Report for the second quarter and first half of 2025", "",
           "This interim report is fictitious: it was written for the ixbrl-converter tests and",
           "the bank and all its figures are invented.", ""]
    lw, w = 58, 14

    def table(s, head1, head2):
        lines = [s.title[0], "($ in millions, except per share amounts)", "",
                 " " * lw + head1, " " * lw + head2, ""]
        first = True
        for row in s.rows:
            if row[0] == "h":
                lines.append(row[1])
                continue
            label, (a, b) = row[1], row[3]
            # US style: a dollar sign on the first figure and on the totals
            dollar = first or label.startswith(("Total", "Net income",
                                                "Cash and cash equivalents at"))
            first = False
            lines.append(f"{label:<{lw}}{fmt_usd(a, dollar):>{w}}{fmt_usd(b, dollar):>{w}}")
        return lines + ["", ""]

    six = "Six months ended June 30,".rjust(2 * w)
    yrs = "2025".rjust(w) + "2024".rjust(w)
    out += table(inc, six, yrs)
    out += table(oci, six, yrs)
    out += table(fp, "June 30, 2025".rjust(w) + "December 31, 2024".rjust(w + 4), "")
    out += [eq.title[0], "($ in millions)", ""]
    out.append(" " * lw + "".join(c.rjust(w + 4) for c in eq.components))
    for year, rows in eq.blocks:
        for label, values in rows:
            out.append(f"{label:<{lw}}" + "".join(fmt_usd(v, False).rjust(w + 4) for v in values))
        out.append("")
    out.append("")
    out += table(cf, six, yrs)
    out += ["Notes to the condensed consolidated interim financial statements", "",
            "1. Basis of presentation",
            "These statements are prepared in accordance with IAS 34 Interim Financial Reporting.",
            ""]
    (HERE / "harborview-2025-bank.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
    write_truth("harborview-2025-bank", truth_rows([inc, oci, fp, cf], eq, years))


# --------------------------------------------------------------------------- E: restated, 3 columns
def company_e():
    """A restated year (IAS 8): the comparative is restated and a third balance sheet at the
    start of the comparative year is presented (IAS 1.40A); €'000 (figures invented)."""
    z = D(0)

    def m(*v):
        return tuple(D(x) for x in v)

    inc = Stmt("income", ["CONSOLIDATED INCOME STATEMENT", "For the year ended 31 December 2025"])
    rev = inc.r("Revenue", *m(412_580, 398_240), "3")
    cos = inc.r("Cost of sales", *m(-287_410, -279_960))
    gp = inc.r("Gross profit", *add(rev, cos))
    sel = inc.r("Selling and distribution expenses", *m(-41_230, -39_870))
    adm = inc.r("Administrative expenses", *m(-36_940, -35_120))
    og = inc.r("Other gains and losses, net", *m(1_870, 0))
    op = inc.r("Operating profit", *add(gp, sel, adm, og))
    fi = inc.r("Finance income", *m(920, 640))
    fc = inc.r("Finance costs", *m(-8_460, -9_210), "5")
    pbt = inc.r("Profit before income tax", *add(op, fi, fc))
    tax = inc.r("Income tax expense", *m(-10_210, -8_770), "6")
    pat = inc.r("Profit for the year", *add(pbt, tax))
    inc.h("Attributable to:")
    nci_p = m(1_140, 980)
    own_p = inc.r("Owners of the Company", *add(pat, neg(nci_p)))
    inc.r("Non-controlling interests", *nci_p)
    inc.h("Earnings per share (euro cent)")
    inc.r("Basic and diluted", *m("32.1", "28.4"), "7")

    oci = Stmt("comprehensive_income", ["CONSOLIDATED STATEMENT OF COMPREHENSIVE INCOME",
                                        "For the year ended 31 December 2025"])
    oci.r("Profit for the year", *pat)
    oci.h("Other comprehensive income")
    oci.h("Items that will not be reclassified to profit or loss")
    act = oci.r("Actuarial gains/(losses) on defined benefit plans", *m(1_260, -840))
    oci.h("Items that may be reclassified to profit or loss")
    fx = oci.r("Currency translation differences", *m(-2_150, 0))
    oci_t = oci.r("Other comprehensive income for the year", *add(act, fx))
    tci = oci.r("Total comprehensive income for the year", *add(pat, oci_t))
    oci.h("Attributable to:")
    nci_oci = m(-60, 0)
    tci_nci = add(nci_p, nci_oci)
    oci.r("Owners of the Company", *add(tci, neg(tci_nci)))
    oci.r("Non-controlling interests", *tci_nci)

    comps = ["Share capital", "Share premium", "Translation reserve", "Retained earnings",
             "Total", "Non-controlling interests", "Total equity"]
    divs = {"2025": D(-14_000), "2024": D(-12_500)}
    adj = with_totals([z, z, z, D(-3_840)], z)    # the change in accounting policy
    reported = with_totals([D(50_000), D(22_400), D(1_310), D(96_530)], D(6_820))
    restated = [a + b for a, b in zip(reported, adj)]
    blocks, close = [], {}
    opening = restated
    for i, year in ((1, "2024"), (0, "2025")):
        p = [z, z, z, own_p[i]]
        o = [z, z, fx[i] - nci_oci[i], act[i]]
        moves = [("Profit for the year", with_totals(p, nci_p[i])),
                 ("Other comprehensive income", with_totals(o, nci_oci[i])),
                 ("=Total comprehensive income for the year",
                  with_totals([a + b for a, b in zip(p, o)], nci_p[i] + nci_oci[i])),
                 ("Dividends", with_totals([z, z, z, divs[year]], z))]
        if year == "2024":
            rows, bal = _roll(opening, moves, "At 1 January 2024, as restated",
                              "At 31 December 2024, as restated")
            rows = [("At 1 January 2024, as previously reported", reported),
                    ("Change in accounting policy", adj)] + rows
        else:
            rows, bal = _roll(opening, moves, "At 1 January 2025", "At 31 December 2025")
        blocks.append((year, rows))
        close[year] = bal
        opening = bal
    eq = Equity(["CONSOLIDATED STATEMENT OF CHANGES IN EQUITY",
                 "For the year ended 31 December 2025"], comps, blocks)

    # the balance sheet: 31 December 2025, 31 December 2024 and 1 January 2024
    e = (close["2025"], close["2024"], restated)
    fp = Stmt("financial_position", ["CONSOLIDATED STATEMENT OF FINANCIAL POSITION",
                                     "As at 31 December 2025"])

    def r3(label, a, b, c, note=""):
        fp.rows.append(("r", label, note, (D(a), D(b), D(c))))
        return D(a), D(b), D(c)

    def add3(*ts):
        return tuple(sum((t[i] for t in ts), z) for i in range(3))

    fp.h("ASSETS")
    fp.h("Non-current assets")
    nca = add3(r3("Property, plant and equipment", 184_320, 176_950, 171_400, "8"),
               r3("Intangible assets", 21_640, 23_110, 24_580),
               r3("Deferred tax assets", 2_870, 3_150, 0))
    r3("Total non-current assets", *nca)
    fp.h("Current assets")
    invs = r3("Inventories", 58_310, 54_970, 52_180)
    rec = r3("Trade and other receivables", 71_450, 68_230, 63_940)
    ncl = ((D(90_000), D(100_000), D(110_000)), (D(11_820), D(10_930), D(9_860)),
           (D(4_250), D(0), D(3_970)))
    cl = ((D(48_760), D(46_120), D(44_350)), (D(10_000), D(10_000), D(10_000)),
          (D(3_180), D(2_640), D(2_270)))
    eq_t = tuple(x[-1] for x in e)
    liab = add3(*ncl, *cl)
    cash = add3(eq_t, liab, tuple(-x for x in nca), tuple(-x for x in invs),
                tuple(-x for x in rec))
    r3("Cash and cash equivalents", *cash)
    ca = r3("Total current assets", *add3(invs, rec, cash))
    r3("Total assets", *add3(nca, ca))
    fp.h("EQUITY AND LIABILITIES")
    fp.h("Equity attributable to owners of the Company")
    for i in range(4):
        r3(comps[i], *(x[i] for x in e))
    r3("", *(x[4] for x in e))
    r3("Non-controlling interests", *(x[5] for x in e))
    r3("Total equity", *eq_t)
    fp.h("Non-current liabilities")
    for label, t in zip(("Borrowings", "Deferred tax liabilities", "Provisions"), ncl):
        r3(label, *t)
    r3("Total non-current liabilities", *add3(*ncl))
    fp.h("Current liabilities")
    for label, t in zip(("Trade and other payables", "Borrowings", "Current tax liabilities"), cl):
        r3(label, *t)
    r3("Total current liabilities", *add3(*cl))
    r3("Total liabilities", *liab)
    r3("Total equity and liabilities", *add3(eq_t, liab))

    cf = Stmt("cash_flows", ["CONSOLIDATED STATEMENT OF CASH FLOWS",
                             "For the year ended 31 December 2025"])
    cf.h("Cash flows from operating activities")
    cf.r("Profit for the year", *pat)
    cf.h("Adjustments for:")
    da = (D(24_870), D(23_940))
    adjs = add(cf.r("Depreciation and amortisation", *da), cf.r("Income tax expense", *neg(tax)),
               cf.r("Net finance costs", *neg(add(fi, fc))),
               cf.r("Other gains and losses, net", *neg(og)))
    wc = add(cf.r("Change in inventories", *m(-3_340, -2_790)),
             cf.r("Change in trade and other receivables", *m(-3_220, -4_290)))
    taxp, intp = m(-9_180, -8_350), m(-8_320, -9_060)
    inv_flows = (m(-30_110, -27_380), m(3_420, 0), fi)
    fin_flows = (m(-10_000, -10_000), (divs["2025"], divs["2024"]))
    opening_cash = (cash[1], cash[2])
    fixed = add(pat, adjs, wc, taxp, intp, *inv_flows, *fin_flows, opening_cash)
    pay = add((cash[0], cash[1]), neg(fixed))
    wc = add(wc, cf.r("Change in trade and other payables", *pay))
    cgo = cf.r("Cash generated from operations", *add(pat, adjs, wc))
    cf.r("Interest paid", *intp)
    cf.r("Income tax paid", *taxp)
    nop = cf.r("Net cash generated from operating activities", *add(cgo, intp, taxp))
    cf.h("Cash flows from investing activities")
    for label, p in zip(("Purchase of property, plant and equipment",
                         "Proceeds from sale of property, plant and equipment",
                         "Interest received"), inv_flows):
        cf.r(label, *p)
    ninv = cf.r("Net cash used in investing activities", *add(*inv_flows))
    cf.h("Cash flows from financing activities")
    for label, p in zip(("Repayment of borrowings", "Dividends paid to owners of the Company"),
                        fin_flows):
        cf.r(label, *p)
    nfin = cf.r("Net cash used in financing activities", *add(*fin_flows))
    net = cf.r("Net increase/(decrease) in cash and cash equivalents", *add(nop, ninv, nfin))
    cf.r("Cash and cash equivalents at 1 January", *opening_cash)
    end = cf.r("Cash and cash equivalents at 31 December", *add(net, opening_cash))
    assert end == (cash[0], cash[1])
    return [inc, oci, fp, eq, cf]


def write_e() -> None:
    inc, oci, fp, eq, cf = company_e()
    nil_n = [0]

    def cell(v: Decimal) -> str:
        if v == 0:
            nil_n[0] += 1
            return "nil" if nil_n[0] % 2 else "—"
        return fmt_paren(v)

    def pipe(*cells: str) -> str:
        return "| " + " | ".join(cells) + " |"

    out = ["LARCHMERE INDUSTRIES N.V.", "Annual results 2025", "",
           "This announcement is fictitious: it was written for the ixbrl-converter tests; the",
           "company and its figures are invented. The comparative figures are restated for a",
           "change in accounting policy (note 2).", ""]
    for s in (inc, oci):
        out += s.title + [""]
        out += [pipe("", "Note", "2025", "2024"), pipe("", "", "", "(Restated)"),
                pipe("", "", "€'000", "€'000"), pipe("---", "---", "---:", "---:")]
        for row in s.rows:
            if row[0] == "h":
                out.append(pipe(row[1], "", "", ""))
            else:
                out.append(pipe(row[1], row[2], *(cell(v) for v in row[3])))
        out.append("")
    # the balance sheet: three columns, continued on the next page with its header again
    bs_head = [pipe("", "Note", "31 December 2025", "31 December 2024", "1 January 2024"),
               pipe("", "", "", "(Restated)", "(Restated)"),
               pipe("", "", "€'000", "€'000", "€'000"),
               pipe("---", "---", "---:", "---:", "---:")]
    out += fp.title + [""] + bs_head
    for row in fp.rows:
        if row[0] == "h" and row[1] == "EQUITY AND LIABILITIES":
            out += ["", "12", "\fLarchmere Industries N.V. — Annual results 2025", "",
                    f"{fp.title[0]} (continued)", fp.title[1], ""] + bs_head
        if row[0] == "h":
            out.append(pipe(row[1], "", "", "", ""))
        else:
            out.append(pipe(row[1], row[2], *(cell(v) for v in row[3])))
    out.append("")
    out += eq.title + [""]
    out += [pipe("", *eq.components), pipe("", *("€'000" for _ in eq.components)),
            pipe(*("---" for _ in range(len(eq.components) + 1)))]
    for year, rows in eq.blocks:
        for label, values in rows:
            out.append(pipe(label, *(cell(v) for v in values)))
    out.append("")
    out += cf.title + [""]
    out += [pipe("", "2025", "2024"), pipe("", "", "(Restated)"), pipe("", "€'000", "€'000"),
            pipe("---", "---:", "---:")]
    for row in cf.rows:
        if row[0] == "h":
            out.append(pipe(row[1], "", ""))
        else:
            out.append(pipe(row[1], *(cell(v) for v in row[3])))
    out += ["", "NOTES", "", "2. Change in accounting policy",
            "The Group changed its accounting policy; the comparatives are restated.", ""]
    (HERE / "larchmere-2025-restated.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
    rows = truth_rows([inc, oci, cf], eq, ("2025", "2024"))
    for row in fp.rows:        # the third balance sheet, 1 January 2024, ends 31 December 2023
        if row[0] == "r":
            for year, value in zip(("2025", "2024", "2023"), row[3]):
                rows.append(["financial_position", row[1], year, "",
                             "nil" if value == 0 else str(value)])
    write_truth("larchmere-2025-restated", rows)


# --------------------------------------------------------------------------- F: continental, € k
def company_f():
    """A continental-European group: € thousand, expenses by function, a net financial result,
    'thereof' attributions, a direct-method cash-flow statement whose totals are labelled
    'Cash flow from ... activities' under no section heading (figures invented)."""
    z = D(0)

    def m(*v):
        return tuple(D(str(x)) for x in v)

    inc = Stmt("income", ["Consolidated income statement",
                          "for the financial year from 1 January to 31 December 2025"])
    rev = inc.r("Revenue", *m(842_316, 797_254), "4.1")
    cos = inc.r("Cost of sales", *m(-561_482, -538_907), "4.2")
    gp = inc.r("Gross profit", *add(rev, cos))
    fn = [inc.r("Selling expenses", *m(-98_415, -93_220), "4.3"),
          inc.r("General administrative expenses", *m(-52_307, -49_881), "4.3"),
          inc.r("Research and development expenses", *m(-41_926, -38_604), "4.4"),
          inc.r("Other operating income", *m(7_214, 6_093), "4.5"),
          inc.r("Other operating expenses", *m(-4_861, -5_372), "4.5")]
    ebit = inc.r("Operating result (EBIT)", *add(gp, *fn))
    fi = inc.r("Financial income", *m(2_148, 1_672), "4.6")
    fe = inc.r("Financial expenses", *m(-9_734, -10_515), "4.6")
    nfr = inc.r("Net financial result", *add(fi, fe))
    ebt = inc.r("Earnings before taxes", *add(ebit, nfr))
    tax = inc.r("Income taxes", *m(-25_119, -19_862), "4.7")
    pat = inc.r("Net profit for the year", *add(ebt, tax))
    nci_p = m(1_874, 1_536)
    own_p = inc.r("thereof attributable to shareholders of Auental Antriebe SE",
                  *add(pat, neg(nci_p)))
    inc.r("thereof attributable to non-controlling interests", *nci_p)
    shares = D(24_000)
    eps = tuple((v / shares).quantize(D("0.01")) for v in own_p)
    inc.r("Earnings per share, basic and diluted (in €)", *eps, "4.8")

    oci = Stmt("comprehensive_income", ["Consolidated statement of comprehensive income",
                                        "for the financial year from 1 January to 31 December 2025"])
    oci.r("Net profit for the year", *pat)
    oci.h("Items that will not be reclassified to the income statement")
    rem = oci.r("Remeasurement of defined benefit pension plans", *m(3_412, -2_180))
    rtx = oci.r("Deferred taxes thereon", *m(-1_024, 654))
    oci.h("Items that may be reclassified to the income statement in future")
    fx = oci.r("Currency translation differences", *m(-4_286, 2_915))
    cfh = oci.r("Change in fair value of cash flow hedges", *m(612, -388))
    oci_t = oci.r("Other comprehensive income after taxes", *add(rem, rtx, fx, cfh))
    tci = oci.r("Total comprehensive income", *add(pat, oci_t))
    nci_fx = m(-96, 71)
    tci_nci = add(nci_p, nci_fx)
    oci.r("thereof attributable to shareholders of Auental Antriebe SE", *add(tci, neg(tci_nci)))
    oci.r("thereof attributable to non-controlling interests", *tci_nci)

    comps = ["Subscribed capital", "Capital reserve", "Retained earnings", "Other reserves",
             "Total", "Non-controlling interests", "Total equity"]
    divs = {"2025": D(-33_600), "2024": D(-28_800)}
    nci_div = {"2025": D(-900), "2024": D(-750)}
    opening = with_totals([D(24_000), D(186_420), D(241_873), D(-12_648)], D(14_206))
    blocks, close, bal = [], {}, opening
    for i, year in ((1, "2024"), (0, "2025")):
        p = [z, z, own_p[i], z]
        o = [z, z, rem[i] + rtx[i], fx[i] - nci_fx[i] + cfh[i]]
        moves = [("Net profit for the year", with_totals(p, nci_p[i])),
                 ("Other comprehensive income", with_totals(o, nci_fx[i])),
                 ("=Total comprehensive income",
                  with_totals([a + b for a, b in zip(p, o)], nci_p[i] + nci_fx[i])),
                 ("Dividends", with_totals([z, z, divs[year], z], nci_div[year]))]
        rows, bal = _roll(bal, moves, f"As of Jan. 1, {year}", f"As of Dec. 31, {year}")
        blocks.append((year, rows))
        close[year] = bal
    eq = Equity(["Consolidated statement of changes in equity",
                 "for the financial year from 1 January to 31 December 2025"], comps, blocks)
    c25, c24 = close["2025"], close["2024"]

    fp = Stmt("financial_position", ["Consolidated balance sheet", "as of 31 December 2025"])
    fp.h("ASSETS")
    fp.h("Non-current assets")
    nca = add(fp.r("Intangible assets", *m(68_214, 71_930), "5.1"),
              fp.r("Property, plant and equipment", *m(296_518, 284_077), "5.2"),
              fp.r("Right-of-use assets", *m(22_406, 24_811), "5.3"),
              fp.r("Investments accounted for using the equity method", *m(9_812, 9_145)),
              fp.r("Deferred tax assets", *m(14_327, 15_982), "4.7"))
    fp.r("Total non-current assets", *nca)
    fp.h("Current assets")
    invs = fp.r("Inventories", *m(187_604, 176_215), "5.4")
    rec = fp.r("Trade receivables", *m(142_938, 131_406), "5.5")
    orec = fp.r("Other receivables and other assets", *m(18_225, 16_874))
    itr = fp.r("Income tax receivables", *m(2_061, 0))
    ncl = (m(58_342, 62_118), m(11_906, 10_584), m(120_000, 135_000), m(17_815, 19_406),
           m(20_274, 22_497))
    cl = (m(34_119, 31_847), m(97_462, 92_318), m(25_000, 20_000), m(4_883, 3_261),
          m(2_531, 2_644), m(45_608, 41_956))
    eq_t = (c25[-1], c24[-1])
    liab = add(*ncl, *cl)
    cash = add(eq_t, liab, neg(nca), neg(invs), neg(rec), neg(orec), neg(itr))
    fp.r("Cash and cash equivalents", *cash, "5.6")
    ca = fp.r("Total current assets", *add(invs, rec, orec, itr, cash))
    fp.r("Total assets", *add(nca, ca))
    fp.h("EQUITY AND LIABILITIES")
    fp.h("Equity")
    for i in range(4):
        fp.r(comps[i], c25[i], c24[i])
    fp.r("Equity attributable to shareholders of Auental Antriebe SE", c25[4], c24[4])
    fp.r("Non-controlling interests", c25[5], c24[5])
    fp.r("Total equity", *eq_t, "5.7")
    fp.h("Non-current liabilities")
    for label, p in zip(("Provisions for pensions and similar obligations", "Other provisions",
                         "Financial liabilities", "Lease liabilities",
                         "Deferred tax liabilities"), ncl):
        fp.r(label, *p)
    fp.r("Total non-current liabilities", *add(*ncl))
    fp.h("Current liabilities")
    for label, p in zip(("Other provisions", "Trade payables", "Financial liabilities",
                         "Income tax liabilities", "Lease liabilities",
                         "Other liabilities"), cl):
        fp.r(label, *p)
    fp.r("Total current liabilities", *add(*cl))
    fp.r("Total equity and liabilities", *add(eq_t, liab))

    cf = Stmt("cash_flows", ["Consolidated statement of cash flows",
                             "for the financial year from 1 January to 31 December 2025"])
    paid = m(-703_571, -668_405)
    intp, taxp = m(-8_966, -9_874), m(-24_718, -21_206)
    inv_flows = (m(-41_382, -38_914), m(-6_207, -5_861), m(1_874, 926), m(2_148, 1_672))
    fin_flows = (m(15_000, 20_000), m(-30_000, -25_000), m(-6_412, -6_038),
                 (divs["2025"], divs["2024"]), (nci_div["2025"], nci_div["2024"]))
    fx_cash = m(-1_246, 812)
    opening_cash = (cash[1], D(142_318))
    target = (cash[0], cash[1])
    fixed = add(paid, intp, taxp, *inv_flows, *fin_flows, fx_cash, opening_cash)
    receipts = add(target, neg(fixed))
    cf.r("Cash receipts from customers", *receipts)
    cf.r("Cash paid to suppliers and employees", *paid)
    cgo = cf.r("Cash generated from operations", *add(receipts, paid))
    cf.r("Interest paid", *intp)
    cf.r("Income taxes paid", *taxp)
    nop = cf.r("Cash flow from operating activities", *add(cgo, intp, taxp))
    for label, p in zip(("Purchase of property, plant and equipment",
                         "Purchase of intangible assets",
                         "Proceeds from disposal of property, plant and equipment",
                         "Interest received"), inv_flows):
        cf.r(label, *p)
    ninv = cf.r("Cash flow from investing activities", *add(*inv_flows))
    for label, p in zip(("Proceeds from financial liabilities",
                         "Repayment of financial liabilities",
                         "Repayment of lease liabilities",
                         "Dividends paid to shareholders of Auental Antriebe SE",
                         "Dividends paid to non-controlling interests"), fin_flows):
        cf.r(label, *p)
    nfin = cf.r("Cash flow from financing activities", *add(*fin_flows))
    net = cf.r("Net change in cash and cash equivalents", *add(nop, ninv, nfin))
    cf.r("Cash and cash equivalents at the beginning of the year", *opening_cash)
    cf.r("Effect of exchange rate changes on cash and cash equivalents", *fx_cash)
    end = cf.r("Cash and cash equivalents at the end of the year",
               *add(net, opening_cash, fx_cash))
    assert end == target
    return [inc, oci, fp, eq, cf]


def fmt_space(v: Decimal, zero: str = "–") -> str:
    """Continental style: a space between thousands, a leading minus."""
    if v == 0:
        return zero
    s = f"{abs(v):,.{places(v)}f}".replace(",", " ")
    return f"-{s}" if v < 0 else s


def _change(cur: Decimal, prior: Decimal) -> str:
    """Year-on-year change in per cent, as continental income statements print it."""
    if prior == 0 or cur == 0 or (cur < 0) != (prior < 0) or "." in str(cur):
        return "n/a"
    pct = ((cur - prior) / abs(prior) * 100).quantize(D("0.1"))
    return f"{'+' if pct > 0 else ''}{pct}%" if pct else "0.0%"


def write_f() -> None:
    inc, oci, fp, eq, cf = company_f()
    out = ["Auental Antriebe SE", "Annual Report 2025 – Consolidated Financial Statements", "",
           "This report is fictitious: it was written for the ixbrl-converter tests; the company",
           "and all its figures are invented. Figures are in € thousand unless stated otherwise;",
           "rounding differences may occur.", ""]
    lw, nw, w = 60, 8, 13

    def table(s, head: list[str], ascending: bool, zero: str = "–", change: bool = False,
              minus: str = "-"):
        lines = [s.title[0], s.title[1], "", *head, ""]
        for row in s.rows:
            if row[0] == "h":
                lines.append(row[1])
                continue
            label, note, vals = row[1], row[2], row[3]
            if ascending:
                vals = vals[::-1]
            texts = [fmt_space(v, zero).replace("-", minus) for v in vals]
            if "per share" in label:       # "2,33": a decimal comma
                texts = [t.replace(".", ",") for t in texts]
            figs = "".join(t.rjust(w) for t in texts)
            if change:     # a "Change in %" column after the years: not a period
                figs += _change(row[3][0], row[3][1]).rjust(w)
            lines.append(f"{label:<{lw}}{note:<{nw}}{figs}".rstrip())
        return lines + ["", ""]

    up = [f"in € thousand{'Notes'.rjust(lw - 13 + 5)}{'':<3}{'2024'.rjust(w)}{'2025'.rjust(w)}"
          f"{'Change'.rjust(w)}",
          f"{'in %'.rjust(lw + nw + 3 * w)}"]
    out += table(inc, up, True, change=True)
    out += table(oci, [f"in € thousand{'2024'.rjust(lw - 13 + nw + w)}{'2025'.rjust(w)}"], True,
                 minus="- ")          # the minus set off from its figure by a space
    bs_head = [f"in € thousand{'Notes'.rjust(lw - 13 + 5)}{'':<3}"
               f"{'31.12.2024'.rjust(w)}{'31.12.2025'.rjust(w)}"]
    out += table(fp, bs_head, True, zero="0")
    # changes in equity: components across, their names over two lines, EUR k under each
    cw = 16
    heads = [_wrap_words(c.split(), cw - 2) for c in eq.components]
    depth = max(len(h) for h in heads)
    out += [eq.title[0], eq.title[1], ""]
    for k in range(depth):
        cells = []
        for h in heads:
            lines = h + [""] * (depth - len(h))
            cells.append(lines[k].rjust(cw))
        out.append(" " * 36 + "".join(cells).rstrip())
    out.append(" " * 36 + "".join("EUR k".rjust(cw) for _ in eq.components))
    out.append("")
    for year, rows in eq.blocks:
        for label, values in rows:
            out.append(f"{label:<36}" + "".join(fmt_space(v).replace(" ", "\u202f").rjust(cw)
                                                 for v in values))
        out.append("")
    out.append("")
    out += table(cf, [f"{'FY2025'.rjust(lw + nw + w)}{'FY2024'.rjust(w)}",
                      f"{'EUR k'.rjust(lw + nw + w)}{'EUR k'.rjust(w)}"], False, minus="−")
    out += ["Notes to the consolidated financial statements", "",
            "1 General information",
            "Auental Antriebe SE is a listed stock corporation; its financial statements are",
            "prepared in accordance with IFRS as adopted by the EU.", ""]
    (HERE / "auental-2025-continental.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
    write_truth("auental-2025-continental", truth_rows([inc, oci, fp, cf], eq, ("2025", "2024")))


# --------------------------------------------------------------------------- G: UK, net assets
def company_g():
    """A UK group in £'000: a net-assets balance sheet (net current assets, total assets less
    current liabilities, net assets, capital and reserves), footnote markers on labels, no
    non-controlling interests, year ended 30 September (figures invented)."""
    z = D(0)

    def m(*v):
        return tuple(D(str(x)) for x in v)

    inc = Stmt("income", ["Group income statement", "for the year ended 30 September 2025"])
    rev = inc.r("Revenue (a)", *m(148_362, 139_275), "3")
    cos = inc.r("Cost of sales", *m(-96_418, -91_604))
    gp = inc.r("Gross profit", *add(rev, cos))
    opx = [inc.r("Distribution costs", *m(-14_207, -13_396)),
           inc.r("Administrative expenses (a)", *m(-19_583, -18_842)),
           inc.r("Other income¹", *m(1_146, 875), "4")]
    op = inc.r("Operating profit", *add(gp, *opx), "5")
    fi = inc.r("Finance income", *m(318, 204), "6")
    fc = inc.r("Finance costs", *m(-2_846, -3_118), "6")
    pbt = inc.r("Profit before taxation", *add(op, fi, fc))
    tax = inc.r("Tax on profit²", *m(-4_312, -3_507), "7")
    pat = inc.r("Profit for the financial year attributable to equity holders of the parent",
                *add(pbt, tax))
    inc.h("Earnings per share")
    inc.r("Basic (pence)", *m("21.4", "18.9"), "8")
    inc.r("Diluted (pence)", *m("21.1", "18.7"), "8")

    oci = Stmt("comprehensive_income", ["Group statement of comprehensive income",
                                        "for the year ended 30 September 2025"])
    oci.r("Profit for the financial year", *pat)
    oci.h("Items that will not be reclassified to profit or loss")
    act = oci.r("Actuarial (loss)/gain on defined benefit pension scheme", *m(-1_248, 906))
    dtx = oci.r("Deferred tax on actuarial movement", *m(312, -227))
    oci.h("Items that may be reclassified to profit or loss")
    hed = oci.r("Effective portion of changes in fair value of cash flow hedges", *m(-274, 391))
    oci_t = oci.r("Other comprehensive (expense)/income for the year, net of tax",
                  *add(act, dtx, hed))
    tci = oci.r("Total comprehensive income for the year attributable to equity holders of "
                "the parent", *add(pat, oci_t))

    comps = ["Called up share capital", "Share premium account", "Hedging reserve",
             "Retained earnings", "Total equity"]

    def tot(v):
        return [*v, sum(v, z)]

    divs = {"2025": D(-7_320), "2024": D(-6_840)}
    sbp = {"2025": D(486), "2024": D(412)}
    iss = {"2025": (D(12), D(318)), "2024": (z, z)}
    bal = tot([D(1_200), D(24_615), D(-103), D(61_842)])
    blocks, close = [], {}
    for i, year in ((1, "2024"), (0, "2025")):
        moves = [("Profit for the year", tot([z, z, z, pat[i]])),
                 ("Other comprehensive (expense)/income", tot([z, z, hed[i], act[i] + dtx[i]])),
                 ("=Total comprehensive income for the year",
                  tot([z, z, hed[i], pat[i] + act[i] + dtx[i]])),
                 ("Dividends paid", tot([z, z, z, divs[year]])),
                 ("Share-based payment charge", tot([z, z, z, sbp[year]])),
                 ("Issue of shares", tot([iss[year][0], iss[year][1], z, z]))]
        start = "1 October 2023" if year == "2024" else "1 October 2024"
        rows, bal = _roll(bal, moves, f"At {start}", f"At 30 September {year}")
        blocks.append((year, rows))
        close[year] = bal
    eq = Equity(["Group statement of changes in equity", "for the year ended 30 September 2025"],
                comps, blocks)
    c25, c24 = close["2025"], close["2024"]

    fp = Stmt("financial_position", ["Group balance sheet", "at 30 September 2025"])
    fp.h("Non-current assets")
    nca = add(fp.r("Intangible assets", *m(18_406, 19_237), "9"),
              fp.r("Property, plant and equipment", *m(46_812, 44_093), "10"),
              fp.r("Right-of-use assets", *m(7_934, 8_615)),
              fp.r("Deferred tax assets", *m(1_208, 1_442)))
    fp.r("", *nca)
    fp.h("Current assets")
    inv = fp.r("Inventories", *m(21_746, 20_318), "11")
    rec = fp.r("Trade and other receivables", *m(27_391, 25_862), "12")
    cl = (m(-29_614, -27_952), m(-4_000, -4_000), m(-1_682, -1_754), m(-1_138, -906))
    ncl = (m(-12_000, -16_000), m(-6_918, -7_503), m(-2_406, -3_117), m(-1_374, -1_215))
    eq_t = (c25[-1], c24[-1])
    cash = add(eq_t, neg(add(*cl, *ncl)), neg(nca), neg(inv), neg(rec))
    fp.r("Cash and cash equivalents", *cash)
    ca = fp.r("", *add(inv, rec, cash))
    fp.h("Current liabilities")
    for label, p in zip(("Trade and other payables", "Borrowings", "Lease liabilities",
                         "Corporation tax"), cl):
        fp.r(label, *p, "13" if label == "Borrowings" else "")
    tcl = fp.r("", *add(*cl))
    ncas = fp.r("Net current assets", *add(ca, tcl))
    fp.r("Total assets less current liabilities", *add(nca, ncas))
    fp.h("Non-current liabilities")
    for label, p in zip(("Borrowings", "Lease liabilities", "Retirement benefit obligation",
                         "Provisions"), ncl):
        fp.r(label, *p, "13" if label == "Borrowings" else "")
    fp.r("", *add(*ncl))
    na = fp.r("Net assets", *add(nca, ncas, *ncl))
    assert na == eq_t
    fp.h("Capital and reserves")
    for i in range(4):
        fp.r(comps[i], c25[i], c24[i])
    fp.r("Total equity", *eq_t)

    cf = Stmt("cash_flows", ["Group cash flow statement", "for the year ended 30 September 2025"])
    cf.h("Cash flows from operating activities")
    cf.r("Profit for the financial year", *pat)
    cf.h("Adjustments for:")
    adj = add(cf.r("Tax on profit", *neg(tax)),
              cf.r("Net finance costs", *neg(add(fi, fc))),
              cf.r("Depreciation of property, plant and equipment", *m(5_318, 4_962)),
              cf.r("Depreciation of right-of-use assets", *m(1_794, 1_706)),
              cf.r("Amortisation of intangible assets", *m(2_146, 2_081)),
              cf.r("Share-based payment charge", *(sbp["2025"], sbp["2024"])),
              cf.r("Increase in inventories", *m(-1_428, -1_906)),
              cf.r("Increase in trade and other receivables", *m(-1_529, -2_214)))
    taxp = m(-3_862, -3_341)
    inv_flows = (m(-8_037, -7_112), m(-1_315, -1_208), m(0, 412), fi)
    fin_flows = (m(-2_714, -3_006), m(-4_000, -4_000), m(-1_861, -1_793),
                 (divs["2025"], divs["2024"]), (iss["2025"][0] + iss["2025"][1], z))
    opening_cash = (cash[1], D(36_520))
    fixed = add(pat, adj, taxp, *inv_flows, *fin_flows, opening_cash)
    pay = add((cash[0], cash[1]), neg(fixed))
    adj = add(adj, cf.r("Increase/(decrease) in trade and other payables", *pay))
    cgo = cf.r("Cash generated from operations", *add(pat, adj))
    cf.r("Tax paid", *taxp)
    nop = cf.r("Net cash inflow from operating activities", *add(cgo, taxp))
    cf.h("Cash flows from investing activities")
    for label, p in zip(("Purchase of property, plant and equipment",
                         "Purchase of intangible assets",
                         "Proceeds from disposal of property, plant and equipment",
                         "Interest received"), inv_flows):
        cf.r(label, *p)
    ninv = cf.r("Net cash outflow from investing activities", *add(*inv_flows))
    cf.h("Cash flows from financing activities")
    for label, p in zip(("Interest paid", "Repayment of borrowings",
                         "Principal element of lease payments", "Dividends paid to shareholders",
                         "Proceeds from issue of shares"), fin_flows):
        cf.r(label, *p)
    nfin = cf.r("Net cash outflow from financing activities", *add(*fin_flows))
    net = cf.r("Net decrease in cash and cash equivalents", *add(nop, ninv, nfin))
    cf.r("Cash and cash equivalents at beginning of year", *opening_cash)
    end = cf.r("Cash and cash equivalents at end of year", *add(net, opening_cash))
    assert end == (cash[0], cash[1])
    return [inc, oci, fp, eq, cf]


# Rows whose figures pdftotext shifted (by row label): how many spaces, and which way.
G_SHIFT = {"Cost of sales": 7, "Inventories": -3, "Net current assets": 9,
           "Tax paid": 5, "Dividends paid to shareholders": -4}
# Cells printed blank, not as a dash (label, column: 0 for 2025, 1 for 2024): the figure left
# on the line must be read in its own column, by where it stands.
G_BLANK = {("Proceeds from issue of shares", 1),
           ("Proceeds from disposal of property, plant and equipment", 0)}
# Labels that run up to the first figure with a single space (a long label in a narrow column).
G_TIGHT = {"Total assets less current liabilities", "Principal element of lease payments"}


def write_g() -> None:
    inc, oci, fp, eq, cf = company_g()
    lw, nw, w = 44, 7, 12
    head = [" " * lw + "Notes".ljust(nw) + "2025".rjust(w) + "2024".rjust(w),
            " " * (lw + nw) + "£'000".rjust(w) + "£'000".rjust(w)]
    furniture = ["Wrenfield Brands plc", "Final results for the year ended 30 September 2025"]
    page = [14]

    def label_lines(label: str, figs: str, note: str) -> list[str]:
        if label in G_TIGHT:     # the first figure pulled left against the label
            first, second = figs.split()
            line = f"{label} {first}"
            return [line + second.rjust(lw + nw + 2 * w - len(line))]
        if len(label) <= lw - 2:
            return [f"{label:<{lw}}{note:<{nw}}{figs}".rstrip()]
        # wrapped: the first line bare, the figures beside the last line of the label
        words, lines, cur = label.split(), [], ""
        for word in words:
            if cur and len(cur) + 1 + len(word) > lw - 2:
                lines.append(cur)
                cur = word
            else:
                cur = f"{cur} {word}".strip()
        return lines + [f"{cur:<{lw}}{note:<{nw}}{figs}".rstrip()]

    def table(s, break_before: str | None = None, years: tuple[str, str] = ("2025", "2024"),
              days: tuple[str, str] | None = None):
        top = [" " * lw + "Notes".ljust(nw) + years[0].rjust(w) + years[1].rjust(w)]
        if days:        # "30 Sept" over "2025": the day and month on a line of their own
            top = [" " * (lw + nw) + days[0].rjust(w) + days[1].rjust(w),
                   " " * lw + "Notes".ljust(nw) + years[0].rjust(w) + years[1].rjust(w)]
        lines = [s.title[0], s.title[1], "", *top, head[1], ""]
        for row in s.rows:
            if break_before and row[0] == "h" and row[1] == break_before:
                page[0] += 1
                lines += ["", str(page[0]).rjust(78), "\f" + furniture[0], furniture[1], "",
                          *top, head[1], ""]
            if row[0] == "h":
                lines.append(row[1])
                continue
            label, note, (a, b) = row[1], row[2], row[3]
            p = "p" if "pence" in label else ""     # "21.4p": pence printed after the figure
            cells = [fmt_paren(v) + p for v in (a, b)]
            for col in (0, 1):
                if (label, col) in G_BLANK:
                    cells[col] = ""
            figs = cells[0].rjust(w) + cells[1].rjust(w)
            shift = G_SHIFT.get(label, 0)
            if shift > 0:
                figs = " " * shift + figs
            elif shift < 0:
                figs = figs[-shift:]
            lines += label_lines(label, figs, note)
        return lines + [""]

    out = [furniture[0], furniture[1], "",
           "This announcement is fictitious: it was written for the ixbrl-converter tests; the",
           "company and all its figures are invented.", ""]
    out += table(inc)
    out += ["(a) Revenue and administrative expenses for 2024 have been re-presented for the",
            "    change in the presentation of customer rebates.",
            "¹ Other income comprises government grants and sub-letting income.",
            "² Tax on profit includes a credit of £0.2m in respect of prior years.", "", ""]
    out += table(oci) + [""]
    out += table(fp, break_before="Non-current liabilities", days=("30 Sept", "30 Sept")) + [""]
    # changes in equity: component names over three lines, £'000 under each
    cw, elw = 13, 40
    heads = [_wrap_words(c.split(), cw - 2) for c in eq.components]
    depth = max(len(h) for h in heads)
    out += [eq.title[0], eq.title[1], ""]
    for k in range(depth):
        cells = []
        for h in heads:
            lines = [""] * (depth - len(h)) + h
            cells.append(lines[k].rjust(cw))
        out.append(" " * elw + "".join(cells).rstrip())
    out.append(" " * elw + "".join("£'000".rjust(cw) for _ in eq.components))
    out.append("")
    for year, rows in eq.blocks:
        for label, values in rows:
            out.append(f"{label:<{elw}}" + "".join(fmt_paren(v).rjust(cw) for v in values))
        out.append("")
    out.append("")
    out += table(cf, years=("2024/25", "2023/24"))     # UK style: the years a period spans
    out += ["", "Notes", "", "1. Basis of preparation",
            "The financial information has been prepared in accordance with UK-adopted",
            "international accounting standards.", ""]
    (HERE / "wrenfield-2025-netassets.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
    rows = [r for r in truth_rows([inc, oci, fp, cf], eq, ("2025", "2024"))
            if (r[1], 0 if r[2] == "2025" else 1) not in G_BLANK]
    write_truth("wrenfield-2025-netassets", rows)


# --------------------------------------------------------------------------- H: Asian, RMB million
def company_h():
    """A Chinese group reporting in RMB million with one decimal: expenses by nature, 'Other
    gains and losses, net', a restated comparative and a third balance sheet at 1 January 2024
    (IAS 1.40A), a cash-flow statement that opens on 'Cash generated from operations' (its
    reconciliation is a note), totals in capitals (figures invented)."""
    z = D(0)

    def m(*v):
        return tuple(D(str(x)) for x in v)

    inc = Stmt("income", ["CONSOLIDATED STATEMENT OF PROFIT OR LOSS",
                          "For the year ended 31 December 2025"])
    rev = inc.r("Revenue", *m("18642.7", "17205.3"), "5")
    ogl = inc.r("Other gains and losses, net", *m("214.6", "-87.9"), "6")
    raw = inc.r("Raw materials and consumables used", *m("-9875.4", "-9210.8"))
    stf = inc.r("Staff costs", *m("-3402.1", "-3186.5"), "7")
    dep = inc.r("Depreciation and amortisation", *m("-1268.9", "-1194.2"))
    imp = inc.r("Impairment losses on trade receivables, net", *m("-96.3", "-41.7"))
    oth = inc.r("Other expenses", *m("-1537.2", "-1462.6"))
    op = inc.r("OPERATING PROFIT", *add(rev, ogl, raw, stf, dep, imp, oth))
    fc = inc.r("Finance costs", *m("-318.4", "-352.9"), "8")
    jv = inc.r("Share of profits of joint ventures", *m("76.5", "58.2"))
    pbt = inc.r("PROFIT BEFORE TAX", *add(op, fc, jv), "9")
    tax = inc.r("Income tax expense", *m("-612.8", "-498.1"), "10")
    pat = inc.r("PROFIT FOR THE YEAR", *add(pbt, tax))
    inc.h("Attributable to:")
    nci_p = m("143.2", "121.6")
    own_p = inc.r("Owners of the parent", *add(pat, neg(nci_p)))
    inc.r("Non-controlling interests", *nci_p)
    inc.h("EARNINGS PER SHARE ATTRIBUTABLE TO ORDINARY EQUITY HOLDERS OF THE PARENT")
    inc.r("Basic and diluted (RMB)", *m("1.32", "1.14"), "12")

    oci = Stmt("comprehensive_income", ["CONSOLIDATED STATEMENT OF COMPREHENSIVE INCOME",
                                        "For the year ended 31 December 2025"])
    oci.r("PROFIT FOR THE YEAR", *pat)
    oci.h("OTHER COMPREHENSIVE INCOME")
    oci.h("Other comprehensive income that may be reclassified to profit or loss in subsequent "
          "periods:")
    fx = oci.r("Exchange differences on translation of foreign operations", *m("-58.4", "37.2"))
    oci.h("Other comprehensive income that will not be reclassified to profit or loss in "
          "subsequent periods:")
    fv = oci.r("Equity investments designated at fair value through other comprehensive income",
               *m("24.9", "-16.3"))
    oci_t = oci.r("OTHER COMPREHENSIVE INCOME FOR THE YEAR, NET OF TAX", *add(fx, fv))
    tci = oci.r("TOTAL COMPREHENSIVE INCOME FOR THE YEAR", *add(pat, oci_t))
    oci.h("Attributable to:")
    nci_o = m("-3.1", "2.4")
    tci_nci = add(nci_p, nci_o)
    oci.r("Owners of the parent", *add(tci, neg(tci_nci)))
    oci.r("Non-controlling interests", *tci_nci)

    comps = ["Share capital", "Share premium", "Other reserves", "Retained profits", "Total",
             "Non-controlling interests", "Total equity"]
    divs = {"2025": D("-1520.0"), "2024": D("-1330.0")}
    nci_div = {"2025": D("-48.0"), "2024": D("-40.0")}
    adj = with_totals([z, z, z, D("-286.4")], D("-12.6"))     # the prior-year error corrected
    reported = with_totals([D("950.0"), D("6214.8"), D("812.5"), D("9637.2")], D("1184.3"))
    restated = [a + b for a, b in zip(reported, adj)]
    blocks, close, opening = [], {}, restated
    for i, year in ((1, "2024"), (0, "2025")):
        p = [z, z, z, own_p[i]]
        o = [z, z, fx[i] + fv[i] - nci_o[i], z]
        moves = [("Profit for the year", with_totals(p, nci_p[i])),
                 ("Other comprehensive income for the year", with_totals(o, nci_o[i])),
                 ("=Total comprehensive income for the year",
                  with_totals([a + b for a, b in zip(p, o)], nci_p[i] + nci_o[i])),
                 ("Final dividend declared", with_totals([z, z, z, divs[year]], z)),
                 ("Dividends paid to non-controlling shareholders",
                  with_totals([z, z, z, z], nci_div[year]))]
        if year == "2024":
            rows, bal = _roll(opening, moves, "At 1 January 2024 (restated)",
                              "At 31 December 2024 (restated)")
            rows = [("At 1 January 2024 (as previously reported)", reported),
                    ("Correction of prior year error", adj)] + rows
        else:
            rows, bal = _roll(opening, moves, "At 1 January 2025", "At 31 December 2025")
        blocks.append((year, rows))
        close[year] = bal
        opening = bal
    eq = Equity(["CONSOLIDATED STATEMENT OF CHANGES IN EQUITY",
                 "For the year ended 31 December 2025"], comps, blocks)

    e = (close["2025"], close["2024"], restated)
    fp = Stmt("financial_position", ["CONSOLIDATED STATEMENT OF FINANCIAL POSITION",
                                     "31 December 2025"])

    def r3(label, a, b, c, note=""):
        fp.rows.append(("r", label, note, (D(a), D(b), D(c))))
        return D(a), D(b), D(c)

    def add3(*ts):
        return tuple(sum((t[i] for t in ts), z) for i in range(3))

    def n3(t):
        return tuple(-x for x in t)

    fp.h("NON-CURRENT ASSETS")
    nca = add3(r3("Property, plant and equipment", "11284.6", "10837.2", "10412.9", "13"),
               r3("Right-of-use assets", "862.4", "915.7", "948.3"),
               r3("Goodwill", "1206.0", "1206.0", "1206.0"),
               r3("Investments in joint ventures", "684.2", "627.7", "581.5"),
               r3("Equity investments designated at fair value through other comprehensive "
                  "income", "318.6", "293.7", "310.0"),
               r3("Deferred tax assets", "142.8", "131.5", "118.4"))
    r3("Total non-current assets", *nca)
    fp.h("CURRENT ASSETS")
    invs = r3("Inventories", "3418.5", "3176.4", "2954.1", "14")
    rec = r3("Trade and bills receivables", "4126.7", "3845.2", "3602.6", "15")
    pre = r3("Prepayments, other receivables and other assets", "612.3", "574.9", "541.8")
    pld = r3("Pledged deposits", "85.0", "0", "60.0")
    cl = ((D("3875.2"), D("3612.8"), D("3398.5")), (D("1250.0"), D("1400.0"), D("1500.0")),
          (D("214.6"), D("198.3"), D("186.9")), (D("158.7"), D("142.4"), D("131.2")),
          (D("1042.9"), D("987.6"), D("921.4")))
    ncl = ((D("3600.0"), D("3900.0"), D("4200.0")), (D("612.5"), D("674.1"), D("705.3")),
           (D("286.3"), D("271.8"), D("259.6")))
    eq_t = tuple(x[-1] for x in e)
    cash = add3(eq_t, *ncl, *cl, n3(nca), n3(invs), n3(rec), n3(pre), n3(pld))
    r3("Cash and cash equivalents", *cash, "16")
    ca = r3("Total current assets", *add3(invs, rec, pre, pld, cash))
    r3("TOTAL ASSETS", *add3(nca, ca))
    fp.h("CURRENT LIABILITIES")
    for label, t in zip(("Trade and bills payables", "Interest-bearing bank borrowings",
                         "Lease liabilities", "Tax payable",
                         "Other payables and accruals"), cl):
        r3(label, *t, "17" if label.startswith("Trade") else "")
    tcl = r3("Total current liabilities", *add3(*cl))
    r3("NET CURRENT ASSETS", *add3(ca, n3(tcl)))
    fp.h("NON-CURRENT LIABILITIES")
    for label, t in zip(("Interest-bearing bank borrowings", "Lease liabilities",
                         "Deferred tax liabilities"), ncl):
        r3(label, *t)
    r3("Total non-current liabilities", *add3(*ncl))
    r3("TOTAL LIABILITIES", *add3(*cl, *ncl))
    fp.h("EQUITY")
    fp.h("Equity attributable to owners of the parent")
    for i in range(4):
        r3(comps[i], *(x[i] for x in e))
    r3("", *(x[4] for x in e))
    r3("Non-controlling interests", *(x[5] for x in e))
    r3("TOTAL EQUITY", *eq_t)
    r3("TOTAL EQUITY AND LIABILITIES", *add3(eq_t, *cl, *ncl))

    cf = Stmt("cash_flows", ["CONSOLIDATED STATEMENT OF CASH FLOWS",
                             "For the year ended 31 December 2025"])
    cf.h("CASH FLOWS FROM OPERATING ACTIVITIES")
    taxp = m("-574.3", "-482.6")
    inv_flows = (m("-1724.8", "-1618.4"), m("86.2", "41.9"), m("-85.0", "60.0"),
                 m("20.0", "12.5"), m("41.7", "36.8"))
    fin_flows = (m("1100.0", "900.0"), m("-1550.0", "-1300.0"), m("-231.4", "-218.6"),
                 m("-296.8", "-331.5"), (divs["2025"], divs["2024"]),
                 (nci_div["2025"], nci_div["2024"]))
    fx_cash = m("-12.7", "8.4")
    opening_cash = (cash[1], cash[2])
    fixed = add(taxp, *inv_flows, *fin_flows, fx_cash, opening_cash)
    cgo = cf.r("Cash generated from operations", *add((cash[0], cash[1]), neg(fixed)), "30(a)")
    cf.r("Income tax paid", *taxp)
    nop = cf.r("NET CASH FLOWS FROM OPERATING ACTIVITIES", *add(cgo, taxp))
    cf.h("CASH FLOWS FROM INVESTING ACTIVITIES")
    for label, p in zip(("Purchases of items of property, plant and equipment",
                         "Proceeds from disposal of items of property, plant and equipment",
                         "Decrease/(increase) in pledged deposits",
                         "Dividends received from joint ventures", "Interest received"),
                        inv_flows):
        cf.r(label, *p)
    ninv = cf.r("NET CASH FLOWS USED IN INVESTING ACTIVITIES", *add(*inv_flows))
    cf.h("CASH FLOWS FROM FINANCING ACTIVITIES")
    for label, p in zip(("New bank loans", "Repayment of bank loans",
                         "Principal portion of lease payments", "Interest paid",
                         "Dividends paid", "Dividends paid to non-controlling shareholders"),
                        fin_flows):
        cf.r(label, *p)
    nfin = cf.r("NET CASH FLOWS USED IN FINANCING ACTIVITIES", *add(*fin_flows))
    net = cf.r("NET INCREASE IN CASH AND CASH EQUIVALENTS", *add(nop, ninv, nfin))
    cf.r("Cash and cash equivalents at beginning of year", *opening_cash)
    cf.r("Effect of foreign exchange rate changes, net", *fx_cash)
    end = cf.r("CASH AND CASH EQUIVALENTS AT END OF YEAR", *add(net, opening_cash, fx_cash))
    assert end == (cash[0], cash[1])
    return [inc, oci, fp, eq, cf]


def fmt_spaced_paren(v: Decimal) -> str:
    """'( 1,234.5 )': parentheses set off from the figure by a space, a dash for nil."""
    if v == 0:
        return "-"
    s = f"{abs(v):,.{places(v)}f}"
    return f"( {s} )" if v < 0 else s


def write_h() -> None:
    inc, oci, fp, eq, cf = company_h()
    lw, nw, w = 58, 8, 14
    out = ["JADEPORT MATERIALS GROUP CO., LTD.", "(A joint stock company incorporated in the "
           "People's Republic of China with limited liability)", "(Stock Code: 6218)", "",
           "ANNUAL RESULTS ANNOUNCEMENT FOR THE YEAR ENDED 31 DECEMBER 2025", "",
           "This announcement is fictitious: it was written for the ixbrl-converter tests; the",
           "company and all its figures are invented. The 2024 figures are restated to correct",
           "a prior year error (note 2).", ""]

    def line(label: str, note: str, vals) -> list[str]:
        figs = "".join(fmt_spaced_paren(v).rjust(w) for v in vals)
        if len(label) > lw - 2:         # wrapped: the figures beside the last line
            cut = label.rfind(" ", 0, lw - 2)
            return [label[:cut], f"  {label[cut + 1:]:<{lw - 2}}{note:<{nw}}{figs}".rstrip()]
        return [f"{label:<{lw}}{note:<{nw}}{figs}".rstrip()]

    def table(s, heads: list[str]):
        lines = [s.title[0], s.title[1], "", *heads, ""]
        for row in s.rows:
            if row[0] == "h":
                lines.append(row[1])
            else:
                lines += line(row[1], row[2], row[3])
        return lines + ["", ""]

    two = [" " * lw + "Notes".ljust(nw) + "2025".rjust(w) + "2024".rjust(w),
           " " * (lw + nw) + "".rjust(w) + "(Restated)".rjust(w),
           " " * (lw + nw) + "RMB million".rjust(w) + "RMB million".rjust(w)]
    out += table(inc, two)
    out += table(oci, two)
    three = [" " * (lw + nw) + "31 December".rjust(w) + "31 December".rjust(w)
             + "1 January".rjust(w),
             " " * lw + "Notes".ljust(nw) + "2025".rjust(w) + "2024".rjust(w) + "2024".rjust(w),
             " " * (lw + nw) + "".rjust(w) + "(Restated)".rjust(w) + "(Restated)".rjust(w),
             " " * (lw + nw) + "RMB million".rjust(w) + "RMB million".rjust(w)
             + "RMB million".rjust(w)]
    out += table(fp, three)
    cw, elw = 13, 48
    heads = [_wrap_words(c.split(), cw - 2) for c in eq.components]
    depth = max(len(h) for h in heads)
    out += [eq.title[0], eq.title[1], "",
            " " * elw + ("Attributable to owners of the parent".center(5 * cw)).rstrip()]
    for k in range(depth):
        out.append(" " * elw + "".join(([""] * (depth - len(h)) + h)[k].rjust(cw)
                                       for h in heads).rstrip())
    out.append(" " * elw + "".join("RMB million".rjust(cw) for _ in eq.components))
    out.append("")
    for year, rows in eq.blocks:
        for label, values in rows:
            out.append(f"{label:<{elw}}" + "".join(fmt_spaced_paren(v).rjust(cw)
                                                   for v in values))
        out.append("")
    out.append("")
    out += table(cf, two)
    out += ["NOTES", "", "30. NOTES TO THE CONSOLIDATED STATEMENT OF CASH FLOWS",
            "(a) Cash generated from operations is reconciled to profit before tax in the",
            "    annual report.", ""]
    (HERE / "jadeport-2025-rmb-restated.txt").write_text("\n".join(out) + "\n",
                                                         encoding="utf-8")
    rows = truth_rows([inc, oci, cf], eq, ("2025", "2024"))
    for row in fp.rows:        # the third balance sheet, 1 January 2024, ends 31 December 2023
        if row[0] == "r":
            for year, value in zip(("2025", "2024", "2023"), row[3]):
                rows.append(["financial_position", row[1], year, "",
                             "nil" if value == 0 else str(value)])
    write_truth("jadeport-2025-rmb-restated", rows)


# ----------------------------------------------------------------------- I: Australian half-year
def company_i():
    """An Australian group's half-year report in $'000: one statement of profit or loss and
    OCI whose columns are the half-years to 31 December, a balance sheet comparing
    31 December with the last year end (30 June), a direct-method cash-flow statement
    (figures invented)."""
    z = D(0)

    def m(*v):
        return tuple(D(str(x)) for x in v)

    owners = "owners of Coolabah Resources Limited"
    inc = Stmt("income", ["Consolidated statement of profit or loss and other comprehensive income",
                          "For the half-year ended 31 December 2025"])
    rev = inc.r("Revenue from contracts with customers", *m(264_815, 238_402), "4")
    oi = inc.r("Other income", *m(1_932, 1_417))
    inc.h("Expenses")
    exps = [inc.r("Raw materials and consumables used", *m(-118_306, -107_745)),
            inc.r("Employee benefits expense", *m(-64_219, -59_833)),
            inc.r("Depreciation and amortisation expense", *m(-18_742, -17_205)),
            inc.r("Occupancy costs", *m(-6_128, -5_864)),
            inc.r("Other expenses", *m(-12_417, -11_958))]
    fc = inc.r("Finance costs", *m(-4_386, -4_902))
    pbt = inc.r("Profit before income tax expense", *add(rev, oi, *exps, fc))
    tax = inc.r("Income tax expense", *m(-12_764, -9_876), "5")
    pat = inc.r(f"Profit after income tax expense for the half-year attributable to the {owners}",
                *add(pbt, tax))
    inc.h("Other comprehensive income")
    inc.h("Items that may be reclassified subsequently to profit or loss")
    fx = inc.r("Foreign currency translation", *m(-1_284, 736))
    cfh = inc.r("Net change in the fair value of cash flow hedges", *m(418, -205))
    oci_t = inc.r("Other comprehensive income for the half-year, net of tax", *add(fx, cfh))
    inc.r(f"Total comprehensive income for the half-year attributable to the {owners}",
          *add(pat, oci_t))
    inc.r("Basic earnings per share (cents)", *m("15.42", "12.87"), "18")
    inc.r("Diluted earnings per share (cents)", *m("15.21", "12.70"), "18")

    comps = ["Issued capital", "Reserves", "Retained profits", "Total equity"]

    def tot(v):
        return [*v, sum(v, z)]

    opening = {"2024": tot([D(186_420), D(3_915), D(104_872)]),
               "2025": tot([D(187_644), D(4_806), D(121_395)])}
    divs = {"2025": D(-16_240), "2024": D(-14_630)}
    sbp = {"2025": D(742), "2024": D(615)}
    blocks, close = [], {}
    for i, year in ((1, "2024"), (0, "2025")):
        start = f"1 July {year}"
        moves = [("Profit after income tax expense for the half-year", tot([z, z, pat[i]])),
                 ("Other comprehensive income for the half-year, net of tax",
                  tot([z, oci_t[i], z])),
                 ("=Total comprehensive income for the half-year", tot([z, oci_t[i], pat[i]])),
                 ("Share-based payments", tot([z, sbp[year], z])),
                 ("Dividends paid (note 7)", tot([z, z, divs[year]]))]
        rows, bal = _roll(opening[year], moves, f"Balance at {start}",
                          f"Balance at 31 December {year}")
        blocks.append((year, rows))
        close[year] = bal
    eq = Equity(["Consolidated statement of changes in equity",
                 "For the half-year ended 31 December 2025"], comps, blocks)
    e25, e_jun = close["2025"], opening["2025"]

    fp = Stmt("financial_position", ["Consolidated statement of financial position",
                                     "As at 31 December 2025"])
    fp.h("Assets")
    fp.h("Current assets")
    rec = fp.r("Trade and other receivables", *m(58_317, 61_904))
    inv = fp.r("Inventories", *m(72_846, 68_215))
    oth = fp.r("Other current assets", *m(4_129, 3_587))
    fp.h("Non-current assets")
    nca = add(fp.r("Property, plant and equipment", *m(214_608, 209_371), "8"),
              fp.r("Right-of-use assets", *m(38_415, 40_962)),
              fp.r("Intangibles", *m(46_230, 46_912), "9"),
              fp.r("Deferred tax", *m(8_742, 9_115)))
    cl = (m(51_408, 54_216), m(20_000, 20_000), m(7_315, 7_108), m(3_926, 5_412),
          m(14_871, 13_954))
    ncl = (m(95_000, 100_000), m(34_602, 37_158), m(2_418, 2_237))
    eq_t = (e25[-1], e_jun[-1])
    cash = add(eq_t, *cl, *ncl, neg(nca), neg(rec), neg(inv), neg(oth))
    # the rows are built in print order: cash comes first, so it is inserted there
    fp.rows.insert(2, ("r", "Cash and cash equivalents", "", cash))
    ca = add(cash, rec, inv, oth)
    fp.rows.insert(6, ("r", "Total current assets", "", ca))
    fp.r("Total non-current assets", *nca)
    fp.r("Total assets", *add(ca, nca))
    fp.h("Liabilities")
    fp.h("Current liabilities")
    for label, p in zip(("Trade and other payables", "Borrowings", "Lease liabilities",
                         "Income tax", "Employee benefits"), cl):
        fp.r(label, *p, "10" if label == "Borrowings" else "")
    fp.r("Total current liabilities", *add(*cl))
    fp.h("Non-current liabilities")
    for label, p in zip(("Borrowings", "Lease liabilities", "Employee benefits"), ncl):
        fp.r(label, *p, "10" if label == "Borrowings" else "")
    fp.r("Total non-current liabilities", *add(*ncl))
    fp.r("Total liabilities", *add(*cl, *ncl))
    fp.r("Net assets", *eq_t)
    fp.h("Equity")
    for k in range(3):
        fp.r(comps[k], e25[k], e_jun[k], "11" if k == 0 else "")
    fp.r("Total equity", *eq_t)

    cf = Stmt("cash_flows", ["Consolidated statement of cash flows",
                             "For the half-year ended 31 December 2025"])
    cf.h("Cash flows from operating activities")
    paid = m(-214_806, -196_342)
    intr, intp, taxp = m(386, 312), m(-4_412, -4_871), m(-14_250, -10_934)
    inv_flows = (m(-19_846, -16_327), m(1_215, 486), m(-1_058, -942))
    fin_flows = (m(10_000, 15_000), m(-15_000, -10_000), m(-3_864, -3_612),
                 (divs["2025"], divs["2024"]))
    fx_cash = m(-318, 152)
    opening_cash = (cash[1], D(24_610))
    closing_2024 = D(27_348)
    fixed = add(paid, intr, intp, taxp, *inv_flows, *fin_flows, fx_cash, opening_cash)
    receipts = add((cash[0], closing_2024), neg(fixed))
    cf.r("Receipts from customers (inclusive of GST)", *receipts)
    cf.r("Payments to suppliers and employees (inclusive of GST)", *paid)
    cf.r("Interest received", *intr)
    cf.r("Interest and other finance costs paid", *intp)
    cf.r("Income taxes paid", *taxp)
    nop = cf.r("Net cash from operating activities", *add(receipts, paid, intr, intp, taxp))
    cf.h("Cash flows from investing activities")
    for label, p in zip(("Payments for property, plant and equipment",
                         "Proceeds from disposal of property, plant and equipment",
                         "Payments for intangibles"), inv_flows):
        cf.r(label, *p)
    ninv = cf.r("Net cash used in investing activities", *add(*inv_flows))
    cf.h("Cash flows from financing activities")
    for label, p in zip(("Proceeds from borrowings", "Repayment of borrowings",
                         "Repayment of lease liabilities", "Dividends paid"), fin_flows):
        cf.r(label, *p, "7" if label == "Dividends paid" else "")
    nfin = cf.r("Net cash used in financing activities", *add(*fin_flows))
    net = cf.r("Net increase/(decrease) in cash and cash equivalents", *add(nop, ninv, nfin))
    cf.r("Cash and cash equivalents at the beginning of the financial half-year", *opening_cash)
    cf.r("Effects of exchange rate changes on cash and cash equivalents", *fx_cash)
    end = cf.r("Cash and cash equivalents at the end of the financial half-year",
               *add(net, opening_cash, fx_cash))
    assert end == (cash[0], closing_2024)
    return [inc, fp, eq, cf]


def write_i() -> None:
    inc, fp, eq, cf = company_i()
    lw, nw, w = 56, 6, 13
    out = ["Coolabah Resources Limited", "ABN 12 345 678 901", "",
           "Appendix 4D - Half-year report for the half-year ended 31 December 2025", "",
           "This report is fictitious: it was written for the ixbrl-converter tests; the company",
           "and all its figures are invented.", ""]

    def head(years: tuple[str, str]) -> list[str]:
        return [" " * (lw + nw) + "Consolidated".center(2 * w).rstrip(),
                " " * lw + "Note".ljust(nw) + years[0].rjust(w) + years[1].rjust(w),
                " " * (lw + nw) + "$'000".rjust(w) + "$'000".rjust(w)]

    def table(s, years, below: bool = False, block: bool = False,
              note_above: bool = False) -> list[str]:
        """``below``: the text extraction put each row's figures on a line of their own under
        its label; ``block``: it read the whole label column (headings included), then the
        figure columns, so every label comes before every figure."""
        lines = [s.title[0], s.title[1], "", *head(years), ""]
        if block:
            lines += [row[1] for row in s.rows] + [""]
            for row in s.rows:
                if row[0] == "r":
                    figs = "".join(fmt_paren(v).rjust(w) for v in row[3])
                    lines.append(" " * lw + f"{row[2]:<{nw}}{figs}".rstrip())
            return lines + ["", ""]
        for row in s.rows:
            if row[0] == "h":
                lines.append(row[1])
                continue
            label, note, vals = row[1], row[2], row[3]
            figs = "".join(fmt_paren(v).rjust(w) for v in vals)
            if below and note_above and note:     # the note stays in the label's line
                lines += [f"{label:<{lw}}{note}", " " * (lw + nw) + figs]
            elif below:
                lines += [label, " " * lw + f"{note:<{nw}}{figs}".rstrip()]
            elif len(label) > lw - 2:
                cut = label.rfind(" ", 0, lw - 2)
                lines += [label[:cut], f"{label[cut + 1:]:<{lw}}{note:<{nw}}{figs}".rstrip()]
            else:
                lines.append(f"{label:<{lw}}{note:<{nw}}{figs}".rstrip())
        return lines + ["", ""]

    out += table(inc, ("31 Dec 2025", "31 Dec 2024"), below=True, note_above=True)
    out += table(fp, ("31 Dec 2025", "30 Jun 2025"), block=True)
    cw, elw = 14, 56
    out += [eq.title[0], eq.title[1], ""]
    out.append(" " * elw + "".join(c.split()[0].rjust(cw) for c in eq.components))
    out.append(" " * elw + "".join((c.split()[1] if " " in c else "").rjust(cw)
                                   for c in eq.components).rstrip())
    out.append(" " * elw + "".join("$'000".rjust(cw) for _ in eq.components))
    out.append("")
    for year, rows in eq.blocks:
        for label, values in rows:
            out.append(f"{label:<{elw}}" + "".join(fmt_paren(v).rjust(cw) for v in values))
        out.append("")
    out.append("")
    out += table(cf, ("31 Dec 2025", "31 Dec 2024"), below=True)
    out += ["Notes to the consolidated financial statements", "",
            "1. Basis of preparation",
            "These general purpose financial statements for the interim half-year reporting",
            "period have been prepared in accordance with AASB 134 Interim Financial Reporting.",
            ""]
    (HERE / "coolabah-2025-halfyear.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
    rows = truth_rows([inc, cf], eq, ("2025", "2024"))
    for r in rows:     # one statement of profit or loss and OCI: a row may land in either part
        if r[0] == "income":
            r[0] = "income|comprehensive_income"
    for row in fp.rows:        # the balance sheet compares 31 December with the last 30 June
        if row[0] == "r":
            for end, value in zip(("2025-12-31", "2025-06-30"), row[3]):
                rows.append(["financial_position", row[1], end, "",
                             "nil" if value == 0 else str(value)])
    write_truth("coolabah-2025-halfyear", rows)


# --------------------------------------------------------------------------- J: Canadian, quarterly
def company_j():
    """A Canadian IFRS filer's fourth-quarter report in thousands of Canadian dollars: the
    income and comprehensive-income statements print the three months and the year to
    December 31 of both years (four columns), the balance sheet and cash flows two; a running
    changes-in-equity table whose opening balance is dated the day before the year starts
    (figures invented). Columns: (Q4 2025, Q4 2024, year 2025, year 2024)."""
    z = D(0)

    def m(*v):
        return tuple(D(str(x)) for x in v)

    title = ["Condensed Interim Consolidated Statements of Earnings"]
    inc = Stmt("income", title)
    rev = inc.rn("Revenue", m(184_312, 171_908, 702_455, 664_310), "4")
    cos = inc.rn("Cost of sales", m(-128_604, -121_377, -491_220, -468_905))
    gp = inc.rn("Gross profit", add(rev, cos))
    opx = [inc.rn("Selling, general and administrative", m(-31_870, -29_644, -121_938, -114_207)),
           inc.rn("Research and development", m(-4_215, -3_902, -16_480, -15_133)),
           inc.rn("Other income (expense)", m(612, -248, 1_874, 960))]
    op = inc.rn("Operating earnings", add(gp, *opx))
    fexp = inc.rn("Finance expense", m(-3_418, -3_906, -14_127, -15_842), "7")
    finc = inc.rn("Finance income", m(286, 214, 1_062, 843))
    ebt = inc.rn("Earnings before income taxes", add(op, fexp, finc))
    inc.h("Income tax expense (recovery)")
    cur = inc.rn("Current", m(-4_705, -3_841, -17_390, -14_952))
    dfr = inc.rn("Deferred", m(322, -410, -1_066, 188))
    tax = inc.rn("", add(cur, dfr), "8")
    ne = inc.rn("Net earnings", add(ebt, tax))
    inc.h("Earnings per share")
    inc.rn("Basic", tuple((v / D(48_600)).quantize(D("0.01")) for v in ne), "9")
    inc.rn("Diluted", tuple((v / D(49_150)).quantize(D("0.01")) for v in ne), "9")

    oci = Stmt("comprehensive_income",
               ["Condensed Interim Consolidated Statements of Comprehensive Income"])
    oci.rn("Net earnings", ne)
    oci.h("Other comprehensive income (loss)")
    oci.h("Items that may be subsequently reclassified to net earnings:")
    fx = oci.rn("Foreign currency translation differences on foreign operations",
                m(2_814, -1_406, -3_972, 4_185))
    cfh = oci.rn("Change in fair value of cash flow hedges, net of tax",
                 m(-388, 517, 642, -903))
    oci.h("Items that will not be subsequently reclassified to net earnings:")
    act = oci.rn("Remeasurement of defined benefit pension plans, net of tax",
                 m(1_136, -2_240, 1_136, -2_240))
    oci_t = oci.rn("Total other comprehensive income (loss)", add(fx, cfh, act))
    oci.rn("Comprehensive income", add(ne, oci_t))

    comps = ["Share capital", "Contributed surplus", "Accumulated other comprehensive income",
             "Retained earnings", "Total equity"]

    def tot(v):
        return [*v, sum(v, z)]

    sbc = {"2025": D(2_388), "2024": D(2_104)}
    opt = {"2025": (D(5_126), D(-1_273)), "2024": (D(3_415), D(-842))}
    divs = {"2025": D(-23_328), "2024": D(-21_384)}
    dps = {"2025": "0.48", "2024": "0.44"}
    bal = tot([D(186_240), D(14_318), D(6_902), D(241_575)])
    blocks, close = [], {}
    for i, year in ((3, "2024"), (2, "2025")):
        rows, bal = _roll(bal, [
            ("Net earnings", tot([z, z, z, ne[i]])),
            ("Other comprehensive income (loss)", tot([z, z, fx[i] + cfh[i], act[i]])),
            ("Share-based compensation", tot([z, sbc[year], z, z])),
            ("Stock options exercised", tot([opt[year][0], opt[year][1], z, z])),
            (f"Dividends declared (${dps[year]} per share)", tot([z, z, z, divs[year]])),
        ], f"Balance, December 31, {int(year) - 1}", f"Balance, December 31, {year}")
        blocks.append((year, rows))
        close[year] = bal
    eq = Equity(["Condensed Interim Consolidated Statements of Changes in Equity"], comps, blocks)
    c25, c24 = close["2025"], close["2024"]

    fp = Stmt("financial_position", ["Condensed Interim Consolidated Statements of Financial "
                                     "Position"])
    fp.h("ASSETS")
    fp.h("Current assets")
    cur_other = (m(96_418, 88_207), m(124_730, 117_365), m(6_284, 5_917))
    nca = (m(218_406, 209_734), m(31_552, 34_108), m(42_118, 45_936), m(63_240, 63_240),
           m(3_806, 4_872))
    cl = (m(88_315, 82_406), m(3_512, 2_148), m(15_000, 15_000), m(6_842, 6_517))
    ncl = (m(150_000, 172_500), m(27_346, 30_118), m(12_874, 11_208))
    eq_t = (c25[-1], c24[-1])
    liab = add(*cl, *ncl)
    cash = add(eq_t, liab, *(neg(p) for p in (*cur_other, *nca)))
    fp.r("Cash and cash equivalents", *cash)
    for label, p in zip(("Trade and other receivables", "Inventories",
                         "Prepaid expenses and other assets"), cur_other):
        fp.r(label, *p, "5" if label == "Inventories" else "")
    ca = fp.r("Total current assets", *add(cash, *cur_other))
    for label, p in zip(("Property, plant and equipment", "Right-of-use assets",
                         "Intangible assets", "Goodwill", "Deferred income tax assets"), nca):
        fp.r(label, *p)
    fp.r("Total assets", *add(ca, *nca))
    fp.h("LIABILITIES")
    fp.h("Current liabilities")
    for label, p in zip(("Accounts payable and accrued liabilities", "Income taxes payable",
                         "Current portion of long-term debt",
                         "Current portion of lease liabilities"), cl):
        fp.r(label, *p, "6" if "debt" in label else "")
    fp.r("Total current liabilities", *add(*cl))
    for label, p in zip(("Long-term debt", "Lease liabilities",
                         "Deferred income tax liabilities"), ncl):
        fp.r(label, *p, "6" if "debt" in label else "")
    fp.r("Total liabilities", *liab)
    fp.h("SHAREHOLDERS' EQUITY")
    for k in range(4):
        fp.r(comps[k], c25[k], c24[k])
    fp.r("Total shareholders' equity", *eq_t)
    fp.r("Total liabilities and shareholders' equity", *add(liab, eq_t))

    cf = Stmt("cash_flows", ["Condensed Interim Consolidated Statements of Cash Flows"])
    y = (2, 3)
    cf.h("Operating activities")
    cf.r("Net earnings", *(ne[i] for i in y))
    cf.h("Items not affecting cash:")
    items = add(cf.r("Depreciation and amortization", *m(28_614, 27_309)),
                cf.r("Share-based compensation", sbc["2025"], sbc["2024"]),
                cf.r("Deferred income taxes", *(-dfr[i] for i in y)),
                cf.r("Finance expense, net", *(-(fexp[i] + finc[i]) for i in y)),
                cf.r("Unrealized foreign exchange loss (gain)", *m(-412, 286)))
    sub = cf.r("", *add(tuple(ne[i] for i in y), items))
    int_paid, tax_paid = m(-12_904, -14_618), m(-16_026, -15_391)
    inv_flows = (m(-34_218, -29_760), m(-2_106, -1_874), m(1_430, 612), m(1_062, 843))
    fin_flows = (m(0, 20_000), m(-22_500, -15_000), m(-6_917, -6_402),
                 (opt["2025"][0] + opt["2025"][1], opt["2024"][0] + opt["2024"][1]),
                 (divs["2025"], divs["2024"]))
    fx_cash = m(-318, 407)
    opening_cash = (cash[1], D(205_400))
    fixed = add(sub, int_paid, tax_paid, *inv_flows, *fin_flows, fx_cash, opening_cash)
    wc = add(cash, neg(fixed))
    cf.r("Net change in non-cash working capital items", *wc, "10")
    cf.r("Interest paid", *int_paid)
    cf.r("Income taxes paid", *tax_paid)
    nop = cf.r("Cash provided by operating activities", *add(sub, wc, int_paid, tax_paid))
    cf.h("Investing activities")
    for label, p in zip(("Purchase of property, plant and equipment",
                         "Purchase of intangible assets",
                         "Proceeds on disposal of property, plant and equipment",
                         "Interest received"), inv_flows):
        cf.r(label, *p)
    ninv = cf.r("Cash used in investing activities", *add(*inv_flows))
    cf.h("Financing activities")
    for label, p in zip(("Proceeds from long-term debt", "Repayment of long-term debt",
                         "Repayment of lease liabilities",
                         "Proceeds from exercise of stock options", "Dividends paid"),
                        fin_flows):
        cf.r(label, *p)
    nfin = cf.r("Cash used in financing activities", *add(*fin_flows))
    net = cf.r("Increase (decrease) in cash and cash equivalents", *add(nop, ninv, nfin))
    cf.r("Effect of exchange rate changes on cash and cash equivalents", *fx_cash)
    cf.r("Cash and cash equivalents, beginning of year", *opening_cash)
    end = cf.r("Cash and cash equivalents, end of year", *add(net, fx_cash, opening_cash))
    assert end == cash and all(v > 0 for v in cash), (end, cash)
    return [inc, oci, fp, eq, cf]


def fmt_hanging(v: Decimal, dollar: bool, w: int) -> str:
    """North American print: a closing parenthesis hangs right of the digits (a positive
    figure keeps a space there), the dollar sign stands at the column's left edge, nil is an
    em dash."""
    if v == 0:
        s = "— "
    else:
        s = f"{abs(v):,.{places(v)}f}"
        s = f"({s})" if v < 0 else s + " "
    return ("$" + s.rjust(w - 3)).rjust(w) if dollar else s.rjust(w)


J_DOLLAR = ("Net earnings", "Basic", "Diluted", "Comprehensive income", "Total assets",
            "Total liabilities and shareholders' equity", "Cash and cash equivalents, end of year")


def write_j() -> None:
    inc, oci, fp, eq, cf = company_j()
    name = "NORTHBRIDGE TIMBERWORKS INC."
    lw, nw, w = 50, 6, 13
    page = [3]
    out = [name, "Fourth Quarter and Annual Report 2025", "",
           "This report is fictitious: it was written for the ixbrl-converter tests; the company",
           "and all its figures are invented.", ""]

    def footer() -> list[str]:
        page[0] += 1
        return ["", "See accompanying notes to the condensed interim consolidated financial "
                "statements.", "", str(page[0]).center(100).rstrip(), "\f"]

    def label_lines(label: str, note: str, figs: str) -> list[str]:
        if len(label) <= lw - 2:
            return [f"{label:<{lw}}{note:<{nw}}{figs}".rstrip()]
        cut = label.rfind(" ", 0, lw - 2)
        rest = "  " + label[cut + 1:]
        return [label[:cut], f"{rest:<{lw}}{note:<{nw}}{figs}".rstrip()]

    def table(s, head: list[str], unit: str, glued: bool = False) -> list[str]:
        lines = [name, s.title[0], unit, "(Unaudited)", "", *(h.rstrip() for h in head)]
        if not glued:
            lines.append("")
        first = True
        for row in s.rows:
            if row[0] == "h":
                lines.append(row[1])
                continue
            label, note, vals = row[1], row[2], row[3]
            dollar = first or label in J_DOLLAR
            first = False
            cells = [fmt_hanging(v, dollar, w) for v in vals]
            if len(cells) == 4:       # the year-to-date pair set apart from the quarter's
                figs = cells[0] + cells[1] + "    " + cells[2] + cells[3]
            else:
                figs = "".join(cells)
            lines += label_lines(label, note, figs)
        return lines + footer()

    unit = "(In thousands of Canadian dollars, except per share amounts)"
    four = [" " * (lw + nw) + "Three months ended".center(2 * w) + "    "
            + "Year ended".center(2 * w),
            " " * (lw + nw) + "December 31,".center(2 * w) + "    " + "December 31,".center(2 * w),
            " " * lw + "Note".ljust(nw) + "2025".rjust(w - 1) + "2024".rjust(w) + "    "
            + "2025".rjust(w) + "2024".rjust(w)]
    out += table(inc, four, unit)
    out += table(oci, four, "(In thousands of Canadian dollars)")
    out += table(fp, [" " * lw + "Note".ljust(nw) + "December 31,".rjust(w - 1)
                      + "December 31,".rjust(w + 1),
                      " " * (lw + nw) + "2025".rjust(w - 1) + "2024".rjust(w)],
                 "(In thousands of Canadian dollars)")
    # changes in equity: component names over several lines, a running table
    cw, elw = 15, 40
    heads = [_wrap_words(c.split(), cw - 2) for c in eq.components]
    depth = max(len(h) for h in heads)
    out += [name, eq.title[0], "(In thousands of Canadian dollars)", "(Unaudited)", ""]
    for k in range(depth):
        cells = []
        for h in heads:
            lines = [""] * (depth - len(h)) + h
            cells.append(lines[k].rjust(cw))
        out.append(" " * elw + "".join(cells).rstrip())
    out.append("")
    running = [(y, rows[(1 if n else 0):]) for n, (y, rows) in enumerate(eq.blocks)]
    for year, rows in running:
        for label, values in rows:
            dollar = label.startswith("Balance")
            out.append((f"{label:<{elw}}"
                        + "".join(fmt_hanging(v, dollar, cw) for v in values)).rstrip())
    out += footer()
    out += table(cf, [" " * (lw + nw) + "Year ended December 31,".center(2 * w),
                      " " * lw + "Note".ljust(nw) + "2025".rjust(w - 1) + "2024".rjust(w)],
                 "(In thousands of Canadian dollars)", glued=True)
    out += ["Notes to the Condensed Interim Consolidated Financial Statements",
            "(In thousands of Canadian dollars, except per share amounts)", "",
            "1. Basis of presentation",
            "These condensed interim consolidated financial statements have been prepared in",
            "accordance with IAS 34, Interim Financial Reporting.", ""]
    (HERE / "northbridge-2025-canadian.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
    quarters = ("2025-10-01/2025-12-31", "2024-10-01/2024-12-31",
                "2025-01-01/2025-12-31", "2024-01-01/2024-12-31")
    rows = truth_rows([inc, oci], Equity([], [], []), quarters)
    rows += truth_rows([fp, cf], Equity(eq.title, eq.components, running), ("2025", "2024"))
    write_truth("northbridge-2025-canadian", rows)


# --------------------------------------------------------------------------- K: South African
def company_k():
    """A JSE-listed group in R'000: one statement of profit or loss and other comprehensive
    income with profit and total comprehensive income attributable to ordinary shareholders
    and non-controlling interests, basic, diluted and headline earnings per share in cents,
    stated capital and treasury shares, year ended 30 June (figures invented)."""
    z = D(0)

    def m(*v):
        return tuple(D(str(x)) for x in v)

    inc = Stmt("income", ["SUMMARISED CONSOLIDATED STATEMENT OF PROFIT OR LOSS AND OTHER "
                          "COMPREHENSIVE INCOME", "for the year ended 30 June 2025"])
    rev = inc.r("Revenue", *m(4_812_366, 4_405_918), "3")
    cos = inc.r("Cost of sales", *m(-3_468_204, -3_187_512))
    gp = inc.r("Gross profit", *add(rev, cos))
    opx = [inc.r("Other operating income", *m(38_514, 29_806)),
           inc.r("Selling and distribution expenses", *m(-412_908, -386_745)),
           inc.r("Administrative expenses", *m(-384_126, -361_092)),
           inc.r("Impairment losses on trade receivables", *m(-9_417, -6_283))]
    op = inc.r("Operating profit", *add(gp, *opx), "4")
    fin_i = inc.r("Finance income", *m(21_806, 18_344))
    fin_c = inc.r("Finance costs", *m(-96_418, -104_732), "5")
    assoc = inc.r("Share of profit of equity-accounted investees, net of taxation",
                  *m(14_215, 11_873))
    pbt = inc.r("Profit before taxation", *add(op, fin_i, fin_c, assoc))
    tax = inc.r("Taxation", *m(-147_612, -122_980), "6")
    pat = inc.r("Profit for the year", *add(pbt, tax))
    inc.h("Other comprehensive income")
    inc.h("Items that may be reclassified to profit or loss")
    fx = inc.r("Exchange differences on translating foreign operations", *m(-18_426, 9_305))
    cfh = inc.r("Cash flow hedges, net of taxation", *m(3_112, -1_864))
    inc.h("Items that will not be reclassified to profit or loss")
    fv = inc.r("Equity investments at fair value through other comprehensive income - net "
               "change in fair value", *m(-2_740, 4_115))
    oci_t = inc.r("Other comprehensive (loss)/income for the year, net of taxation",
                  *add(fx, cfh, fv))
    tci = inc.r("Total comprehensive income for the year", *add(pat, oci_t))
    inc.h("Profit attributable to:")
    nci_p = m(16_872, 14_305)
    own_p = inc.r("Ordinary shareholders", *add(pat, neg(nci_p)))
    inc.r("Non-controlling interests", *nci_p)
    inc.h("Total comprehensive income attributable to:")
    nci_oci = m(-1_204, 610)
    nci_t = add(nci_p, nci_oci)
    inc.r("Ordinary shareholders", *add(tci, neg(nci_t)))
    inc.r("Non-controlling interests", *nci_t)
    inc.h("Per share information")
    inc.r("Basic earnings per share (cents)", *m("1346.2", "1129.8"), "7")
    inc.r("Diluted earnings per share (cents)", *m("1331.5", "1118.4"), "7")
    inc.r("Headline earnings per share (cents)", *m("1382.7", "1134.1"), "7")
    inc.r("Diluted headline earnings per share (cents)", *m("1367.6", "1122.6"), "7")

    comps = ["Stated capital", "Treasury shares", "Other reserves", "Retained earnings",
             "Attributable to ordinary shareholders", "Non-controlling interests",
             "Total equity"]
    sbp = {"2025": D(8_214), "2024": D(7_390)}
    tsy = {"2025": D(-12_608), "2024": D(-4_115)}
    divs = {"2025": D(-86_512), "2024": D(-74_306)}
    nci_div = {"2025": D(-9_240), "2024": D(-8_115)}
    opening = with_totals([D(624_880), D(-21_406), D(48_117), D(1_103_562)], D(96_208))
    moves = []
    for i, year in ((1, "2024"), (0, "2025")):
        own_oci = oci_t[i] - nci_oci[i]
        moves.append((year, [
            ("Profit for the year", with_totals([z, z, z, own_p[i]], nci_p[i])),
            ("Other comprehensive income", with_totals([z, z, own_oci, z], nci_oci[i])),
            ("=Total comprehensive income for the year",
             with_totals([z, z, own_oci, own_p[i]], nci_t[i])),
            ("Share-based payment expense", with_totals([z, z, sbp[year], z], z)),
            ("Purchase of treasury shares", with_totals([z, tsy[year], z, z], z)),
            ("Dividends", with_totals([z, z, z, divs[year]], nci_div[year])),
        ]))
    blocks, _ = equity_blocks(opening, moves, lambda y: f"Balance at 30 June {y}",
                              lambda y: f"Balance at 1 July {int(y) - 1}")
    eq = Equity(["SUMMARISED CONSOLIDATED STATEMENT OF CHANGES IN EQUITY",
                 "for the year ended 30 June 2025"], comps, blocks)
    close = {b[0]: b[1][-1][1] for b in blocks}
    c25, c24 = close["2025"], close["2024"]

    fp = Stmt("financial_position", ["SUMMARISED CONSOLIDATED STATEMENT OF FINANCIAL POSITION",
                                     "at 30 June 2025"])
    fp.h("ASSETS")
    fp.h("Non-current assets")
    nca = add(fp.r("Property, plant and equipment", *m(1_486_204, 1_412_866)),
              fp.r("Right-of-use assets", *m(92_418, 101_306)),
              fp.r("Goodwill and intangible assets", *m(214_630, 221_918)),
              fp.r("Investments in equity-accounted investees", *m(86_415, 78_000)),
              fp.r("Equity investments at fair value through other comprehensive income",
                   *m(41_260, 43_120)),
              fp.r("Deferred tax assets", *m(18_904, 21_337)))
    fp.r("Total non-current assets", *nca)
    fp.h("Current assets")
    inv = fp.r("Inventories", *m(612_805, 574_118))
    rec = fp.r("Trade and other receivables", *m(718_342, 662_407))
    taxr = fp.r("Taxation receivable", *m(4_118, 0))
    ncl = (m(620_000, 700_000), m(78_415, 88_906), m(96_218, 89_441))
    cl = (m(584_906, 541_337), m(80_000, 80_000), m(21_308, 19_874), m(12_614, 9_802),
          m(18_322, 16_948))
    eq_t = (c25[-1], c24[-1])
    liab = add(*ncl, *cl)
    cash = add(eq_t, liab, neg(nca), neg(inv), neg(rec), neg(taxr))
    fp.r("Cash and cash equivalents", *cash)
    ca = fp.r("Total current assets", *add(inv, rec, taxr, cash))
    fp.r("Total assets", *add(nca, ca))
    fp.h("EQUITY AND LIABILITIES")
    fp.h("Capital and reserves")
    for k in range(4):
        fp.r(comps[k], c25[k], c24[k])
    fp.r("Equity attributable to ordinary shareholders", c25[4], c24[4])
    fp.r("Non-controlling interests", c25[5], c24[5])
    fp.r("Total equity", *eq_t)
    fp.h("Non-current liabilities")
    for label, p in zip(("Interest-bearing borrowings", "Lease liabilities",
                         "Deferred tax liabilities"), ncl):
        fp.r(label, *p, "8" if "borrowings" in label else "")
    fp.h("Current liabilities")
    for label, p in zip(("Trade and other payables",
                         "Current portion of interest-bearing borrowings", "Lease liabilities",
                         "Taxation payable", "Provisions"), cl):
        fp.r(label, *p, "8" if "borrowings" in label else "")
    fp.r("Total liabilities", *liab)
    fp.r("Total equity and liabilities", *add(eq_t, liab))

    cf = Stmt("cash_flows", ["SUMMARISED CONSOLIDATED STATEMENT OF CASH FLOWS",
                             "for the year ended 30 June 2025"])
    cf.h("Cash flows from operating activities")
    op_other = (fin_i, m(-94_120, -102_305), m(-138_774, -118_210),
                (divs["2025"], divs["2024"]))
    inv_flows = (m(-198_406, -176_320), m(6_118, 4_207), m(-12_840, -9_615), m(5_800, 4_900))
    fin_flows = (m(0, 150_000), m(-80_000, -60_000), m(-20_316, -18_744),
                 (tsy["2025"], tsy["2024"]), (nci_div["2025"], nci_div["2024"]))
    fx_cash = m(-4_871, 2_316)
    opening_cash = (cash[1], D(420_000))
    fixed = add(*op_other, *inv_flows, *fin_flows, fx_cash, opening_cash)
    cgo = add(cash, neg(fixed))
    cf.r("Cash generated from operations", *cgo, "9")
    for label, p in zip(("Finance income received", "Finance costs paid", "Taxation paid",
                         "Dividends paid to ordinary shareholders"), op_other):
        cf.r(label, *p)
    nop = cf.r("Net cash inflow from operating activities", *add(cgo, *op_other))
    cf.h("Cash flows from investing activities")
    for label, p in zip(("Additions to property, plant and equipment",
                         "Proceeds on disposal of property, plant and equipment",
                         "Additions to intangible assets",
                         "Dividends received from equity-accounted investees"), inv_flows):
        cf.r(label, *p)
    ninv = cf.r("Net cash outflow from investing activities", *add(*inv_flows))
    cf.h("Cash flows from financing activities")
    for label, p in zip(("Interest-bearing borrowings raised", "Interest-bearing borrowings repaid",
                         "Lease liabilities repaid", "Purchase of treasury shares",
                         "Dividends paid to non-controlling interests"), fin_flows):
        cf.r(label, *p)
    nfin = cf.r("Net cash (outflow)/inflow from financing activities", *add(*fin_flows))
    net = cf.r("Net increase/(decrease) in cash and cash equivalents", *add(nop, ninv, nfin))
    cf.r("Cash and cash equivalents at the beginning of the year", *opening_cash)
    cf.r("Effect of exchange rate changes on cash and cash equivalents", *fx_cash)
    end = cf.r("Cash and cash equivalents at the end of the year",
               *add(net, opening_cash, fx_cash))
    assert end == cash and all(v > 0 for v in cash), (end, cash)
    return [inc, fp, eq, cf], own_p


def fmt_sa(v: Decimal) -> str:
    """South African print: a space between thousands, a decimal point, negatives in
    parentheses, nil as an en dash."""
    if v == 0:
        return "–"
    s = f"{abs(v):,.{places(v)}f}".replace(",", " ")
    return f"({s})" if v < 0 else s


def write_k() -> None:
    (inc, fp, eq, cf), own_p = company_k()
    lw, nw, w = 58, 7, 14
    furniture = "Karoo Mills Holdings Limited  Audited summarised consolidated results for the " \
                "year ended 30 June 2025"
    page = [6]
    out = ["KAROO MILLS HOLDINGS LIMITED",
           "(Incorporated in the Republic of South Africa)",
           "(Registration number 1998/012345/06)",
           "JSE share code: KMH   ISIN: ZAE000123456",
           "(\"Karoo Mills\" or \"the group\")", "",
           "AUDITED SUMMARISED CONSOLIDATED RESULTS FOR THE YEAR ENDED 30 JUNE 2025", "",
           "These results are fictitious: they were written for the ixbrl-converter tests; the",
           "company and all its figures are invented.", ""]
    head = [" " * (lw + nw) + "Audited".rjust(w) + "Audited".rjust(w),
            " " * (lw + nw) + "2025".rjust(w) + "2024".rjust(w),
            " " * lw + "Notes".ljust(nw) + "R'000".rjust(w) + "R'000".rjust(w)]

    def page_break(title: str) -> list[str]:
        """The running footer carries the page number at its right end; the next page opens
        with the statement's name '(continued)' and the column header again."""
        page[0] += 1
        return ["", furniture + str(page[0]).rjust(120 - len(furniture)),
                "\f" + title + " (continued)", *head, ""]

    def table(s, break_before: str | None = None) -> list[str]:
        lines = [s.title[0], s.title[1], *head, ""]
        for row in s.rows:
            if break_before and row[0] == "h" and row[1] == break_before:
                lines += page_break(s.title[0])
            if row[0] == "h":
                lines.append(row[1])
                continue
            label, note, vals = row[1], row[2], row[3]
            figs = "".join(fmt_sa(v).rjust(w) for v in vals)
            if len(label) > lw - 2:
                cut = label.rfind(" ", 0, lw - 2)
                lines += [label[:cut], f"{label[cut + 1:]:<{lw}}{note:<{nw}}{figs}".rstrip()]
            else:
                lines.append(f"{label:<{lw}}{note:<{nw}}{figs}".rstrip())
        page[0] += 1
        return lines + ["", furniture + str(page[0]).rjust(120 - len(furniture)), "\f"]

    out += table(inc, break_before="Profit attributable to:")
    out += table(fp, break_before="EQUITY AND LIABILITIES")
    cw, elw = 16, 42
    heads = [_wrap_words(c.split(), cw - 2) for c in eq.components]
    depth = max(len(h) for h in heads)
    out += [eq.title[0], eq.title[1], ""]
    for k in range(depth):
        cells = []
        for h in heads:
            lines = [""] * (depth - len(h)) + h
            cells.append(lines[k].rjust(cw))
        out.append(" " * elw + "".join(cells).rstrip())
    out.append(" " * elw + "".join("R'000".rjust(cw) for _ in eq.components))
    out.append("")
    for year, rows in eq.blocks:
        for label, values in rows:
            out.append(f"{label:<{elw}}" + "".join(fmt_sa(v).rjust(cw) for v in values))
        out.append("")
    page[0] += 1
    out += [furniture + str(page[0]).rjust(120 - len(furniture)), "\f"]
    out += table(cf)
    # the headline earnings reconciliation the JSE listings requirements ask for: not a
    # primary statement, its figures are not in the truth
    disposal = (D(-1_541), D(-710))
    impair = (D(6_912), D(0))
    heps = add(own_p, disposal, impair)
    out += ["RECONCILIATION OF HEADLINE EARNINGS", *head, ""]
    for label, p in (("Profit attributable to ordinary shareholders", own_p),
                     ("Profit on disposal of property, plant and equipment, net of taxation",
                      disposal),
                     ("Impairment of intangible assets, net of taxation", impair),
                     ("Headline earnings", heps)):
        figs = "".join(fmt_sa(v).rjust(w) for v in p)
        if len(label) > lw - 2:
            cut = label.rfind(" ", 0, lw - 2)
            out += [label[:cut], f"{label[cut + 1:]:<{lw + nw}}{figs}"]
        else:
            out.append(f"{label:<{lw + nw}}{figs}")
    out += ["", "Weighted average number of ordinary shares in issue ('000)".ljust(lw + nw)
            + "26 100".rjust(w) + "24 986".rjust(w), "",
            "NOTES", "", "1. Basis of preparation",
            "The summarised consolidated financial statements are prepared in accordance with",
            "the JSE Limited Listings Requirements and IAS 34 Interim Financial Reporting.", ""]
    (HERE / "karoo-2025-rand.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
    rows = truth_rows([inc, fp, cf], eq, ("2025", "2024"))
    for r in rows:     # one statement of profit or loss and OCI: a row may land in either part
        if r[0] == "income":
            r[0] = "income|comprehensive_income"
    write_truth("karoo-2025-rand", rows)


# --------------------------------------------------------------------------- L: Indian, Ind AS
def fmt_indian(v: Decimal) -> str:
    """Indian print: two decimals, the thousands then every two digits grouped by commas
    ("2,48,632.45": lakh and crore), negatives in parentheses, nil as a hyphen."""
    if v == 0:
        return "-"
    whole, frac = f"{abs(v):.2f}".split(".")
    if len(whole) > 3:
        head, groups = whole[:-3], [whole[-3:]]
        while len(head) > 2:
            groups.insert(0, head[-2:])
            head = head[:-2]
        whole = ",".join(([head] if head else []) + groups)
    return f"({whole}.{frac})" if v < 0 else f"{whole}.{frac}"


def company_l():
    """An Indian listed company under Ind AS, Rs. in lakhs: Schedule III layout with roman and
    letter item numbers before the labels, expenses printed positive under an 'Expenses'
    block, 'Profit before exceptional items and tax', OCI items A (i)/(ii) and B (i)/(ii) with
    their income tax, year ended 31 March (figures invented)."""
    z = D(0)

    def m(*v):
        return tuple(D(str(x)) for x in v)

    def numbered(s: Stmt):
        s.nums = {}             # row index -> the item number printed before its label

        def r(num: str, label: str, vals, note: str = "") -> tuple:
            s.nums[len(s.rows)] = num
            return s.r(label, *vals, note)

        def h(num: str, label: str) -> None:
            s.nums[len(s.rows)] = num
            s.h(label)
        return r, h

    inc = Stmt("income", ["STATEMENT OF CONSOLIDATED PROFIT AND LOSS FOR THE YEAR ENDED "
                          "31ST MARCH, 2025"])
    r, h = numbered(inc)
    rev = r("I", "Revenue from operations", m("248632.45", "221418.90"), "22")
    oi = r("II", "Other income", m("3214.60", "2876.15"), "23")
    ti = r("III", "Total income (I + II)", add(rev, oi))
    h("IV", "Expenses")
    exps = [r("(a)", "Cost of materials consumed", m("142318.20", "128904.55"), "24"),
            r("(b)", "Purchases of stock-in-trade", m("8412.35", "7106.80")),
            r("(c)", "Changes in inventories of finished goods, work-in-progress and "
                     "stock-in-trade", m("-1204.35", "876.40"), "25"),
            r("(d)", "Employee benefits expense", m("21846.70", "19512.25"), "26"),
            r("(e)", "Finance costs", m("4318.95", "4906.10"), "27"),
            r("(f)", "Depreciation and amortisation expense", m("9624.80", "8875.30"), "28"),
            r("(g)", "Other expenses", m("36410.65", "33218.45"), "29")]
    te = r("", "Total expenses (IV)", add(*exps))
    pbe = r("V", "Profit before exceptional items and tax (III - IV)", add(ti, neg(te)))
    exc = r("VI", "Exceptional items", m("-1250.00", 0), "30")
    pbt = r("VII", "Profit before tax (V + VI)", add(pbe, exc))
    h("VIII", "Tax expense:")
    ctax = r("(1)", "Current tax", m("6904.20", "5988.65"), "31")
    dtax = r("(2)", "Deferred tax", m("-312.45", "204.30"), "31")
    pat = r("IX", "Profit for the year (VII - VIII)", add(pbt, neg(ctax), neg(dtax)))
    h("X", "Other comprehensive income")
    h("A (i)", "Items that will not be reclassified to profit or loss")
    remeas = r("", "- Remeasurements of post-employment benefit obligations",
               m("-412.60", "186.20"))
    fvoci = r("", "- Equity instruments through other comprehensive income",
              m("538.25", "-96.40"))
    tax_a = r("(ii)", "Income tax relating to items that will not be reclassified to profit "
                      "or loss", m("-31.70", "-22.60"))
    h("B (i)", "Items that will be reclassified to profit or loss")
    fx = r("", "- Exchange differences in translating the financial statements of foreign "
               "operations", m("264.15", "118.90"))
    tax_b = r("(ii)", "Income tax relating to items that will be reclassified to profit or loss",
              m(0, 0))
    oci_t = r("", "Total other comprehensive income, net of tax (X)",
              add(remeas, fvoci, tax_a, fx, tax_b))
    tci = r("XI", "Total comprehensive income for the year (IX + X)", add(pat, oci_t))
    nci_p, nci_oci = m("1126.40", "948.75"), m("18.20", "7.35")
    h("", "Profit for the year attributable to:")
    own_p = r("", "Owners of the Company", add(pat, neg(nci_p)))
    r("", "Non-controlling interests", nci_p)
    h("", "Other comprehensive income attributable to:")
    own_oci = r("", "Owners of the Company", add(oci_t, neg(nci_oci)))
    r("", "Non-controlling interests", nci_oci)
    h("", "Total comprehensive income attributable to:")
    r("", "Owners of the Company", add(own_p, own_oci))
    r("", "Non-controlling interests", add(nci_p, nci_oci))
    h("XII", "Earnings per equity share (face value of Rs. 10 each):")
    shares = D("1842.50")               # lakh shares
    eps = tuple((v / shares).quantize(D("0.01")) for v in own_p)
    r("(1)", "Basic (in Rs.)", eps, "32")
    r("(2)", "Diluted (in Rs.)", tuple((v / D("1851.20")).quantize(D("0.01")) for v in own_p),
      "32")

    # Equity: share capital, then other equity by reserve; remeasurements go straight to
    # retained earnings, the other OCI items to the OCI reserve.
    comps = ["Equity share capital", "Securities premium", "General reserve",
             "Retained earnings", "Other comprehensive income reserve",
             "Attributable to owners of the Company", "Non-controlling interests", "Total"]
    remeas_net = {"2025": remeas[0] + D("103.85"), "2024": remeas[1] - D("46.85")}
    transfer = {"2025": D("2500.00"), "2024": D("2000.00")}
    divs = {"2025": D("-7370.00"), "2024": D("-6448.75")}
    nci_div = {"2025": D("-310.00"), "2024": D("-265.50")}
    opening = with_totals([D("18425.00"), D("41260.30"), D("28400.00"), D("96318.45"),
                           D("1604.20")], D("8915.60"))
    moves = []
    for i, year in ((1, "2024"), (0, "2025")):
        re_oci = remeas_net[year]
        res_oci = own_oci[i] - re_oci
        moves.append((year, [
            ("Profit for the year", with_totals([z, z, z, own_p[i], z], nci_p[i])),
            ("Other comprehensive income for the year (net of tax)",
             with_totals([z, z, z, re_oci, res_oci], nci_oci[i])),
            ("=Total comprehensive income for the year",
             with_totals([z, z, z, own_p[i] + re_oci, res_oci], nci_p[i] + nci_oci[i])),
            ("Transfer to general reserve",
             with_totals([z, z, transfer[year], -transfer[year], z], z)),
            ("Final dividend on equity shares", with_totals([z, z, z, divs[year], z],
                                                            nci_div[year])),
        ]))
    blocks, _ = equity_blocks(opening, moves, lambda y: f"Balance as at 31st March, {y}",
                              lambda y: f"Balance as at 1st April, {int(y) - 1}")
    eq = Equity(["STATEMENT OF CONSOLIDATED CHANGES IN EQUITY FOR THE YEAR ENDED 31ST MARCH, "
                 "2025"], comps, blocks)
    close = {b[0]: b[1][-1][1] for b in blocks}
    c25, c24 = close["2025"], close["2024"]

    fp = Stmt("financial_position", ["CONSOLIDATED BALANCE SHEET AS AT 31ST MARCH, 2025"])
    r, h = numbered(fp)
    h("", "ASSETS")
    h("(1)", "Non-current assets")
    nca = [r("(a)", "Property, plant and equipment", m("118406.30", "109815.75"), "3"),
           r("(b)", "Capital work-in-progress", m("6218.45", "9402.10"), "3"),
           r("(c)", "Right-of-use assets", m("3904.60", "4217.35"), "4"),
           r("(d)", "Other intangible assets", m("1286.90", "1498.20"), "5")]
    h("(e)", "Financial assets")
    nca += [r("(i)", "Investments", m("9815.40", "9104.65"), "6"),
            r("(ii)", "Other financial assets", m("1142.75", "1036.80"), "7")]
    nca += [r("(f)", "Deferred tax assets (net)", m("624.30", "518.45")),
            r("(g)", "Other non-current assets", m("2318.15", "2604.90"))]
    tnca = r("", "Total non-current assets", add(*nca))
    h("(2)", "Current assets")
    inv = r("(a)", "Inventories", m("41306.85", "38924.60"), "8")
    h("(b)", "Financial assets")
    trec = r("(i)", "Trade receivables", m("36218.40", "33406.95"), "9")
    # cash and cash equivalents: the plug that makes the balance sheet balance
    bank = m("2415.00", "1980.00")
    ofa = m("864.25", "792.10")
    oca = r("(c)", "Other current assets", m("5106.70", "4812.35"))
    ncl = [m("21500.00", "26000.00"), m("3214.80", "3498.15"), m("2846.35", "2612.90"),
           m("4106.20", "3894.75")]
    cl = [m("9800.00", "11250.00"), m("612.40", "585.30"), m("3418.65", "2906.40"),
          m("30624.95", "28918.70"), m("6804.10", "6215.85"), m("3126.50", "2908.45"),
          m("1418.30", "1302.65"), m("486.70", "312.40")]
    eq_t = (c25[-1], c24[-1])
    liab = add(*ncl, *cl)
    cash = add(eq_t, liab, neg(tnca), neg(inv), neg(trec), neg(bank), neg(ofa), neg(oca))
    # printed order: inventories, financial assets (i)-(iv), other current assets
    fp.rows.pop()                                   # other current assets goes last
    del fp.nums[len(fp.rows)]
    r("(ii)", "Cash and cash equivalents", cash, "10")
    r("(iii)", "Bank balances other than (ii) above", bank, "11")
    r("(iv)", "Other financial assets", ofa, "7")
    r("(c)", "Other current assets", oca)
    tca = r("", "Total current assets", add(inv, trec, cash, bank, ofa, oca))
    ta = r("", "TOTAL ASSETS", add(tnca, tca))
    h("", "EQUITY AND LIABILITIES")
    h("", "Equity")
    r("(a)", "Equity share capital", (c25[0], c24[0]), "12")
    r("(b)", "Other equity", (sum(c25[1:5], z), sum(c24[1:5], z)), "13")
    r("", "Equity attributable to owners of the Company", (c25[5], c24[5]))
    r("", "Non-controlling interests", (c25[6], c24[6]))
    r("", "Total equity", eq_t)
    h("", "Liabilities")
    h("(1)", "Non-current liabilities")
    h("(a)", "Financial liabilities")
    r("(i)", "Borrowings", ncl[0], "14")
    r("(ii)", "Lease liabilities", ncl[1])
    r("(b)", "Provisions", ncl[2], "15")
    r("(c)", "Deferred tax liabilities (net)", ncl[3])
    tncl = r("", "Total non-current liabilities", add(*ncl))
    h("(2)", "Current liabilities")
    h("(a)", "Financial liabilities")
    r("(i)", "Borrowings", cl[0], "16")
    r("(ii)", "Lease liabilities", cl[1])
    h("(iii)", "Trade payables")
    r("", "- total outstanding dues of micro enterprises and small enterprises", cl[2], "17")
    r("", "- total outstanding dues of creditors other than micro enterprises and small "
          "enterprises", cl[3], "17")
    r("(iv)", "Other financial liabilities", cl[4], "18")
    r("(b)", "Other current liabilities", cl[5])
    r("(c)", "Provisions", cl[6], "15")
    r("(d)", "Current tax liabilities (net)", cl[7])
    tcl = r("", "Total current liabilities", add(*cl))
    r("", "TOTAL EQUITY AND LIABILITIES", add(eq_t, tncl, tcl))
    assert add(eq_t, tncl, tcl) == ta and all(v > 0 for v in cash), cash

    cf = Stmt("cash_flows", ["CONSOLIDATED STATEMENT OF CASH FLOWS FOR THE YEAR ENDED 31ST "
                             "MARCH, 2025"])
    r, h = numbered(cf)
    h("A.", "CASH FLOW FROM OPERATING ACTIVITIES")
    r("", "Profit before tax", pbt)
    h("", "Adjustments for:")
    adj = [r("", "Depreciation and amortisation expense", exps[5]),
           r("", "Finance costs", exps[4]),
           r("", "Interest income", m("-1406.25", "-1188.40")),
           r("", "(Gain)/loss on sale of property, plant and equipment (net)", m("-84.60", "21.35")),
           r("", "Exceptional items", neg(exc))]
    opbwc = r("", "Operating profit before working capital changes", add(pbt, *adj))
    h("", "Changes in working capital:")
    wc = [r("", "(Increase)/decrease in inventories", m("-2382.25", "-2804.45")),
          r("", "(Increase)/decrease in trade receivables", m("-2811.45", "-1906.30")),
          r("", "(Increase)/decrease in other assets", m("-372.80", "-418.65")),
          r("", "Increase/(decrease) in trade payables", m("2218.50", "1640.85"))]
    tax_paid = m("-6521.35", "-5806.10")
    inv_flows = [m("-14082.55", "-16418.30"), m("318.40", "204.75"), m("-726.20", "-512.45"),
                 m("1388.60", "1172.15"), m("-435.00", "-180.00")]
    fin_flows = [m("4000.00", "9000.00"), m("-8500.00", "-6250.00"), m("-1450.00", "1820.00"),
                 m("-684.25", "-640.90"), m("-4286.40", "-4874.65"),
                 (divs["2025"] + nci_div["2025"], divs["2024"] + nci_div["2024"])]
    opening_cash = (cash[1], D("71926.35"))
    fixed = add(opbwc, *wc, tax_paid, *inv_flows, *fin_flows, opening_cash)
    other_liab = add(cash, neg(fixed))
    wc.append(r("", "Increase/(decrease) in other liabilities and provisions", other_liab))
    cgo = r("", "Cash generated from operations", add(opbwc, *wc))
    r("", "Income taxes paid (net of refunds)", tax_paid)
    nop = r("", "Net cash flow from operating activities (A)", add(cgo, tax_paid))
    h("B.", "CASH FLOW FROM INVESTING ACTIVITIES")
    for label, p in zip(("Purchase of property, plant and equipment (including capital "
                         "work-in-progress)", "Proceeds from sale of property, plant and equipment",
                         "Purchase of investments", "Interest received",
                         "Investment in bank deposits (net)"), inv_flows):
        r("", label, p)
    ninv = r("", "Net cash used in investing activities (B)", add(*inv_flows))
    h("C.", "CASH FLOW FROM FINANCING ACTIVITIES")
    for label, p in zip(("Proceeds from long-term borrowings", "Repayment of long-term borrowings",
                         "Net increase/(decrease) in short-term borrowings",
                         "Payment of lease liabilities", "Finance costs paid",
                         "Dividends paid (including to non-controlling interests)"), fin_flows):
        r("", label, p)
    nfin = r("", "Net cash used in financing activities (C)", add(*fin_flows))
    net = r("", "Net increase/(decrease) in cash and cash equivalents (A+B+C)",
            add(nop, ninv, nfin))
    r("", "Cash and cash equivalents at the beginning of the year", opening_cash)
    end = r("", "Cash and cash equivalents at the end of the year", add(net, opening_cash))
    assert end == cash and abs(other_liab[0]) < 5000 and abs(other_liab[1]) < 5000, other_liab
    return [inc, fp, eq, cf]


def write_l() -> None:
    inc, fp, eq, cf = company_l()
    name = "DECCAN POLYMERS AND CHEMICALS LIMITED"
    nw, lw, notew, w = 7, 62, 6, 16
    page = [4]
    out = [name, "CIN: L24110MH1987PLC043218",
           "Regd. Office: Plot No. 14, MIDC Industrial Area, Taloja, Raigad - 410 208",
           "", "AUDITED CONSOLIDATED FINANCIAL RESULTS FOR THE YEAR ENDED 31ST MARCH, 2025", "",
           "These results are fictitious: they were written for the ixbrl-converter tests; the",
           "company and all its figures are invented.", ""]

    def head(first: str, ends: tuple[str, str]) -> list[str]:
        return [" " * (nw + lw + notew) + "(Rs. in lakhs)".rjust(2 * w),
                "Sr.".ljust(nw) + "Particulars".ljust(lw) + "Note".ljust(notew)
                + first.rjust(w) + first.rjust(w),
                "No.".ljust(nw) + " " * lw + "No.".ljust(notew) + ends[0].rjust(w)
                + ends[1].rjust(w)]

    def footer() -> list[str]:
        page[0] += 1
        return ["", "The accompanying notes form an integral part of the consolidated financial "
                "statements.", str(page[0]).center(110).rstrip(), "\f"]

    def table(s: Stmt, first: str, ends: tuple[str, str], audited: bool = False) -> list[str]:
        lines = [name, s.title[0], "", *head(first, ends)]
        if audited:
            lines.append(" " * (nw + lw + notew) + "(Audited)".rjust(w) + "(Audited)".rjust(w))
        lines.append("")
        for i, row in enumerate(s.rows):
            num = s.nums.get(i, "")
            indent = "" if num[:1].isupper() or num.endswith(".") else \
                ("   " if num.startswith("(") and num[1:2] in "abcdefg" or num[:2] == "(1"
                 or num[:2] == "(2" else "      ")
            if not num and row[0] == "r" and row[1].startswith("- "):
                indent = "         "
            if row[0] == "h":
                lines.append((num.ljust(nw) + indent + row[1]).rstrip())
                continue
            label, note, vals = indent + row[1], row[2], row[3]
            figs = "".join(fmt_indian(v).rjust(w) for v in vals)
            if len(label) > lw - 2:
                cut = label.rfind(" ", 0, lw - 2)
                lines.append((num.ljust(nw) + label[:cut]).rstrip())
                label, num = " " * len(indent) + label[cut + 1:], ""
            lines.append(f"{num:<{nw}}{label:<{lw}}{note:<{notew}}{figs}".rstrip())
        return lines + footer()

    out += table(inc, "Year ended", ("31.03.2025", "31.03.2024"), audited=True)
    out += table(fp, "As at", ("31.03.2025", "31.03.2024"))
    # changes in equity: one running table, its columns the reserves of other equity
    cw, elw = 17, 54
    heads = [_wrap_words(c.split(), cw - 2) for c in eq.components]
    depth = max(len(hd) for hd in heads)
    out += [name, eq.title[0], "", " " * (elw + cw * len(heads) - 14) + "(Rs. in lakhs)",
            " " * (elw + cw) + "Reserves and surplus".center(cw * 3)]
    for k in range(depth):
        cells = []
        for hd in heads:
            col = [""] * (depth - len(hd)) + hd
            cells.append(col[k].rjust(cw))
        out.append(("Particulars" if k == depth - 1 else "").ljust(elw) + "".join(cells).rstrip())
    out.append("")
    for year, rows in eq.blocks:
        for label, values in rows:
            out.append(f"{label:<{elw}}" + "".join(fmt_indian(v).rjust(cw) for v in values))
        out.append("")
    out += footer()
    out += table(cf, "Year ended", ("31.03.2025", "31.03.2024"))
    out += ["Notes:", "1. The above results have been reviewed by the Audit Committee and approved "
            "by the Board of Directors.", "2. The Group operates in a single segment: speciality "
            "polymers.", ""]
    (HERE / "deccan-2025-indas.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
    rows = truth_rows([inc, fp, cf], eq, ("2025", "2024"))
    for row in rows:    # one statement of profit and loss with its OCI
        if row[0] == "income":
            row[0] = "income|comprehensive_income"
        row[1] = row[1].removeprefix("- ")      # a bullet, not the line item's words
    write_truth("deccan-2025-indas", rows)


# --------------------------------------------------------------------------- M: Saudi, SAR '000
def company_m():
    """A Saudi joint stock company in SAR '000: separate statements of profit or loss and of
    comprehensive income, zakat and income tax, a statutory reserve, Murabaha and Islamic
    financing, employees' end-of-service benefits, year ended 31 December (figures invented)."""
    z = D(0)

    def m(*v):
        return tuple(D(str(x)) for x in v)

    inc = Stmt("income", ["CONSOLIDATED STATEMENT OF PROFIT OR LOSS",
                          "For the year ended 31 December 2025"])
    rev = inc.r("Revenue", *m(1_846_215, 1_702_388), "5")
    cos = inc.r("Cost of revenue", *m(-1_284_906, -1_196_427), "6")
    gp = inc.r("Gross profit", *add(rev, cos))
    opx = [inc.r("Selling and distribution expenses", *m(-98_412, -91_805), "7"),
           inc.r("General and administrative expenses", *m(-112_630, -104_918), "8"),
           inc.r("Impairment loss on trade receivables", *m(-6_214, -3_902), "14"),
           inc.r("Other income, net", *m(9_318, 7_644))]
    op = inc.r("Operating profit", *add(gp, *opx))
    fin_i = inc.r("Finance income", *m(14_206, 11_587))
    fin_c = inc.r("Finance costs", *m(-41_872, -45_310), "9")
    assoc = inc.r("Share of profit of an associate", *m(8_915, 7_206), "12")
    pbz = inc.r("Profit before zakat and income tax", *add(op, fin_i, fin_c, assoc))
    zak = inc.r("Zakat and income tax", *m(-34_618, -30_245), "10")
    pat = inc.r("Profit for the year", *add(pbz, zak))
    inc.h("Profit for the year attributable to:")
    nci_p = m(12_406, 10_918)
    own_p = inc.r("Shareholders of the Company", *add(pat, neg(nci_p)))
    inc.r("Non-controlling interests", *nci_p)
    inc.r("", *pat)
    inc.h("Earnings per share (SAR)")
    inc.r("Basic and diluted earnings per share attributable to shareholders of the Company",
          *tuple((v / D(120_000)).quantize(D("0.01")) for v in own_p), "11")

    oci = Stmt("comprehensive_income", ["CONSOLIDATED STATEMENT OF COMPREHENSIVE INCOME",
                                        "For the year ended 31 December 2025"])
    oci.r("Profit for the year", *pat)
    oci.h("Other comprehensive income")
    oci.h("Items that will not be reclassified to profit or loss in subsequent periods:")
    eosb = oci.r("Re-measurement (loss)/gain on employees' end-of-service benefits obligations",
                 *m(-4_318, 2_906), "20")
    fvo = oci.r("Net change in fair value of equity investments at fair value through other "
                "comprehensive income", *m(6_215, -1_874), "13")
    oci.h("Items that may be reclassified to profit or loss in subsequent periods:")
    cfh = oci.r("Cash flow hedges - effective portion of changes in fair value",
                *m(-1_206, 848))
    oci_t = oci.r("Other comprehensive income/(loss) for the year", *add(eosb, fvo, cfh))
    tci = oci.r("Total comprehensive income for the year", *add(pat, oci_t))
    oci.h("Total comprehensive income attributable to:")
    nci_oci = m(-212, 146)
    nci_t = add(nci_p, nci_oci)
    own_t = oci.r("Shareholders of the Company", *add(tci, neg(nci_t)))
    oci.r("Non-controlling interests", *nci_t)
    oci.r("", *tci)

    comps = ["Share capital", "Statutory reserve", "Other reserves", "Retained earnings",
             "Equity attributable to shareholders of the Company", "Non-controlling interests",
             "Total equity"]
    transfer = {"2025": D(0), "2024": D(12_850)}     # the reserve reached 30% of capital
    divs = {"2025": D(-90_000), "2024": D(-72_000)}
    nci_div = {"2025": D(-6_000), "2024": D(-4_500)}
    opening = with_totals([D(1_200_000), D(347_150), D(18_406), D(412_318)], D(86_215))
    moves = []
    for i, year in ((1, "2024"), (0, "2025")):
        own_oci = oci_t[i] - nci_oci[i]
        re_oci = eosb[i]                    # remeasurements go to retained earnings
        moves.append((year, [
            ("Profit for the year", with_totals([z, z, z, own_p[i]], nci_p[i])),
            ("Other comprehensive income/(loss) for the year",
             with_totals([z, z, own_oci - re_oci, re_oci], nci_oci[i])),
            ("=Total comprehensive income for the year",
             with_totals([z, z, own_oci - re_oci, own_p[i] + re_oci], nci_t[i])),
            ("Transfer to statutory reserve",
             with_totals([z, transfer[year], z, -transfer[year]], z)),
            ("Dividends", with_totals([z, z, z, divs[year]], nci_div[year])),
        ]))
    blocks, _ = equity_blocks(opening, moves, lambda y: f"Balance at 31 December {y}",
                              lambda y: f"Balance at 1 January {y}")
    eq = Equity(["CONSOLIDATED STATEMENT OF CHANGES IN EQUITY",
                 "For the year ended 31 December 2025"], comps, blocks)
    close = {b[0]: b[1][-1][1] for b in blocks}
    c25, c24 = close["2025"], close["2024"]

    fp = Stmt("financial_position", ["CONSOLIDATED STATEMENT OF FINANCIAL POSITION",
                                     "As at 31 December 2025"])
    fp.h("ASSETS")
    fp.h("Non-current assets")
    nca = fp.r("Total non-current assets", *add(
        fp.r("Property, plant and equipment", *m(1_918_406, 1_862_115), "12"),
        fp.r("Right-of-use assets", *m(46_218, 51_904)),
        fp.r("Intangible assets", *m(12_306, 14_118)),
        fp.r("Investment in an associate", *m(84_512, 79_597)),
        fp.r("Equity investments at fair value through other comprehensive income",
             *m(58_430, 52_215), "13")))
    fp.h("Current assets")
    inv = fp.r("Inventories", *m(318_406, 296_874))
    trec = fp.r("Trade receivables", *m(284_915, 262_308), "14")
    pre = fp.r("Prepayments and other current assets", *m(41_206, 38_915))
    mur = fp.r("Murabaha deposits", *m(120_000, 80_000), "15")
    ncl = [m(520_000, 610_000), m(38_406, 43_918), m(96_218, 88_406)]
    cl = [m(90_000, 90_000), m(145_000, 120_000), m(9_814, 9_206), m(186_412, 171_908),
          m(64_318, 59_406), m(36_204, 32_918)]
    eq_t = (c25[-1], c24[-1])
    liab = add(*ncl, *cl)
    cash = fp.r("Cash and cash equivalents", *add(eq_t, liab, neg(nca), neg(inv), neg(trec),
                                                 neg(pre), neg(mur)), "16")
    ca = fp.r("Total current assets", *add(inv, trec, pre, mur, cash))
    ta = fp.r("TOTAL ASSETS", *add(nca, ca))
    fp.h("EQUITY AND LIABILITIES")
    fp.h("Equity")
    for k in range(4):
        fp.r(comps[k], c25[k], c24[k], "17" if k == 0 else "")
    fp.r("Equity attributable to shareholders of the Company", c25[4], c24[4])
    fp.r("Non-controlling interests", c25[5], c24[5])
    fp.r("Total equity", *eq_t)
    fp.h("LIABILITIES")
    fp.h("Non-current liabilities")
    for label, p, note in zip(("Long-term Murabaha financing", "Lease liabilities",
                               "Employees' end-of-service benefits obligations"), ncl,
                              ("18", "", "20")):
        fp.r(label, *p, note)
    tncl = fp.r("Total non-current liabilities", *add(*ncl))
    fp.h("Current liabilities")
    for label, p, note in zip(("Current portion of long-term Murabaha financing",
                               "Short-term Islamic financing", "Lease liabilities",
                               "Trade payables", "Accrued expenses and other current liabilities",
                               "Zakat and income tax payable"), cl,
                              ("18", "19", "", "", "", "10")):
        fp.r(label, *p, note)
    tcl = fp.r("Total current liabilities", *add(*cl))
    tl = fp.r("Total liabilities", *add(tncl, tcl))
    fp.r("TOTAL EQUITY AND LIABILITIES", *add(eq_t, tl))
    assert add(eq_t, tl) == ta and all(v > 0 for v in cash), cash

    cf = Stmt("cash_flows", ["CONSOLIDATED STATEMENT OF CASH FLOWS",
                             "For the year ended 31 December 2025"])
    cf.h("OPERATING ACTIVITIES")
    cf.r("Profit before zakat and income tax", *pbz)
    cf.h("Adjustments to reconcile profit before zakat and income tax to net cash flows:")
    adj = [cf.r("Depreciation of property, plant and equipment", *m(142_318, 136_904)),
           cf.r("Depreciation of right-of-use assets", *m(9_812, 9_406)),
           cf.r("Amortisation of intangible assets", *m(2_418, 2_306)),
           cf.r("Provision for employees' end-of-service benefits", *m(14_806, 13_912), "20"),
           cf.r("Impairment loss on trade receivables", *neg(opx[2])),
           cf.r("Share of profit of an associate", *neg(assoc)),
           cf.r("Finance income", *neg(fin_i)),
           cf.r("Finance costs", *neg(fin_c)),
           cf.r("Gain on disposal of property, plant and equipment", *m(-1_206, -884))]
    cf.h("Working capital adjustments:")
    wc = [cf.r("Inventories", *m(-21_532, -18_406)),
          cf.r("Trade receivables", *m(-28_821, -24_118)),
          cf.r("Prepayments and other current assets", *m(-2_291, 1_406)),
          cf.r("Trade payables", *m(14_504, 9_812))]
    after = [m(-30_859, -27_406), m(-6_486, -5_918), m(-38_915, -42_806)]
    inv_flows = [m(-198_609, -184_406), m(3_818, 2_906), m(-40_000, -20_000), m(4_000, 3_600),
                 m(14_206, 11_587)]
    fin_flows = [m(60_000, 150_000), m(-150_000, -120_000), m(25_000, -15_000),
                 m(-10_918, -10_406), (divs["2025"] + nci_div["2025"],
                                       divs["2024"] + nci_div["2024"])]
    opening_cash = (cash[1], D(615_532))
    fixed = add(pbz, *adj, *wc, *after, *inv_flows, *fin_flows, opening_cash)
    acc = cf.r("Accrued expenses and other current liabilities", *add(cash, neg(fixed)))
    cgo = cf.r("Cash generated from operations", *add(pbz, *adj, *wc, acc))
    for label, p in zip(("Zakat and income tax paid", "End-of-service benefits paid",
                         "Finance costs paid"), after):
        cf.r(label, *p, "10" if label.startswith("Zakat") else "")
    nop = cf.r("Net cash flows from operating activities", *add(cgo, *after))
    cf.h("INVESTING ACTIVITIES")
    for label, p in zip(("Purchase of property, plant and equipment",
                         "Proceeds from disposal of property, plant and equipment",
                         "Placement of Murabaha deposits", "Dividends received from an associate",
                         "Finance income received"), inv_flows):
        cf.r(label, *p)
    ninv = cf.r("Net cash flows used in investing activities", *add(*inv_flows))
    cf.h("FINANCING ACTIVITIES")
    for label, p in zip(("Proceeds from long-term Murabaha financing",
                         "Repayment of long-term Murabaha financing",
                         "Net movement in short-term Islamic financing",
                         "Payment of principal portion of lease liabilities", "Dividends paid"),
                        fin_flows):
        cf.r(label, *p)
    nfin = cf.r("Net cash flows used in financing activities", *add(*fin_flows))
    net = cf.r("Net increase/(decrease) in cash and cash equivalents", *add(nop, ninv, nfin))
    cf.r("Cash and cash equivalents at the beginning of the year", *opening_cash)
    end = cf.r("Cash and cash equivalents at the end of the year", *add(net, opening_cash))
    assert end == cash and abs(acc[0]) < 20_000 and abs(acc[1]) < 20_000, acc
    return [inc, oci, fp, eq, cf]


def write_m() -> None:
    """Bilingual page furniture (the company's Arabic name beside its English one on every
    page), the unit under each title, notes numbered after the label, nil as a hyphen."""
    stmts = company_m()
    name = "AL-WAHA INDUSTRIAL GROUP COMPANY"
    arabic = "مجموعة الواحة الصناعية"
    lw, nw, w = 60, 8, 14
    page = [3]
    out = [f"{name}{arabic:>60}", "(A Saudi Joint Stock Company)", "",
           "ANNUAL RESULTS ANNOUNCEMENT FOR THE YEAR ENDED 31 DECEMBER 2025", "",
           "These results are fictitious: they were written for the ixbrl-converter tests; the",
           "company and all its figures are invented.", "", "\f"]

    def furniture() -> list[str]:
        return [f"{name}{arabic:>60}", "(A Saudi Joint Stock Company)"]

    def footer() -> list[str]:
        page[0] += 1
        return ["", "The accompanying notes 1 to 34 form an integral part of these consolidated "
                "financial statements.", f"- {page[0]} -".center(100).rstrip(), "\f"]

    for s in stmts:
        out += furniture() + [s.title[0], s.title[1],
                              "(All amounts in Saudi Riyals thousands unless otherwise stated)",
                              ""]
        if isinstance(s, Equity):
            cw, elw = 17, 48
            heads = [_wrap_words(c.split(), cw - 2) for c in s.components]
            depth = max(len(hd) for hd in heads)
            for k in range(depth):
                cells = []
                for hd in heads:
                    col = [""] * (depth - len(hd)) + hd
                    cells.append(col[k].rjust(cw))
                out.append(" " * elw + "".join(cells).rstrip())
            out.append(" " * elw + "".join("SAR '000".rjust(cw) for _ in s.components))
            out.append("")
            for year, rows in s.blocks:
                for label, values in rows:
                    out.append(f"{label:<{elw}}" + "".join(fmt_paren(v).rjust(cw)
                                                         for v in values))
                out.append("")
            out += footer()
            continue
        out += [" " * lw + "Notes".ljust(nw) + "2025".rjust(w) + "2024".rjust(w),
                " " * (lw + nw) + "SAR '000".rjust(w) + "SAR '000".rjust(w), ""]
        for row in s.rows:
            if row[0] == "h":
                out.append(row[1])
                continue
            label, note, vals = row[1], row[2], row[3]
            per_share = "per share" in label
            figs = "".join((fmt_paren(v) if per_share or v == 0 else f"{v:,.0f}".replace(
                "-", "(") + (")" if v < 0 else "")).rjust(w) for v in vals)
            if len(label) > lw - 2:
                cut = label.rfind(" ", 0, lw - 2)
                out.append(label[:cut])
                label = "  " + label[cut + 1:]
            if not label:                       # a total under a rule
                out.append(" " * (lw + nw) + ("-" * (w - 2)).rjust(w) * 2)
            out.append(f"{label:<{lw}}{note:<{nw}}{figs}".rstrip())
        out += footer()
    (HERE / "alwaha-2025-saudi.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
    inc, oci, fp, eq, cf = stmts
    write_truth("alwaha-2025-saudi", truth_rows([inc, oci, fp, cf], eq, ("2025", "2024")))


if __name__ == "__main__":
    write_a()
    write_b()
    write_c()
    write_d()
    write_e()
    write_f()
    write_g()
    write_h()
    write_i()
    write_j()
    write_k()
    write_l()
    write_m()
