#pragma once

#include <QIcon>

namespace cp {

// An icon from a file that is read the first time it is drawn or measured. QIcon reads and parses
// an SVG file as soon as it is made (to check it) and again to draw it: a window starting with the
// icons of every menu, context menu and delegate would parse them all before its first frame,
// although it shows only a few.
QIcon deferredIcon(const QString &fileName);

} // namespace cp
