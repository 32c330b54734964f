#include "kindstyle.h"

#include <QPainter>
#include <QPixmap>

namespace cp {

QColor KindStyle::kindColor(EntryKind kind)
{
    switch (kind) {
    case EntryKind::Action:
        return QColor(0x1e, 0x6f, 0xd0);
    case EntryKind::Status:
        return QColor(0x2e, 0x8b, 0x57);
    case EntryKind::Decision:
        return QColor(0x7b, 0x3f, 0xa8);
    case EntryKind::Callout:
        return QColor(0xd8, 0x6a, 0x0b);
    case EntryKind::Note:
        return QColor(0x6b, 0x77, 0x80);
    case EntryKind::Communication:
        return QColor(0x00, 0x83, 0x8f);
    case EntryKind::Role:
        return QColor(0x8d, 0x5a, 0x2b);
    case EntryKind::Timer:
        return QColor(0xb2, 0x8a, 0x00);
    case EntryKind::RollCall:
        return QColor(0x3f, 0x51, 0xb5);
    case EntryKind::System:
        return QColor(0x45, 0x50, 0x5e);
    }
    return QColor(Qt::gray);
}

QColor KindStyle::severityColor(Severity severity)
{
    switch (severity) {
    case Severity::Sev1:
        return QColor(0xc6, 0x28, 0x28);
    case Severity::Sev2:
        return QColor(0xe6, 0x5c, 0x00);
    case Severity::Sev3:
        return QColor(0xc7, 0x8c, 0x00);
    case Severity::Sev4:
        return QColor(0x15, 0x65, 0xc0);
    case Severity::Sev5:
        return QColor(0x60, 0x7d, 0x8b);
    }
    return QColor(Qt::gray);
}

QColor KindStyle::statusColor(IncidentStatus status)
{
    switch (status) {
    case IncidentStatus::Investigating:
        return QColor(0xc6, 0x28, 0x28);
    case IncidentStatus::Identified:
        return QColor(0xe6, 0x5c, 0x00);
    case IncidentStatus::Monitoring:
        return QColor(0x15, 0x65, 0xc0);
    case IncidentStatus::Resolved:
        return QColor(0x2e, 0x7d, 0x32);
    }
    return QColor(Qt::gray);
}

QIcon KindStyle::swatch(const QColor &color, int size)
{
    QPixmap pixmap(size * 2, size * 2);
    pixmap.setDevicePixelRatio(2.0);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(130));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1.5, 1.5, size - 3, size - 3));
    return QIcon(pixmap);
}

} // namespace cp
