"""The monthly_report views read the way a Python BI notebook reads them:
psycopg2 (Debian's python3-psycopg2) and pandas.read_sql (python3-pandas),
logged in as a role that has only USAGE on the schema and SELECT on its views.

Run by test/bi_clients.sh, which builds the database and the role; the
connection comes from the libpq environment (PGHOST, PGPORT, PGDATABASE,
PGUSER).  Prints one "ok N - ..." or "not ok N - ..." line per check.
"""
import datetime
import decimal
import re
import sys
import warnings

import pandas as pd
import psycopg2

# pandas warns about any DBAPI connection but sqlite3's and SQLAlchemy's;
# psycopg2 is what it is documented and used with
warnings.filterwarnings("ignore", message="pandas only supports SQLAlchemy")

SCHEMA = "monthly_report"
# the cycle order of each scheme (the order of tactalloc's enum labels)
CYCLES = {
    "macro_regime": ["recovery", "expansion", "slowdown", "contraction"],
    "oecd_phase": ["recovery", "expansion", "downturn", "slowdown"],
    "growth_inflation": ["goldilocks", "overheat", "stagflation", "reflation"],
    "liquidity_stance": ["easing", "tightening", "mixed", "neutral"],
}
# a float8 column's comment names its unit or scale with one of these words
UNITS = re.compile(r"\b(fraction|percent|percentage points|bp|USD (bn|mn|tn)|years|index points|multiple"
                   r"|ratio|a count)\b|in \[-1, 1\]")

n = 0
failures = 0


def check(ok, what, detail=""):
    """Prints one TAP line (and the detail of a failure)."""
    global n, failures
    n += 1
    print(("ok %d - %s" if ok else "not ok %d - %s") % (n, what))
    if not ok:
        failures += 1
        for line in str(detail).splitlines():
            print("#   " + line)
    sys.stdout.flush()


def scheme_of(column):
    """The classification a category column uses, by its name."""
    if column.startswith("oecd_phase"):
        return "oecd_phase"
    if column.startswith("quadrant"):
        return "growth_inflation"
    if column.endswith("stance"):
        return "liquidity_stance"
    return "macro_regime"


def query(conn, sql, params=None):
    """A query's rows, the way a BI tool sends it (parameters bound by the driver)."""
    with conn.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchall()


conn = psycopg2.connect("")
conn.autocommit = True

# --- the role ---------------------------------------------------------------
user, is_super = query(conn, "SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")[0]
check(not is_super, "connected as %s, not a superuser" % user)
try:
    query(conn, "SELECT count(*) FROM demo.lei")
    check(False, "the role cannot read the tables under the views", "demo.lei was readable")
except psycopg2.Error as e:
    check(e.pgcode == "42501", "the role cannot read the tables under the views (42501)", e.pgerror)
try:
    query(conn, "REFRESH MATERIALIZED VIEW %s.credit_dts" % SCHEMA)
    check(False, "the role cannot refresh a view", "REFRESH succeeded")
except psycopg2.Error as e:
    check(e.pgcode == "42501", "the role cannot refresh a view (42501)", e.pgerror)

# --- the views, as a BI tool lists them (pg_class: information_schema.tables
# --- lists no materialized view) --------------------------------------------
views = [r[0] for r in query(conn, """
    SELECT c.relname FROM pg_class AS c
    WHERE c.relnamespace = %s::regnamespace AND c.relkind IN ('m', 'v')
      AND has_table_privilege(c.oid, 'SELECT')
    ORDER BY c.relname""", (SCHEMA,))]
check(len(views) >= 14, "the role sees %d views in %s" % (len(views), SCHEMA), views)

catalog = {}
for view, column, typ, comment in query(conn, """
        SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), col_description(c.oid, a.attnum)
        FROM pg_class AS c JOIN pg_attribute AS a ON a.attrelid = c.oid
        WHERE c.relnamespace = %s::regnamespace AND c.relkind IN ('m', 'v') AND a.attnum > 0
          AND NOT a.attisdropped
        ORDER BY c.relname, a.attnum""", (SCHEMA,)):
    catalog.setdefault(view, []).append((column, typ, comment))

