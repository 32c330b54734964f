#pragma once

#include <QString>

class QWidget;

namespace cp {

// What assistive technology (a screen reader walking AT-SPI) calls a control: what it is, as its
// label says ("Author", "Severity"), never its value or its placeholder. A drop-down's popup
// list, an editable drop-down's line and a scroll view's viewport are named with it.
void setAccessibleLabel(QWidget *control, const QString &name);

// Qt names a drop-down by its current text on Linux, whatever its accessible name says. Once
// installed, a drop-down with an accessible name is called by it (its text stays its value).
void installComboBoxAccessibility();

} // namespace cp
