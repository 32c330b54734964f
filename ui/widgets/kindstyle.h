#pragma once

#include "domain/incident.h"
#include "domain/timelineentry.h"

#include <QColor>
#include <QIcon>

namespace cp {

// The colours the GUI gives to entry kinds and severities. Models stay colourless; views
// and delegates ask here.
class KindStyle final
{
public:
    static QColor kindColor(EntryKind kind);
    static QColor severityColor(Severity severity);
    static QColor statusColor(IncidentStatus status);
    // A round swatch for combo boxes and menus.
    static QIcon swatch(const QColor &color, int size = 12);
    static QColor errorColor() { return QColor(0xc6, 0x28, 0x28); }
    static QColor savedColor() { return QColor(0x2e, 0x7d, 0x32); }
};

} // namespace cp
