//! Chart geometry: data in, SVG coordinates out. Pure functions, tested
//! natively; the chart components only draw what these return.
//!
//! Coordinates are whole units of a view box (`WIDTH` wide), so the SVG
//! scales to any screen and no float formatting reaches the DOM. Grid labels
//! come back as exact decimals (a round step times an integer), so the shell
//! formats them like any other number.
//!
//! Values arrive already in the unit the chart shows (万元 or CNY million):
//! the grid then falls on round numbers of that unit.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// View-box width of every chart.
pub const WIDTH: i32 = 720;
/// View-box height of the column and line charts.
pub const HEIGHT: i32 = 320;
/// Room for axis labels on the left.
pub const LEFT: i32 = 72;
/// Room at the right edge.
pub const RIGHT: i32 = 16;
/// Room above the plot.
pub const TOP: i32 = 16;
/// Room for year labels below.
pub const BOTTOM: i32 = 36;
/// The bottom of the plot of the column and line charts.
pub const PLOT_BOTTOM: i32 = HEIGHT - BOTTOM;
/// The right end of the plot.
pub const PLOT_RIGHT: i32 = WIDTH - RIGHT;
/// Left margin of span charts: room for the row labels.
pub const SPAN_LEFT: i32 = 200;
/// Room at the right edge of span charts, where a grid label may stand.
pub const SPAN_RIGHT: i32 = 32;
/// Height of one row of a span chart.
pub const ROW_HEIGHT: i32 = 40;
/// Years labelled below a chart at most; longer periods label every k-th year.
pub const MAX_YEAR_LABELS: usize = 15;
/// The x of the value labels left of a column or line chart (right-aligned).
pub const VALUE_LABEL_X: i32 = LEFT - 8;
/// The baseline of the labels below a chart's plot, relative to its bottom.
pub const BELOW_LABEL_GAP: i32 = 22;

/// A value as a float, for drawing only (never for money).
pub fn to_plot(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// The `viewBox` attribute of a chart `height` units tall.
pub fn view_box(height: i32) -> String {
    format!("0 0 {WIDTH} {height}")
}

/// The `points` attribute of a polyline.
pub fn points(line: &[(i32, i32)]) -> String {
    line.iter()
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether year `year` (1-based) of `count` gets a label below the chart:
/// every year up to [`MAX_YEAR_LABELS`] years, else every k-th from year 1.
pub fn labels_year(year: usize, count: usize) -> bool {
    let every = count.div_ceil(MAX_YEAR_LABELS).max(1);
    year >= 1 && (year - 1) % every == 0
}

/// The baseline of a marker's label near the top of the plot.
pub const MARKER_LABEL_Y: i32 = TOP + 12;
/// Gap between a mark and the text beside it.
pub const LABEL_GAP: i32 = 6;

/// Where a label beside a vertical marker at `x` goes, and its
/// `text-anchor`: to the right of the marker, or to its left when the
/// marker stands in the right third of the chart.
pub fn marker_label(x: i32) -> (i32, &'static str) {
    if x > WIDTH * 2 / 3 {
        (x - LABEL_GAP, "end")
    } else {
        (x + LABEL_GAP, "start")
    }
}

/// A linear map from a value range onto a pixel range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    low: f64,
    high: f64,
    pixel_low: f64,
    pixel_high: f64,
}

impl Scale {
    /// Maps `[low, high]` onto `[pixel_low, pixel_high]`; a degenerate range
    /// is widened so that nothing divides by zero.
    pub fn new(low: f64, high: f64, pixel_low: i32, pixel_high: i32) -> Scale {
        let (low, high) = if (high - low).abs() < f64::EPSILON {
            (low - 1.0, high + 1.0)
        } else {
            (low, high)
        };
        Scale {
            low,
            high,
            pixel_low: f64::from(pixel_low),
            pixel_high: f64::from(pixel_high),
        }
    }

    /// The pixel of `value`, rounded to a whole unit.
    pub fn pixel(&self, value: f64) -> i32 {
        let share = (value - self.low) / (self.high - self.low);
        let pixel = self.pixel_low + share * (self.pixel_high - self.pixel_low);
        if pixel.is_nan() {
            return self.pixel_low.round() as i32;
        }
        // Clamped so that absurd values still draw near the chart.
        pixel.round().clamp(-10_000.0, 10_000.0) as i32
    }
}

/// A labelled grid line.
#[derive(Debug, Clone, PartialEq)]
pub struct GridLine {
    /// Its vertical (column and line charts) or horizontal (span charts) position.
    pub at: i32,
    /// The value it marks, for placing.
    pub value: f64,
    /// The same value exactly, for its label.
    pub label: Decimal,
    /// The decimals its label needs (0 for steps of 1 and more).
    pub places: u32,
}

/// A round step: 1, 2 or 5 × 10ᵏ.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Step {
    size: f64,
    /// The step exactly, as a whole number of units of 10^−`places`.
    units: i128,
    places: u32,
}