frames = {}
for view in views:
    # --- every view loads, with the dtypes its catalog types promise ------
    try:
        df = pd.read_sql("SELECT * FROM %s.%s" % (SCHEMA, view), conn)
    except Exception as e:  # noqa: BLE001 - any failure to load is the finding
        check(False, "pandas loads %s" % view, e)
        continue
    frames[view] = df
    problems = []
    for column, typ, _ in catalog[view]:
        s = df[column]
        values = s.dropna()
        if typ == "double precision":
            if str(s.dtype) != "float64":
                problems.append("%s: float8 read as %s" % (column, s.dtype))
        elif typ == "integer":
            if s.isna().any():
                # pandas has no integer NaN: a code with NULLs reads as float64,
                # whole numbers, and its label column carries the meaning
                if str(s.dtype) != "float64" or not (values == values.round()).all():
                    problems.append("%s: integer with NULLs read as %s" % (column, s.dtype))
                if column + "_label" not in df.columns and not column.endswith("_order"):
                    problems.append("%s: integer with NULLs and no %s_label beside it" % (column, column))
            elif str(s.dtype) != "int64":
                problems.append("%s: integer read as %s" % (column, s.dtype))
        elif typ == "text":
            # object in pandas 1 and 2, the string dtype from pandas 3 on
            if not (s.dtype == object or pd.api.types.is_string_dtype(s.dtype)) \
                    or not values.map(lambda v: isinstance(v, str)).all():
                problems.append("%s: text read as %s" % (column, s.dtype))
        elif typ == "boolean":
            if str(s.dtype) != "bool":
                problems.append("%s: boolean read as %s" % (column, s.dtype))
        elif typ == "date":
            if not values.map(lambda v: type(v) is datetime.date).all():
                problems.append("%s: date read as %s" % (column, values.map(type).unique()))
        else:
            problems.append("%s: type %s is outside the convention (float8, integer, text, boolean, date)"
                            % (column, typ))
        if values.map(lambda v: isinstance(v, decimal.Decimal)).any():
            problems.append("%s: Decimal values" % column)
    check(len(df) > 0 and not problems,
          "pandas loads %s: %d rows, %d columns with the dtypes of the convention" % (view, len(df), df.shape[1]),
          "\n".join(problems) or "no rows")

    # --- every column says what it is ----------------------------------------
    problems = []
    for column, typ, comment in catalog[view]:
        if not comment:
            problems.append("%s: no comment" % column)
            continue
        if column in df.columns and df[column].isna().any() and "NULL" not in comment:
            problems.append("%s: holds NULLs but its comment does not say what NULL means" % column)
        if typ == "double precision" and not UNITS.search(comment):
            problems.append("%s: float8 whose comment names no unit or scale" % column)
    check(not problems, "every column of %s has a comment (unit or scale, what NULL means)" % view,
          "\n".join(problems))

    # --- categories: text with their position in the cycle beside them ------
    unordered = [column for column, typ, _ in catalog[view]
                 if column + "_order" not in df.columns and df[column].notna().any()
                 and df[column].dropna().map(lambda v: isinstance(v, str)).all()
                 and any(set(df[column].dropna()) <= set(cycle) for cycle in CYCLES.values())]
    check(not unordered, "every category of %s has an order column beside it" % view,
          "no <column>_order: " + ", ".join(unordered))
    for column, typ, _ in catalog[view]:
        if column + "_order" not in df.columns:
            continue
        cycle = CYCLES[scheme_of(column)]
        pairs = df[[column, column + "_order"]].dropna().drop_duplicates()
        by_order = list(pairs.sort_values(column + "_order")[column])
        expected = [label for label in cycle if label in set(pairs[column])]
        one_to_one = (pairs[column].is_unique and pairs[column + "_order"].is_unique
                      and all(cycle.index(lab) + 1 == pos for lab, pos in zip(pairs[column], pairs[column + "_order"])))
        nulls_agree = (df[column].isna() == df[column + "_order"].isna()).all()
        check(one_to_one and by_order == expected and nulls_agree and len(pairs) > 0,
              "%s.%s sorted by %s_order follows the %s cycle: %s" % (view, column, column, scheme_of(column),
                                                                      ", ".join(by_order)),
              pairs.to_string())

        # the SQL a BI tool generates for a filter, parameters bound by the
        # driver: a pattern, a function of the column, the label in another
        # case (no row, no error), the label itself
        label = by_order[-1]
        want = int((df[column] == label).sum())
        try:
            got = [
                query(conn, "SELECT count(*) FROM %s.%s WHERE %s ILIKE %%s" % (SCHEMA, view, column),
                      ("%" + label[1:5].upper() + "%",))[0][0],
                query(conn, "SELECT count(*) FROM %s.%s WHERE lower(%s) = %%s" % (SCHEMA, view, column),
                      (label,))[0][0],
                query(conn, "SELECT count(*) FROM %s.%s WHERE %s = %%s" % (SCHEMA, view, column),
                      (label.capitalize(),))[0][0],
                query(conn, "SELECT count(*) FROM %s.%s WHERE %s = %%s" % (SCHEMA, view, column),
                      (label,))[0][0],
                query(conn, "SELECT count(*) FROM %s.%s WHERE %s IN %%s" % (SCHEMA, view, column),
                      ((label, "no such label"),))[0][0],
            ]
            ilike_want = int(df[column].str.contains(label[1:5], case=False, na=False).sum())
            check(got == [ilike_want, want, 0, want, want],
                  "%s.%s filters: ILIKE, lower(), = '%s' (0 rows, no error), = '%s', IN (...)"
                  % (view, column, label.capitalize(), label),
                  "got %s, want %s" % (got, [ilike_want, want, 0, want, want]))
        except psycopg2.Error as e:
            check(False, "%s.%s filters" % (view, column), e.pgerror)

    # --- codes: a label beside each, never NULL, one label per code ----------
    for column, typ, _ in catalog[view]:
        if column + "_label" not in df.columns:
            continue
        pairs = df[[column, column + "_label"]].drop_duplicates()
        ok = (df[column + "_label"].notna().all() and pairs[column + "_label"].is_unique
              and len(pairs) == df[column].nunique(dropna=False))
        check(ok, "%s.%s has a label beside it: %s" % (
            view, column, ", ".join("%s %s" % ("NULL" if pd.isna(c) else int(c), lab)
                                    for c, lab in pairs.sort_values(column).itertuples(index=False))),
              pairs.to_string())

