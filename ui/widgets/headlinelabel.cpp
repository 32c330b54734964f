#include "headlinelabel.h"

#include <QEvent>

namespace cp {

HeadlineLabel::HeadlineLabel(qreal scale, QWidget *parent) : QLabel(parent), m_scale(scale) {}

bool HeadlineLabel::event(QEvent *event)
{
    if (event->type() == QEvent::Show && !m_enlarged) {
        m_enlarged = true;
        QFont big = font();
        big.setPointSizeF(big.pointSizeF() * m_scale);
        setFont(big);
    }
    return QLabel::event(event);
}

} // namespace cp
