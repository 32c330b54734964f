#include "rowsheighttableview.h"

#include <QScrollBar>

namespace cp {

RowsHeightTableView::RowsHeightTableView(QWidget *parent) : QTableView(parent)
{
    setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    // The bar comes and goes with the columns' width (it has a range only while they overflow).
    connect(horizontalScrollBar(), &QScrollBar::rangeChanged, this, [this] { updateGeometry(); });
}

QSize RowsHeightTableView::sizeHint() const
{
    QSize hint = QTableView::sizeHint();
    const QScrollBar *bar = horizontalScrollBar();
    if (horizontalScrollBarPolicy() != Qt::ScrollBarAlwaysOff && bar->maximum() <= bar->minimum())
        hint.rheight() -= bar->sizeHint().height();
    return hint;
}

} // namespace cp