# --- what the issue found, as a BI user would see it ----------------------------
r = frames.get("regime_by_region")
if r is not None:
    # the filters, literally
    try:
        got = [query(conn, "SELECT count(*) FROM %s.regime_by_region WHERE %s" % (SCHEMA, where))[0][0]
               for where in ("macro_regime ILIKE '%slow%'", "lower(macro_regime) = 'slowdown'",
                             "macro_regime = 'Slowdown'", "oecd_phase ILIKE '%slow%'")]
        want = [int((r.macro_regime == "slowdown").sum()), int((r.macro_regime == "slowdown").sum()), 0,
                int((r.oecd_phase == "slowdown").sum())]
        check(got == want and want[0] > 0,
              "regime_by_region answers macro_regime ILIKE '%slow%', lower(macro_regime), "
              "macro_regime = 'Slowdown' (no match: the labels are lowercase)", "got %s, want %s" % (got, want))
    except psycopg2.Error as e:
        check(False, "regime_by_region answers the issue's filters", e.pgerror)
    # the two schemes are named apart, and their shared words pair up by quadrant
    shared = r[(r.change != 0) & r.macro_regime.notna() & r.oecd_phase.notna()]
    crossed = shared[shared.macro_regime_order != shared.oecd_phase_order]
    check("regime" not in r.columns and len(crossed) == 0
          and len(shared[(shared.macro_regime == "contraction") & (shared.oecd_phase == "slowdown")]) > 0,
          "regime_by_region names its schemes (macro_regime, oecd_phase); %d months pair macro_regime "
          "contraction with OECD slowdown, none crosses positions"
          % len(shared[(shared.macro_regime == "contraction") & (shared.oecd_phase == "slowdown")]),
          crossed.head().to_string())
    change = r.change.dropna()
    noisy = change[change.map(lambda v: len(repr(v)) > len(repr(round(v, 3))))]
    check(len(noisy) == 0 and (change == -0.086).any(),
          "regime_by_region.change shows the data's decimals (-0.086, no float noise)", noisy.head().to_string())
a = frames.get("sp500_annual")
if a is not None:
    partial = a[a.partial_year].set_index("year")
    check(list(partial.index) == [2000, 2020] and partial.loc[2020, "trading_days"] == 74
          and str(partial.loc[2020, "last_day"]) == "2020-04-17",
          "sp500_annual marks 2000 and 2020 as partial years (2020: 74 trading days to 2020-04-17)",
          partial.to_string())
c = frames.get("index_concentration")
if c is not None:
    check((c.names + 1 == 501).all(), "index_concentration.names is a number: names + 1 = 501")
h = frames.get("headline")
if h is not None:
    check(len(h) == 1 and h.loc[0, "global_regime"] == "recovery" and h.loc[0, "global_regime_order"] == 1,
          "headline: one row, Global regime recovery (position 1)", h.T.to_string())

conn.close()
print("# finished: pandas %s, psycopg2 %s" % (pd.__version__, psycopg2.__version__.split()[0]))
sys.exit(1 if failures else 0)
