# tactalloc: the report's charts (gnuplot 5, pngcairo terminal: no X needed).
#
#     psql -d mydb -v outdir=/abs/path/out -f examples/chart_data.sql
#     gnuplot -e "outdir='/abs/path/out'" examples/charts.gp
#
# Reads the CSV files chart_data.sql writes into outdir and writes there:
#   concentration.png  effective N and top-10 share of the index, 1990-2025
#   regimes.png        regime timelines: US real GDP 1962-2009 with NBER
#                      recessions, US CPI inflation with the growth x
#                      inflation quadrant, and the Global leading indicator
#                      2015-2025
#   rolling_risk.png   S&P 500 12-month rolling volatility and the 36-month
#                      rolling beta of each stock of the basket, 2000-2010

if (!exists("outdir")) outdir = "out"
cd outdir

set datafile separator comma
set datafile missing ""
set xdata time
set timefmt "%Y-%m-%d"
set border lw 1 lc rgb "#444444"
set grid lc rgb "#dddddd" lw 1

# regimes: 1 recovery, 2 expansion, 3 slowdown, 4 contraction (macro_regime order)
c_rec = 0x2c7fb8; c_exp = 0x31a354; c_slo = 0xf39c12; c_con = 0xd62728
regime_colour(r) = r == 1 ? c_rec : r == 2 ? c_exp : r == 3 ? c_slo : r == 4 ? c_con : 0xbbbbbb
quarter = 365.25 * 86400 / 4
month = 365.25 * 86400 / 12

#--------------------------------------------------------------------------
# effective N and top-10 share
#--------------------------------------------------------------------------
set terminal pngcairo size 900,480 font "DejaVu Sans,10" enhanced
set output "concentration.png"
set title "Concentration of a 500-name US large-cap index, 1990-2025\n{/*0.85 SYNTHETIC constituents calibrated to published facts (tactalloc bundled data); year ends, then month ends of 2025}"
set format x "%Y"
set xtics "1990-01-01", 5 * 365.25 * 86400 nomirror
set mxtics 5
set xrange ["1990-01-01":"2026-06-30"]
set ylabel "effective N = 1 / HHI (names)" tc rgb "#1f4e79"
set y2label "top-10 share (%)" tc rgb "#c0392b"
set yrange [0:180]
set y2range [0:45]
set ytics nomirror tc rgb "#1f4e79"
set y2tics 5 tc rgb "#c0392b"
set key top center horizontal box opaque
set label 1 "1999: N 79, top 10 27 %" at "1996-06-01", 58 tc rgb "#444444" font ",9"
set label 2 "end 2025: N 46, top 10 41.6 %" at "2014-06-01", 35 tc rgb "#444444" font ",9"
plot "concentration.csv" skip 1 using 1:2 axes x1y1 with linespoints lw 2 pt 7 ps 0.5 lc rgb "#1f4e79" title "effective N (left)", \
     "" skip 1 using 1:3 axes x1y2 with linespoints lw 2 pt 5 ps 0.5 lc rgb "#c0392b" title "top-10 share, % (right)"
unset label
unset y2label
unset y2tics
set ytics mirror tc rgb "black"
set ylabel tc rgb "black"

#--------------------------------------------------------------------------
# regime timelines
#--------------------------------------------------------------------------
set terminal pngcairo size 900,940 font "DejaVu Sans,10" enhanced
set output "regimes.png"
set multiplot layout 3,1 title "Macro regimes: level against trend (100) and direction (tactalloc regime\\_classify, regime\\_track, growth\\_inflation)" font ",11"
set style fill solid 1.0 noborder
set key top left horizontal opaque font ",9" samplen 2 width -1

# US real GDP against its trailing 10-year trend, with NBER recessions shaded
set title "US real GDP x 100 / its 10-year log-linear trend (trend\\_ratio), quarterly (REAL: statsmodels macrodata; NBER recessions shaded)" font ",10"
set format x "%Y"
set xtics "1960-01-01", 5 * 365.25 * 86400
set mxtics 5
set xrange ["1961-07-01":"2010-01-01"]
set yrange [92:107]
set ytics 92, 2, 106
set ylabel "level"
plot "us_growth_regime.csv" skip 1 using (timecolumn(1, "%Y-%m-%d") + quarter / 2):($4 > 0 ? 107 : NaN):(1.05 * quarter) with boxes fs solid 1.0 lc rgb "#dcdcdc" title "NBER recession", \
     100 with lines dt 2 lc rgb "#666666" notitle, \
     "" skip 1 using (timecolumn(1, "%Y-%m-%d")):(92.2):(timecolumn(1, "%Y-%m-%d")):(timecolumn(1, "%Y-%m-%d") + 1.1 * quarter):(92):(93):(regime_colour($3)) with boxxyerror lc rgb variable notitle, \
     "" skip 1 using 1:2:(regime_colour($3)) with lines lw 2.5 lc rgb variable notitle, \
     NaN with boxes lc rgb c_rec title "recovery", \
     NaN with boxes lc rgb c_exp title "expansion", \
     NaN with boxes lc rgb c_slo title "slowdown", \
     NaN with boxes lc rgb c_con title "contraction"

