#pragma once

#include <QTableView>

namespace cp {

// A table as tall as its rows (its header and frame included) and no taller, for a layout that
// gives the room under a short table to something else: with a vertical size policy of Maximum
// it never shows blank rows, and it scrolls once squeezed below its rows. Qt's own hint for
// AdjustToContents counts the horizontal scroll bar's height whether the bar shows or not: a
// blank band under the last row. This one counts the bar only while the columns need it.
class RowsHeightTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RowsHeightTableView)

public:
    explicit RowsHeightTableView(QWidget *parent = nullptr);

    QSize sizeHint() const override;
};

} // namespace cp
