#pragma once

#include "exchange/incidentreport.h"
#include "sheet.h"

#include <functional>

namespace cp {

// A ReportDocument laid out on pages the way a careful typesetter would: a heading is never left
// alone at the foot of a page (it moves on with what follows), a table row is never cut by a
// page break (it moves on whole, under its table's repeated heading row), paragraphs break
// between lines, and column widths come from the content so words break only when one word is
// wider than a column could ever be.
class DocumentPages
{
public:
    DocumentPages(const Sheet &sheet, const QRectF &area, const ReportDocument &document);

    int pageCount() const { return int(m_pages.size()); }
    void paint(Sheet &sheet, int page) const;

private:
    // One unbreakable piece of the flow.
    struct Piece
    {
        double height = 0;
        double spaceBefore = 0;
        bool keepWithNext = false;
        int table = -1;      // the table (index into m_tableHeads) a row belongs to
        bool isHead = false; // the table's heading row
        std::function<void(Sheet &, double x, double y)> paint;
    };

    void addLines(const QStringList &lines, const QFont &font, double indent, double spaceBefore, bool keepWithNext,
                  const QString &bullet = QString());
    void addTable(const QStringList &header, const QList<QStringList> &rows, bool labels);
    QList<double> columnWidths(const QStringList &header, const QList<QStringList> &rows) const;
    void paginate();

    const Sheet &m_sheet;
    QRectF m_area;
    QList<Piece> m_pieces;
    QList<int> m_tableHeads;   // per table: the piece of its heading row (-1: none)
    QList<QList<int>> m_pages; // per page: the pieces on it, a repeated heading row included
};

} // namespace cp