impl Step {
    /// The grid value `index` steps from 0, exactly; `None` past what a
    /// decimal holds.
    fn label(&self, index: i64) -> Option<Decimal> {
        let units = i128::from(index).checked_mul(self.units)?;
        Decimal::try_from_i128_with_scale(units, self.places).ok()
    }
}

/// The round step giving about `count` intervals over `span`; `None` for an
/// empty, infinite or absurd span.
fn nice_step(span: f64, count: usize) -> Option<Step> {
    if !span.is_finite() || span <= 0.0 || count == 0 {
        return None;
    }
    let rough = span / count as f64;
    let exponent = rough.log10().floor();
    if !(-20.0..=24.0).contains(&exponent) {
        return None;
    }
    let exponent = exponent as i32;
    let magnitude = 10f64.powi(exponent);
    let (factor, exponent) = [1i64, 2, 5]
        .into_iter()
        .find(|factor| *factor as f64 * magnitude >= rough)
        .map_or((1, exponent + 1), |factor| (factor, exponent));
    let places = u32::try_from(-exponent).unwrap_or(0);
    let units = 10i128
        .checked_pow(u32::try_from(exponent).unwrap_or(0))?
        .checked_mul(i128::from(factor))?;
    Some(Step {
        size: factor as f64 * 10f64.powi(exponent),
        units,
        places,
    })
}

/// Grid values covering `[low, high]` at a round step, about `count` of them.
fn grid_values(low: f64, high: f64, count: usize) -> Vec<(f64, Decimal, u32)> {
    let Some(step) = nice_step(high - low, count) else {
        return Vec::new();
    };
    let first = (low / step.size).floor() as i64;
    let last = (high / step.size).ceil() as i64;
    (first..=last)
        .filter_map(|index| {
            let label = step.label(index)?;
            Some((index as f64 * step.size, label, step.places))
        })
        .collect()
}

/// Round tick values covering `[low, high]`: steps of 1, 2 or 5 × 10ᵏ,
/// about `count` of them, always including 0.
pub fn ticks(low: f64, high: f64, count: usize) -> Vec<f64> {
    let ticks: Vec<f64> = grid_values(low.min(0.0), high.max(0.0), count)
        .into_iter()
        .map(|(value, _, _)| value)
        .collect();
    if ticks.is_empty() {
        vec![0.0]
    } else {
        ticks
    }
}

/// Grid lines for `[low, high]` (0 included when `with_zero`) placed by a
/// scale built from the grid's own ends; returns the grid and that scale.
fn grid_and_scale(
    low: f64,
    high: f64,
    with_zero: bool,
    pixel_low: i32,
    pixel_high: i32,
) -> (Vec<GridLine>, Scale) {
    let (low, high) = if with_zero {
        (low.min(0.0), high.max(0.0))
    } else {
        (low, high)
    };
    let (low, high) = if high - low > 0.0 {
        (low, high)
    } else {
        (low - 1.0, high + 1.0)
    };
    let values = grid_values(low, high, 5);
    let scale_low = values.first().map_or(low, |(value, _, _)| *value);
    let scale_high = values.last().map_or(high, |(value, _, _)| *value);
    let scale = Scale::new(scale_low, scale_high, pixel_low, pixel_high);
    let grid = values
        .into_iter()
        .map(|(value, label, places)| GridLine {
            at: scale.pixel(value),
            value,
            label,
            places,
        })
        .collect();
    (grid, scale)
}

