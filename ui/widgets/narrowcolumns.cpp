#include "narrowcolumns.h"

#include <QAbstractScrollArea>
#include <QEvent>
#include <QHeaderView>

namespace cp {

NarrowColumns::NarrowColumns(QHeaderView *header, int stretch, int stretchMinimum, QList<int> dropOrder)
    : QObject(header), m_header(header), m_stretch(stretch), m_stretchMinimum(stretchMinimum),
      m_dropOrder(std::move(dropOrder))
{
    for (int column = 0; column < header->count(); ++column)
        m_widths << header->sectionSize(column);
    // A column the user widens or narrows keeps that width when it is shown again.
    connect(header, &QHeaderView::sectionResized, this, [this](int column, int, int size) {
        if (size > 0 && column != m_stretch && column < m_widths.size())
            m_widths[column] = size;
    });
    if (auto *view = qobject_cast<QAbstractScrollArea *>(header->parentWidget()))
        view->viewport()->installEventFilter(this);
    fit();
}

bool NarrowColumns::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}

void NarrowColumns::fit()
{
    const auto *view = qobject_cast<QAbstractScrollArea *>(m_header->parentWidget());
    if (!view)
        return;
    const int width = view->viewport()->width();
    int needed = m_stretchMinimum;
    for (int column = 0; column < m_widths.size(); ++column) {
        if (column != m_stretch)
            needed += m_widths.at(column);
    }
    for (int column : std::as_const(m_dropOrder)) {
        const bool hide = needed > width;
        if (hide)
            needed -= m_widths.value(column);
        if (m_header->isSectionHidden(column) != hide) {
            m_header->setSectionHidden(column, hide);
            if (!hide)
                m_header->resizeSection(column, m_widths.value(column));
        }
    }
}

} // namespace cp
