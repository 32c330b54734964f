#pragma once

class QScrollArea;
class QWidget;

namespace cp {

// A dock's content inside a frameless scroll area that scrolls only when the dock is squeezed
// below what the content needs. The docks stacked in a column add up their minimums; without
// this a few tall forms keep the whole window from fitting a 720-pixel laptop screen.
QWidget *scrollWhenSqueezed(QWidget *content, QWidget *parent);

} // namespace cp