/// The finite values' range, or `(0, 0)` when there are none.
fn range_of(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (low, high) = values
        .filter(|value| value.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), value| {
            (low.min(value), high.max(value))
        });
    if low.is_finite() {
        (low, high)
    } else {
        (0.0, 0.0)
    }
}

/// The x of the centre of each of `count` equal slots across the plot.
fn slot_centres(count: usize) -> (Vec<i32>, i32) {
    let slots = i32::try_from(count.max(1)).unwrap_or(i32::MAX);
    let slot = ((WIDTH - LEFT - RIGHT) / slots).max(1);
    let centres = (0..slots)
        .take(count)
        .map(|index| LEFT + slot * index + slot / 2)
        .collect();
    (centres, slot)
}

/// One bar of a column chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bar {
    /// Left edge.
    pub x: i32,
    /// Top edge.
    pub y: i32,
    /// Width.
    pub width: i32,
    /// Height (never negative).
    pub height: i32,
    /// Whether the value is below zero.
    pub negative: bool,
}

/// The frame of a chart over the years (column and line charts): the zero
/// axis, the horizontal grid and where each year stands.
#[derive(Debug, Clone, PartialEq)]
pub struct YearAxes {
    /// The y of the zero axis.
    pub zero: i32,
    /// Horizontal grid lines with their values.
    pub grid: Vec<GridLine>,
    /// The x of each year's centre, for year labels.
    pub centres: Vec<i32>,
    /// The baseline of the year labels.
    pub label_y: i32,
}

impl YearAxes {
    /// The x of year `year` (1-based), if the chart has it.
    pub fn year_x(&self, year: u32) -> Option<i32> {
        let index = usize::try_from(year).ok()?.checked_sub(1)?;
        self.centres.get(index).copied()
    }
}

/// The axes of `years` slots for values between `low` and `high`, with the
/// vertical scale that places them and the width of a slot.
fn year_axes(low: f64, high: f64, years: usize) -> (YearAxes, Scale, i32) {
    let (grid, vertical) = grid_and_scale(low, high, true, HEIGHT - BOTTOM, TOP);
    let (centres, slot) = slot_centres(years);
    let axes = YearAxes {
        zero: vertical.pixel(0.0),
        grid,
        centres,
        label_y: HEIGHT - BOTTOM + BELOW_LABEL_GAP,
    };
    (axes, vertical, slot)
}

/// Geometry of a column chart with an optional line over it (yearly flows
/// as columns, their cumulative sum as a line).
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnChart {
    /// One bar per value.
    pub bars: Vec<Bar>,
    /// The line's points, one per value, at the bar centres.
    pub line: Vec<(i32, i32)>,
    /// The zero axis, the grid and the years.
    pub axes: YearAxes,
}

/// Columns for `values` and a line for `line_values`, on one shared
/// vertical scale; one slot per year of the longer of the two.
pub fn column_chart(values: &[f64], line_values: &[f64]) -> ColumnChart {
    let (low, high) = range_of(values.iter().chain(line_values).copied());
    let (axes, vertical, slot) = year_axes(low, high, values.len().max(line_values.len()));
    let zero = axes.zero;
    let centres = &axes.centres;
    let bar_width = (slot * 7 / 10).max(1);
    let bars = values
        .iter()
        .zip(centres)
        .map(|(value, centre)| {
            let top = vertical.pixel(*value);
            Bar {
                x: centre - bar_width / 2,
                y: top.min(zero),
                width: bar_width,
                height: (top - zero).abs(),
                negative: *value < 0.0,
            }
        })
        .collect();
    let line = line_points(line_values, centres, &vertical);
    ColumnChart { bars, line, axes }
}

