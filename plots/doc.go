// Package plots draws krysha's charts with gonum/plot.
//
// It takes plain numbers (years, counts, intervals) and returns a
// *plot.Plot; it knows nothing of the simulation engine and must never
// import it, so that a chart can be drawn from a CSV summary as well as
// from a live run. Each chart type validates and copies its input when
// it is turned into a plot, so drawing cannot fail and later changes to
// the caller's slices do not change the picture.
//
// All charts share one look (style.go): the Okabe–Ito palette, which
// stays distinguishable under the common forms of colour blindness,
// translucent intervals so that overlaps remain visible, light grid
// lines, sans-serif text, and a legend placed where it hides the least
// data. Save writes a plot as PNG or SVG, whole or not at all.
//
// The first chart is BandChart: per-year means across replicates, each
// with a shaded interval, observed figures overlaid as markers, and
// labelled vertical lines for events such as the start of a policy.
package plots