# US growth x inflation quadrant under year-on-year CPI inflation, NBER recessions shaded
# quadrants: 1 goldilocks, 2 overheat, 3 stagflation, 4 reflation (growth_inflation order)
q_gol = 0x31a354; q_ovh = 0xf39c12; q_stg = 0xd62728; q_ref = 0x2c7fb8
quadrant_colour(q) = q == 1 ? q_gol : q == 2 ? q_ovh : q == 3 ? q_stg : q == 4 ? q_ref : 0xbbbbbb
set title "US CPI inflation, year on year, and the growth x inflation quadrant (REAL: statsmodels macrodata; NBER recessions shaded)" font ",10"
set yrange [-4:16]
set ytics -2, 2, 14
set ylabel "CPI inflation, % y/y"
plot "us_growth_inflation.csv" skip 1 using ($4 > 0 ? timecolumn(1, "%Y-%m-%d") + quarter / 2 : NaN):(6):(timecolumn(1, "%Y-%m-%d") - 0.025 * quarter):(timecolumn(1, "%Y-%m-%d") + 1.025 * quarter):(-4):(16) with boxxyerror fs solid 1.0 lc rgb "#dcdcdc" title "NBER recession", \
     0 with lines dt 2 lc rgb "#666666" notitle, \
     "" skip 1 using (timecolumn(1, "%Y-%m-%d")):(-3.8):(timecolumn(1, "%Y-%m-%d")):(timecolumn(1, "%Y-%m-%d") + 1.1 * quarter):(-4):(-2.8):(quadrant_colour($3)) with boxxyerror lc rgb variable notitle, \
     "" skip 1 using 1:2:(quadrant_colour($3)) with lines lw 2.5 lc rgb variable notitle, \
     NaN with boxes lc rgb q_gol title "goldilocks", \
     NaN with boxes lc rgb q_ovh title "overheat", \
     NaN with boxes lc rgb q_stg title "stagflation", \
     NaN with boxes lc rgb q_ref title "reflation"

# Global leading indicator
set title "Global leading indicator, monthly (SYNTHETIC: calibrated to the January 2026 regime note)" font ",10"
set xtics "2015-01-01", 365.25 * 86400
set mxtics 12
set xrange ["2015-01-01":"2026-01-01"]
set yrange [96:102.2]
set ytics 1
set ylabel "level"
plot 100 with lines dt 2 lc rgb "#666666" notitle, \
     "global_regime.csv" skip 1 using (timecolumn(1, "%Y-%m-%d")):(96.1):(timecolumn(1, "%Y-%m-%d")):(timecolumn(1, "%Y-%m-%d") + 1.1 * month):(96):(96.4):(regime_colour($3)) with boxxyerror lc rgb variable notitle, \
     "" skip 1 using 1:2:(regime_colour($3)) with lines lw 2.5 lc rgb variable notitle, \
     NaN with boxes lc rgb c_rec title "recovery", \
     NaN with boxes lc rgb c_exp title "expansion", \
     NaN with boxes lc rgb c_slo title "slowdown", \
     NaN with boxes lc rgb c_con title "contraction"
unset multiplot
set output

#--------------------------------------------------------------------------
# rolling risk (REAL): volatility(r, 12) and beta(r, m) as window aggregates
#--------------------------------------------------------------------------
reset
set datafile separator comma
set datafile missing ""
set xdata time
set timefmt "%Y-%m-%d"
set border lw 1 lc rgb "#444444"
set grid lc rgb "#dddddd" lw 1
set terminal pngcairo size 900,720 font "DejaVu Sans,10" enhanced
set output "rolling_risk.png"
set multiplot layout 2,1
set format x "%Y"
set xtics "2000-01-01", 365.25 * 86400 nomirror
set xrange ["2000-01-01":"2010-04-01"]
set key top left
set title "S\\&P 500: 12-month rolling volatility, annualised (REAL monthly closes; volatility(r, 12) OVER 12 months)" font ",10"
set ylabel "volatility (%)"
set yrange [0:*]
plot "rolling_risk.csv" skip 1 using 1:(100 * $2) with lines lw 2.5 lc rgb "#1f4e79" title "S\\&P 500"
set title "36-month rolling beta against the S\\&P 500 (REAL monthly closes; beta(r, m) OVER 36 months)" font ",10"
set ylabel "beta"
set yrange [*:*]
plot 1 with lines dt 2 lc rgb "#666666" notitle, \
     "rolling_risk.csv" skip 1 using 1:3 with lines lw 2 lc rgb "#c0392b" title "AAPL", \
     "" skip 1 using 1:4 with lines lw 2 lc rgb "#e67e22" title "AMZN", \
     "" skip 1 using 1:5 with lines lw 2 lc rgb "#27ae60" title "GOOG", \
     "" skip 1 using 1:6 with lines lw 2 lc rgb "#2c7fb8" title "IBM", \
     "" skip 1 using 1:7 with lines lw 2 lc rgb "#8e44ad" title "MSFT"
unset multiplot
set output
