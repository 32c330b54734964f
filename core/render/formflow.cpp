#include "formflow.h"

#include <QCoreApplication>

namespace cp {

using namespace paper;

namespace {

constexpr double LabelH = 11;    // a box's label row
constexpr double ContinueH = 11; // the "continued on page n" line at a box's foot
constexpr double TextPad = 1;    // above and below a paragraph of a text box

class FlowText
{
    Q_DECLARE_TR_FUNCTIONS(cp::FormFlow)
};

bool isTable(const FlowBox &box)
{
    return !box.header.isEmpty() || box.columns.size() > 1;
}

} // namespace

FormFlow::FormFlow(const Sheet &sheet, const QRectF &area, const QList<FlowBox> &boxes)
    : m_sheet(sheet), m_area(area), m_boxes(boxes)
{
    for (const FlowBox &box : std::as_const(m_boxes)) {
        const QList<double> w = widths(box);
        const QFont f = Sheet::font(box.points);
        QList<Row> rows;
        QList<QStringList> source = box.rows;
        if (source.isEmpty() && !box.emptyText.isEmpty() && !box.draw)
            source << QStringList{box.emptyText};
        for (const QStringList &cells : std::as_const(source)) {
            Row row;
            for (qsizetype c = 0; c < w.size(); ++c) {
                TypesetText lines = m_sheet.typeset(cells.value(c), f, w.at(c) - 2 * Pad);
                row.lineCount = qMax(row.lineCount, int(lines.size()));
                row.cells << std::move(lines);
            }
            row.lineCount = qMax(1, row.lineCount);
            rows << row;
        }
        m_rows << rows;
    }
}

QRectF FormFlow::inner(const QRectF &r)
{
    return {r.x() + Pad + 1, r.y() + LabelH, r.width() - 2 * Pad - 2, r.height() - LabelH - 1};
}

QList<double> FormFlow::widths(const FlowBox &box) const
{
    const double inner = m_area.width() - 2 * Pad - 2;
    QList<double> w;
    for (double f : box.columns)
        w << f * inner;
    return w;
}

double FormFlow::labelHeight() const
{
    return LabelH;
}

double FormFlow::headerHeight(const FlowBox &box) const
{
    if (box.header.isEmpty())
        return 0;
    const QList<double> w = widths(box);
    const QFont f = Sheet::font(box.points - 0.5, true);
    qsizetype most = 1;
    for (qsizetype c = 0; c < w.size(); ++c)
        most = qMax(most, m_sheet.lines(box.header.value(c), f, w.at(c) - 2 * Pad).size());
    return most * m_sheet.lineHeight(f) + 2 * Pad;
}

double FormFlow::rowHeight(int lines, double points) const
{
    return lines * m_sheet.lineHeight(Sheet::font(points)) + 2 * Pad;
}

double FormFlow::continuationHeight() const
{
    return ContinueH;
}

QList<FlowPage> FormFlow::layout() const
{
    QList<FlowPage> pages{FlowPage{}};
    double y = m_area.top();
    const double bottom = m_area.bottom();
    auto newPage = [&] {
        pages << FlowPage{};
        y = m_area.top();
    };
    QHash<int, int> continuationOf;
    for (int b = 0; b < m_boxes.size(); ++b) {
        if (m_boxes.at(b).continuesInto >= 0)
            continuationOf.insert(m_boxes.at(b).continuesInto, b);
    }
    QHash<int, QPair<int, int>> firstPlaced; // box → (page index, index on the page)
    for (int b = 0; b < m_boxes.size(); ++b) {
        const FlowBox &box = m_boxes.at(b);
        const QList<Row> &rows = m_rows.at(b);
        if (continuationOf.contains(b) && rows.isEmpty())
            continue;
        if (box.startsPage && !pages.constLast().boxes.isEmpty())
            newPage();
        if (box.draw) {
            PlacedBox placed;
            placed.box = b;
            placed.rect = QRectF(m_area.left(), y, m_area.width(), qMin(box.fixedHeight, bottom - y));
            firstPlaced.insert(b, {int(pages.size() - 1), int(pages.last().boxes.size())});
            pages.last().boxes << placed;
            y = placed.rect.bottom();
            continue;
        }
        const double headH = labelHeight() + headerHeight(box);
        const double lineH = m_sheet.lineHeight(Sheet::font(box.points));
        const double pad = isTable(box) ? 2 * Pad : 2 * TextPad;
        int row = 0;
        int line = 0;
        int from = 0;
        for (;;) {
            const double avail = bottom - y;
            double h = headH;
            PlacedBox placed;
            placed.box = b;
            placed.firstRow = row;
            placed.firstLine = line;
            placed.continuedFrom = from;
            const bool fresh = pages.constLast().boxes.isEmpty();
            while (row < rows.size()) {
                const int left = rows.at(row).lineCount - line;
                const double rowH = left * lineH + pad;
                const bool last = row == rows.size() - 1;
                if (h + rowH + (last ? 0 : continuationHeight()) <= avail + 0.01) {
                    h += rowH;
                    ++row;
                    line = 0;
                    continue;
                }
                // A row is split only when a whole page could not hold it either.
                const double fullPage = m_area.height() - headH - continuationHeight();
                if (rowH > fullPage) {
                    const int fit = int((avail - h - continuationHeight() - pad) / lineH);
                    if (fit >= 1) {
                        h += fit * lineH + pad;
                        line += fit;
                    }
                }
                break;
            }
            bool moved = row > placed.firstRow || line > placed.firstLine;
            if (!moved && !rows.isEmpty() && fresh) { // a page smaller than one line: show it anyway
                if (++line >= rows.at(row).lineCount) {
                    ++row;
                    line = 0;
                }
                moved = true;
            }
            if (!moved && !rows.isEmpty() && !fresh) {
                // Not even a line fits under the label: never leave a box's label alone at the foot.
                newPage();
                continue;
            }
            placed.endRow = line > 0 ? row + 1 : row;
            placed.endLine = line > 0 ? line : -1;
            const bool done = row >= rows.size();
            double height = done ? qMax(h, box.minHeight) : avail;
            if (done && box.fillsPage)
                height = qMax(height, bottom - y);
            placed.rect = QRectF(m_area.left(), y, m_area.width(), qMin(height, avail));
            if (!firstPlaced.contains(b))
                firstPlaced.insert(b, {int(pages.size() - 1), int(pages.last().boxes.size())});
            pages.last().boxes << placed;
            y = placed.rect.bottom();
            if (done)
                break;
            from = int(pages.size());
            pages.last().boxes.last().continuedOn = from + 1;
            newPage();
        }
    }
    // A drawn box that overflowed names the page its continuation starts on.
    for (auto it = continuationOf.cbegin(); it != continuationOf.cend(); ++it) {
        if (!firstPlaced.contains(it.key()) || !firstPlaced.contains(it.value()))
            continue;
        const auto [contPage, contIndex] = firstPlaced.value(it.key());
        const auto [drawnPage, drawnIndex] = firstPlaced.value(it.value());
        pages[drawnPage].boxes[drawnIndex].continuedOn = contPage + 1;
        pages[contPage].boxes[contIndex].continuedFrom = drawnPage + 1;
    }
    return pages;
}

QStringList FormFlow::shownRows(const PlacedBox &placed) const
{
    QStringList out;
    const QList<Row> &rows = m_rows.at(placed.box);
    for (int r = placed.firstRow; r < placed.endRow && r < rows.size(); ++r) {
        const int from = r == placed.firstRow ? placed.firstLine : 0;
        const int to = (r == placed.endRow - 1 && placed.endLine >= 0) ? placed.endLine : rows.at(r).lineCount;
        QStringList cells;
        for (const TypesetText &lines : rows.at(r).cells) {
            QStringList shown;
            for (qsizetype l = from; l < to && l < lines.size(); ++l)
                shown << lines.at(l).text;
            cells << shown.join(QLatin1Char(' '));
        }
        out << cells.join(QStringLiteral(" | "));
    }
    return out;
}

void FormFlow::paint(Sheet &s, const PlacedBox &placed) const
{
    const FlowBox &box = m_boxes.at(placed.box);
    const QRectF r = placed.rect;
    QString label = box.label;
    if (placed.continuedFrom > 0)
        label = FlowText::tr("%1 (continued from page %2)").arg(label).arg(placed.continuedFrom);
    s.frame(r);
    s.text(QRectF(r.x() + Pad, r.y() + 1.5, r.width() - 2 * Pad, 10), label, Sheet::font(LabelPt, true));
    const QRectF inner = FormFlow::inner(r);
    if (placed.continuedOn > 0) {
        const QRectF note(inner.x(), r.bottom() - ContinueH + 1, inner.width(), ContinueH - 2);
        s.text(note, FlowText::tr("continued on page %1").arg(placed.continuedOn), Sheet::font(7, true),
               Qt::AlignRight | Qt::AlignVCenter);
    }
    if (box.draw) {
        box.draw(s, inner.adjusted(0, 0, 0, placed.continuedOn > 0 ? -ContinueH : 0), placed.continuedOn);
        return;
    }
    const QList<double> w = widths(box);
    const QFont f = Sheet::font(box.points);
    const double lineH = s.lineHeight(f);
    const bool table = isTable(box);
    double y = inner.y();
    if (!box.header.isEmpty()) {
        const QFont hf = Sheet::font(box.points - 0.5, true);
        const double h = headerHeight(box);
        s.fill(QRectF(inner.x(), y, inner.width(), h), Sheet::shade());
        double x = inner.x();
        for (qsizetype c = 0; c < w.size(); ++c) {
            s.frame(QRectF(x, y, w.at(c), h), 0.5);
            s.text(QRectF(x + Pad, y + Pad, w.at(c) - 2 * Pad, h - 2 * Pad), box.header.value(c), hf);
            x += w.at(c);
        }
        y += h;
    }
    const QList<Row> &rows = m_rows.at(placed.box);
    for (int i = placed.firstRow; i < placed.endRow && i < rows.size(); ++i) {
        const int from = i == placed.firstRow ? placed.firstLine : 0;
        const int to = (i == placed.endRow - 1 && placed.endLine >= 0) ? placed.endLine : rows.at(i).lineCount;
        const double pad = table ? Pad : TextPad;
        const double h = (to - from) * lineH + 2 * pad;
        double x = inner.x();
        for (qsizetype c = 0; c < w.size(); ++c) {
            if (table)
                s.frame(QRectF(x, y, w.at(c), h), 0.5);
            s.drawTypeset(QRectF(x + Pad, y + pad, w.at(c) - 2 * Pad, h - 2 * pad + 0.5), rows.at(i).cells.value(c),
                          from, to, f);
            x += w.at(c);
        }
        y += h;
    }
}

} // namespace cp
