#include "squeezescroll.h"

#include <QScrollArea>

namespace cp {

QWidget *scrollWhenSqueezed(QWidget *content, QWidget *parent)
{
    auto *area = new QScrollArea(parent);
    area->setObjectName(parent->objectName() + QStringLiteral("Scroll"));
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true); // the content fills the dock and scrolls only below its minimum
    area->setWidget(content);
    area->setFocusPolicy(Qt::NoFocus);
    return area;
}

} // namespace cp