/// The points of a line through `values`, one per year at `centres`.
fn line_points(values: &[f64], centres: &[i32], vertical: &Scale) -> Vec<(i32, i32)> {
    values
        .iter()
        .zip(centres)
        .map(|(value, centre)| (*centre, vertical.pixel(*value)))
        .collect()
}

/// Geometry of several lines over the same years (e.g. buy vs rent).
#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    /// The points of each series.
    pub series: Vec<Vec<(i32, i32)>>,
    /// The zero axis, the grid and the years.
    pub axes: YearAxes,
}

/// Lines for several series on one shared scale, one slot per year of the
/// longest.
pub fn line_chart(series: &[Vec<f64>]) -> LineChart {
    let (low, high) = range_of(series.iter().flatten().copied());
    let years = series.iter().map(Vec::len).max().unwrap_or(0);
    let (axes, vertical, _) = year_axes(low, high, years);
    let series = series
        .iter()
        .map(|values| line_points(values, &axes.centres, &vertical))
        .collect();
    LineChart { series, axes }
}

/// One row of a horizontal bar chart (tornado or breakdown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Top edge of the row's bar.
    pub y: i32,
    /// Bar height.
    pub height: i32,
    /// The vertical middle of the row, for its label.
    pub middle: i32,
    /// Left end.
    pub x_low: i32,
    /// Right end (always right of `x_low`, so a zero span is a hairline).
    pub x_high: i32,
    /// The pixel of the row's first value as given.
    pub x_first: i32,
    /// The pixel of the row's second value as given.
    pub x_second: i32,
    /// The x of a value label just right of the bar.
    pub after: i32,
}

/// A horizontal stretch between two pixels, at least one unit wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stretch {
    /// Left edge.
    pub x: i32,
    /// Width (at least 1).
    pub width: i32,
}

/// The stretch between `a` and `b`, in either order.
pub fn stretch(a: i32, b: i32) -> Stretch {
    Stretch {
        x: a.min(b),
        width: (a - b).abs().max(1),
    }
}

/// Geometry of horizontal spans `(first, second)` per row against a
/// vertical reference line (the base NPV of a tornado, or 0).
#[derive(Debug, Clone, PartialEq)]
pub struct SpanChart {
    /// One span per row, in the order given.
    pub spans: Vec<Span>,
    /// The x of the reference line.
    pub reference: i32,
    /// Vertical grid lines with their values.
    pub grid: Vec<GridLine>,
    /// The chart's height: it grows with the rows.
    pub height: i32,
    /// The x of the row labels (right-aligned).
    pub label_x: i32,
    /// The baseline of the grid labels below the rows.
    pub grid_label_y: i32,
    /// The top of the plot (where grid lines start).
    pub top: i32,
    /// The bottom of the plot (where grid lines end).
    pub bottom: i32,
    /// The baseline of the reference line's label, above the rows.
    pub reference_label_y: i32,
    /// That label's `text-anchor`: centred on the line, or ending at it
    /// when the line stands near the right edge.
    pub reference_label_anchor: &'static str,
}

