#pragma once

#include <QList>
#include <QObject>

class QHeaderView;

namespace cp {

// Keeps a view's stretching column readable when its dock is narrow: while the view is narrower
// than that column's least width and the other columns shown, the columns that matter least are
// hidden, first to last, and shown again as it widens, so the view never scrolls sideways past
// what the user reads first (a timer's label, squeezed to "…" beside its owner and due time).
class NarrowColumns final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NarrowColumns)

public:
    // On 'header' (a view's; its viewport's width decides): 'stretch' keeps at least
    // 'stretchMinimum' pixels; 'dropOrder' lists the columns to hide, the first hidden first.
    NarrowColumns(QHeaderView *header, int stretch, int stretchMinimum, QList<int> dropOrder);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fit();

    QHeaderView *m_header;
    int m_stretch;
    int m_stretchMinimum;
    QList<int> m_dropOrder;
    QList<int> m_widths; // each column's width while shown, by logical index
};

} // namespace cp
