#pragma once

#include "workspace.h"

class QMainWindow;
class QSize;

namespace cp {

// The default arrangement of a workspace: which docks are in view, where, and how big, in a
// window of any size from 1280×720 up. Every other dock sits as a tab behind one in view.
// Docks are found by their stable object names, so the layout knows no dock classes.
class WorkspaceLayout final
{
public:
    static void arrange(QMainWindow &window, Workspace workspace);
    // Which arrangement a window of this size gets (the IC's differs on a tall screen): a default
    // layout still untouched is arranged anew when the window's size changes its shape.
    static int shapeFor(const QSize &size);
};

} // namespace cp
