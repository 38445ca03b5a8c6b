// The monthly_report views read the way a JavaScript BI client reads them:
// node-postgres (npm package pg, pinned by package.json and
// package-lock.json) with its default type parsers, logged in as a role that
// has only USAGE on the schema and SELECT on its views.
//
// Run by test/bi_clients.sh, which builds the database and the role; the
// connection comes from the libpq environment (PGHOST, PGPORT, PGDATABASE,
// PGUSER), which node-postgres reads too.  Prints one "ok N - ..." or
// "not ok N - ..." line per check.  Plain Node.js 12 syntax, so it runs on
// the nodejs of every Debian release the suite runs on.
'use strict';

const { Client } = require('pg');

const SCHEMA = 'monthly_report';
// the cycle order of each scheme (the order of tactalloc's enum labels)
const CYCLES = {
  macro_regime: ['recovery', 'expansion', 'slowdown', 'contraction'],
  oecd_phase: ['recovery', 'expansion', 'downturn', 'slowdown'],
  growth_inflation: ['goldilocks', 'overheat', 'stagflation', 'reflation'],
  liquidity_stance: ['easing', 'tightening', 'mixed', 'neutral'],
};
// what each catalog type must arrive as
const EXPECTED = {
  'double precision': (v) => typeof v === 'number',
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  text: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  date: (v) => v instanceof Date && !isNaN(v.getTime()),
};

let n = 0;
let failures = 0;

// Prints one TAP line (and the detail of a failure).
function check(ok, what, detail) {
  n += 1;
  console.log((ok ? 'ok ' : 'not ok ') + n + ' - ' + what);
  if (!ok) {
    failures += 1;
    String(detail === undefined ? '' : detail).split('\n').forEach((l) => console.log('#   ' + l));
  }
}

// The classification a category column uses, by its name.
function schemeOf(column) {
  if (column.startsWith('oecd_phase')) return 'oecd_phase';
  if (column.startsWith('quadrant')) return 'growth_inflation';
  if (column.endsWith('stance')) return 'liquidity_stance';
  return 'macro_regime';
}

function describe(v) {
  return v instanceof Date ? 'Date' : typeof v;
}

