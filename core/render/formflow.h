#pragma once

#include "sheet.h"

#include <functional>

namespace cp {

// A box of a form whose content may run over several pages, as the paper forms do: what does
// not fit continues in the same box on the next page ("continued on page 3"), under the same
// label ("(continued from page 2)") and the same column headings.
struct FlowBox
{
    QString label;            // "8. Current and Planned Actions, Strategies, and Tactics:"
    QList<double> columns{1}; // fractions of the width; one column without a header is text
    QStringList header;       // empty: no heading row
    QList<QStringList> rows;  // one cell per column; a text box has one paragraph per row
    double points = 8.5;
    bool startsPage = false; // the paper form gives it a page of its own
    bool fillsPage = false;  // reaches down to the page's foot: room to write by hand
    double minHeight = 0;    // at least this tall, for hand-filling
    QString emptyText;       // said when there are no rows
    // A box drawn by the form itself (the organisation chart): it takes 'fixedHeight' and
    // continues into the box 'continuesInto' (an index into the list) when it overflows.
    std::function<void(Sheet &, const QRectF &inner, int continuedOn)> draw;
    double fixedHeight = 0;
    int continuesInto = -1;
};

// One box's part on one page. Rows [firstRow, endRow) are shown; the first shown row starts
// at line 'firstLine' and the last ends before 'endLine' (-1: its end), so a row taller than a
// page is split between lines, never inside one.
struct PlacedBox
{
    int box = 0;
    QRectF rect;
    int firstRow = 0;
    int firstLine = 0;
    int endRow = 0;
    int endLine = -1;
    int continuedFrom = 0; // page number (1-based); 0: this is the box's start
    int continuedOn = 0;   // 0: the box ends here
};

struct FlowPage
{
    QList<PlacedBox> boxes;
};

// Lays boxes out down the pages' flow area (the same on every page) and paints them. Layout and
// painting are separate so every page can say "Page n of m" and "continued on page n".
class FormFlow
{
public:
    FormFlow(const Sheet &sheet, const QRectF &area, const QList<FlowBox> &boxes);

    QList<FlowPage> layout() const;
    void paint(Sheet &sheet, const PlacedBox &placed) const;

    // Where a box's content goes inside its frame (below the label).
    static QRectF inner(const QRectF &boxRect);
    // The text a placed box shows, row by row (cells joined by " | "): what a test reads.
    QStringList shownRows(const PlacedBox &placed) const;

private:
    struct Row
    {
        QList<TypesetText> cells; // lines per cell
        int lineCount = 0;
    };
    double labelHeight() const;
    double headerHeight(const FlowBox &box) const;
    double rowHeight(int lines, double points) const;
    double continuationHeight() const;
    QList<double> widths(const FlowBox &box) const;

    const Sheet &m_sheet;
    QRectF m_area;
    QList<FlowBox> m_boxes;
    QList<QList<Row>> m_rows;     // per box, the rows broken into lines
    QList<QStringList> m_headers; // unused for text boxes
};

} // namespace cp
