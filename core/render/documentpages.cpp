#include "documentpages.h"

#include <QFontMetricsF>

#include <numeric>

namespace cp {

using namespace paper;

namespace {

constexpr double BodyPt = 9.5;
constexpr double TablePt = 8.5;

} // namespace

DocumentPages::DocumentPages(const Sheet &sheet, const QRectF &area, const ReportDocument &document)
    : m_sheet(sheet), m_area(area)
{
    const double width = area.width();
    addLines(m_sheet.lines(document.title, Sheet::font(16, true), width), Sheet::font(16, true), 0, 0, false);
    if (!document.subtitle.isEmpty())
        addLines(m_sheet.lines(document.subtitle, Sheet::font(8.5), width), Sheet::font(8.5), 0, 2, false);
    for (const ReportBlock &b : document.blocks) {
        switch (b.kind) {
        case ReportBlock::Kind::Heading: {
            const QFont f = Sheet::font(b.level <= 2 ? 13 : 11, true);
            addLines(m_sheet.lines(b.text, f, width), f, 0, b.level <= 2 ? 14 : 9, true);
            break;
        }
        case ReportBlock::Kind::Paragraph:
            addLines(m_sheet.lines(b.text, Sheet::font(BodyPt), width), Sheet::font(BodyPt), 0, 5, false);
            break;
        case ReportBlock::Kind::Bullets:
            for (qsizetype i = 0; i < b.items.size(); ++i) {
                QString item = b.items.at(i);
                QString bullet = QStringLiteral("•");
                if (item.startsWith(QLatin1String("[ ] "))) {
                    item = item.mid(4);
                    bullet = QStringLiteral("☐");
                }
                addLines(m_sheet.lines(item, Sheet::font(BodyPt), width - 14), Sheet::font(BodyPt), 14, i == 0 ? 5 : 1,
                         false, bullet);
            }
            break;
        case ReportBlock::Kind::Fields: {
            QList<QStringList> rows;
            for (qsizetype i = 0; i < b.items.size(); ++i)
                rows << QStringList{b.items.at(i), b.values.value(i)};
            addTable({}, rows, true);
            break;
        }
        case ReportBlock::Kind::Table:
            addTable(b.header,
                     b.rows.isEmpty() ? QList<QStringList>{QStringList(b.header.size(), QStringLiteral("—"))} : b.rows,
                     false);
            break;
        }
    }
    paginate();
}

void DocumentPages::addLines(const QStringList &lines, const QFont &font, double indent, double spaceBefore,
                             bool keepWithNext, const QString &bullet)
{
    // A heading or a bullet item stays whole; a paragraph may break between its lines.
    const double lineH = m_sheet.lineHeight(font);
    const bool whole = keepWithNext || !bullet.isEmpty();
    QList<QStringList> parts;
    if (whole)
        parts << lines;
    else
        for (const QString &line : lines)
            parts << QStringList{line};
    for (qsizetype i = 0; i < parts.size(); ++i) {
        Piece piece;
        piece.height = parts.at(i).size() * lineH;
        piece.spaceBefore = i == 0 ? spaceBefore : 0;
        piece.keepWithNext = keepWithNext;
        const QStringList text = parts.at(i);
        const QString mark = i == 0 ? bullet : QString();
        const double w = m_area.width() - indent;
        piece.paint = [text, font, indent, w, mark, lineH](Sheet &s, double x, double y) {
            if (!mark.isEmpty())
                s.drawLines(QRectF(x + 2, y, indent, lineH + 1), {mark}, font);
            s.drawLines(QRectF(x + indent, y, w, text.size() * lineH + 1), text, font);
        };
        m_pieces << piece;
    }
}

QList<double> DocumentPages::columnWidths(const QStringList &header, const QList<QStringList> &rows) const
{
    const QFont f = Sheet::font(TablePt);
    const QFont hf = Sheet::font(TablePt - 0.5, true);
    const QFontMetricsF metrics(f, m_sheet.device());
    const QFontMetricsF headMetrics(hf, m_sheet.device());
    const double scale = m_sheet.device()->logicalDpiX() / 72.0;
    const qsizetype cols = qMax(header.size(), rows.isEmpty() ? 0 : rows.constFirst().size());
    QList<double> natural(cols, 0), least(cols, 0);
    auto measure = [&](const QString &cell, qsizetype c, const QFontMetricsF &m) {
        natural[c] = qMax(natural.at(c), m.horizontalAdvance(cell) / scale + 2 * Pad + 1);
        for (const QString &word : cell.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            least[c] = qMax(least.at(c), m.horizontalAdvance(word) / scale + 2 * Pad + 1);
    };
    for (qsizetype c = 0; c < header.size(); ++c)
        measure(header.at(c), c, headMetrics);
    for (const QStringList &row : rows)
        for (qsizetype c = 0; c < cols; ++c)
            measure(row.value(c), c, metrics);
    const double width = m_area.width();
    for (qsizetype c = 0; c < cols; ++c)
        least[c] = qMin(least.at(c), width * 0.4); // a URL may break; a column may not eat the page
    double sumNatural = 0, sumLeast = 0;
    for (qsizetype c = 0; c < cols; ++c) {
        sumNatural += natural.at(c);
        sumLeast += least.at(c);
    }
    QList<double> widths(cols, 0);
    if (sumNatural <= width) { // everything fits on one line: share the spare room by content
        for (qsizetype c = 0; c < cols; ++c)
            widths[c] = natural.at(c) * width / sumNatural;
    } else if (sumLeast >= width) {
        for (qsizetype c = 0; c < cols; ++c)
            widths[c] = least.at(c) * width / sumLeast;
    } else { // every column gets its longest word, the rest goes where the text is
        const double spare = width - sumLeast;
        for (qsizetype c = 0; c < cols; ++c)
            widths[c] = least.at(c) + spare * (natural.at(c) - least.at(c)) / (sumNatural - sumLeast);
    }
    return widths;
}

void DocumentPages::addTable(const QStringList &header, const QList<QStringList> &rows, bool labels)
{
    const QList<double> widths = columnWidths(header, rows);
    const int table = int(m_tableHeads.size());
    m_tableHeads << -1;
    auto rowPiece = [&](const QStringList &cells, bool head, double spaceBefore) {
        QList<QStringList> lines;
        QList<QFont> fonts;
        int most = 1;
        for (qsizetype c = 0; c < widths.size(); ++c) {
            const QFont f = head ? Sheet::font(TablePt - 0.5, true) : Sheet::font(TablePt, labels && c == 0);
            lines << m_sheet.lines(cells.value(c), f, widths.at(c) - 2 * Pad);
            fonts << f;
            most = qMax(most, int(lines.constLast().size()));
        }
        Piece piece;
        piece.height = most * m_sheet.lineHeight(Sheet::font(TablePt)) + 2 * Pad;
        piece.spaceBefore = spaceBefore;
        piece.table = table;
        piece.isHead = head;
        const double h = piece.height;
        piece.paint = [lines, fonts, widths, h, head, labels](Sheet &s, double x, double y) {
            if (head)
                s.fill(QRectF(x, y, std::accumulate(widths.cbegin(), widths.cend(), 0.0), h), Sheet::shade());
            double cx = x;
            for (qsizetype c = 0; c < widths.size(); ++c) {
                if (labels && c == 0)
                    s.fill(QRectF(cx, y, widths.at(c), h), Sheet::shade());
                s.frame(QRectF(cx, y, widths.at(c), h), 0.5);
                s.drawLines(QRectF(cx + Pad, y + Pad, widths.at(c) - 2 * Pad, h - 2 * Pad + 0.5), lines.at(c),
                            fonts.at(c));
                cx += widths.at(c);
            }
        };
        m_pieces << piece;
    };
    if (!header.isEmpty()) {
        m_tableHeads[table] = int(m_pieces.size());
        rowPiece(header, true, 6);
        m_pieces.last().keepWithNext = true;
    }
    for (qsizetype r = 0; r < rows.size(); ++r)
        rowPiece(rows.at(r), false, header.isEmpty() && r == 0 ? 6 : 0);
}

void DocumentPages::paginate()
{
    m_pages = {QList<int>{}};
    double y = 0;
    const double height = m_area.height();
    auto heightFrom = [&](int i) { // a piece and those it keeps with
        double h = m_pieces.at(i).height;
        while (m_pieces.at(i).keepWithNext && i + 1 < m_pieces.size()) {
            ++i;
            h += m_pieces.at(i).spaceBefore + m_pieces.at(i).height;
        }
        return h;
    };
    for (int i = 0; i < m_pieces.size(); ++i) {
        const Piece &piece = m_pieces.at(i);
        const bool top = m_pages.constLast().isEmpty();
        const double before = top ? 0 : piece.spaceBefore;
        if (!top && y + before + heightFrom(i) > height + 0.01) {
            m_pages << QList<int>{};
            y = 0;
            // A table going on: its heading row again first.
            if (piece.table >= 0 && !piece.isHead && m_tableHeads.at(piece.table) >= 0) {
                m_pages.last() << m_tableHeads.at(piece.table);
                y += m_pieces.at(m_tableHeads.at(piece.table)).height;
            }
            m_pages.last() << i;
            y += piece.height;
            continue;
        }
        m_pages.last() << i;
        y += before + piece.height;
    }
}

void DocumentPages::paint(Sheet &sheet, int page) const
{
    double y = m_area.top();
    bool first = true;
    for (int i : m_pages.value(page)) {
        const Piece &piece = m_pieces.at(i);
        if (!first)
            y += piece.spaceBefore;
        first = false;
        piece.paint(sheet, m_area.left(), y);
        y += piece.height;
    }
}

} // namespace cp