/// Horizontal spans for `rows` (each `(a, b)` in any order) around
/// `reference`; `label_room` units are kept free right of the plot for
/// value labels at the bars' ends. The grid does not force 0 into the range:
/// a tornado around a large NPV need not start at 0.
pub fn span_chart(rows: &[(f64, f64)], reference: f64, label_room: i32) -> SpanChart {
    let (low, high) = range_of(rows.iter().flat_map(|(a, b)| [*a, *b]).chain([reference]));
    let right = WIDTH - SPAN_RIGHT - label_room.clamp(0, WIDTH / 3);
    let (grid, horizontal) = grid_and_scale(low, high, false, SPAN_LEFT, right);
    let count = i32::try_from(rows.len().max(1)).unwrap_or(i32::MAX);
    let bottom = TOP + ROW_HEIGHT.saturating_mul(count);
    let bar_height = ROW_HEIGHT * 3 / 5;
    let spans = rows
        .iter()
        .zip(0..)
        .map(|((a, b), index)| {
            let (x_first, x_second) = (horizontal.pixel(*a), horizontal.pixel(*b));
            let x_low = x_first.min(x_second);
            let x_high = x_first.max(x_second).max(x_low + 1);
            let y = TOP + ROW_HEIGHT * index + (ROW_HEIGHT - bar_height) / 2;
            Span {
                y,
                height: bar_height,
                middle: y + bar_height / 2,
                x_low,
                x_high,
                x_first,
                x_second,
                after: x_high + LABEL_GAP,
            }
        })
        .collect();
    let reference = horizontal.pixel(reference);
    SpanChart {
        spans,
        reference,
        grid,
        height: bottom + BOTTOM,
        label_x: SPAN_LEFT - 10,
        grid_label_y: bottom + BELOW_LABEL_GAP,
        top: TOP,
        bottom,
        reference_label_y: TOP - 4,
        reference_label_anchor: if reference > WIDTH - 80 {
            "end"
        } else {
            "middle"
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn labels(grid: &[GridLine]) -> Vec<(Decimal, u32)> {
        grid.iter().map(|line| (line.label, line.places)).collect()
    }

    #[test]
    fn ticks_are_round_and_cover_the_range_and_zero() {
        assert_eq!(
            ticks(-6000.0, 3000.0, 5),
            vec![-6000.0, -4000.0, -2000.0, 0.0, 2000.0, 4000.0]
        );
        assert_eq!(
            ticks(10.0, 95.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(ticks(0.0, 0.0, 5), vec![0.0]);
        assert_eq!(ticks(f64::NAN, 1.0, 5).len(), 6, "a NaN end is ignored");
        assert_eq!(ticks(f64::NAN, f64::NAN, 5), vec![0.0]);
        assert_eq!(ticks(0.0, 1.0, 0), vec![0.0]);
    }

    #[test]
    fn steps_are_one_two_or_five_times_a_power_of_ten() {
        let check = |span: f64, size: f64, exact: &str, places: u32| {
            let step = nice_step(span, 5).unwrap();
            assert!((step.size - size).abs() < 1e-12, "span {span}: {step:?}");
            assert_eq!(
                (step.label(1), step.places),
                (Some(d(exact)), places),
                "span {span}"
            );
        };
        check(9000.0, 2000.0, "2000", 0);
        check(85.0, 20.0, "20", 0);
        check(5.0, 1.0, "1", 0);
        check(4.9, 1.0, "1", 0);
        check(1.0, 0.2, "0.2", 1);
        check(0.3, 0.1, "0.1", 1);
        check(0.012, 0.005, "0.005", 3);
        check(26.0, 10.0, "10", 0);
        assert_eq!(nice_step(0.0, 5), None);
        assert_eq!(nice_step(f64::INFINITY, 5), None);
        assert_eq!(nice_step(1e40, 5), None);
    }

    #[test]
    fn grid_labels_are_exact_multiples_of_the_step() {
        let chart = column_chart(&[0.3, -0.7], &[]);
        assert_eq!(
            labels(&chart.axes.grid),
            vec![
                (d("-0.8"), 1),
                (d("-0.6"), 1),
                (d("-0.4"), 1),
                (d("-0.2"), 1),
                (d("0"), 1),
                (d("0.2"), 1),
                (d("0.4"), 1)
            ]
        );
        let chart = column_chart(&[-6000.0, 3000.0], &[]);
        assert_eq!(
            chart.axes.grid.first().map(|line| line.label),
            Some(d("-6000"))
        );
        assert!(chart.axes.grid.iter().all(|line| line.places == 0));
    }

    #[test]
    fn grid_lines_run_from_the_bottom_to_the_top_of_the_plot() {
        let chart = column_chart(&[-100.0, 100.0], &[]);
        assert_eq!(
            chart.axes.grid.first().map(|line| line.at),
            Some(HEIGHT - BOTTOM)
        );
        assert_eq!(chart.axes.grid.last().map(|line| line.at), Some(TOP));
        let zero = chart
            .axes
            .grid
            .iter()
            .find(|line| line.label.is_zero())
            .unwrap();
        assert_eq!(zero.at, chart.axes.zero);
    }

    #[test]
    fn columns_hang_from_the_zero_line() {
        let chart = column_chart(&[-100.0, 50.0, 100.0], &[]);
        let [loss, small, large] = [chart.bars[0], chart.bars[1], chart.bars[2]];
        assert!(loss.negative && !small.negative);
        assert_eq!(
            loss.y, chart.axes.zero,
            "a negative bar starts at zero and goes down"
        );
        assert_eq!(
            small.y + small.height,
            chart.axes.zero,
            "a positive bar ends at zero"
        );
        assert_eq!(
            large.height, loss.height,
            "equal magnitudes draw equal heights"
        );
        assert!((large.height - 2 * small.height).abs() <= 1);
        assert!(chart
            .bars
            .iter()
            .all(|bar| bar.x >= LEFT && bar.x + bar.width <= WIDTH - RIGHT));
    }

    #[test]
    fn thirty_years_of_columns_fit_in_the_plot() {
        let values: Vec<f64> = (0..30)
            .map(|year| f64::from(year) * 100.0 - 1000.0)
            .collect();
        let chart = column_chart(&values, &values);
        assert_eq!(chart.bars.len(), 30);
        assert_eq!(chart.axes.centres.len(), 30);
        assert!(chart.bars.iter().all(|bar| bar.width >= 1));
        assert!(chart
            .bars
            .last()
            .is_some_and(|bar| bar.x + bar.width <= WIDTH - RIGHT));
        assert!(chart.axes.centres.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn the_line_shares_the_columns_scale() {
        let chart = column_chart(&[-100.0, 100.0], &[-100.0, 0.0]);
        assert_eq!(
            chart.line[0],
            (
                chart.axes.centres[0],
                chart.bars[0].y + chart.bars[0].height
            )
        );
        assert_eq!(chart.line[1].1, chart.axes.zero);
    }

    #[test]
    fn a_line_longer_than_the_columns_gets_its_own_slots() {
        let chart = column_chart(&[1.0], &[1.0, 2.0, 3.0]);
        assert_eq!(chart.axes.centres.len(), 3);
        assert_eq!(chart.line.len(), 3);
        assert_eq!(chart.bars.len(), 1);
    }

    #[test]
    fn odd_values_still_draw_inside_the_view_box_range() {
        let chart = column_chart(&[f64::NAN, f64::INFINITY, 5.0], &[]);
        assert!(chart
            .bars
            .iter()
            .all(|bar| bar.y.abs() <= 10_000 && bar.height.abs() <= 20_000));
        assert!(!chart.axes.grid.is_empty());
    }

    #[test]
    fn line_series_share_one_scale() {
        let chart = line_chart(&[vec![0.0, 10.0], vec![0.0, 20.0]]);
        let rise_first = chart.axes.zero - chart.series[0][1].1;
        let rise_second = chart.axes.zero - chart.series[1][1].1;
        assert!((rise_second - 2 * rise_first).abs() <= 1);
    }

    #[test]
    fn years_are_found_on_the_line_chart() {
        let chart = line_chart(&[vec![1.0, 2.0, 3.0]]);
        assert_eq!(chart.axes.year_x(1), Some(chart.axes.centres[0]));
        assert_eq!(chart.axes.year_x(3), Some(chart.axes.centres[2]));
        assert_eq!(chart.axes.year_x(0), None);
        assert_eq!(chart.axes.year_x(4), None);
    }

    #[test]
    fn long_periods_label_every_other_year() {
        let labelled = |count: usize| -> Vec<usize> {
            (1..=count)
                .filter(|year| labels_year(*year, count))
                .collect()
        };
        assert_eq!(labelled(15).len(), 15);
        assert_eq!(labelled(16), vec![1, 3, 5, 7, 9, 11, 13, 15]);
        assert_eq!(labelled(30).len(), 15);
        assert!(!labels_year(0, 10));
    }

    #[test]
    fn spans_order_their_ends_and_mark_the_reference() {
        let chart = span_chart(&[(300.0, 100.0), (150.0, 250.0)], 200.0, 0);
        assert!(chart.spans.iter().all(|span| span.x_low < span.x_high));
        let first = chart.spans[0];
        assert!(first.x_low < chart.reference && chart.reference < first.x_high);
        assert_eq!((first.x_first, first.x_second), (first.x_high, first.x_low));
        assert!(chart.spans[1].y > chart.spans[0].y);
        assert!(first.y < first.middle && first.middle < first.y + first.height);
    }

    #[test]
    fn span_charts_grow_with_their_rows_and_keep_room_for_labels() {
        let one = span_chart(&[(0.0, 10.0)], 0.0, 0);
        let seven = span_chart(&[(0.0, 10.0); 7], 0.0, 0);
        assert_eq!(seven.height - one.height, 6 * ROW_HEIGHT);
        assert!(seven
            .spans
            .iter()
            .all(|span| span.y + span.height <= seven.bottom));
        let roomy = span_chart(&[(0.0, 10.0)], 0.0, 90);
        assert_eq!(one.spans[0].x_high, WIDTH - SPAN_RIGHT);
        assert_eq!(roomy.spans[0].x_high, WIDTH - SPAN_RIGHT - 90);
        assert_eq!(roomy.spans[0].x_low, SPAN_LEFT);
        assert_eq!(roomy.spans[0].after, roomy.spans[0].x_high + LABEL_GAP);
    }

    #[test]
    fn the_reference_label_stays_inside_the_chart() {
        let centred = span_chart(&[(0.0, 10.0)], 5.0, 0);
        assert_eq!(centred.reference_label_anchor, "middle");
        let at_the_edge = span_chart(&[(0.0, 10.0)], 10.0, 0);
        assert_eq!(at_the_edge.reference, WIDTH - SPAN_RIGHT);
        assert_eq!(at_the_edge.reference_label_anchor, "end");
    }

    #[test]
    fn a_tornado_around_a_large_npv_does_not_start_at_zero() {
        let chart = span_chart(&[(9000.0, 11000.0)], 10000.0, 0);
        assert!(chart.grid.iter().all(|line| line.value >= 8000.0));
        assert!(chart.grid.iter().all(|line| line.at >= SPAN_LEFT));
    }

    #[test]
    fn stretches_run_either_way_and_never_vanish() {
        assert_eq!(stretch(10, 30), Stretch { x: 10, width: 20 });
        assert_eq!(stretch(30, 10), Stretch { x: 10, width: 20 });
        assert_eq!(stretch(5, 5), Stretch { x: 5, width: 1 });
    }

    #[test]
    fn marker_labels_stay_inside_the_chart() {
        assert_eq!(marker_label(100), (100 + LABEL_GAP, "start"));
        assert_eq!(
            marker_label(WIDTH - RIGHT),
            (WIDTH - RIGHT - LABEL_GAP, "end")
        );
    }

    #[test]
    fn attributes_hold_only_integers() {
        assert_eq!(view_box(320), "0 0 720 320");
        assert_eq!(points(&[(1, 2), (3, -4)]), "1,2 3,-4");
        assert_eq!(points(&[]), "");
    }

    #[test]
    fn nothing_to_draw_is_still_a_chart() {
        assert!(column_chart(&[], &[]).bars.is_empty());
        assert!(span_chart(&[], 0.0, 0).spans.is_empty());
        assert!(line_chart(&[]).series.is_empty());
        assert!(!column_chart(&[], &[]).axes.grid.is_empty());
        assert!(!span_chart(&[], 0.0, 0).grid.is_empty());
    }
}