async function main() {
  const client = new Client();
  await client.connect();

  const me = await client.query('SELECT current_user AS u, rolsuper FROM pg_roles WHERE rolname = current_user');
  check(!me.rows[0].rolsuper, 'connected as ' + me.rows[0].u + ', not a superuser');

  const views = (await client.query(
    `SELECT c.relname FROM pg_class AS c
     WHERE c.relnamespace = $1::regnamespace AND c.relkind IN ('m', 'v') AND has_table_privilege(c.oid, 'SELECT')
     ORDER BY c.relname`, [SCHEMA])).rows.map((r) => r.relname);
  check(views.length >= 14, 'the role sees ' + views.length + ' views in ' + SCHEMA, views.join(', '));

  const catalog = {};
  const cat = await client.query(
    `SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type,
            col_description(c.oid, a.attnum) AS comment
     FROM pg_class AS c JOIN pg_attribute AS a ON a.attrelid = c.oid
     WHERE c.relnamespace = $1::regnamespace AND c.relkind IN ('m', 'v') AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY c.relname, a.attnum`, [SCHEMA]);
  cat.rows.forEach((r) => { (catalog[r.relname] = catalog[r.relname] || []).push(r); });

  const results = {};
  for (const view of views) {
    // --- every view loads; each value arrives as its catalog type promises --
    let res;
    try {
      res = await client.query('SELECT * FROM ' + SCHEMA + '.' + view);
    } catch (e) {
      check(false, 'node-postgres reads ' + view, e.message);
      continue;
    }
    results[view] = res.rows;
    const problems = [];
    const missing = [];
    for (const col of catalog[view]) {
      const test = EXPECTED[col.type];
      if (!test) {
        problems.push(col.attname + ': type ' + col.type + ' is outside the convention');
        continue;
      }
      const bad = res.rows.map((r) => r[col.attname]).filter((v) => v !== null && !test(v));
      if (bad.length) problems.push(col.attname + ': ' + col.type + ' arrives as ' + describe(bad[0]) + ' (' + bad[0] + ')');
      if (!col.comment) missing.push(col.attname);
    }
    check(res.rows.length > 0 && problems.length === 0,
      'node-postgres reads ' + view + ': ' + res.rows.length + ' rows, numbers as number, text as string, '
      + 'booleans as boolean, dates as Date', problems.join('\n') || 'no rows');
    check(missing.length === 0, 'every column of ' + view + ' has a comment', 'no comment: ' + missing.join(', '));

    // --- categories: sorted by their order column, the cycle; the filters a
    // --- BI tool generates, with bound parameters ---------------------------
    for (const col of catalog[view]) {
      const name = col.attname;
      if (!catalog[view].some((c) => c.attname === name + '_order')) continue;
      const cycle = CYCLES[schemeOf(name)];
      const rows = res.rows.filter((r) => r[name] !== null)
        .sort((a, b) => a[name + '_order'] - b[name + '_order']);
      const seen = [];
      rows.forEach((r) => { if (seen[seen.length - 1] !== r[name]) seen.push(r[name]); });
      const expected = cycle.filter((l) => seen.indexOf(l) >= 0);
      const positions = rows.every((r) => r[name + '_order'] === cycle.indexOf(r[name]) + 1);
      check(seen.length > 0 && positions && JSON.stringify(seen) === JSON.stringify(expected),
        view + '.' + name + ' sorted by ' + name + '_order follows the ' + schemeOf(name) + ' cycle: ' + seen.join(', '),
        'sorted: ' + seen.join(', ') + '; expected ' + expected.join(', '));

      const label = seen[seen.length - 1];
      const want = res.rows.filter((r) => r[name] === label).length;
      const pattern = label.slice(1, 5);
      const ilikeWant = res.rows.filter((r) => r[name] !== null && r[name].toLowerCase().indexOf(pattern) >= 0).length;
      const count = async (where, params) => Number((await client.query(
        'SELECT count(*)::int AS n FROM ' + SCHEMA + '.' + view + ' WHERE ' + where, params)).rows[0].n);
      try {
        const got = [
          await count(name + ' ILIKE $1', ['%' + pattern.toUpperCase() + '%']),
          await count('lower(' + name + ') = $1', [label]),
          await count(name + ' = $1', [label.charAt(0).toUpperCase() + label.slice(1)]),
          await count(name + ' = ANY($1)', [[label, 'no such label']]),
        ];
        const wanted = [ilikeWant, want, 0, want];
        check(JSON.stringify(got) === JSON.stringify(wanted),
          view + '.' + name + " filters: ILIKE $1, lower() = $1, = capitalised (0 rows, no error), = ANY($1)",
          'got ' + got + ', want ' + wanted);
      } catch (e) {
        check(false, view + '.' + name + ' filters', e.message);
      }
    }
  }

  // --- what the issue found, as a JavaScript client sees it ----------------
  const c = results.index_concentration;
  if (c) {
    check(c.every((r) => r.names + 1 === 501), 'index_concentration.names is a number: names + 1 === 501',
      'names + 1 = ' + (c[0].names + 1));
  }
  const s = results.size_segments;
  if (s) {
    const labels = {};
    s.forEach((r) => { labels[r.segment === null ? 'NULL' : r.segment] = r.segment_label; });
    check(labels[1] === 'large cap' && labels[2] === 'small cap' && labels.NULL === 'outside',
      'size_segments.segment arrives as a number with its label: ' + JSON.stringify(labels), JSON.stringify(labels));
  }
  const a = results.sp500_annual;
  if (a) {
    const partial = a.filter((r) => r.partial_year === true).map((r) => r.year + ':' + r.trading_days);
    check(JSON.stringify(partial.sort()) === JSON.stringify(['2000:252', '2020:74']),
      'sp500_annual marks the partial years: ' + partial.join(', '), partial.join(', '));
  }
  const r = results.rolling_risk;
  if (r) {
    // a plain view: reading it runs tactalloc's volatility(), beta() and
    // correlation() as the reader, who has no USAGE on the extension's schema
    check(r.some((x) => typeof x.vol_12m === 'number') && r.some((x) => typeof x.beta_36m === 'number'),
      'rolling_risk computes its windows for the reader (tactalloc functions without USAGE on their schema)');
  }

  await client.end();
  console.log('# finished: node ' + process.version + ', pg ' + require('pg/package.json').version);
  process.exitCode = failures ? 1 : 0;
}

main().catch((e) => {
  check(false, 'node-postgres client', e.stack);
  process.exitCode = 1;
});
