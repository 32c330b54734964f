#include "pdffloor.h"

#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextLayout>

#include <memory>
#include <vector>

namespace cp::bench {

int writePdfTable(const QList<QStringList> &rows, const QList<double> &columns, QIODevice &out)
{
    QPdfWriter pdf(&out);
    pdf.setResolution(300);
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::Letter), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    QPainter painter(&pdf);
    const double scale = pdf.logicalDpiX() / 72.0; // device pixels per point
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(8);
    font.setLetterSpacing(QFont::PercentageSpacing, 100.001); // as the forms do: no ligatures
    painter.setFont(font);
    const double lineH = QFontMetricsF(font, &pdf).lineSpacing();
    const double margin = 36 * scale;
    const double pad = 3 * scale;
    const double width = pdf.width() - 2 * margin;
    const double bottom = pdf.height() - margin;
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    int pages = 1;
    double y = margin;
    std::vector<std::unique_ptr<QTextLayout>> cells;
    for (const QStringList &row : rows) {
        cells.clear();
        int lines = 1;
        for (qsizetype c = 0; c < columns.size(); ++c) {
            auto &layout = cells.emplace_back(std::make_unique<QTextLayout>(row.value(c), font, &pdf));
            layout->setTextOption(option);
            layout->setCacheEnabled(true); // drawn from the same shaping
            layout->beginLayout();
            double lineY = 0;
            for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
                line.setLineWidth(columns.at(c) * width - 2 * pad);
                line.setPosition(QPointF(0, lineY));
                lineY += lineH;
            }
            layout->endLayout();
            lines = qMax(lines, layout->lineCount());
        }
        const double h = lines * lineH + 2 * pad;
        if (y + h > bottom && y > margin) {
            pdf.newPage();
            ++pages;
            y = margin;
        }
        double x = margin;
        for (qsizetype c = 0; c < columns.size(); ++c) {
            cells.at(size_t(c))->draw(&painter, QPointF(x + pad, y + pad));
            x += columns.at(c) * width;
        }
        y += h;
    }
    return painter.end() ? pages : 0;
}

} // namespace cp::bench
