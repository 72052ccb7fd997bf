package web

// The date histogram as inline SVG.
//
// The published-date buckets are drawn as bars in an SVG of fixed
// viewBox, scaled by the stylesheet to the sidebar's width. Each bar is a
// link to its date range, with a <title> giving the range and count as a
// tooltip. The drawing uses only presentation attributes and classes, no
// style attributes, so it passes the Content-Security-Policy, and needs
// no script. The same buckets are also listed as text links, which is
// what keyboards and screen readers use: the SVG is hidden from the
// accessibility tree and its links are out of the tab order.

import "fmt"

// Chart geometry in SVG user units.
const (
	chartWidth  = 240
	chartHeight = 80
	chartGap    = 1 // between bars, when there is room
)

// chart is the date histogram.
type chart struct {
	Width, Height int
	Bars          []bar
	First, Last   string // the dates under the first and last bar
	Max           int    // the highest count, shown as the scale
}

// bar is one bucket drawn as a rectangle.
type bar struct {
	X, Y, W, H int
	Href       string
	Title      string // "2024-02-01 to 2024-02-29: 22 articles"
	Selected   bool
}

// newChart draws dates; nil when there is nothing to draw.
func newChart(dates []dateView) *chart {
	if len(dates) == 0 {
		return nil
	}
	c := &chart{Width: chartWidth, Height: chartHeight, First: dates[0].From, Last: dates[len(dates)-1].To}
	for _, d := range dates {
		c.Max = max(c.Max, d.Count)
	}
	step := max(chartWidth/len(dates), 1)
	gap := 0
	if step > 3 {
		gap = chartGap
	}
	for i, d := range dates {
		h := 0
		if c.Max > 0 {
			h = d.Count * chartHeight / c.Max
		}
		if d.Count > 0 {
			h = max(h, 2) // a bucket with articles is never invisible
		}
		c.Bars = append(c.Bars, bar{
			X: i * step, Y: chartHeight - h, W: step - gap, H: h,
			Href:     d.Href,
			Title:    fmt.Sprintf("%s to %s: %d article%s", d.From, d.To, d.Count, plural(d.Count)),
			Selected: d.Selected,
		})
	}
	return c
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
